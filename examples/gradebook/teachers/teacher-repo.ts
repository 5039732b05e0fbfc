import { token } from 'carve';
import { Db } from '../db.js';
import type { Teacher } from '../schemas.js';

export interface TeacherRepository {
  list(): Teacher[];
  get(id: string): Teacher | undefined;
}

export const TeacherRepo = token('TeacherRepo', {
  inject: { db: Db },
  factory: ({ db }): TeacherRepository => {
    const all = db.prepare<[], Teacher>('SELECT id, name, email FROM teachers ORDER BY id');
    const byId = db.prepare<[string], Teacher>('SELECT id, name, email FROM teachers WHERE id = ?');
    return { list: () => all.all(), get: (id) => byId.get(id) };
  },
});
