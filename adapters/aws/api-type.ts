import type { GatewaySettings } from './settings.js';

export type ApiType = 'http' | 'rest';

interface RestOnly {
  setting: 'apiKeys' | 'cache' | 'allowIps';
  what: string;
  asked(gateway: GatewaySettings): boolean;
}

// What only a REST API has, by the setting that asks for it.
const REST_ONLY: readonly RestOnly[] = [
  { setting: 'apiKeys', what: 'API keys and usage plans', asked: (g) => g.apiKeys !== undefined },
  { setting: 'cache', what: 'response caching', asked: (g) => Object.keys(g.cache).length > 0 },
  { setting: 'allowIps', what: 'an IP allow-list (a resource policy)', asked: (g) => g.allowIps !== undefined },
];

/** The API type, and why: the one set, else an HTTP API unless a feature only a REST API has is asked for. */
export function chooseApi(gateway: GatewaySettings): { type: ApiType; reason: string } {
  const restOnly = REST_ONLY.filter((f) => f.asked(gateway));
  const lacking = restOnly[0];
  if (gateway.api === 'http' && lacking) {
    throw new Error(`aws.gateway.${lacking.setting}: ${lacking.what} need a REST API, and aws.gateway.api is 'http' (an HTTP API has none): set api: 'rest', or leave api out`);
  }
  if (gateway.api) return { type: gateway.api, reason: `a${gateway.api === 'http' ? 'n HTTP' : ' REST'} API, as aws.gateway.api says` };
  if (restOnly.length > 0) return { type: 'rest', reason: `a REST API, for ${restOnly.map((f) => `${f.what} (aws.gateway.${f.setting})`).join(', ')}: an HTTP API has none` };
  return { type: 'http', reason: 'an HTTP API (the default: nothing asked for needs a REST API)' };
}
