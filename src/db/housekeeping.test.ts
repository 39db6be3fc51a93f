import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { createTestDatabase, engines, postgresSkipReason } from '../../test/helper.ts';
import { hashPassword } from '../security/passwords.ts';
import { purgeExpired } from './housekeeping.ts';
import { createSession, findSession, sessionLimits } from './sessions.ts';

for (const engine of engines) {
  test(`expired and idle sessions are purged, live ones kept [${engine}]`, { skip: engine === 'postgres' ? postgresSkipReason : undefined }, async () => {
    const database = await createTestDatabase(engine, { demoData: false });
    try {
      const { db } = database.handle;
      const id = randomUUID();
      const now = new Date().toISOString();
      await db
        .insertInto('accounts')
        .values({ id, email: `${id}@example.lg.jp`, password_hash: await hashPassword('a long enough password'), role: 'member', status: 'active', local_government_code: '012211', department: '', full_name: '試験', full_name_kana: 'シケン', display_name: '試験', phone: '', password_changed_at: now, created_at: now, updated_at: now })
        .execute();
      const live = await createSession(db, { accountId: id, stage: 'authenticated', ip: '', userAgent: '' });
      const idle = await createSession(db, { accountId: id, stage: 'authenticated', ip: '', userAgent: '' });
      const idleSince = new Date(Date.now() - sessionLimits.idleMs - 1000).toISOString();
      await db.updateTable('sessions').set({ last_seen_at: idleSince }).where('id_hash', '!=', (await findSession(db, live.token))!.session.id_hash).execute();
      assert.equal(await findSession(db, idle.token), undefined, 'an idle session is refused on sight');
      await purgeExpired(db);
      const left = await db.selectFrom('sessions').select('id_hash').execute();
      assert.equal(left.length, 1);
      assert.ok(await findSession(db, live.token));
    } finally {
      await database.drop();
    }
  });
}
