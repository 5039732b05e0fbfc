/**
 * @module carve/zod/mini — zod/mini, the tree-shakable zod: `import * as z from 'carve/zod/mini'`. Units
 * carry only the checks they use (a params schema costs about 13 KB, classic zod about 85 KB).
 */
export * from 'zod/mini';
