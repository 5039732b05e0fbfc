import { defineConfig } from 'carve/build';

// Where the gradebook's secret and cloud resource live on each target. Only the units whose handlers reach them get
// them: the notice key in their environment, the queue in their role (their managed identity's roles, on Azure).
export const gradebookCloud = {
  secrets: {
    GRADEBOOK_NOTICE_KEY: {
      aws: { ssm: '/gradebook/notice-key' },
      azure: { keyVault: 'https://gradebook.vault.azure.net/secrets/notice-key' },
    },
  },
  resources: {
    'grade-notices': { aws: { sqsQueue: 'gradebook-notices' }, azure: { serviceBus: 'gradebook-notices' } },
  },
  // The queue's URL, from the shell that runs the build (`GRADEBOOK_NOTICES_QUEUE=https://sqs.… carve build …`).
  env: process.env['GRADEBOOK_NOTICES_QUEUE'] ? { GRADEBOOK_NOTICES_QUEUE: process.env['GRADEBOOK_NOTICES_QUEUE'] } : {},
};

export default defineConfig(gradebookCloud);
