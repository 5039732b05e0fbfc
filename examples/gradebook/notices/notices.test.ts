import { provide } from 'carve';
import { describe, expect, it } from 'vitest';
import { createGradebook } from '../app.js';
import { DbConfig } from '../db.js';
import { demoToken } from '../demo-token.js';
import { DEMO } from '../seed.js';
import { NoticeKey, NoticeQueue, signature } from './notices.js';
import type { NoticeQueue as Queue } from './queues.js';

const newGrade = { courseCode: 'MATH-101', studentId: DEMO.otherStudent.id, assessment: 'final', score: 84 };

async function postGrade(queue: Queue) {
  const app = createGradebook([
    provide(DbConfig, { value: { path: ':memory:' } }),
    provide(NoticeKey, { value: 'notice-key' }),
    provide(NoticeQueue, { value: queue }),
  ]);
  const teacher = { authorization: `Bearer ${await demoToken(DEMO.teacher.id, 'teacher')}` };
  const response = await app.inject({ method: 'POST', url: '/grades', headers: teacher, body: newGrade });
  const stored = await app.inject({ method: 'GET', url: response.headers['location'] ?? '/grades/0', headers: teacher });
  await app.close();
  return { response, stored };
}

describe('grade notices', () => {
  it('announce each posted grade on the queue, signed with the notice key', async () => {
    const sent: string[] = [];
    const { response } = await postGrade({ send: async (body) => void sent.push(body) });
    expect(response.status).toBe(201);
    expect(sent).toHaveLength(1);
    const notice = JSON.parse(sent[0]!) as { type: string; grade: unknown; signature: string };
    expect(notice).toEqual({ type: 'grade-posted', grade: response.body, signature: signature('notice-key', response.body as never) });
    expect(notice.signature).not.toBe(signature('another key', response.body as never));
  });

  it('leave the grade recorded when the queue refuses the notice', async () => {
    const { response, stored } = await postGrade({ send: () => Promise.reject(new Error('SQS SendMessage answered 500')) });
    expect(response.status).toBe(201);
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual(response.body);
  });
});
