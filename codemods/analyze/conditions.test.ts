import { Project, SyntaxKind } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { conditionsOf, conditionText } from './conditions.js';

/** The conditions of each `app.use(…)` call in the source, as a copy of it would check them. */
function conditions(source: string): string[] {
  const file = new Project({ useInMemoryFileSystem: true }).createSourceFile('/app.ts', source);
  return file.getDescendantsOfKind(SyntaxKind.CallExpression).filter((c) => c.getExpression().getText() === 'app.use')
    .map((c) => conditionText(conditionsOf(c).map((k) => ({ text: k.node.getText(), negated: k.negated }))));
}

describe('conditionsOf', () => {
  it('reads if/else, ternaries and && / || around a registration, up to the function that runs it', () => {
    expect(conditions('if (debug) app.use(a);\nelse app.use(b);\napp.use(c);')).toEqual(['debug', '!(debug)', '']);
    expect(conditions('if (x) { if (y) app.use(a); }')).toEqual(['(x) && (y)']);
    expect(conditions('dev && app.use(a);\nprod || app.use(b);\nflag ? app.use(c) : app.use(d);')).toEqual(['dev', '!(prod)', 'flag', '!(flag)']);
    // The function's own call site decides whether it runs at all; inside it, only its own conditions count.
    expect(conditions('if (x) register(() => { app.use(a); });')).toEqual(['']);
  });
});
