// The gradebook's schemas, in zod/mini: a unit carries only the checks it uses (about 13 KB of zod, where classic
// zod is 188 KB). flavors/ holds the same schemas in classic zod and in valibot, with the same names, types and
// (for classic zod) documents; the contract, parity and security suites run the gradebook with each.
// Each schema is marked pure (`.check()` and `.register()` are method calls a bundler must otherwise keep), so
// that a unit carries only the schemas its own handlers use.
import type { SchemaOutput } from 'carve';
import * as z from 'carve/zod/mini';

export const Id = /* @__PURE__ */ z.string().check(z.regex(/^[a-z]{3}-[a-z0-9-]{1,40}$/, 'expected an id such as stu-grace'));
export const CourseCode = /* @__PURE__ */ z.string().check(z.regex(/^[A-Z]{2,6}-\d{3}$/, 'expected a course code such as MATH-101'));
const Email = /* @__PURE__ */ z.email();

export const Teacher = /* @__PURE__ */ z.object({ id: Id, name: z.string(), email: Email }).register(z.globalRegistry, { id: 'Teacher' });
export type Teacher = SchemaOutput<typeof Teacher>;

export const Student = /* @__PURE__ */ z.object({ id: Id, name: z.string(), email: Email, year: z.int() }).register(z.globalRegistry, { id: 'Student' });
export type Student = SchemaOutput<typeof Student>;
export const NewStudent = /* @__PURE__ */ z.object({
  id: Id, name: z.string().check(z.minLength(1), z.maxLength(100)), email: Email, year: z.int().check(z.minimum(1), z.maximum(8)),
}).register(z.globalRegistry, { id: 'NewStudent' });

export const Course = /* @__PURE__ */ z.object({ code: CourseCode, title: z.string(), credits: z.int(), teacherId: Id }).register(z.globalRegistry, { id: 'Course' });
export type Course = SchemaOutput<typeof Course>;
const courseFields = { title: /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(200)), credits: /* @__PURE__ */ z.int().check(z.minimum(1), z.maximum(30)) };
export const NewCourse = /* @__PURE__ */ z.object({ code: CourseCode, ...courseFields }).register(z.globalRegistry, { id: 'NewCourse' });
export const CoursePatch = /* @__PURE__ */ z.partial(z.object(courseFields)).register(z.globalRegistry, { id: 'CoursePatch' });

export const Enrolment = /* @__PURE__ */ z.object({ id: z.int(), courseCode: CourseCode, studentId: Id, enrolledAt: z.string() }).register(z.globalRegistry, { id: 'Enrolment' });
export type Enrolment = SchemaOutput<typeof Enrolment>;
export const NewEnrolment = /* @__PURE__ */ z.object({ courseCode: CourseCode, studentId: Id }).register(z.globalRegistry, { id: 'NewEnrolment' });

export const Score = /* @__PURE__ */ z.number().check(z.minimum(0), z.maximum(100));
export const Grade = /* @__PURE__ */ z.object({
  id: z.int(),
  courseCode: CourseCode,
  studentId: Id,
  assessment: z.string(),
  score: Score,
  comment: z.nullable(z.string()),
  postedBy: Id,
  postedAt: z.string(),
}).register(z.globalRegistry, { id: 'Grade' });
export type Grade = SchemaOutput<typeof Grade>;
export const NewGrade = /* @__PURE__ */ z.object({
  courseCode: CourseCode, studentId: Id, assessment: z.string().check(z.minLength(1), z.maxLength(60)), score: Score,
  comment: z.optional(z.string().check(z.maxLength(500))),
}).register(z.globalRegistry, { id: 'NewGrade' });
export const GradePatch = /* @__PURE__ */ z.object({ score: z.optional(Score), comment: z.optional(z.nullable(z.string().check(z.maxLength(500)))) }).register(z.globalRegistry, { id: 'GradePatch' });

export const NumericId = /* @__PURE__ */ z.coerce.number().check(z.int(), z.positive());

export const Teachers = /* @__PURE__ */ z.array(Teacher);
export const TeacherIdParams = /* @__PURE__ */ z.object({ teacherId: Id });
export const Students = /* @__PURE__ */ z.array(Student);
export const StudentIdParams = /* @__PURE__ */ z.object({ studentId: Id });
export const StudentFilter = /* @__PURE__ */ z.object({ year: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(8))) });
export const Courses = /* @__PURE__ */ z.array(Course);
export const CourseCodeParams = /* @__PURE__ */ z.object({ courseCode: CourseCode });
export const CourseFilter = /* @__PURE__ */ z.object({ teacher: z.optional(Id) });
export const Enrolments = /* @__PURE__ */ z.array(Enrolment);
export const EnrolmentIdParams = /* @__PURE__ */ z.object({ enrolmentId: NumericId });
export const EnrolmentFilter = /* @__PURE__ */ z.object({ course: z.optional(CourseCode), student: z.optional(Id) });
export const Grades = /* @__PURE__ */ z.array(Grade);
export const GradeIdParams = /* @__PURE__ */ z.object({ gradeId: NumericId });
export const GradeFilter = /* @__PURE__ */ z.object({ course: z.optional(CourseCode) });
export const Health = /* @__PURE__ */ z.object({ status: z.literal('ok') });
export const WhoAmI = /* @__PURE__ */ z.object({ sub: z.string(), roles: z.array(z.string()) });
