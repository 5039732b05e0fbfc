import { Conflict, token } from 'carve';
import { Db } from '../db.js';
import type { Enrolment } from '../schemas.js';

export interface EnrolmentFilter {
  courseCode?: string | undefined;
  studentId?: string | undefined;
}

export interface EnrolmentRepository {
  list(filter: EnrolmentFilter): Enrolment[];
  get(id: number): Enrolment | undefined;
  find(courseCode: string, studentId: string): Enrolment | undefined;
  create(courseCode: string, studentId: string, at: Date): Enrolment;
  remove(id: number): boolean;
}

const SELECT = 'SELECT id, course_code AS courseCode, student_id AS studentId, enrolled_at AS enrolledAt FROM enrolments';

class SqlEnrolmentRepository implements EnrolmentRepository {
  constructor(private readonly db: Db) {}

  list(filter: EnrolmentFilter) {
    return this.db.prepare<[{ courseCode: string | null; studentId: string | null }], Enrolment>(
      `${SELECT} WHERE (@courseCode IS NULL OR course_code = @courseCode) AND (@studentId IS NULL OR student_id = @studentId) ORDER BY id`,
    ).all({ courseCode: filter.courseCode ?? null, studentId: filter.studentId ?? null });
  }

  get(id: number) {
    return this.db.prepare<[number], Enrolment>(`${SELECT} WHERE id = ?`).get(id);
  }

  find(courseCode: string, studentId: string) {
    return this.db.prepare<[string, string], Enrolment>(`${SELECT} WHERE course_code = ? AND student_id = ?`).get(courseCode, studentId);
  }

  create(courseCode: string, studentId: string, at: Date) {
    if (this.find(courseCode, studentId)) throw new Conflict(`${studentId} is already enrolled in ${courseCode}`);
    const { lastInsertRowid } = this.db.prepare('INSERT INTO enrolments (course_code, student_id, enrolled_at) VALUES (?, ?, ?)')
      .run(courseCode, studentId, at.toISOString());
    return this.get(Number(lastInsertRowid))!;
  }

  remove(id: number) {
    return this.db.prepare('DELETE FROM enrolments WHERE id = ?').run(id).changes > 0;
  }
}

export const EnrolmentRepo = token('EnrolmentRepo', {
  inject: { db: Db },
  factory: ({ db }): EnrolmentRepository => new SqlEnrolmentRepository(db),
});
