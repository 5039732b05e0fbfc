import { copyGradebook, FLAVORS, GRADEBOOK, type Flavor } from './copy-gradebook.js';
import { scratchDir } from './scratch.js';

export { FLAVORS, type Flavor };

/**
 * The gradebook's folder with its schemas in `flavor`: the example itself for zod/mini, otherwise a copy under
 * .carve/ (where `carve` resolves as it does in the checkout), removed after the file's tests. Call it at a test
 * file's top level.
 */
export function gradebookIn(flavor: Flavor): string {
  return flavor === 'zod-mini' ? GRADEBOOK : copyGradebook(flavor, scratchDir(`gradebook-${flavor}`));
}
