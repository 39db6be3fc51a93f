import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLocalGovernments } from '../db/seed/local-governments.ts';
import {
  compareWithPublished,
  countByPrefecture,
  fillFiscalYears,
  groupsSignedOn,
  projectCountsByFiscalYear,
  projectsByField,
  type ProjectCount,
  figuresAsOf,
  epochOf,
  figuresOn,
  figuresTimeline,
  projectsByFiscalYear,
  trendByFiscalYear,
  type FiguresInput,
  type GroupMembership,
  type ProjectRecord,
  type WardTie,
  wardPartnerPairsOn,
} from './collaboration-figures.ts';
import { prefectureLocalGovCode, withCheckDigit } from './local-gov-code.ts';
import { deriveGroupMembers, PUBLISHED_AS_OF, toMasterMunicipalities, wideAreaGroups } from './wide-area-groups.ts';

const SUGINAMI = '131156';
const SHINAGAWA = '131091';
const A = withCheckDigit('01221'); // a municipality in Hokkaido
const B = withCheckDigit('20561');
const C = withCheckDigit('26322');
const KOCHI = prefectureLocalGovCode('39');

const tie = (partnerCode: string, startedOn: string | null, endedOn: string | null = null, wardCode = SUGINAMI): WardTie => ({
  wardCode, partnerCode, startedOn, endedOn,
});
const empty: FiguresInput = { ties: [], memberships: [], groupMembers: [] };

test('a partner with two ties (two wards, or two agreements) counts once', () => {
  const f = figuresAsOf({ ...empty, ties: [tie(A, '1989-07-01'), tie(A, '1995-01-01'), tie(A, null, null, SHINAGAWA)] }, '2022-03-01');
  assert.equal(f.wardPartners, 1);
  assert.deepEqual([...f.byCategoryCodes.wardPartners], [A]);
});

test('counted per ward, a partner of two wards counts twice, two agreements of one ward once; prefectures and ended ties not at all', () => {
  const ties = [tie(A, '1989-07-01'), tie(A, '1995-01-01'), tie(A, null, null, SHINAGAWA), tie(B, null, '2020-04-01'), tie(KOCHI, null)];
  assert.equal(wardPartnerPairsOn({ ...empty, ties }, '2022-03-01'), 2);
  assert.equal(figuresAsOf({ ...empty, ties }, '2022-03-01').wardPartners, 1);
});

test('a tie ended before asOf, or starting after it, is not counted; an unknown start is', () => {
  const ties = [tie(A, '2000-01-01', '2021-04-01'), tie(B, '2022-03-02'), tie(C, null)];
  assert.deepEqual([...figuresAsOf({ ...empty, ties }, '2022-03-01').byCategoryCodes.wardPartners], [C]);
  // The end date is exclusive: on it the tie no longer holds.
  assert.equal(figuresAsOf({ ...empty, ties: [tie(A, null, '2022-03-01')] }, '2022-03-01').wardPartners, 0);
  assert.equal(figuresAsOf({ ...empty, ties: [tie(A, null, '2022-03-02')] }, '2022-03-01').wardPartners, 1);
});

test('a municipality in all three categories counts once in the union', () => {
  const f = figuresAsOf(
    {
      ties: [tie(A, '2010-01-01'), tie(B, '2010-01-01')],
      memberships: [{ code: A, joinedOn: '2016-01-01' }, { code: C, joinedOn: '2016-01-01' }, { code: B, joinedOn: '2023-01-01' }],
      groupMembers: [{ groupId: 'g', code: A, signedOn: '2016-04-26' }],
    },
    '2022-03-01',
  );
  assert.deepEqual(
    { wardPartners: f.wardPartners, registeredMembers: f.registeredMembers, wideAreaMembers: f.wideAreaMembers, union: f.union },
    { wardPartners: 2, registeredMembers: 2, wideAreaMembers: 1, union: 3 },
  );
  assert.deepEqual([...f.byCategoryCodes.union].sort(), [A, B, C].sort());
});

test('prefectures are left out of every category and of the union', () => {
  const f = figuresAsOf({ ...empty, ties: [tie(KOCHI, '2018-09-01', null, SHINAGAWA), tie(A, null)] }, '2022-03-01');
  assert.equal(f.wardPartners, 1);
  assert.equal(f.union, 1);
  assert.ok(!f.byCategoryCodes.union.has(KOCHI));
});

test('municipalityCodes restricts counting to the given municipalities', () => {
  const f = figuresAsOf({ ...empty, ties: [tie(A, null), tie(B, null)], municipalityCodes: new Set([A]) }, '2022-03-01');
  assert.equal(f.union, 1);
});

test('a group with an unknown signing date counts at any date; a known one from its date', () => {
  const groupMembers: GroupMembership[] = [{ groupId: 'g', code: A, signedOn: null }, { groupId: 'h', code: B, signedOn: '2019-10-26' }];
  assert.equal(figuresAsOf({ ...empty, groupMembers }, '2000-01-01').wideAreaMembers, 1);
  assert.equal(figuresAsOf({ ...empty, groupMembers }, '2019-10-26').wideAreaMembers, 2);
});

test('asOf must be an ISO date', () => {
  assert.throws(() => figuresAsOf(empty, '2022/03/01'), RangeError);
});

test('the trend per 年度 is taken on 31 March: a tie from 2020-04-01 counts in 2020, not 2019', () => {
  const trend = trendByFiscalYear({ ...empty, ties: [tie(A, '2020-04-01'), tie(B, '2020-03-31')] }, 2019, 2020);
  assert.deepEqual(trend.map((t) => [t.fiscalYear, t.asOf, t.wardPartners]), [
    [2019, '2020-03-31', 1],
    [2020, '2021-03-31', 2],
  ]);
  assert.throws(() => trendByFiscalYear(empty, 2021, 2020), RangeError);
});

const project = (fiscalYear: number, organisers: string[], field: string, status: ProjectRecord['status'] = '実施'): ProjectRecord => ({
  fiscalYear, organisers, field, status,
});

test('projects split by ward vs 23区共同 and by field, per 年度 in order', () => {
  const years = projectsByFiscalYear([
    project(2021, [SUGINAMI], '観光'),
    project(2020, ['23区共同'], '産業'),
    project(2021, [SUGINAMI, SHINAGAWA], '文化'),
    project(2021, ['23区共同'], '観光'),
  ]);
  assert.deepEqual(years.map((y) => y.fiscalYear), [2020, 2021]);
  const fy2021 = years[1]!;
  assert.equal(fy2021.total, 3);
  assert.deepEqual(fy2021.byOrganiser, { ward: 2, joint: 1 });
  assert.deepEqual(fy2021.byWard, { [SUGINAMI]: 2, [SHINAGAWA]: 1 });
  assert.deepEqual(fy2021.byField, { 観光: 2, 文化: 1 });
});

test('cancelled and postponed projects stay in byStatus but not in the 実施 total', () => {
  const [fy] = projectsByFiscalYear([
    project(2020, [SUGINAMI], '観光'),
    project(2020, [SUGINAMI], '観光', '中止'),
    project(2020, ['23区共同'], '産業', '延期'),
    project(2020, [SHINAGAWA], '文化', '予定'),
  ]);
  assert.equal(fy!.total, 1);
  assert.equal(fy!.recorded, 4);
  assert.deepEqual(fy!.byStatus, { 実施: 1, 予定: 1, 中止: 1, 延期: 1 });
  assert.deepEqual(fy!.byOrganiser, { ward: 1, joint: 0 });
  assert.deepEqual(fy!.byField, { 観光: 1 });
});

test('compareWithPublished gives the signed difference', () => {
  const published = { value: 1096, asOf: '2022-03-01', source: 'パンフレット' };
  assert.deepEqual(compareWithPublished(1096, published), { difference: 0, same: true });
  assert.deepEqual(compareWithPublished(1090, published), { difference: -6, same: false });
});

test('the real master data reproduces the published 372 wide-area members as of 2022-03-01', () => {
  const master = toMasterMunicipalities(loadLocalGovernments());
  const groupMembers = wideAreaGroups.flatMap((g) =>
    deriveGroupMembers(g, master, [], PUBLISHED_AS_OF).map((code) => ({ groupId: g.id, code, signedOn: g.signedOn })),
  );
  const municipalityCodes = new Set(master.filter((m) => m.isCounted).map((m) => m.code));
  const f = figuresAsOf({ ties: [], memberships: [], groupMembers, municipalityCodes }, PUBLISHED_AS_OF);
  assert.equal(f.wideAreaMembers, 372);
  assert.deepEqual(compareWithPublished(f.wideAreaMembers, { value: 372, asOf: PUBLISHED_AS_OF, source: 'パンフレット' }).same, true);
  // Before 千葉県市長会 and 山梨県町村会 signed (2019-10-26) the figure was 321, as reported in 2018.
  assert.equal(figuresAsOf({ ties: [], memberships: [], groupMembers, municipalityCodes }, '2019-10-25').wideAreaMembers, 321);
});

test('a trend with notAfter counts a 年度 that has not ended as of that day, not its future end', () => {
  const input: FiguresInput = { ...empty, ties: [tie(A, '2024-05-01'), tie(B, '2025-01-10')] };
  const trend = trendByFiscalYear(input, 2023, 2024, '2024-12-31');
  assert.deepEqual(trend.map((t) => [t.fiscalYear, t.asOf, t.wardPartners]), [
    [2023, '2024-03-31', 0],
    [2024, '2024-12-31', 1],
  ]);
  // Without it the last 年度 is counted at its end, B included.
  assert.equal(trendByFiscalYear(input, 2024, 2024)[0]!.wardPartners, 2);
  assert.throws(() => trendByFiscalYear(input, 2023, 2024, '2024/12/31'), RangeError);
});

test('projects counted by the database give the same totals as the records themselves', () => {
  const records: ProjectRecord[] = [
    { fiscalYear: 2019, organisers: ['23区共同'], field: '2', status: '実施' },
    { fiscalYear: 2019, organisers: [SUGINAMI], field: '1', status: '実施' },
    { fiscalYear: 2019, organisers: [SUGINAMI, SHINAGAWA], field: '1', status: '実施' },
    { fiscalYear: 2020, organisers: ['23区共同'], field: '2', status: '中止' },
    { fiscalYear: 2021, organisers: [SHINAGAWA], field: '5', status: '延期' },
    { fiscalYear: 2021, organisers: [SHINAGAWA], field: '5', status: '実施' },
  ];
  const counts = new Map<string, ProjectCount>();
  for (const r of records) {
    const joint = r.organisers.includes('23区共同');
    const key = `${r.fiscalYear}/${joint}/${r.field}/${r.status}`;
    const c = counts.get(key) ?? { fiscalYear: r.fiscalYear, joint, field: r.field, status: r.status, count: 0 };
    c.count++;
    counts.set(key, c);
  }
  const fromCounts = projectCountsByFiscalYear([...counts.values()]);
  const fromRecords = projectsByFiscalYear(records).map(({ byWard: _byWard, ...rest }) => rest);
  assert.deepEqual(fromCounts, fromRecords);
  assert.deepEqual(fromCounts[0]!.byOrganiser, { ward: 2, joint: 1 });
  assert.equal(fromCounts[1]!.total, 0, 'a cancelled project is recorded but not carried out');
  assert.equal(fromCounts[1]!.recorded, 1);
  assert.throws(() => projectCountsByFiscalYear([{ fiscalYear: 2020, joint: false, field: '1', status: '実施', count: -1 }]), RangeError);
  assert.throws(() => projectCountsByFiscalYear([{ fiscalYear: 2020, joint: false, field: '1', status: 'done' as never, count: 1 }]), RangeError);
});

test('fillFiscalYears gives every 年度 of the range, with zeros where there is nothing', () => {
  const years = projectCountsByFiscalYear([
    { fiscalYear: 2013, joint: true, field: '1', status: '実施', count: 4 },
    { fiscalYear: 2016, joint: true, field: '1', status: '実施', count: 2 },
    { fiscalYear: 2016, joint: false, field: '3', status: '実施', count: 1 },
  ]);
  const filled = fillFiscalYears(years, 2014, 2017);
  assert.deepEqual(filled.map((y) => [y.fiscalYear, y.total]), [[2014, 0], [2015, 0], [2016, 3], [2017, 0]]);
  assert.deepEqual(projectsByField(filled), { '1': 2, '3': 1 }, '2013 is outside the range');
});

test('counts per prefecture need every code’s prefecture', () => {
  const prefectureOf = new Map([[A, '01'], [B, '20'], [C, '26']]);
  assert.deepEqual(countByPrefecture([A, B, C], prefectureOf), { '01': 1, '20': 1, '26': 1 });
  assert.deepEqual(countByPrefecture(new Set<string>(), prefectureOf), {});
  assert.throws(() => countByPrefecture(['999999'], prefectureOf), RangeError);
});

test('groups signed on a date: an unknown signing date counts as signed', () => {
  const groups = [{ signedOn: '2016-04-26' }, { signedOn: '2019-10-26' }, { signedOn: null }];
  assert.equal(groupsSignedOn(groups, '2016-04-25'), 1);
  assert.equal(groupsSignedOn(groups, '2016-04-26'), 2);
  assert.equal(groupsSignedOn(groups, '2022-03-01'), 3);
  assert.equal(groupsSignedOn(wideAreaGroups, PUBLISHED_AS_OF), 13);
  assert.equal(groupsSignedOn(wideAreaGroups, '2018-05-01'), 11);
});

test('figuresOn over a timeline gives what figuresAsOf gives, on every date of the boundaries', () => {
  const input: FiguresInput = {
    ties: [tie(A, '1989-07-01', '2010-04-01'), tie(A, '2015-01-01'), tie(B, null, '2001-01-01', SHINAGAWA), tie(KOCHI, '2018-09-01'), tie(C, '2020-02-01')],
    memberships: [
      { code: B, joinedOn: '2017-06-01' },
      { code: B, joinedOn: '2016-06-01' },
      { code: C, joinedOn: '2022-01-01' },
    ],
    groupMembers: [
      { groupId: 'g1', code: C, signedOn: '2016-04-26' },
      { groupId: 'g2', code: A, signedOn: null },
    ],
  };
  const timeline = figuresTimeline(input, new Map([[A, '01'], [B, '20'], [C, '26']]));
  assert.deepEqual(figuresOn(timeline, '2022-03-01').unionByPrefecture, { '01': 1, '20': 1, '26': 1 });
  for (const asOf of ['1980-01-01', '1989-07-01', '2000-12-31', '2001-01-01', '2010-03-31', '2010-04-01', '2014-12-31', '2015-01-01', '2016-04-26', '2016-06-01', '2020-02-01', '2022-03-01']) {
    const comparable = (f: ReturnType<typeof figuresAsOf>) => ({
      counts: [f.wardPartners, f.registeredMembers, f.wideAreaMembers, f.union],
      codes: Object.fromEntries(Object.entries(f.byCategoryCodes).map(([k, v]) => [k, [...v].sort()])),
    });
    assert.deepEqual(comparable(figuresOn(timeline, asOf)), comparable(figuresAsOf(input, asOf)), asOf);
  }
});

test('dates between two change days share their figures: epochOf tells them apart by the change days only', () => {
  const input: FiguresInput = {
    ...empty,
    ties: [tie(A, '2000-04-01', '2010-04-01'), tie(B, '2005-06-15'), tie(C, null)],
    memberships: [{ code: B, joinedOn: '2008-01-01' }],
  };
  const timeline = figuresTimeline(input);
  assert.deepEqual([...timeline.changeDays].map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)), ['2000-04-01', '2005-06-15', '2008-01-01', '2010-04-01']);
  assert.equal(epochOf(timeline, '1999-12-31'), 0);
  assert.equal(epochOf(timeline, '2000-04-01'), 1, 'a change day belongs to the stretch it starts');
  assert.equal(epochOf(timeline, '2010-03-31'), 3);
  assert.equal(epochOf(timeline, '2010-04-01'), 4);
  // Every day of a stretch has the figures of its first day.
  for (const [a, b] of [['2000-04-01', '2005-06-14'], ['2008-01-01', '2010-03-31'], ['2010-04-01', '2030-01-01']] as const) {
    assert.equal(epochOf(timeline, a), epochOf(timeline, b));
    const [fa, fb] = [figuresOn(timeline, a), figuresOn(timeline, b)];
    assert.deepEqual([fa.wardPartners, fa.registeredMembers, fa.union], [fb.wardPartners, fb.registeredMembers, fb.union]);
  }
});
