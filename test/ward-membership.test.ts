// A shared agreement or project (several wards): each ward officer changes only their own ward's
// membership, never another ward's; the secretariat every ward (docs/permissions.md). Through
// HTTP, with valid CSRF tokens, on both engines.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { saveAgreement } from '../src/features/registry/agreements/store.ts';
import { saveProject } from '../src/features/registry/projects/store.ts';
import { signedInClient } from './accounts.ts';
import type { TestClient } from './client.ts';
import { describeEachEngine } from './helper.ts';

const CHIYODA = '131016';
const MINATO = '131032';
const CHUO = '131024';

const updatedAtIn = (html: string) => /name="updatedAt" value="([^"]+)"/.exec(html)?.[1] ?? '';

const agreementForm = (over: Record<string, string | string[]>): Record<string, string | string[]> => ({
  typeId: 'exchange',
  title: 'サンプル 千代田区・港区と名寄市との協定',
  wards: [CHIYODA, MINATO],
  partners: '012211',
  formerNames: '',
  signedOn: '2024/10/30',
  signedOnPrecision: 'day',
  resignedDates: '',
  endedOn: '',
  background: '',
  sourceUrl: '',
  notes: 'サンプル',
  ...over,
});

const projectForm = (over: Record<string, string | string[]>): Record<string, string | string[]> => ({
  fiscalYear: '2024',
  title: 'サンプル 千代田区・港区の共同事業',
  summary: '',
  field: '1',
  organiserKind: 'wards',
  wards: [CHIYODA, MINATO],
  partners: '012211',
  startsOn: '',
  endsOn: '',
  format: 'offline',
  status: '予定',
  newsUrl: '',
  sourceUrl: '',
  notes: '',
  ...over,
});

describeEachEngine('the wards of a shared record', (current) => {
  const db = () => current().database.handle.db;
  let chiyoda: TestClient;
  let secretariat: TestClient;
  let agreementId: string;
  let projectId: string;

  before(async () => {
    const { app } = current();
    chiyoda = await signedInClient(app, db(), { role: 'ward_staff', code: CHIYODA });
    secretariat = await signedInClient(app, db(), { role: 'secretariat', code: null, twoFactor: true });
    const saved = await db().transaction().execute(async (trx) => {
      const agreement = await saveAgreement(
        trx,
        { typeId: 'exchange', title: 'サンプル 千代田区・港区と名寄市との協定', wardCodes: [CHIYODA, MINATO], partnerCodes: ['012211'], partnerGroupIds: [], formerNames: {}, signedOn: '2024-10-30', signedOnPrecision: 'day', resignedDates: [], endedOn: null, background: '', sourceUrl: null, notes: 'サンプル' },
        { actorAccountId: null, provenance: 'sample' },
      );
      const project = await saveProject(
        trx,
        { fiscalYear: 2024, title: 'サンプル 千代田区・港区の共同事業', summary: '', field: 1, organiserKind: 'wards', wardCodes: [CHIYODA, MINATO], partnerCodes: ['012211'], startsOn: null, endsOn: null, format: 'offline', status: '予定', newsUrl: null, sourceUrl: null, notes: '' },
        { actorAccountId: null, provenance: 'sample' },
      );
      return { agreement: agreement.id, project: project.id };
    });
    agreementId = saved.agreement;
    projectId = saved.project;
  });

  const agreementWards = async () => (await db().selectFrom('agreement_wards').select('ward_code').where('agreement_id', '=', agreementId).orderBy('ward_code').execute()).map((r) => r.ward_code);
  const projectWards = async () => (await db().selectFrom('project_wards').select('ward_code').where('project_id', '=', projectId).orderBy('ward_code').execute()).map((r) => r.ward_code);

  test('a ward officer cannot take another ward off a shared agreement, nor add one; editing it otherwise works', async () => {
    const url = `/registry/agreements/${agreementId}/edit`;
    const page = await chiyoda.get(url);
    assert.equal(page.statusCode, 200);
    const updatedAt = updatedAtIn(page.body);
    const removed = await chiyoda.post(url, agreementForm({ wards: [CHIYODA], updatedAt }));
    assert.equal(removed.statusCode, 403, 'removing 港区');
    assert.match(removed.body, /権限がありません/);
    assert.deepEqual(await agreementWards(), [CHIYODA, MINATO]);
    await chiyoda.get(url);
    const added = await chiyoda.post(url, agreementForm({ wards: [CHIYODA, MINATO, CHUO], updatedAt }));
    assert.equal(added.statusCode, 403, 'adding 中央区');
    assert.deepEqual(await agreementWards(), [CHIYODA, MINATO]);
    await chiyoda.get(url);
    const edited = await chiyoda.post(url, agreementForm({ title: 'サンプル 千代田区が直した共同の協定', updatedAt }));
    assert.equal(edited.statusCode, 303, edited.body.slice(0, 500));
    assert.deepEqual(await agreementWards(), [CHIYODA, MINATO]);
  });

  test('the same for a shared project', async () => {
    const url = `/registry/projects/${projectId}/edit`;
    const page = await chiyoda.get(url);
    assert.equal(page.statusCode, 200);
    const removed = await chiyoda.post(url, projectForm({ wards: [CHIYODA], updatedAt: updatedAtIn(page.body) }));
    assert.equal(removed.statusCode, 403);
    assert.deepEqual(await projectWards(), [CHIYODA, MINATO]);
  });

  test('the secretariat changes the wards of a shared agreement', async () => {
    const url = `/registry/agreements/${agreementId}/edit`;
    const page = await secretariat.get(url);
    const res = await secretariat.post(url, agreementForm({ title: 'サンプル 千代田区が直した共同の協定', wards: [CHIYODA], updatedAt: updatedAtIn(page.body) }));
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    assert.deepEqual(await agreementWards(), [CHIYODA]);
  });
});
