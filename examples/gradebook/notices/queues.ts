import { AwsClient } from 'aws4fetch';

/** Where notices go: a queue that takes one message body at a time. */
export interface NoticeQueue {
  send(body: string): Promise<void>;
}

/** No queue configured (carve dev, the tests): notices go nowhere. */
export const noQueue: NoticeQueue = { send: async () => undefined };

/**
 * The queue a URL names: an SQS queue (`https://sqs.<region>.amazonaws.com/<account>/<name>`) or a Service Bus
 * queue (`https://<namespace>.servicebus.windows.net/<name>`), reached with the function's own identity.
 */
export function queueAt(url: string, env: Record<string, string | undefined> = process.env): NoticeQueue {
  const { hostname } = new URL(url);
  const sqsRegion = /^sqs\.([a-z0-9-]+)\.amazonaws\.com$/.exec(hostname)?.[1];
  if (sqsRegion) return sqsQueue(url, sqsRegion, env);
  if (hostname.endsWith('.servicebus.windows.net')) return serviceBusQueue(url, env);
  throw new Error(`GRADEBOOK_NOTICES_QUEUE=${url}: expected an SQS queue URL (https://sqs.<region>.amazonaws.com/<account>/<name>) or a Service Bus queue (https://<namespace>.servicebus.windows.net/<queue>)`);
}

/** SQS through its JSON protocol, signed with the Lambda role's credentials (the runtime puts them in the environment). */
export function sqsQueue(queueUrl: string, region: string, env: Record<string, string | undefined> = process.env): NoticeQueue {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  if (!accessKeyId || !secretAccessKey) throw new Error('SQS needs AWS credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), as Lambda gives a function its role\'s');
  const aws = new AwsClient({ accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), service: 'sqs', region, retries: 2 });
  return {
    async send(body) {
      const response = await aws.fetch(new URL('/', queueUrl).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.SendMessage' },
        body: JSON.stringify({ QueueUrl: queueUrl, MessageBody: body }),
      });
      if (!response.ok) throw new Error(`SQS SendMessage answered ${response.status}: ${await response.text()}`);
    },
  };
}

/** A Service Bus queue through its REST API, with a token for the function app's managed identity. */
export function serviceBusQueue(queueUrl: string, env: Record<string, string | undefined> = process.env): NoticeQueue {
  const { IDENTITY_ENDPOINT: identityEndpoint, IDENTITY_HEADER: identityHeader } = env;
  if (!identityEndpoint || !identityHeader) throw new Error('Service Bus needs the function app\'s managed identity (IDENTITY_ENDPOINT, IDENTITY_HEADER): turn on its system-assigned identity');
  let token: { value: string; expiresAt: number } | undefined;
  async function bearer(): Promise<string> {
    if (token && token.expiresAt - Date.now() > 5 * 60_000) return token.value;
    const url = `${identityEndpoint}?resource=${encodeURIComponent('https://servicebus.azure.net')}&api-version=2019-08-01`;
    const response = await fetch(url, { headers: { 'x-identity-header': identityHeader! } });
    if (!response.ok) throw new Error(`the managed identity endpoint answered ${response.status}: ${await response.text()}`);
    const { access_token: value, expires_on: expiresOn } = (await response.json()) as { access_token: string; expires_on: string };
    token = { value, expiresAt: Number(expiresOn) * 1000 };
    return value;
  }
  return {
    async send(body) {
      const response = await fetch(`${queueUrl.replace(/\/$/, '')}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await bearer()}`, 'content-type': 'application/json' },
        body,
      });
      if (!response.ok) throw new Error(`Service Bus answered ${response.status}: ${await response.text()}`);
    },
  };
}
