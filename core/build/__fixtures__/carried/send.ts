import { handler } from 'carve';
import { Mailer } from './mailer.js';

export const send = handler({ method: 'POST', path: '/mail', auth: 'public', inject: { mailer: Mailer } }, (_input, { mailer }) => ({ sent: mailer.render('a@example.com') }));
