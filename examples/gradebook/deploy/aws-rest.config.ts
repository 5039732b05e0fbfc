import { defineConfig } from 'carve/build';
import { gradebookCloud } from '../carve.config.js';

// The gradebook behind a REST API on AWS (`carve build … --config examples/gradebook/deploy/aws-rest.config.ts`):
// recording a grade takes a school's API key (a usage plan with its throttle and quota), the health check is
// cached at the gateway, every route is throttled, access logs are kept 30 days, and prod is traced. Its secret and
// resource are the ones every gradebook build declares.
export default defineConfig(({ stage }) => ({
  ...gradebookCloud,
  aws: {
    gateway: {
      apiKeys: { routes: ['postGrades'], plans: { school: { throttle: { rateLimit: 20, burstLimit: 40 }, quota: { limit: 5000, period: 'DAY' } } } },
      cache: { getHealth: 30 },
      throttle: { rateLimit: 200, burstLimit: 400 },
      logs: { retentionDays: 30 },
      tracing: stage === 'prod',
    },
  },
}));
