import { join, relative } from 'node:path';
import type { Node } from 'ts-morph';
import { functionOf, type HandlerFunction } from '../analyze/routables.js';
import { convertErrorHandler, convertGuard, type ConvertedErrorGuard, type ConvertedGuard } from './convert.js';
import { stay, type Stay } from './stay.js';
import { kebab, unique } from './names.js';

/** A middleware that converts: the guard module it becomes, written once for every route that has it. */
export interface ConvertibleGuard {
  result: ConvertedGuard;
  exportName: string;
  file: string;
  /** Where the middleware is defined, `file:line` from the legacy app's folder. */
  where: string;
}

export type Guard = ConvertibleGuard | { result: Stay };

/** An error middleware that converts: the error guard module it becomes. */
export interface ConvertibleErrorGuard extends Omit<ConvertibleGuard, 'result'> {
  result: ConvertedErrorGuard;
}

export type ErrorGuard = ConvertibleErrorGuard | { result: Stay };

/** Each middleware function (and param() loader) as a guard module under `handlers/_middleware/`, converted once however many routes share it. */
export function guardModules(options: { root: string; out: string; ext: string }) {
  const names = new Set<string>();
  const converted = new Map<string, Guard | ErrorGuard>();
  /** The module a function becomes, named once, converted once, whichever routes ask. */
  const once = <G extends Guard | ErrorGuard>(key: string, name: string, fn: HandlerFunction, convert: (file: string) => G['result']): G => {
    if (!converted.has(key)) {
      const exportName = unique(names, camel(name));
      const file = join(options.out, 'handlers', '_middleware', `${kebab(exportName)}.${options.ext}`);
      const result = convert(file);
      const where = `${relative(options.root, fn.getSourceFile().getFilePath())}:${fn.getStartLineNumber()}`;
      converted.set(key, result.ok ? { result, exportName, file, where } as G : { result });
    }
    return converted.get(key) as G;
  };
  const keyOf = (fn: HandlerFunction) => `${fn.getSourceFile().getFilePath()}:${fn.getStart()}`;
  return {
    /** The guards that converted routes use: only these are written. */
    used: new Set<ConvertibleGuard | ConvertibleErrorGuard>(),
    /** An error middleware as an error guard module, converted once for every route it covers. */
    errorsOf(label: string, node: Node): ErrorGuard {
      const fn = functionOf(node);
      if (!fn) return { result: stay('ERROR_MIDDLEWARE', 'it is not a function carve split can read') };
      return once<ErrorGuard>(`error:${keyOf(fn)}`, label.replace(/^<inline:(\d+)>$/, 'error handler at line $1'), fn, (file) => convertErrorHandler(fn, file));
    },
    of(label: string, node: Node | undefined): Guard {
      const fn = node && functionOf(node);
      if (!fn) return { result: stay('MIDDLEWARE', 'it is not a function carve split can read') };
      // `param:courseCode(loadCourse)`: a param() loader, run with that route parameter as its value.
      const loader = /^param:(\w+)\((.*)\)$/.exec(label);
      const name = (loader?.[2] ?? label).replace(/^<inline:(\d+)>$/, loader ? `load ${loader[1]}` : 'middleware at line $1');
      return once<Guard>(`${keyOf(fn)}:${loader?.[1] ?? ''}`, name, fn, (file) => convertGuard(fn, file, loader?.[1]));
    },
  };
}

const camel = (text: string) => text.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('') || 'middleware';
