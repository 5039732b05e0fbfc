import { AwsSecret } from './settings.js';

/** A secret's CloudFormation dynamic reference: `{{resolve:ssm:/shop/key}}`, `{{resolve:secretsmanager:shop:SecretString:key}}`. */
export function secretReference(_name: string, reference: unknown): string {
  const parsed = AwsSecret.safeParse(reference);
  if (!parsed.success) {
    throw new Error("expected { ssm: '/shop/stripe-key' } (a String parameter) or { secretsManager: 'name or ARN', key?: 'a JSON key' }; a SecureString parameter cannot go in a Lambda environment (CloudFormation does not resolve ssm-secure there): keep such a value in Secrets Manager");
  }
  const ref = parsed.data;
  return 'ssm' in ref ? `{{resolve:ssm:${ref.ssm}}}` : `{{resolve:secretsmanager:${ref.secretsManager}:SecretString${ref.key ? `:${ref.key}` : ''}}}`;
}
