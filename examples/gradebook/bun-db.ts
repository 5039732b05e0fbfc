import type { Db } from './db.js';

/**
 * The gradebook's database on Bun, whose built-in `bun:sqlite` stands in for better-sqlite3 (a Node addon
 * Bun cannot load): the same calls, through the few places where the two differ. Provide it as the
 * driver: `provide(OpenDatabase, { value: await bunDatabase() })`.
 */
export async function bunDatabase(): Promise<(path: string) => Db> {
  const { Database } = await import('bun:sqlite');
  return (path) => {
    // strict: named parameters bind from keys without their `@` prefix, as better-sqlite3 does.
    const db = new Database(path, { strict: true });
    const prepare = (sql: string) => {
      const statement = db.prepare(sql);
      // bun:sqlite answers `null` for no row; better-sqlite3, `undefined`.
      return { run: statement.run.bind(statement), all: statement.all.bind(statement), get: (...params: unknown[]) => statement.get(...params) ?? undefined };
    };
    const pragma = (text: string) => db.exec(`PRAGMA ${text}`);
    return { prepare, pragma, exec: (sql: string) => db.exec(sql), transaction: db.transaction.bind(db), close: () => db.close() } as unknown as Db;
  };
}
