import { Conflict, token } from 'carve';
import { Db } from '../db.js';
import type { Grade } from '../schemas.js';

export interface NewGradeRow {
  enrolmentId: number;
  assessment: string;
  score: number;
  comment: string | null;
  postedBy: string;
  postedAt: Date;
}

export interface GradeRepository {
  forStudent(studentId: string, courseCode?: string): Grade[];
  forCourse(courseCode: string): Grade[];
  get(id: number): Grade | undefined;
  create(row: NewGradeRow): Grade;
  update(grade: Grade, changes: { score?: number | undefined; comment?: string | null | undefined }): Grade;
  remove(id: number): boolean;
}

const SELECT = `SELECT g.id, e.course_code AS courseCode, e.student_id AS studentId, g.assessment, g.score, g.comment,
  g.posted_by AS postedBy, g.posted_at AS postedAt FROM grades g JOIN enrolments e ON e.id = g.enrolment_id`;

class SqlGradeRepository implements GradeRepository {
  constructor(private readonly db: Db) {}

  forStudent(studentId: string, courseCode?: string) {
    return this.db.prepare<[{ studentId: string; courseCode: string | null }], Grade>(
      `${SELECT} WHERE e.student_id = @studentId AND (@courseCode IS NULL OR e.course_code = @courseCode) ORDER BY g.id`,
    ).all({ studentId, courseCode: courseCode ?? null });
  }

  forCourse(courseCode: string) {
    return this.db.prepare<[string], Grade>(`${SELECT} WHERE e.course_code = ? ORDER BY e.student_id, g.id`).all(courseCode);
  }

  get(id: number) {
    return this.db.prepare<[number], Grade>(`${SELECT} WHERE g.id = ?`).get(id);
  }

  create(row: NewGradeRow) {
    try {
      const { lastInsertRowid } = this.db.prepare(
        'INSERT INTO grades (enrolment_id, assessment, score, comment, posted_by, posted_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(row.enrolmentId, row.assessment, row.score, row.comment, row.postedBy, row.postedAt.toISOString());
      return this.get(Number(lastInsertRowid))!;
    } catch (error) {
      if (String(error).includes('UNIQUE')) throw new Conflict(`a grade for ${row.assessment} was already posted; PATCH it instead`);
      throw error;
    }
  }

  update(grade: Grade, changes: { score?: number | undefined; comment?: string | null | undefined }) {
    const next = { ...grade, score: changes.score ?? grade.score, comment: changes.comment === undefined ? grade.comment : changes.comment };
    this.db.prepare('UPDATE grades SET score = ?, comment = ? WHERE id = ?').run(next.score, next.comment, grade.id);
    return next;
  }

  remove(id: number) {
    return this.db.prepare('DELETE FROM grades WHERE id = ?').run(id).changes > 0;
  }
}

export const GradeRepo = token('GradeRepo', {
  inject: { db: Db },
  factory: ({ db }): GradeRepository => new SqlGradeRepository(db),
});
