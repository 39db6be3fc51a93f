// Rotating TOTP_ENCRYPTION_KEY on both engines: an instance started with the new key and the old one
// in TOTP_ENCRYPTION_KEY_PREVIOUS seals every secret again with the new key; two-factor sign-in
// works before, during (a secret still sealed with the old key, as an instance not yet restarted
// writes it) and after the rotation (the old key removed).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openTotpSecret, sealTotpSecret } from '../src/db/two-factor.ts';
import { currentTotp } from '../src/security/totp.ts';
import { insertAccount, testPassword } from './accounts.ts';
import { TestClient } from './client.ts';
import { createTestDatabase, engines, postgresSkipReason, testConfig, type TestDatabase } from './helper.ts';

for (const engine of engines) {
  describe(`TOTP key rotation [${engine}]`, { skip: engine === 'postgres' ? postgresSkipReason : undefined }, () => {
    let database: TestDatabase;
    const apps: FastifyInstance[] = [];
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);

    before(async () => {
      database = await createTestDatabase(engine);
    });
    after(async () => {
      for (const app of apps) await app.close();
      await database?.drop();
    });

    const start = async (key: Buffer, previous: Buffer[] = []) => {
      const config = testConfig(database.config, { totpEncryptionKey: key, totpPreviousKeys: previous, mail: { from: 'test <test@localhost>', dir: join(tmpdir(), 'renkei-test-mail') } });
      const app = await buildApp({ config, database: database.handle });
      await app.ready();
      apps.push(app);
      return app;
    };
    const stored = async (id: string) => (await database.handle.db.selectFrom('accounts').select('totp_secret').where('id', '=', id).executeTakeFirstOrThrow()).totp_secret!;
    /** Password, then the current TOTP code; the replay guard is reset so one 30 s step serves several sign-ins. */
    const signIn = async (app: FastifyInstance, id: string, secret: string) => {
      await database.handle.db.updateTable('accounts').set({ totp_last_step: null }).where('id', '=', id).execute();
      const { email } = await database.handle.db.selectFrom('accounts').select('email').where('id', '=', id).executeTakeFirstOrThrow();
      const browser = new TestClient(app);
      const password = await browser.post('/login', { email, password: testPassword }, { from: '/login' });
      assert.equal(password.statusCode, 303);
      assert.equal(password.headers.location, '/login/two-factor');
      const code = await browser.post('/login/two-factor', { code: currentTotp(secret), next: '/member' }, { from: '/login/two-factor' });
      assert.equal(code.statusCode, 303, code.body.slice(0, 500));
      assert.equal(code.headers.location, '/member');
      assert.equal((await browser.get('/member')).statusCode, 200);
    };

    test('the previous key opens old secrets until the start re-seals them with the new key', async () => {
      const id = await insertAccount(database.handle.db, { role: 'secretariat', code: null, twoFactor: true });
      const secret = await stored(id); // the test account's secret, still in plaintext

      // Before: the old key seals the plaintext secret at start; sign-in works.
      const before = await start(oldKey);
      assert.equal(openTotpSecret(oldKey, await stored(id)), secret);
      await signIn(before, id, secret);

      // During: the new key, the old one as previous. The start re-sealed the secret with the new key…
      const during = await start(newKey, [oldKey]);
      assert.equal(openTotpSecret(newKey, await stored(id)), secret, 're-sealed with the new key');
      assert.throws(() => openTotpSecret(oldKey, sealTotpSecret(newKey, secret)), 'the old key alone no longer opens it');
      await signIn(during, id, secret);
      // …and a secret an instance still on the old key writes meanwhile is opened with the previous key.
      const lateId = await insertAccount(database.handle.db, { role: 'secretariat', code: null, twoFactor: true });
      const lateSecret = await stored(lateId);
      await database.handle.db.updateTable('accounts').set({ totp_secret: sealTotpSecret(oldKey, lateSecret) }).where('id', '=', lateId).execute();
      await signIn(during, lateId, lateSecret);

      // After: every instance restarted with the new key and the previous one kept re-seals the late secret…
      await start(newKey, [oldKey]);
      assert.equal(openTotpSecret(newKey, await stored(lateId)), lateSecret);
      // …and with the old key removed, both accounts still sign in.
      const afterRotation = await start(newKey);
      await signIn(afterRotation, id, secret);
      await signIn(afterRotation, lateId, lateSecret);
    });

    test('TOTP_ENCRYPTION_KEY_PREVIOUS takes a comma-separated list of keys and refuses a malformed one', () => {
      const hex = (key: Buffer) => key.toString('hex');
      const config = loadConfig({ APP_ENV: 'test', TOTP_ENCRYPTION_KEY: hex(newKey), TOTP_ENCRYPTION_KEY_PREVIOUS: `${hex(oldKey)}, ${oldKey.toString('base64')},${hex(newKey)}` });
      assert.deepEqual(config.totpPreviousKeys, [oldKey, oldKey], 'the current key itself is left out');
      assert.throws(() => loadConfig({ APP_ENV: 'test', TOTP_ENCRYPTION_KEY_PREVIOUS: 'short' }), /TOTP_ENCRYPTION_KEY_PREVIOUS must be each/);
    });
  });
}
