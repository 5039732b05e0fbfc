import request from 'supertest';
import { expect, it } from 'vitest';

const teacher = { authorization: 'Bearer teacher:tea-ada' };
const grace = { authorization: 'Bearer student:stu-grace' };
const linus = { authorization: 'Bearer student:stu-linus' };

/** The legacy gradebook's own behaviour, run against any server that claims to be it. */
export function legacySuite(server: () => unknown): void {
  const api = () => request(server() as never);
  it('health and version', async () => {
    expect((await api().get('/health')).body).toEqual({ status: 'ok' });
    const version = await api().get('/version');
    expect([version.status, version.headers['content-type'], version.text]).toEqual([200, 'text/html; charset=utf-8', 'legacy-gradebook 1.0']);
  });
  it('clearing the cache answers 204 with nothing', async () => {
    const res = await api().delete('/cache');
    expect([res.status, res.text]).toEqual([204, '']);
  });
  it('lists courses, filtered by teacher', async () => {
    expect((await api().get('/courses')).body.map((c: { code: string }) => c.code)).toEqual(['MATH-101', 'CS-201']);
    expect((await api().get('/courses?teacher=tea-alan')).body).toEqual([{ code: 'CS-201', title: 'Computability', teacherId: 'tea-alan' }]);
  });
  it('reads a course through its param loader, 404 when unknown', async () => {
    expect((await api().get('/courses/MATH-101')).body).toMatchObject({ title: 'Analytical Engines' });
    expect(await api().get('/courses/NOPE-1')).toMatchObject({ status: 404, body: { error: 'no course NOPE-1' } });
  });
  it('only teachers create courses', async () => {
    expect((await api().post('/courses').send({ code: 'X-1', title: 'x' })).status).toBe(401);
    expect((await api().post('/courses').set(grace).send({ code: 'X-1', title: 'x' })).status).toBe(403);
    const created = await api().post('/courses').set(teacher).send({ code: 'BIO-100', title: 'Cells' });
    expect(created).toMatchObject({ status: 201, body: { code: 'BIO-100', teacherId: 'tea-ada' } });
  });
  it('students read only their own grades', async () => {
    expect((await api().get('/students/stu-grace/grades').set(grace)).body).toHaveLength(2);
    expect((await api().get('/students/stu-grace/grades').set(linus)).status).toBe(403);
    expect((await api().get('/students/stu-linus/grades').set(teacher)).body).toEqual([{ id: 3, courseCode: 'MATH-101', studentId: 'stu-linus', score: 78 }]);
  });
  it('unknown paths get the legacy 404', async () => {
    expect(await api().get('/nowhere')).toMatchObject({ status: 404, body: { error: 'no route for GET /nowhere' } });
  });
}
