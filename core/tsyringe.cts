// tsyringe, loaded when this function is called: after ./reflect-metadata.js has installed the Reflect metadata API
// tsyringe asks for when it loads. A require inside a function, in a CommonJS module, so that order holds on every
// runtime: Bun evaluates the CommonJS modules an ES module imports in an order that varies between runs under load
// (oven-sh/bun#42109), so tsyringe imported beside the shim did not always load after it.
// A unit bundle gets ./tsyringe-module.js in its place (core/build/es2015.ts): tsyringe's ES module build, tree-shaken.
import type * as Tsyringe from 'tsyringe';

// A plain object of what carve uses, not tsyringe's exports (marked `__esModule`, whose default import is undefined
// wherever the importer is compiled to CommonJS): a default import gets this function under every interop.
export = function loadTsyringe(): Pick<typeof Tsyringe, 'container' | 'instanceCachingFactory' | 'instancePerContainerCachingFactory'> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- called after the shim is in place (see the top).
  const { container, instanceCachingFactory, instancePerContainerCachingFactory } = require('tsyringe') as typeof Tsyringe;
  return { container, instanceCachingFactory, instancePerContainerCachingFactory };
};
