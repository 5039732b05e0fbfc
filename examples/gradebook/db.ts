import Database from 'better-sqlite3';
import { token } from 'carve';
import { seed } from './seed.js';

export interface DbConfig {
  /** A file path, or `:memory:` for a private database per process. */
  path: string;
}

/**
 * Where the database lives: `GRADEBOOK_DB`; else, under `carve dev`, one file all units share; else in
 * memory. Override it with `provide(DbConfig, …)`.
 */
export const DbConfig = token<DbConfig>('DbConfig', {
  factory: () => {
    const shared = process.env['CARVE_SHARED_DIR'];
    return { path: process.env['GRADEBOOK_DB'] || (shared ? `${shared}/gradebook.db` : ':memory:') };
  },
});

export type Db = Database.Database;

/** Opens a SQLite database: better-sqlite3 on Node; a runtime with its own SQLite provides another (bun-db.ts). */
export const OpenDatabase = token<(path: string) => Db>('OpenDatabase', { factory: () => (path) => new Database(path) });

/** The embedded SQLite database, opened on first use, created and seeded when empty. */
export const Db = token('Db', {
  inject: { config: DbConfig, open: OpenDatabase },
  factory: ({ config, open }): Db => {
    const db = open(config.path);
    db.pragma('foreign_keys = ON');
    if (config.path !== ':memory:') {
      // Several units (processes) may share one file in `carve dev`; WAL lets readers and a writer coexist.
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
    }
    // Several processes may open a new file at once: create and seed inside one immediate transaction.
    db.transaction(() => {
      db.exec(SCHEMA);
      const empty = db.prepare('SELECT COUNT(*) AS n FROM teachers').get() as { n: number };
      if (empty.n === 0) seed(db);
    }).immediate();
    return db;
  },
  dispose: (db) => void db.close(),
});

const SCHEMA = `
CREATE TABLE IF NOT EXISTS teachers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS students (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS courses (
  code TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  credits INTEGER NOT NULL,
  teacher_id TEXT NOT NULL REFERENCES teachers(id)
);
CREATE TABLE IF NOT EXISTS enrolments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  course_code TEXT NOT NULL REFERENCES courses(code) ON DELETE CASCADE,
  student_id TEXT NOT NULL REFERENCES students(id),
  enrolled_at TEXT NOT NULL,
  UNIQUE (course_code, student_id)
);
CREATE TABLE IF NOT EXISTS grades (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  enrolment_id INTEGER NOT NULL REFERENCES enrolments(id) ON DELETE CASCADE,
  assessment TEXT NOT NULL,
  score REAL NOT NULL,
  comment TEXT,
  posted_by TEXT NOT NULL REFERENCES teachers(id),
  posted_at TEXT NOT NULL,
  UNIQUE (enrolment_id, assessment)
);
`;
