// Converted by carve split from app.js:7 (POST /sessions).
import { handler } from 'carve';
import * as z from 'carve/zod/mini';
import { expressResponse } from '../_express.mjs';

export const postSessions = handler({ method: 'POST', path: '/sessions', resource: 'sessions', auth: 'public', body: z.any() }, async ({ body, request }) => {
  const res = expressResponse(request);
  if (!body || !body.user) return res.status(400).json({ error: 'user is required' });
  res.cookie('session', `s-${body.user}`, { httpOnly: true, sameSite: 'lax' });
  res.cookie('prefs', { theme: 'dark' });
  res.location(`/sessions/${body.user}`);
  return res.status(201).json({ user: body.user });
});
