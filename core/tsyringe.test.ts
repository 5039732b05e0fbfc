import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import './reflect-metadata.js';
import loadTsyringe from './tsyringe.cjs';

const shim = fileURLToPath(new URL('./reflect-metadata.ts', import.meta.url));
const api = Reflect as unknown as {
  defineMetadata(key: unknown, value: unknown, target: object, property?: PropertyKey): void;
  getMetadata(key: unknown, target: object, property?: PropertyKey): unknown;
  getOwnMetadata(key: unknown, target: object, property?: PropertyKey): unknown;
  hasMetadata(key: unknown, target: object, property?: PropertyKey): boolean;
};

describe('the Reflect metadata carve installs for tsyringe', () => {
  it('keeps metadata per target and property, inherited along the prototype chain', () => {
    class Base {}
    class Derived extends Base {}
    api.defineMetadata('role', 'base', Base);
    api.defineMetadata('role', 'method', Base, 'run');
    expect(api.getMetadata('role', Derived)).toBe('base');
    expect(api.getOwnMetadata('role', Derived)).toBeUndefined();
    expect(api.getMetadata('role', Base, 'run')).toBe('method');
    expect(api.hasMetadata('other', Derived)).toBe(false);
    api.defineMetadata('role', 'derived', Derived);
    expect([api.getMetadata('role', Derived), api.getMetadata('role', Base)]).toEqual(['derived', 'base']);
  });

  it("gives tsyringe a decorated class's constructor parameter types, as TypeScript emits them", async () => {
    const { container, injectable } = await import('tsyringe');
    const source = `
      class Clock { now() { return 42; } }
      @injectable() class Greeter { constructor(readonly clock: Clock) {} }
      return container.resolve(Greeter).clock.now();`;
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { experimentalDecorators: true, emitDecoratorMetadata: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None },
    });
    const run = new Function('injectable', 'container', outputText) as (i: typeof injectable, c: typeof container) => number;
    expect(run(injectable, container.createChildContainer())).toBe(42);
  });

  it('loads tsyringe when asked, and gives what carve uses of it as a plain object', async () => {
    const tsyringe = await import('tsyringe');
    const loaded = loadTsyringe();
    expect(Object.keys(loaded).sort()).toEqual(['container', 'instanceCachingFactory', 'instancePerContainerCachingFactory']);
    expect(loaded.container).toBe(tsyringe.container);
  });

  it('leaves a Reflect metadata API the app loaded first in place', () => {
    const script = `Reflect.getMetadata = () => 'mine'; await import(${JSON.stringify(shim)}); console.log(Reflect.getMetadata(), typeof Reflect.defineMetadata);`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(out.trim()).toBe('mine undefined');
  });
});
