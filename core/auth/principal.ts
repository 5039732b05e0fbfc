/** Who is calling, as established by an authenticator (JWT, API key, or a provider's authorizer). */
export interface Principal {
  /** The subject: a user id, a service name. */
  readonly sub: string;
  readonly roles: readonly string[];
  /** Which authenticator established it: `jwt`, `api-key`, … */
  readonly scheme: string;
  /** Every claim the credential carried. */
  readonly claims: Readonly<Record<string, unknown>>;
}
