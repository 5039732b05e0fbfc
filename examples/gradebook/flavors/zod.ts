// The gradebook's schemas in classic zod, as it shipped before zod/mini: the same names, types, OpenAPI and
// GraphQL documents as ../schemas.ts. The contract, parity and security suites run the gradebook with these too.
import { z } from 'carve/zod';

export const Id = z.string().regex(/^[a-z]{3}-[a-z0-9-]{1,40}$/, 'expected an id such as stu-grace');
export const CourseCode = z.string().regex(/^[A-Z]{2,6}-\d{3}$/, 'expected a course code such as MATH-101');
const Email = z.email();

export const Teacher = z.object({ id: Id, name: z.string(), email: Email }).meta({ id: 'Teacher' });
export type Teacher = z.infer<typeof Teacher>;

export const Student = z.object({ id: Id, name: z.string(), email: Email, year: z.number().int() }).meta({ id: 'Student' });
export type Student = z.infer<typeof Student>;
export const NewStudent = z.object({
  id: Id, name: z.string().min(1).max(100), email: Email, year: z.number().int().min(1).max(8),
}).meta({ id: 'NewStudent' });

export const Course = z.object({
  code: CourseCode, title: z.string(), credits: z.number().int(), teacherId: Id,
}).meta({ id: 'Course' });
export type Course = z.infer<typeof Course>;
export const NewCourse = z.object({
  code: CourseCode, title: z.string().min(1).max(200), credits: z.number().int().min(1).max(30),
}).meta({ id: 'NewCourse' });
export const CoursePatch = NewCourse.omit({ code: true }).partial().meta({ id: 'CoursePatch' });

export const Enrolment = z.object({
  id: z.number().int(), courseCode: CourseCode, studentId: Id, enrolledAt: z.string(),
}).meta({ id: 'Enrolment' });
export type Enrolment = z.infer<typeof Enrolment>;
export const NewEnrolment = z.object({ courseCode: CourseCode, studentId: Id }).meta({ id: 'NewEnrolment' });

export const Score = z.number().min(0).max(100);
export const Grade = z.object({
  id: z.number().int(),
  courseCode: CourseCode,
  studentId: Id,
  assessment: z.string(),
  score: Score,
  comment: z.string().nullable(),
  postedBy: Id,
  postedAt: z.string(),
}).meta({ id: 'Grade' });
export type Grade = z.infer<typeof Grade>;
export const NewGrade = z.object({
  courseCode: CourseCode, studentId: Id, assessment: z.string().min(1).max(60), score: Score,
  comment: z.string().max(500).optional(),
}).meta({ id: 'NewGrade' });
export const GradePatch = z.object({ score: Score.optional(), comment: z.string().max(500).nullable().optional() }).meta({ id: 'GradePatch' });

export const NumericId = z.coerce.number().int().positive();

export const Teachers = z.array(Teacher);
export const TeacherIdParams = z.object({ teacherId: Id });
export const Students = z.array(Student);
export const StudentIdParams = z.object({ studentId: Id });
export const StudentFilter = z.object({ year: z.coerce.number().int().min(1).max(8).optional() });
export const Courses = z.array(Course);
export const CourseCodeParams = z.object({ courseCode: CourseCode });
export const CourseFilter = z.object({ teacher: Id.optional() });
export const Enrolments = z.array(Enrolment);
export const EnrolmentIdParams = z.object({ enrolmentId: NumericId });
export const EnrolmentFilter = z.object({ course: CourseCode.optional(), student: Id.optional() });
export const Grades = z.array(Grade);
export const GradeIdParams = z.object({ gradeId: NumericId });
export const GradeFilter = z.object({ course: CourseCode.optional() });
export const Health = z.object({ status: z.literal('ok') });
export const WhoAmI = z.object({ sub: z.string(), roles: z.array(z.string()) });
