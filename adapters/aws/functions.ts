import type { BuiltUnit } from 'carve/build';
import type { AwsSettings } from './settings.js';

type Vpc = NonNullable<AwsSettings['vpc']>;

/**
 * What one unit's function runs with where it differs from every function's (memory, timeout), and its VPC: its own,
 * else the app's, none for `vpc: false`. The VPC is set per function: SAM's Globals would append a function's lists to
 * its own, so no function could leave the app's VPC.
 */
export function functionSettings(unit: BuiltUnit, settings: AwsSettings): { memoryMb?: number; timeoutSeconds?: number; vpc?: Vpc } {
  const own = settings.functions[unit.name] ?? {};
  const vpc = own.vpc === false ? undefined : own.vpc ?? settings.vpc;
  return {
    ...(own.memoryMb !== undefined ? { memoryMb: own.memoryMb } : {}),
    ...(own.timeoutSeconds !== undefined ? { timeoutSeconds: own.timeoutSeconds } : {}),
    ...(vpc ? { vpc } : {}),
  };
}

/** `aws.functions` names a unit the shape built does not have: a warning, as `units` in carve.config.ts does. */
export function unknownFunctions(units: readonly BuiltUnit[], settings: AwsSettings): string[] {
  const names = new Set(units.map((u) => u.name));
  return Object.keys(settings.functions).filter((name) => !names.has(name)).map((name) => (
    `aws.functions.${name} names no unit of this shape (its units: ${[...names].join(', ')}); its settings are not used`
  ));
}

/** SAM's VpcConfig. */
export const samVpc = (vpc: Vpc) => ({ SubnetIds: vpc.subnetIds, SecurityGroupIds: vpc.securityGroupIds });
