import { Node } from 'ts-morph';
import { label, mountedRoutables, resolveRoutables, type Routable } from './routables.js';

/**
 * The mount tree pass: which routables another one mounts (the apps nobody mounts are the roots), and the ones
 * mounted under a computed path or through a wrapper (`vhost(…)`), with why their routes answer only where that decides.
 */
export function mountTree(routables: Map<Node, Routable>): { roots: Routable[]; dynamicVia: Map<Routable, string> } {
  // Mount targets: which routables are mounted somewhere (the rest of the apps are roots).
  for (const r of routables.values()) {
    for (const op of r.ops) if (op.kind === 'use') for (const t of op.targets) for (const m of mountedRoutables(t, routables)) m.mounted = true;
  }
  // Routers mounted under a computed path, or handed to a wrapper (`app.use(vhost('example.com', main))`): their
  // routes answer only where that decides at run time. They are in the inventory, each with that reason.
  const dynamicVia = new Map<Routable, string>();
  for (const r of routables.values()) {
    for (const op of r.ops) {
      if (op.kind !== 'use') continue;
      for (const t of op.targets) {
        const direct = mountedRoutables(t, routables);
        if (op.path?.kind === 'dynamic') for (const m of direct) dynamicVia.set(m, `mounted under ${op.path.text}, a path not known statically`);
        if (direct.length > 0 || !Node.isCallExpression(t)) continue;
        for (const arg of t.getArguments()) {
          for (const m of resolveRoutables(arg, routables)) {
            m.mounted = true;
            dynamicVia.set(m, `mounted through ${label(t)}, which decides at run time which requests reach it`);
          }
        }
      }
    }
  }
  return { roots: [...routables.values()].filter((r) => r.kind === 'app' && !r.mounted), dynamicVia };
}
