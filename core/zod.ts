/**
 * @module carve/zod — classic zod: `import { z } from 'carve/zod'`. carve accepts any Standard Schema
 * validator; `carve/zod/mini` (`import * as z from 'carve/zod/mini'`) gives the smallest units.
 */
export * from 'zod';
export { default } from 'zod';
