import { Forbidden, type Principal } from 'carve';

export const isTeacher = (principal: Principal) => principal.roles.includes('teacher');

/** Students may act only on themselves; teachers on anyone. */
export function assertSelfOrTeacher(principal: Principal, studentId: string, what: string): void {
  if (!isTeacher(principal) && principal.sub !== studentId) {
    throw new Forbidden(`students can only read their own ${what}`);
  }
}

export function assertTeaches(principal: Principal, course: { code: string; teacherId: string }): void {
  if (course.teacherId !== principal.sub) throw new Forbidden(`only the teacher of ${course.code} may do this`);
}
