import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApp, provide } from 'carve';
import app from './app.js';
import { getGreeting } from './greetings/get-greeting.js';
import { Greeter } from './greetings/greeter.js';

test('GET /greetings/{name} greets by name', async () => {
  const res = await app.inject({ method: 'GET', url: '/greetings/Ada?excited=yes' });
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { message: 'HELLO, ADA!' });
});

test('a query the schema refuses is a 400 naming the field', async () => {
  const res = await app.inject({ method: 'GET', url: '/greetings/Ada?excited=very' });
  assert.equal(res.status, 400);
  assert.equal(res.headers['content-type'], 'application/problem+json');
  assert.match(JSON.stringify(res.body), /query\.excited/);
});

test('the greeter is a dependency, so a test can swap it', async () => {
  const quiet = createApp({ handlers: [getGreeting], providers: [provide(Greeter, { value: { greet: (name: string) => `hi ${name}` } })] });
  const res = await quiet.inject({ method: 'GET', url: '/greetings/Ada' });
  assert.deepEqual(res.body, { message: 'hi Ada' });
});
