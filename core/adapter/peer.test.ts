import { describe, expect, it } from 'vitest';
import { importPeer, MissingPeerError, missingPackageIn } from './peer.js';

describe('optional peers', () => {
  it('names the package to install when it is not there', async () => {
    // @ts-expect-error a package that does not exist, on purpose
    const missing = importPeer('carve-no-such-package', 'carve/example', () => import('carve-no-such-package'));
    await expect(missing).rejects.toThrow(MissingPeerError);
    await expect(missing).rejects.toThrow('carve/example needs the package carve-no-such-package, which is not installed: npm install carve-no-such-package');
  });

  it('passes other failures on as they are, a missing package the peer itself needs included', async () => {
    const broken = new Error('boom');
    await expect(importPeer('express', 'x', () => Promise.reject(broken))).rejects.toBe(broken);
    const nested = Object.assign(new Error("Cannot find package 'qs' imported from /x/express/index.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(importPeer('express', 'x', () => Promise.reject(nested))).rejects.toBe(nested);
  });

  it('reads the package from Node\'s ESM and CommonJS wording, never a relative or absolute path', () => {
    expect(missingPackageIn("Cannot find package '@vendia/serverless-express' imported from /a/b.js")).toBe('@vendia/serverless-express');
    expect(missingPackageIn("Error: Cannot find module 'express/lib/router'\nRequire stack:")).toBe('express');
    expect(missingPackageIn("Cannot find module '/tmp/unit/index.js'")).toBeUndefined();
    expect(missingPackageIn("Cannot find module './x.js'")).toBeUndefined();
  });
});
