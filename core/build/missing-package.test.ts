import { describe, expect, it } from 'vitest';
import { explainMissingPackage } from './missing-package.js';

const probeFailure = (stderr: string) => Object.assign(new Error('the cold-start probe of unit students (GET /students/x) failed: }'), { stderr });
const explained = (error: unknown) => {
  try {
    explainMissingPackage(error, 'measuring the cold start of students');
  } catch (thrown) {
    return thrown as Error;
  }
  throw new Error('explainMissingPackage returned');
};

describe('explainMissingPackage', () => {
  it('says to install a package that is not installed', () => {
    const error = explained(probeFailure("Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'left-pad-nowhere' imported from /srv/app/dist/aws/monolith/shop/index.js"));
    expect(error.message).toBe('measuring the cold start of students needs the package left-pad-nowhere, which is not installed: npm install left-pad-nowhere');
  });

  it('says where it was not found when this project has it: the unit\'s folder under --out, outside the project', () => {
    const stderr = "Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'better-sqlite3' imported from /tmp/out/aws/nanoservices.partial-4242/get-students/index.js";
    expect(explained(probeFailure(stderr)).message).toBe('measuring the cold start of students needs the package better-sqlite3, which is installed in this project but not found from '
      + "/tmp/out/aws/nanoservices/get-students, outside it: build into a folder inside the project (--out), or npm install in the unit's folder (its package.json lists better-sqlite3)");
  });

  it('rethrows anything else as it is', () => {
    const other = probeFailure('TypeError: handler is not a function');
    expect(explained(other)).toBe(other);
  });
});
