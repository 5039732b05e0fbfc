import { join, relative } from 'node:path';
import type { Node } from 'ts-morph';
import { functionOf } from '../analyze/analyze';
import { convertGuard, stay, type ConvertedGuard, type Stay } from './convert';
import { kebab, unique } from './names';

/** A middleware that converts: the guard module it becomes, written once for every route that has it. */
export interface ConvertibleGuard {
  result: ConvertedGuard;
  exportName: string;
  file: string;
  /** Where the middleware is defined, `file:line` from the legacy app's folder. */
  where: string;
}

export type Guard = ConvertibleGuard | { result: Stay };

/** Each middleware function as a guard module under `handlers/_middleware/`, converted once however many routes share it. */
export function guardModules(options: { root: string; out: string; ext: string }) {
  const names = new Set<string>();
  const byFunction = new Map<Node, Guard>();
  return {
    /** The guards that converted routes use: only these are written. */
    used: new Set<ConvertibleGuard>(),
    of(label: string, node: Node | undefined): Guard {
      const fn = node && functionOf(node);
      if (!fn) return { result: stay('MIDDLEWARE', node ? 'it is not a function carve split can read' : 'a param() loader sets request state for its routes') };
      if (!byFunction.has(fn)) {
        const exportName = unique(names, camel(label.replace(/^<inline:(\d+)>$/, 'middleware at line $1')));
        const file = join(options.out, 'handlers', '_middleware', `${kebab(exportName)}.${options.ext}`);
        const result = convertGuard(fn, file);
        const where = `${relative(options.root, fn.getSourceFile().getFilePath())}:${fn.getStartLineNumber()}`;
        byFunction.set(fn, result.ok ? { result, exportName, file, where } : { result });
      }
      return byFunction.get(fn)!;
    },
  };
}

const camel = (text: string) => text.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('') || 'middleware';
