/**
 * @module carve/zod/mini — zod/mini, the tree-shakable zod: `import * as z from 'carve/zod/mini'`. Units
 * carry only the checks they use (a params schema costs about 12 KB of a unit; classic zod, 188 KB).
 */
export * from 'zod/mini';
