// The gradebook's schemas in valibot, a Standard Schema library that is not zod: the same names and types as
// ../schemas.ts (zod/mini). JSON Schema for the documents comes from valibot's own converter (@valibot/to-json-schema),
// which names the schemas listed in addGlobalDefs as components.
import type { Schema, SchemaOutput } from 'carve';
import { addGlobalDefs, toStandardJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';

// valibot keeps its JSON Schema converter apart; toStandardJsonSchema gives a schema the Standard JSON Schema
// interface carve reads when it writes OpenAPI or GraphQL.
// (It copies the schema's validate; its declared type leaves that out.)
const documented = <S extends v.GenericSchema>(schema: S) => toStandardJsonSchema(schema) as unknown as Schema<v.InferInput<S>, v.InferOutput<S>>;

const IdSchema = v.pipe(v.string(), v.regex(/^[a-z]{3}-[a-z0-9-]{1,40}$/, 'expected an id such as stu-grace'));
const CourseCodeSchema = v.pipe(v.string(), v.regex(/^[A-Z]{2,6}-\d{3}$/, 'expected a course code such as MATH-101'));
const Email = v.pipe(v.string(), v.email());
const Int = v.pipe(v.number(), v.integer());
const ScoreSchema = v.pipe(v.number(), v.minValue(0), v.maxValue(100));

const TeacherSchema = v.object({ id: IdSchema, name: v.string(), email: Email });
const StudentSchema = v.object({ id: IdSchema, name: v.string(), email: Email, year: Int });
const NewStudentSchema = v.object({
  id: IdSchema, name: v.pipe(v.string(), v.minLength(1), v.maxLength(100)), email: Email, year: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(8)),
});
const CourseSchema = v.object({ code: CourseCodeSchema, title: v.string(), credits: Int, teacherId: IdSchema });
const courseFields = { title: v.pipe(v.string(), v.minLength(1), v.maxLength(200)), credits: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(30)) };
const NewCourseSchema = v.object({ code: CourseCodeSchema, ...courseFields });
const CoursePatchSchema = v.partial(v.object(courseFields));
const EnrolmentSchema = v.object({ id: Int, courseCode: CourseCodeSchema, studentId: IdSchema, enrolledAt: v.string() });
const NewEnrolmentSchema = v.object({ courseCode: CourseCodeSchema, studentId: IdSchema });
const GradeSchema = v.object({
  id: Int, courseCode: CourseCodeSchema, studentId: IdSchema, assessment: v.string(), score: ScoreSchema,
  comment: v.nullable(v.string()), postedBy: IdSchema, postedAt: v.string(),
});
const NewGradeSchema = v.object({
  courseCode: CourseCodeSchema, studentId: IdSchema, assessment: v.pipe(v.string(), v.minLength(1), v.maxLength(60)), score: ScoreSchema,
  comment: v.optional(v.pipe(v.string(), v.maxLength(500))),
});
const GradePatchSchema = v.object({ score: v.optional(ScoreSchema), comment: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(500)))) });
// Query strings and path segments arrive as text: a number in them is parsed, then checked.
const NumericIdSchema = v.pipe(v.string(), v.transform(Number), v.number(), v.integer(), v.minValue(1));

addGlobalDefs({
  Teacher: TeacherSchema, Student: StudentSchema, NewStudent: NewStudentSchema, Course: CourseSchema, NewCourse: NewCourseSchema,
  CoursePatch: CoursePatchSchema, Enrolment: EnrolmentSchema, NewEnrolment: NewEnrolmentSchema, Grade: GradeSchema, NewGrade: NewGradeSchema,
  GradePatch: GradePatchSchema,
});

export const Id = documented(IdSchema);
export const CourseCode = documented(CourseCodeSchema);
export const Teacher = documented(TeacherSchema);
export type Teacher = SchemaOutput<typeof Teacher>;
export const Student = documented(StudentSchema);
export type Student = SchemaOutput<typeof Student>;
export const NewStudent = documented(NewStudentSchema);
export const Course = documented(CourseSchema);
export type Course = SchemaOutput<typeof Course>;
export const NewCourse = documented(NewCourseSchema);
export const CoursePatch = documented(CoursePatchSchema);
export const Enrolment = documented(EnrolmentSchema);
export type Enrolment = SchemaOutput<typeof Enrolment>;
export const NewEnrolment = documented(NewEnrolmentSchema);
export const Score = documented(ScoreSchema);
export const Grade = documented(GradeSchema);
export type Grade = SchemaOutput<typeof Grade>;
export const NewGrade = documented(NewGradeSchema);
export const GradePatch = documented(GradePatchSchema);
export const NumericId = documented(NumericIdSchema);

export const Teachers = documented(v.array(TeacherSchema));
export const TeacherIdParams = documented(v.object({ teacherId: IdSchema }));
export const Students = documented(v.array(StudentSchema));
export const StudentIdParams = documented(v.object({ studentId: IdSchema }));
export const StudentFilter = documented(v.object({ year: v.optional(v.pipe(v.string(), v.transform(Number), v.number(), v.integer(), v.minValue(1), v.maxValue(8))) }));
export const Courses = documented(v.array(CourseSchema));
export const CourseCodeParams = documented(v.object({ courseCode: CourseCodeSchema }));
export const CourseFilter = documented(v.object({ teacher: v.optional(IdSchema) }));
export const Enrolments = documented(v.array(EnrolmentSchema));
export const EnrolmentIdParams = documented(v.object({ enrolmentId: NumericIdSchema }));
export const EnrolmentFilter = documented(v.object({ course: v.optional(CourseCodeSchema), student: v.optional(IdSchema) }));
export const Grades = documented(v.array(GradeSchema));
export const GradeIdParams = documented(v.object({ gradeId: NumericIdSchema }));
export const GradeFilter = documented(v.object({ course: v.optional(CourseCodeSchema) }));
export const Health = documented(v.object({ status: v.literal('ok') }));
export const WhoAmI = documented(v.object({ sub: v.string(), roles: v.array(v.string()) }));
