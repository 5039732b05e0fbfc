import type { Access } from 'carve';
import { AwsResource } from './settings.js';

/** An ARN in this stack's partition, region and account, as CloudFormation (and serverless.yml, which leaves it alone) writes one. */
const arn = (service: string, path: string, { regional = true } = {}) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:${service}:`, ...(regional ? [{ Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }] : [':']), `:${path}`]],
});

// The actions each kind of resource needs, by access: reading it, and changing it.
const ACTIONS = {
  dynamodbTable: {
    read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:ConditionCheckItem'],
    write: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
  },
  s3Bucket: { read: ['s3:GetObject'], write: ['s3:PutObject', 's3:DeleteObject'] },
  sqsQueue: { read: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes'], write: ['sqs:SendMessage', 'sqs:GetQueueAttributes'] },
  snsTopic: { read: ['sns:GetTopicAttributes'], write: ['sns:Publish'] },
} as const;

const actionsFor = (kind: keyof typeof ACTIONS, access: Access): string[] =>
  [...new Set([...(access === 'write' ? [] : ACTIONS[kind].read), ...(access === 'read' ? [] : ACTIONS[kind].write)])];

/** IAM statements giving a function `access` to one resource, and nothing else. */
export function resourcePolicy(_name: string, reference: unknown, access: Access): unknown[] {
  const parsed = AwsResource.safeParse(reference);
  if (!parsed.success) throw new Error("expected one of { dynamodbTable: 'name' }, { s3Bucket: 'name' }, { sqsQueue: 'name' }, { snsTopic: 'name' } (an existing resource of this account and region)");
  const ref = parsed.data;
  if ('dynamodbTable' in ref) {
    const table = `table/${ref.dynamodbTable}`;
    return [{ Effect: 'Allow', Action: actionsFor('dynamodbTable', access), Resource: [arn('dynamodb', table), arn('dynamodb', `${table}/index/*`)] }];
  }
  if ('s3Bucket' in ref) {
    const statements: unknown[] = [{ Effect: 'Allow', Action: actionsFor('s3Bucket', access), Resource: arn('s3', `${ref.s3Bucket}/*`, { regional: false }) }];
    if (access !== 'write') statements.push({ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: arn('s3', ref.s3Bucket, { regional: false }) });
    return statements;
  }
  if ('sqsQueue' in ref) return [{ Effect: 'Allow', Action: actionsFor('sqsQueue', access), Resource: arn('sqs', ref.sqsQueue) }];
  return [{ Effect: 'Allow', Action: actionsFor('snsTopic', access), Resource: arn('sns', ref.snsTopic) }];
}
