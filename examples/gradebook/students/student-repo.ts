import { Conflict, token } from 'carve';
import { Db } from '../db.js';
import type { Student } from '../schemas.js';

export interface StudentRepository {
  list(year?: number): Student[];
  get(id: string): Student | undefined;
  create(student: Student): Student;
}

class SqlStudentRepository implements StudentRepository {
  readonly #all;
  readonly #byYear;
  readonly #byId;
  readonly #insert;

  constructor(db: Db) {
    this.#all = db.prepare<[], Student>('SELECT id, name, email, year FROM students ORDER BY id');
    this.#byYear = db.prepare<[number], Student>('SELECT id, name, email, year FROM students WHERE year = ? ORDER BY id');
    this.#byId = db.prepare<[string], Student>('SELECT id, name, email, year FROM students WHERE id = ?');
    this.#insert = db.prepare('INSERT INTO students (id, name, email, year) VALUES (@id, @name, @email, @year)');
  }

  list(year?: number) {
    return year === undefined ? this.#all.all() : this.#byYear.all(year);
  }

  get(id: string) {
    return this.#byId.get(id);
  }

  create(student: Student) {
    if (this.get(student.id)) throw new Conflict(`student ${student.id} already exists`);
    try {
      this.#insert.run(student);
    } catch (error) {
      if (String(error).includes('UNIQUE')) throw new Conflict(`email ${student.email} is already used`);
      throw error;
    }
    return student;
  }
}

export const StudentRepo = token('StudentRepo', {
  inject: { db: Db },
  factory: ({ db }): StudentRepository => new SqlStudentRepository(db),
});
