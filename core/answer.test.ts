import { describe, expect, it } from 'vitest';
import { answer } from './answer.js';
import { createApp, type App } from './app.js';
import { handler } from './handler.js';

const hello = handler({ method: 'GET', path: '/hello', auth: 'public' }, () => ({ hello: 'world' }));
const later = handler({ method: 'GET', path: '/later', auth: 'public' }, async () => ({ later: true }));
const app = createApp({ handlers: [hello, later], logger: { level: 'silent' } });

describe('answer', () => {
  it('gives the response itself when nothing waited, as app.handle would resolve it', async () => {
    const answered = answer(app, { method: 'GET', path: '/hello', headers: { 'x-request-id': 'r1' } });
    expect(answered).not.toBeInstanceOf(Promise);
    expect(answered).toEqual(await app.handle({ method: 'GET', path: '/hello', headers: { 'x-request-id': 'r1' } }));
    expect(answered).toMatchObject({ status: 200, body: '{"hello":"world"}', headers: { 'x-request-id': 'r1' } });
  });

  it('gives a promise when the handler waits, and the same problem responses as app.handle', async () => {
    const answered = answer(app, { method: 'GET', path: '/later', headers: {} });
    expect(answered).toBeInstanceOf(Promise);
    expect(await answered).toMatchObject({ status: 200, body: '{"later":true}' });
    expect(answer(app, { method: 'GET', path: '/nowhere', headers: {} })).toMatchObject({ status: 404, headers: { 'content-type': 'application/problem+json' } });
    expect(answer(app, { method: 'GET', path: '/nowhere', headers: {} }, { fallthrough: true })).toBeUndefined();
  });

  it('answers for a selected app too, and asks an app made otherwise through handle', async () => {
    expect(answer(app.select([hello.id]), { method: 'GET', path: '/hello', headers: {} })).toMatchObject({ status: 200 });
    const foreign = { handle: async () => ({ status: 418, headers: {}, cookies: [], body: undefined }) } as unknown as App;
    expect(await answer(foreign, { method: 'GET', path: '/', headers: {} })).toMatchObject({ status: 418 });
  });

  it('answers each app as itself when a process serves several, one after another', () => {
    const other = createApp({ handlers: [handler({ method: 'GET', path: '/hello', auth: 'public' }, () => ({ hello: 'other' }))], logger: { level: 'silent' } });
    const bodies = [app, other, other, app].map((a) => (answer(a, { method: 'GET', path: '/hello', headers: {} }) as { body: string }).body);
    expect(bodies).toEqual(['{"hello":"world"}', '{"hello":"other"}', '{"hello":"other"}', '{"hello":"world"}']);
  });
});
