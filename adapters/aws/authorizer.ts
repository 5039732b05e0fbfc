import type { Principal } from 'carve';

/**
 * The caller an API Gateway authorizer established: JWT authorizer claims (HTTP API), Cognito claims
 * (REST), a Lambda authorizer's context, or an IAM identity. `undefined` when there is none.
 */
export function authorizerPrincipal(authorizer: Record<string, unknown> | null | undefined, rolesClaim: string,
  iamUserArn?: string | null): Principal | undefined {
  const jwt = record(record(authorizer?.['jwt'])?.['claims']) ?? record(authorizer?.['claims']);
  if (jwt && typeof jwt['sub'] === 'string') {
    return { sub: jwt['sub'], roles: roles(jwt[rolesClaim]), scheme: 'aws-authorizer-jwt', claims: jwt };
  }
  const lambda = record(authorizer?.['lambda']) ?? (typeof authorizer?.['principalId'] === 'string' ? authorizer : undefined);
  if (lambda) {
    const sub = lambda['sub'] ?? lambda['principalId'];
    if (typeof sub === 'string' && sub !== '') return { sub, roles: roles(lambda[rolesClaim]), scheme: 'aws-authorizer-lambda', claims: lambda };
  }
  const iam = record(authorizer?.['iam']);
  const arn = typeof iam?.['userArn'] === 'string' ? iam['userArn'] : iamUserArn;
  if (arn) return { sub: arn, roles: [], scheme: 'aws-iam', claims: iam ?? { userArn: arn } };
  return undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && Object.keys(value).length > 0 ? (value as Record<string, unknown>) : undefined;
}

/** Roles may be an array, a space-separated string, or HTTP API's flattening of an array: `"[a b]"`. */
function roles(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value !== 'string') return [];
  const text = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
  return text.split(/[\s,]+/).filter(Boolean);
}
