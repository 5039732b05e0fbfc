import { createHmac } from 'node:crypto';
import { resource, secret, token } from 'carve';
import type { Grade } from '../schemas.js';
import { noQueue, queueAt, type NoticeQueue as Queue } from './queues.js';

/** The queue posted grades are announced on: `carve.config.ts` `resources` says what it is on each target. */
export const GradeNoticesQueue = resource('grade-notices', 'write');

/** The key each notice is signed with, so the systems that read the queue can tell the gradebook's notices from others. */
export const NoticeKey = secret('GRADEBOOK_NOTICE_KEY');

export interface GradeNotices {
  /** Announces a posted grade; its body carries an HMAC-SHA256 of the grade under the notice key. */
  posted(grade: Grade): Promise<void>;
}

/** Signs a notice's grade: hex HMAC-SHA256 of its JSON under the key. */
export function signature(key: string, grade: Grade): string {
  return createHmac('sha256', key).update(JSON.stringify(grade)).digest('hex');
}

/** The queue at GRADEBOOK_NOTICES_QUEUE (a queue URL); without one, none. */
export const NoticeQueue = token<Queue>('NoticeQueue', {
  uses: [GradeNoticesQueue],
  factory: () => {
    const url = process.env['GRADEBOOK_NOTICES_QUEUE'];
    return url ? queueAt(url) : noQueue;
  },
});

/** Announces posted grades on the notice queue, each signed. */
export const GradeNotices = token('GradeNotices', {
  inject: { key: NoticeKey, queue: NoticeQueue },
  factory: ({ key, queue }): GradeNotices => ({
    posted: (grade) => queue.send(JSON.stringify({ type: 'grade-posted', grade, signature: signature(key, grade) })),
  }),
});
