import { serve } from 'carve/express';
import { withGraphQL } from 'carve/graphql';
import app from './app.js';
import { demoToken } from './demo-token.js';
import { DEMO } from './seed.js';

// Demo only: deployed, the platform sets the notice key from where carve.config.ts says it is kept.
process.env['GRADEBOOK_NOTICE_KEY'] ??= 'gradebook-demo-notice-key';

const port = Number(process.env['PORT'] ?? 3000);
const host = process.env['HOST'] ?? '127.0.0.1';
// The REST routes and /graphql beside them, resolving through the same handlers.
const server = await serve(withGraphQL(app), { port, host });

const tokens = {
  teacher: await demoToken(DEMO.teacher.id, 'teacher'),
  student: await demoToken(DEMO.student.id, 'student'),
  otherStudent: await demoToken(DEMO.otherStudent.id, 'student'),
};

console.log(`
gradebook (monolith on Express) is listening on ${server.url}

  REST      ${server.url}/courses
  GraphQL   ${server.url}/graphql
  OpenAPI   ${server.url}/openapi.json
  health    ${server.url}/health
  database  ${process.env['GRADEBOOK_DB'] ?? 'in memory (set GRADEBOOK_DB=path.db to keep it)'}

Demo credentials (JWT, valid 12 h):
  teacher ${DEMO.teacher.name} (${DEMO.teacher.id})
    export TEACHER=${tokens.teacher}
  student ${DEMO.student.name} (${DEMO.student.id})
    export STUDENT=${tokens.student}
  student ${DEMO.otherStudent.name} (${DEMO.otherStudent.id})
    export OTHER_STUDENT=${tokens.otherStudent}

Try:
  curl -H "authorization: Bearer $STUDENT" ${server.url}/students/${DEMO.student.id}/grades
  curl -H "authorization: Bearer $TEACHER" -H 'content-type: application/json' \\
       -d '{"courseCode":"MATH-101","studentId":"${DEMO.otherStudent.id}","assessment":"final","score":84}' ${server.url}/grades

  curl -H "authorization: Bearer $STUDENT" -H 'content-type: application/json' \\
       -d '{"query":"{ getStudentsByStudentIdGrades(studentId: \\"${DEMO.student.id}\\") { courseCode score } }"}' ${server.url}/graphql

Ctrl+C (or SIGTERM) drains in-flight requests and exits.
`);
