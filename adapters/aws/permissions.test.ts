import { resource } from 'carve';
import { describe, expect, it } from 'vitest';
import { resourcePolicy } from './permissions.js';

const actions = (reference: unknown, access: 'read' | 'write' | 'read-write') => (resourcePolicy('r', reference, access) as { Action: string[] }[]).map((s) => s.Action);

describe('IAM statements for a resource', () => {
  it('grant what the access needs and no more, on each kind', () => {
    expect(actions({ s3Bucket: 'shop-files' }, 'read')).toEqual([['s3:GetObject'], ['s3:ListBucket']]);
    expect(actions({ s3Bucket: 'shop-files' }, 'write')).toEqual([['s3:PutObject', 's3:DeleteObject']]);
    expect(actions({ sqsQueue: 'jobs.fifo' }, 'write')).toEqual([['sqs:SendMessage', 'sqs:GetQueueAttributes']]);
    expect(actions({ sqsQueue: 'jobs' }, 'read-write')).toEqual([['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes', 'sqs:SendMessage']]);
    expect(actions({ snsTopic: 'events' }, 'write')).toEqual([['sns:Publish']]);
    expect(actions({ dynamodbTable: 'orders' }, 'read-write')[0]).toHaveLength(9);
  });

  it('name the bucket, object and queue ARNs in the stack partition', () => {
    const [objects] = resourcePolicy('r', { s3Bucket: 'shop-files' }, 'write') as { Resource: unknown }[];
    expect(objects!.Resource).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:', ':', ':shop-files/*']] });
  });

  it('refuse what is not a resource it knows, and resource() a name or an access that is not one', () => {
    expect(() => resourcePolicy('r', { table: 'orders' }, 'read')).toThrow('expected one of { dynamodbTable');
    expect(() => resourcePolicy('r', { s3Bucket: 'Not_A_Bucket' }, 'read')).toThrow('expected one of');
    expect(() => resource('orders table')).toThrow('a resource name is letters');
    expect(() => resource('orders', 'admin' as never)).toThrow("access is 'read', 'write' or 'read-write'");
  });
});
