import { expect } from 'vitest';
import type { ContractCase } from '../case.js';

const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80]);
const UTF8_JSON = '{"message":"lambda-λ"}';

/** The adapter conformance cases, run against examples/echo on every target. */
export const echoCases: ContractCase[] = [
  {
    name: 'keeps the path as sent, decodes params once, decodes and groups the query',
    request: { method: 'GET', url: '/echo/a%20b?x=1&x=2&y=a+b&z=a%2Bb&redirect=https%3A%2F%2Fexample.com%2Fa%2Fb&empty=' },
    expect: {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: {
        method: 'GET', path: '/echo/a%20b', params: { path: 'a b' },
        query: { x: ['1', '2'], y: 'a b', z: 'a+b', redirect: 'https://example.com/a/b', empty: '' },
        bodyBase64: '', contentType: '',
      },
    },
  },
  {
    name: 'passes binary bytes through exactly',
    request: { method: 'POST', url: '/echo/upload', headers: { 'content-type': 'application/octet-stream' }, body: PNG_BYTES },
    expect: { status: 200, body: { method: 'POST', bodyBase64: Buffer.from(PNG_BYTES).toString('base64'), contentType: 'application/octet-stream' } },
  },
  {
    name: 'passes UTF-8 text through as its bytes',
    request: { method: 'PUT', url: '/echo/json', headers: { 'content-type': 'application/json; charset=utf-8' }, body: UTF8_JSON },
    expect: { status: 200, body: { method: 'PUT', bodyBase64: Buffer.from(UTF8_JSON).toString('base64'), contentType: 'application/json; charset=utf-8' } },
  },
  {
    name: 'lower-cases header names and joins repeated values',
    request: { method: 'GET', url: '/echo/headers', headers: { 'X-Mixed-Case': 'Value', 'x-rep': ['first', 'second'] } },
    // HTTP API v2 and Function URLs join repeated headers with a bare "," before carve sees them.
    expect: { status: 200, body: { headers: { 'x-mixed-case': 'Value', 'x-rep': expect.stringMatching(/^first, ?second$/) } } },
  },
  {
    name: 'parses cookies',
    request: { method: 'GET', url: '/echo/cookies', headers: { cookie: 'a=1; b=two; c=x%20y' } },
    expect: { status: 200, body: { cookies: { a: '1', b: 'two', c: 'x y' } } },
  },
  {
    name: 'uses the caller\'s request id and echoes it',
    request: { method: 'GET', url: '/echo/id', headers: { 'x-request-id': 'contract-req-1' } },
    expect: { status: 200, headers: { 'x-request-id': 'contract-req-1' }, body: { requestId: 'contract-req-1' } },
  },
  {
    name: 'knows the source IP',
    request: { method: 'GET', url: '/echo/ip' },
    expect: { status: 200, body: { sourceIp: expect.stringMatching(/.+/) } },
  },
  {
    name: 'accepts any method',
    request: { method: 'DELETE', url: '/echo/x' },
    expect: { status: 200, body: { method: 'DELETE', params: { path: 'x' } } },
  },
  {
    name: 'keeps a trailing slash in a greedy parameter',
    request: { method: 'GET', url: '/echo/a/b/' },
    expect: { status: 200, body: { path: '/echo/a/b/', params: { path: 'a/b/' } } },
  },
  {
    name: 'needs at least one segment for a greedy parameter',
    request: { method: 'GET', url: '/echo' },
    expect: { status: 404, problem: true },
  },
  {
    name: 'sets the status and two separate cookies',
    request: { method: 'GET', url: '/echo-status/201' },
    expect: { status: 201, cookies: ['a=1; Path=/', 'b=2; Path=/'], body: { status: 201 } },
  },
  {
    name: 'sends no body with a 204, cookies kept',
    request: { method: 'GET', url: '/echo-status/204' },
    expect: { status: 204, cookies: ['a=1; Path=/', 'b=2; Path=/'], empty: true },
  },
  {
    name: 'sends cookies with an error status too',
    request: { method: 'GET', url: '/echo-status/418' },
    expect: { status: 418, cookies: ['a=1; Path=/', 'b=2; Path=/'] },
  },
  {
    name: 'rejects a status that is not a number',
    request: { method: 'GET', url: '/echo-status/abc' },
    expect: { status: 400, problem: true, body: { errors: [{ path: 'params.code' }] } },
  },
  {
    name: 'answers 405 with Allow for a wrong method on a known path',
    request: { method: 'POST', url: '/echo-status/200' },
    expect: { status: 405, problem: true, headers: { allow: 'GET, HEAD' } },
  },
];
