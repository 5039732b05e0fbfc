import { createApp, handler, reply } from 'carve';
import { z } from 'carve/zod';

/** Echoes back everything the handler saw: the adapter conformance fixture. */
export const echo = handler({
  method: 'ANY',
  path: '/echo/{path+}',
  auth: 'public',
  summary: 'Echo the request as the handler sees it',
}, ({ request }) => ({
  method: request.method,
  path: request.path,
  params: request.params,
  query: request.query,
  headers: request.headers,
  cookies: request.cookies,
  bodyBase64: request.body ? Buffer.from(request.body).toString('base64') : '',
  contentType: request.headers['content-type'] ?? '',
  requestId: request.requestId,
  sourceIp: request.sourceIp,
}));

/** Answers with the status asked for and two cookies. */
export const echoStatus = handler({
  method: 'GET',
  path: '/echo-status/{code}',
  auth: 'public',
  params: z.object({ code: z.coerce.number().int().min(200).max(599) }),
  summary: 'Respond with the given status and two Set-Cookie headers',
  graphql: false, // it is about status codes and cookies, which a GraphQL field cannot carry
}, ({ params }) => reply({
  status: params.code,
  cookies: ['a=1; Path=/', 'b=2; Path=/'],
  body: params.code === 204 || params.code === 304 ? undefined : { status: params.code },
}));

export default createApp({ name: 'echo', handlers: [echo, echoStatus] });
