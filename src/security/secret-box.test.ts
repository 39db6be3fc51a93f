import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { isSealed, openSecret, sealSecret } from './secret-box.ts';

test('a sealed secret opens with its key only, never twice the same, and tampering is detected', () => {
  const key = randomBytes(32);
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const a = sealSecret(key, secret);
  const b = sealSecret(key, secret);
  assert.ok(isSealed(a) && a !== b, 'a fresh IV each time');
  assert.ok(!a.includes(secret));
  assert.ok(a.length <= 255, 'fits the column');
  assert.equal(openSecret(key, a), secret);
  assert.throws(() => openSecret(randomBytes(32), a), 'another key');
  const raw = Buffer.from(a.slice(3), 'base64url');
  raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1);
  assert.throws(() => openSecret(key, `v1:${raw.toString('base64url')}`), 'tampered');
  assert.equal(openSecret(key, secret), secret, 'a secret stored before encryption is read as it is');
});
