import { Conflict, token } from 'carve';
import { Db } from '../db.js';
import type { Course } from '../schemas.js';

/** What a PATCH may change; an absent (or undefined) field keeps its value. */
export interface CourseChanges {
  title?: string | undefined;
  credits?: number | undefined;
}

export interface CourseRepository {
  list(teacherId?: string): Course[];
  get(code: string): Course | undefined;
  create(course: Course): Course;
  update(course: Course, changes: CourseChanges): Course;
  remove(code: string): boolean;
}

const COLUMNS = 'code, title, credits, teacher_id AS teacherId';

class SqlCourseRepository implements CourseRepository {
  constructor(private readonly db: Db) {}

  list(teacherId?: string) {
    return teacherId === undefined
      ? this.db.prepare<[], Course>(`SELECT ${COLUMNS} FROM courses ORDER BY code`).all()
      : this.db.prepare<[string], Course>(`SELECT ${COLUMNS} FROM courses WHERE teacher_id = ? ORDER BY code`).all(teacherId);
  }

  get(code: string) {
    return this.db.prepare<[string], Course>(`SELECT ${COLUMNS} FROM courses WHERE code = ?`).get(code);
  }

  create(course: Course) {
    if (this.get(course.code)) throw new Conflict(`course ${course.code} already exists`);
    this.db.prepare('INSERT INTO courses (code, title, credits, teacher_id) VALUES (@code, @title, @credits, @teacherId)').run(course);
    return course;
  }

  update(course: Course, changes: CourseChanges) {
    const next = { ...course, title: changes.title ?? course.title, credits: changes.credits ?? course.credits };
    this.db.prepare('UPDATE courses SET title = @title, credits = @credits WHERE code = @code').run(next);
    return next;
  }

  remove(code: string) {
    return this.db.prepare('DELETE FROM courses WHERE code = ?').run(code).changes > 0;
  }
}

export const CourseRepo = token('CourseRepo', {
  inject: { db: Db },
  factory: ({ db }): CourseRepository => new SqlCourseRepository(db),
});
