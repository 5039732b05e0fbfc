// The part of Bun's built-in `bun:sqlite` that bun-db.ts uses (carve's repo does not install bun-types).
declare module 'bun:sqlite' {
  interface Statement {
    run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
    get(...params: unknown[]): unknown;
    all(...params: unknown[]): unknown[];
  }
  export class Database {
    constructor(path: string, options?: { strict?: boolean; create?: boolean });
    prepare(sql: string): Statement;
    exec(sql: string): void;
    transaction<A extends unknown[], R>(fn: (...args: A) => R): ((...args: A) => R) & { immediate(...args: A): R };
    close(): void;
  }
}
