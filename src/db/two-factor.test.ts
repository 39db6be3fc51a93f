import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { createTestDatabase, engines, postgresSkipReason } from '../../test/helper.ts';
import { currentTotp, newTotpSecret } from '../security/totp.ts';
import { consumeTotp } from './two-factor.ts';

for (const engine of engines) {
  test(`a TOTP code is accepted once only, and never an older one [${engine}]`, { skip: engine === 'postgres' ? postgresSkipReason : undefined }, async () => {
    const database = await createTestDatabase(engine, { demoData: false });
    try {
      const { db } = database.handle;
      const id = randomUUID();
      const secret = newTotpSecret();
      const now = new Date().toISOString();
      await db
        .insertInto('accounts')
        .values({ id, email: `${id}@example.lg.jp`, password_hash: 'x', role: 'member', status: 'active', local_government_code: '012211', department: '', full_name: '試験', full_name_kana: 'シケン', display_name: '試験', phone: '', totp_secret: secret, totp_enabled_at: now, password_changed_at: now, created_at: now, updated_at: now })
        .execute();
      const t = Date.now();
      assert.equal(await consumeTotp(db, id, secret, currentTotp(secret, t), t), true);
      assert.equal(await consumeTotp(db, id, secret, currentTotp(secret, t), t), false, 'replayed');
      assert.equal(await consumeTotp(db, id, secret, currentTotp(secret, t - 30_000), t), false, 'an older step');
      assert.equal(await consumeTotp(db, id, secret, '000000', t + 30_000) && currentTotp(secret, t + 30_000) !== '000000', false, 'a wrong code');
      assert.equal(await consumeTotp(db, id, secret, currentTotp(secret, t + 30_000), t + 30_000), true, 'the next step works');
    } finally {
      await database.drop();
    }
  });
}
