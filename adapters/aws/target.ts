import { defineTarget, runtimeModule } from 'carve/build';
import { awsCost, awsLimits } from './limits.js';
import { FALLBACK_UNIT } from './routes.js';
import { planId } from './sam-api.js';
import { samTemplate } from './sam.js';
import { hasOfflinePlugin, OFFLINE_PLUGIN, serverlessYml, serverlessYmlGaps } from './serverless-yml.js';
import { gatewayJwt, restCognitoPool, unguardedAtGateway } from './gateway-auth.js';
import { unknownFunctions } from './functions.js';
import { chooseApi } from './api-type.js';
import { checkGateway } from './gateway.js';
import { resourcePolicy } from './permissions.js';
import { secretReference } from './secrets.js';
import { checkEnvironment, nodeOptions, serviceName } from './service.js';
import { AwsSettings } from './settings.js';

/** AWS Lambda: `index.js` per unit, AWS SAM `template.yaml` and `serverless.yml`, behind an HTTP API or a REST API. */
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
  check: (app, settings) => checkGateway(app, settings.gateway),
  emit(context) {
    const files: Record<string, string> = {};
    for (const unit of context.units) {
      files[`${unit.name}/package.json`] = `${JSON.stringify({ name: `${context.app.name}-${unit.name}`, private: true, type: 'module', dependencies: unit.externals }, null, 2)}\n`;
    }
    files['template.yaml'] = samTemplate(context);
    files['serverless.yml'] = serverlessYml(context);
    return files;
  },
  deploy: ({ app, shape, stage, dir, settings }) => [
    `sam deploy --template-file ${dir}/template.yaml --stack-name ${stackName(app, shape, stage)} --resolve-s3 --capabilities CAPABILITY_IAM`,
    // A key's value is not in the template: API Gateway makes it, and the stack's outputs name each key's id.
    ...Object.keys(settings.gateway.apiKeys?.plans ?? {}).map((plan) => `aws apigateway get-api-key --include-value --query value --output text --api-key "$(aws cloudformation describe-stacks --stack-name ${stackName(app, shape, stage)} --query "Stacks[0].Outputs[?OutputKey=='ApiKey${planId(plan)}'].OutputValue" --output text)"   # the ${plan} plan's API key`),
    `(cd ${dir} && npx osls deploy --stage ${stage ?? 'dev'})`,
    hasOfflinePlugin(dir) ? `(cd ${dir} && npx osls offline)   # API Gateway and Lambda emulated on localhost`
      : `# to serve serverless.yml locally: npm install --save-dev osls ${OFFLINE_PLUGIN}, build again, then (cd ${dir} && npx osls offline)`,
  ],
  limits: ({ app, units, settings }) => [...awsLimits(units, settings), ...unknownFunctions(units, settings), ...gatewayNotes(app, settings), ...unguardedAtGateway(app, units, chooseApi(settings.gateway).type)],
  cost: ({ settings }, usage, coldStartMs) => awsCost(settings, usage, coldStartMs),
  probe: runtimeModule(new URL('./probe.js', import.meta.url)),
});

/** Which API carve chose and why, what it leaves to carve, and what serverless.yml cannot say. */
function gatewayNotes(app: Parameters<typeof gatewayJwt>[0], settings: AwsSettings): string[] {
  const { type, reason } = chooseApi(settings.gateway);
  // Said when carve chose REST for a feature: an HTTP API is the default, and one set by name needs no reason.
  const notes = type === 'rest' && !settings.gateway.api ? [`API Gateway: ${reason}`] : [];
  if (type === 'rest' && restCognitoPool(app)) {
    notes.push("the REST API's Cognito authorizer stops bad tokens at the gateway on the guarded routes; carve checks each token again in the function (the authorizer does not check the audience)");
  } else if (type === 'rest' && gatewayJwt(app)) {
    notes.push('a REST API has no JWT authorizer (only Cognito user pools have one): carve checks the tokens in each function (an HTTP API would stop bad ones at the gateway)');
  }
  if (type === 'http' && settings.gateway.tracing) notes.push('X-Ray traces the functions; an HTTP API itself is not traced (a REST API is)');
  return [...notes, ...serverlessYmlGaps(settings.gateway)];
}

/** The SAM stack: the app and shape, and the stage when the build has one. */
const stackName = (app: Parameters<typeof serviceName>[0], shape: Parameters<typeof serviceName>[1], stage: string | undefined) => `${serviceName(app, shape)}${stage ? `-${stage}` : ''}`;
