// ./tsyringe.cjs as a unit bundles it: tsyringe's ES module build, tree-shaken to what carve uses. The shim is the
// first import, so a bundler evaluates it before tsyringe (ES module order; a CommonJS shim would run after).
import './reflect-metadata.js';
import { container, instanceCachingFactory, instancePerContainerCachingFactory } from 'tsyringe';
import type loadCommonJs from './tsyringe.cjs';

export default function loadTsyringe(): ReturnType<typeof loadCommonJs> {
  return { container, instanceCachingFactory, instancePerContainerCachingFactory };
}
