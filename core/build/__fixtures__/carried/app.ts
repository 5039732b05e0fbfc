import { createApp, provide } from 'carve';
import { health } from './health.js';
import { MailerConfig } from './mailer.js';
import { send } from './send.js';

// The app module registers the mailer's configuration, so every unit imports mailer.ts, and yaml with it.
export default createApp({ name: 'carried', handlers: [health, send], providers: [provide(MailerConfig, { value: { from: 'app@example.com' } })] });
