// The headline figures the sourced seed alone gives (no demo data), on both engines: what the ward
// files add up to on the pamphlet's date, for the comparison with the published 832.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { wardPartnerPairsOn } from '../../../domain/collaboration-figures.ts';
import { createTestDatabase, engines, postgresSkipReason, type TestDatabase } from '../../../../test/helper.ts';
import { registryModel } from '../model/index.ts';
import { computeFigures, figuresInputOf } from './load.ts';

for (const engine of engines) {
  describe(`figures of the sourced seed [${engine}]`, { skip: engine === 'postgres' ? postgresSkipReason : undefined }, () => {
    let database: TestDatabase;
    before(async () => {
      database = await createTestDatabase(engine, { demoData: false });
    });
    after(async () => {
      await database?.drop();
    });

    test('各区の交流自治体数 on 2022-03-01: 318 municipalities, 358 ward–partner pairs; the union 555', async () => {
      const model = await registryModel(database.handle.db);
      const figures = computeFigures(model, '2022-03-01');
      assert.equal(figures.wardPartners, 318);
      assert.equal(wardPartnerPairsOn(figuresInputOf(model), '2022-03-01'), 358);
      assert.equal(figures.union, 555);
    });
  });
}
