import { join, relative } from 'node:path';
import { Node, SyntaxKind, type Expression } from 'ts-morph';
import type { Carrier } from '../analyze/routes.js';
import { conditionText } from '../analyze/conditions.js';
import type { RouteInfo, Warning } from '../analyze/types.js';
import { CarriedModule } from './carry.js';
import { stay, type Stay } from './stay.js';
import { kebab, unique } from './names.js';
import { specifierFor } from './paths.js';
import { platformMiddleware } from './platform-middleware.js';

/** A route that moves with its Express code as it is: the module that re-creates its Express side, and its carve path. */
export interface CompatRoute {
  ok: true;
  carvePath: string;
  /** The generated module that holds the Express code (`handlers/_compat/…`), shared by the routes it serves. */
  module: CompatModule;
  notes: string[];
  /** Middleware in front that carve split left out, because carve or the platform does its job. */
  left: Warning[];
}

export interface CompatModule {
  file: string;
  exportName: string;
  text: string;
  /** `routes/users.js:12`: where the carried router or registrations are. */
  from: string;
}

/**
 * Plans the `carve/compat/express` modules of a split: one per router (or, for routes on the root app, per
 * resource and set of middleware in front), each re-creating in a small Express app of its own what the legacy
 * app ran for those routes: the middleware in front, the router (or the registrations), the error middleware.
 */
export function compatModules(options: {
  root: string; out: string; ext: string; refuse: (decl: Node) => string | undefined;
  /** Middleware the split app replaces with carve's own on the whole app (cors). */
  mapped?: ((node: Node) => boolean) | undefined;
}) {
  const names = new Set<string>();
  // Middleware built by a call (session(), passport.initialize(), a rate limiter) is built once, in one shared
  // module, so every route of a unit sees the same instance (one session store, one counter), as in the legacy app.
  const sharedFile = join(options.out, 'handlers', '_compat', `_shared.${options.ext}`);
  const shared = new CarriedModule(sharedFile, options.refuse, { express: 'module:express' });
  const sharedSpecifier = `./_shared.${options.ext === 'ts' ? 'js' : options.ext}`;
  const sharedNames = new Map<Node, { name: string; text: string } | Stay>();
  const sharedOf = (node: Node): { name: string; text: string } | Stay => {
    if (!sharedNames.has(node)) {
      const text = shared.carry(node);
      const stem = camel(node.getText().replace(/\(.*$/s, '')).replace(/Middleware$/, '');
      let name = unique(names, `${stem}Middleware`);
      while (typeof text === 'string' && !shared.claim(name)) name = unique(names, `${stem}Middleware`);
      sharedNames.set(node, typeof text === 'string' ? { name, text } : text);
    }
    return sharedNames.get(node)!;
  };
  const usedShared = new Set<{ name: string; text: string }>();
  const modules = new Map<string, { module: CompatModule; carried: CarriedModule; registrations: string[]; head: string[]; tail: string[]; left: Warning[]; sharedUse: { name: string; text: string }[]; sharedDecls: Set<Node>; unsettled: string[] } | Stay>();
  // The shared declarations the modules written use (`written` fills it).
  const usedDecls = new Set<Node>();

  const build = (key: string, route: RouteInfo, carrier: Carrier) => {
    // Named after the router's class when it is a class's field (`route.router` of a UserRoute: userRouter).
    const owningClass = Node.isPropertyDeclaration(carrier.owner) ? carrier.owner.getParentIfKind(SyntaxKind.ClassDeclaration)?.getName() : undefined;
    const stem = carrier.mount ? (owningClass ?? labelOf(carrier.mount.target)).replace(/^require\((['"])(.*)\1\).*$/, '$2').replace(/(Router|Routes|Route)$/i, '') + ' router' : `${route.group} routes`;
    const exportName = unique(names, camel(stem));
    const file = join(options.out, 'handlers', '_compat', `${kebab(exportName)}.${options.ext}`);
    // Its template imports express and fromExpress itself.
    const carried = new CarriedModule(file, options.refuse, { express: 'module:express', fromExpress: 'import:carve/compat/express:fromExpress', [exportName]: 'export' }, ['express']);
    // `const limiter = rateLimit({ … })` used by the routes of several modules is one instance: built in _shared, imported here.
    const sharedDecls = new Set<Node>();
    carried.share = (name, decl) => {
      if (shared.exportDeclaration(name, decl)) return undefined;
      sharedDecls.add(decl);
      return sharedSpecifier;
    };
    const head: string[] = [];
    const left: Warning[] = [];
    const sharedUse: { name: string; text: string }[] = [];
    // The legacy app's settings first: a route's render reads the views folder and engine the app set.
    // One that cannot come along (`path.join(__dirname, 'views')`) keeps the routes that render in the legacy app.
    const unsettled: string[] = [];
    for (const setting of carrier.settings ?? []) {
      const args = setting.getArguments().map((a) => carried.carry(a));
      const refused = args.find((a): a is Stay => typeof a !== 'string');
      if (refused) unsettled.push(`the app's setting ${labelOf(setting)} cannot come along: ${refused.reason}`);
      else head.push(`app.${(setting.getExpression() as unknown as { getName(): string }).getName()}(${args.join(', ')});`);
    }
    for (const f of carrier.front) {
      if (options.mapped?.(f.node)) continue;
      const platform = platformMiddleware(f.node, options.root);
      if (platform) {
        left.push(platform);
        continue;
      }
      const built = Node.isCallExpression(f.node) || Node.isNewExpression(f.node) ? sharedOf(f.node) : undefined;
      const text = built && 'name' in built ? carried.importNamed(built.name, sharedSpecifier) ?? built.name : built ?? carried.carry(f.node);
      if (typeof text !== 'string') return { ...text, reason: `the middleware ${labelOf(f.node)} in front of it cannot come along: ${text.reason}` };
      if (built && 'name' in built) sharedUse.push(built);
      // Registered under a condition (`if (debug) app.use(logger)`), it is under the same one here.
      const when = (f.when ?? []).map((c) => ({ text: carried.carry(c.node), negated: c.negated }));
      const unreadable = when.find((c): c is { text: Stay; negated: boolean } => typeof c.text !== 'string');
      if (unreadable) return { ...unreadable.text, reason: `the condition of the middleware ${labelOf(f.node)} in front of it cannot come along: ${unreadable.text.reason}` };
      const use = f.path === undefined ? `app.use(${text});` : `app.use(${JSON.stringify(f.path)}, ${text});`;
      head.push(when.length > 0 ? `if (${conditionText(when as { text: string; negated: boolean }[])}) ${use}` : use);
    }
    if (carrier.mount) {
      const carriedTarget = carried.carry(carrier.mount.target);
      const text = typeof carriedTarget === 'string' ? carriedTarget : routerOfNewInstance(carrier.owner, carried, file) ?? carriedTarget;
      if (typeof text !== 'string') return { ...text, reason: text.reason.startsWith('its router') ? text.reason : `its router ${labelOf(carrier.mount.target)} cannot come along: ${text.reason}` };
      head.push(`app.use(${JSON.stringify(carrier.mount.path)}, ${text});`);
    }
    const tail: string[] = [];
    for (const error of carrier.errors ?? []) {
      const text = carried.carry(error);
      if (typeof text !== 'string') return { ...text, reason: `the error middleware ${labelOf(error)} cannot come along: ${text.reason}` };
      tail.push(`app.use(${text});`);
    }
    const from = carrier.mount
      ? `${relative(options.root, carrier.mount.target.getSourceFile().getFilePath())}:${carrier.mount.target.getStartLineNumber()}`
      : `${relative(options.root, carrier.owner.getSourceFile().getFilePath())}`;
    return { module: { file, exportName, text: '', from }, carried, registrations: [] as string[], head, tail, left, sharedUse, sharedDecls, unsettled };
  };

  return {
    /** The module a route runs through, planned once for every route that shares its router and what is in front. */
    of(route: RouteInfo, carrier: Carrier | undefined): CompatRoute | Stay {
      // A router mounted under a computed path or through a wrapper (vhost) answers only where that says.
      const dynamic = route.blockers.find((b) => b.startsWith('mounted '));
      if (dynamic) return stay('DYNAMIC_MOUNT', dynamic);
      // A RegExp or computed path: carve cannot route it, so it cannot be moved in front of the legacy app.
      const unmatched = route.blockers.find((b) => b.startsWith('the path '));
      if (unmatched) return stay('PATH_SYNTAX', unmatched);
      // A route that exists only under a condition would exist always in front of the legacy app.
      const conditional = route.blockers.find((b) => b.startsWith('registered only when'));
      if (conditional) return stay('CONDITIONAL', conditional);
      if (!carrier) return stay('UNRESOLVED_HANDLER', 'carve split cannot see how the legacy app reaches it');
      // What answers after next() (a later route, the app's own 404 handler) is the legacy app's.
      if (route.blockers.some((b) => b.startsWith('falls through'))) return stay('CROSS_ROUTE_NEXT', 'it calls next() to pass the request on, and what answers then (a later route, the app\'s 404 handler) stays in the legacy app');
      const carvePath = carvePathOf(route.path);
      if (!carvePath) return stay('PATH_SYNTAX', `path ${route.path} has no carve equivalent (carve matches {param} segments and a {tail+})`);
      // One mount expression can mount several routers (`routes.forEach((route) => app.use('/', route.router))`).
      const key = carrier.mount
        ? `mount:${carrier.mount.target.getSourceFile().getFilePath()}:${carrier.mount.target.getStart()}:${carrier.mount.path}:${carrier.owner.getSourceFile().getFilePath()}:${carrier.owner.getStart()}`
        : `root:${route.group}:${carrier.front.map((f) => `${f.node.getStart()}@${f.path ?? ''}`).join(',')}`;
      if (!modules.has(key)) modules.set(key, build(key, route, carrier));
      const planned = modules.get(key)!;
      if (!('module' in planned)) return planned;
      if (planned.unsettled.length > 0 && route.uses.includes('res.render')) return stay('UNSUPPORTED_RESPONSE', planned.unsettled.join('; '));
      for (const { name, fn } of carrier.params ?? []) {
        const text = planned.carried.carry(fn);
        if (typeof text !== 'string') return { ...text, reason: `app.param('${name}', …) cannot come along: ${text.reason}` };
        const line = `app.param(${JSON.stringify(name)}, ${text});`;
        if (!planned.registrations.includes(line)) planned.registrations.push(line);
      }
      for (const registration of [...(carrier.passedBy ?? []), ...(carrier.registration ? [carrier.registration] : [])]) {
        const handlers: string[] = [];
        for (const h of registration.handlers) {
          const text = planned.carried.carry(h);
          if (typeof text !== 'string') return { ...text, reason: `${labelOf(h)} cannot come along: ${text.reason}` };
          handlers.push(text);
        }
        const line = `app.${registration.method}(${[JSON.stringify(registration.path), ...handlers].join(', ')});`;
        if (!planned.registrations.includes(line)) planned.registrations.push(line);
      }
      return { ok: true, carvePath, module: planned.module, notes: [...planned.carried.notes, ...(planned.sharedUse.length > 0 || planned.sharedDecls.size > 0 ? shared.notes : [])], left: planned.left };
    },
    /** The middleware built once in `_shared` for the modules written (call after `written`). */
    sharedFront(): Node[] {
      const built = [...usedDecls].map((d) => (Node.isVariableDeclaration(d) ? d.getInitializer() : undefined)).filter((n): n is Expression => n !== undefined);
      return [...[...sharedNames].filter(([, v]) => 'name' in v && usedShared.has(v)).map(([node]) => node), ...built];
    },
    /** Every module some converted route runs through, with its text. */
    written(used: Set<CompatModule>): CompatModule[] {
      const out: CompatModule[] = [];
      for (const planned of modules.values()) {
        if (!('module' in planned) || !used.has(planned.module)) continue;
        const { module, carried, head, registrations, tail } = planned;
        module.text = [
          `// Generated by carve split: the legacy Express code of ${module.from}, run as it is (carve/compat/express)`,
          '// for the routes that carve split moved without rewriting them. Rewrite a route onto the SDK to drop it from here.',
          `import express from 'express';`,
          `import { fromExpress } from 'carve/compat/express';`,
          ...mergeNamedImports([...carried.imports.values()]),
          '',
          ...carried.declarations.values(),
          ...(carried.declarations.size > 0 ? [''] : []),
          `export const ${module.exportName} = fromExpress(express, (app) => {`,
          ...[...head, ...registrations, ...tail].map((line) => `  ${line}`),
          '});',
          '',
        ].join('\n');
        out.push(module);
        for (const use of planned.sharedUse) usedShared.add(use);
        for (const decl of planned.sharedDecls) usedDecls.add(decl);
      }
      const exportedUsed = new Set<Node | undefined>([...usedDecls].map((d) => d.getFirstAncestorByKind(SyntaxKind.VariableStatement)));
      if (usedShared.size > 0 || usedDecls.size > 0) {
        out.push({
          file: sharedFile, exportName: '', from: 'the middleware in front of the legacy routes',
          text: [
            '// Generated by carve split: the middleware built by a call in front of the legacy routes, built once here so that',
            '// every carve/compat/express module of a unit shares one instance (one session store, one rate-limit counter).',
            ...[...shared.imports.values()],
            '',
            ...[...shared.declarations].filter(([statement]) => !shared.exported.has(statement) || exportedUsed.has(statement))
              .map(([statement, text]) => (shared.exported.has(statement) ? `export ${text}` : text)),
            ...(shared.declarations.size > 0 ? [''] : []),
            ...[...sharedNames.values()].filter((v): v is { name: string; text: string } => 'name' in v && usedShared.has(v)).map((v) => `export const ${v.name} = ${v.text};`),
            '',
          ].join('\n'),
        });
      }
      return out;
    },
  };
}

/** Express's `/users/:id` as carve's `/users/{id}`; `:id(\\d+)` keeps its name (Express still checks the pattern); a `*` tail is `{splat+}`. */
export function carvePathOf(path: string): string | undefined {
  const out = path
    .replace(/:(\w+)(\([^)]*\))?/g, '{$1}')
    .replace(/\/\*(\w+)$/, '/{$1+}')
    .replace(/\/\*$/, '/{splat+}');
  return /[*?()]|\{\/|\{\.|[^/]\{|\}[^/]/.test(out) ? undefined : out;
}

/** `import { a } from './x'` and `import { b } from './x'` as one line, where the first of them was. */
function mergeNamedImports(lines: string[]): string[] {
  const named = new Map<string, string[]>();
  for (const line of lines) {
    const match = /^import \{ (\w+) \} from '([^']+)';$/.exec(line);
    if (match) named.set(match[2]!, [...(named.get(match[2]!) ?? []), match[1]!]);
  }
  const out: string[] = [];
  for (const line of lines) {
    const match = /^import \{ (\w+) \} from '([^']+)';$/.exec(line);
    if (!match) out.push(line);
    else if (named.get(match[2]!)![0] === match[1]) out.push(`import { ${named.get(match[2]!)!.join(', ')} } from '${match[2]}';`);
  }
  return out;
}

function labelOf(node: Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** An identifier from words: `items router` → `itemsRouter`; `404 routes` → `_404Routes` (no leading digit). */
export const camel = (text: string) => (text.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('') || 'legacy').replace(/^(?=\d)/, '_');

/**
 * A router that is a field of a class the app is handed instances of (`public router = Router()` in `class
 * UserRoute`, mounted as `route.router` of a parameter): a new instance's field, as the entry makes one, when the
 * class is exported and its constructor needs nothing.
 */
function routerOfNewInstance(owner: Node, carried: CarriedModule, file: string): string | undefined {
  if (!Node.isPropertyDeclaration(owner)) return undefined;
  const cls = owner.getParent();
  const name = Node.isClassDeclaration(cls) ? cls.getName() : undefined;
  if (!Node.isClassDeclaration(cls) || !name || !cls.isExported() || owner.getScope() !== 'public') return undefined;
  if (cls.getConstructors().some((c) => c.getParameters().some((p) => !p.isOptional() && !p.hasInitializer()))) return undefined;
  if (carried.importNamed(name, specifierFor(cls.getSourceFile().getFilePath(), file))) return undefined;
  return `new ${name}().${owner.getName()}`;
}
