import { defineTarget, runtimeModule } from 'carve/build';
import { awsCost, awsLimits } from './limits.js';
import { FALLBACK_UNIT } from './routes.js';
import { samTemplate } from './sam.js';
import { hasOfflinePlugin, OFFLINE_PLUGIN, serverlessYml } from './serverless-yml.js';
import { unguardedAtGateway } from './gateway-auth.js';
import { resourcePolicy } from './permissions.js';
import { secretReference } from './secrets.js';
import { checkEnvironment, nodeOptions, serviceName } from './service.js';
import { AwsSettings } from './settings.js';

/** AWS Lambda: `index.js` per unit, AWS SAM `template.yaml` and `serverless.yml`, on an HTTP API. */
export default defineTarget<AwsSettings>({
  name: 'aws',
  entry: {
    file: 'index.js',
    module: runtimeModule(new URL('./entry.js', import.meta.url)),
    remainder: runtimeModule(new URL('./entry-legacy.js', import.meta.url)),
  },
  bundle: { target: 'node20' },
  nodeOptions,
  secretReference,
  resourcePolicy,
  checkEnvironment,
  settings: AwsSettings,
  fallbackUnit: FALLBACK_UNIT,
  emit(context) {
    const files: Record<string, string> = {};
    for (const unit of context.units) {
      files[`${unit.name}/package.json`] = `${JSON.stringify({ name: `${context.app.name}-${unit.name}`, private: true, type: 'module', dependencies: unit.externals }, null, 2)}\n`;
    }
    files['template.yaml'] = samTemplate(context);
    files['serverless.yml'] = serverlessYml(context);
    return files;
  },
  deploy: ({ app, shape, dir }) => [
    `sam deploy --template-file ${dir}/template.yaml --stack-name ${serviceName(app, shape)} --resolve-s3 --capabilities CAPABILITY_IAM`,
    `(cd ${dir} && npx osls deploy --stage dev)`,
    hasOfflinePlugin(dir) ? `(cd ${dir} && npx osls offline)   # API Gateway and Lambda emulated on localhost`
      : `# to serve serverless.yml locally: npm install --save-dev osls ${OFFLINE_PLUGIN}, build again, then (cd ${dir} && npx osls offline)`,
  ],
  limits: ({ app, units, settings }) => [...awsLimits(units, settings), ...unguardedAtGateway(app, units)],
  cost: ({ settings }, usage, coldStartMs) => awsCost(settings, usage, coldStartMs),
  probe: runtimeModule(new URL('./probe.js', import.meta.url)),
});
