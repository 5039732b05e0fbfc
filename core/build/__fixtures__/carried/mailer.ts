import { token } from 'carve';
import { stringify } from 'yaml';

export interface MailerConfig {
  from: string;
}

export const MailerConfig = token<MailerConfig>('MailerConfig');

/** Renders a message as YAML: the package only the unit that sends mail needs. */
export const Mailer = token('Mailer', {
  inject: { config: MailerConfig },
  factory: ({ config }) => ({ render: (to: string) => stringify({ from: config.from, to }) }),
});
