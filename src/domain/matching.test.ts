import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answers, explainSuggestion, isCurrent, matchingKinds, rankPartners, WEIGHTS, type MatchingEntry, type MatchingParty, type PartnerTie } from './matching.ts';

const asOf = '2026-12-08';
let n = 0;
const entry = (code: string, direction: 'offer' | 'seek', kind: MatchingEntry['kind'], more: Partial<MatchingEntry> = {}): MatchingEntry => ({
  id: `e${++n}`,
  code,
  direction,
  kind,
  fields: [],
  title: `${kind}-${direction}`,
  periodStart: null,
  periodEnd: null,
  status: 'open',
  ...more,
});
const party = (code: string, name: string, entries: MatchingEntry[]): MatchingParty => ({ code, name, prefectureCode: code.slice(0, 2), entries });
const fieldNames = (f: number) => ({ 1: { ja: '産業振興', en: 'Industry' }, 2: { ja: '観光振興', en: 'Tourism' } })[f as 1 | 2];
const none = new Map<string, PartnerTie[]>();

const nayoro = party('012211', '名寄市', [entry('012211', 'seek', 'venue', { fields: [1] })]);
const suginami = party('131156', '杉並区', [entry('131156', 'offer', 'venue', { fields: [1] })]);
const nayoroTie: PartnerTie = { kind: 'agreement', titleJa: '交流自治体協定', titleEn: 'Exchange agreement', since: 1989 };

test('the vocabulary: every kind answers its own need except where a near kind is listed, and references only known kinds', () => {
  const ids = new Set(matchingKinds.map((k) => k.id));
  for (const k of matchingKinds) {
    assert.ok(k.answeredBy.includes(k.id), k.id);
    for (const a of k.answeredBy) assert.ok(ids.has(a), `${k.id} → ${a}`);
    assert.ok(k.offerJa && k.seekJa && k.offerEn && k.seekEn);
  }
  assert.equal(answers('venue', 'outlet'), true, 'a venue answers the need for an outlet');
  assert.equal(answers('outlet', 'venue'), false, 'a shop does not answer the need for a venue');
});

test('only candidates with a complementary offer or need are suggested, never the subject itself', () => {
  const bystander = party('011002', '札幌市', [entry('011002', 'seek', 'venue')]);
  const result = rankPartners(nayoro, [nayoro, bystander, suginami], none, WEIGHTS, { asOf });
  assert.deepEqual(result.map((s) => s.partner.code), ['131156']);
  assert.equal(result[0]!.reasons[0]!.kind, 'complement');
});

test('complements count both ways: the subject offering what the candidate seeks', () => {
  const result = rankPartners(suginami, [nayoro], none, WEIGHTS, { asOf });
  assert.equal(result.length, 1);
  const pair = result[0]!.reasons[0]!;
  assert.equal(pair.kind === 'complement' && pair.seeker, 'candidate');
});

test('ordering: an exact pair beats a near one, more pairs beat fewer, an existing tie beats a new partner among equals', () => {
  const subject = party('012211', '名寄市', [entry('012211', 'seek', 'outlet'), entry('012211', 'offer', 'products')]);
  const exact = party('131016', '千代田区', [entry('131016', 'offer', 'outlet')]);
  const near = party('131024', '中央区', [entry('131024', 'offer', 'venue')]);
  const two = party('131032', '港区', [entry('131032', 'offer', 'venue'), entry('131032', 'seek', 'products')]);
  const tied = party('131041', '新宿区', [entry('131041', 'offer', 'venue')]);
  const ties = new Map([['131041', [nayoroTie]]]);
  const result = rankPartners(subject, [near, exact, two, tied], ties, WEIGHTS, { asOf });
  assert.deepEqual(result.map((s) => s.partner.name), ['港区', '新宿区', '千代田区', '中央区']);
  assert.equal(result[1]!.score - result[3]!.score, WEIGHTS.existingTie - WEIGHTS.newPartner);
  assert.equal(result[2]!.score - result[3]!.score, WEIGHTS.exactKind);
});

test('equal scores are ordered by code, so the order is stable', () => {
  const a = party('131032', '港区', [entry('131032', 'offer', 'venue')]);
  const b = party('131016', '千代田区', [entry('131016', 'offer', 'venue')]);
  assert.deepEqual(rankPartners(nayoro, [a, b], none, WEIGHTS, { asOf }).map((s) => s.partner.code), ['131016', '131032']);
});

test('new-partner bonus: given when there is no tie, replaced by the tie when there is one', () => {
  const fresh = rankPartners(nayoro, [suginami], none, WEIGHTS, { asOf })[0]!;
  assert.ok(fresh.reasons.some((r) => r.kind === 'new-partner' && r.points === WEIGHTS.newPartner));
  assert.ok(!fresh.reasons.some((r) => r.kind === 'existing-tie'));
  const known = rankPartners(nayoro, [suginami], new Map([['131156', [nayoroTie]]]), WEIGHTS, { asOf })[0]!;
  assert.ok(known.reasons.some((r) => r.kind === 'existing-tie'));
  assert.ok(!known.reasons.some((r) => r.kind === 'new-partner'));
  // With new partners weighted above ties, the order turns: the weights decide, nothing else.
  const other = party('131016', '千代田区', [entry('131016', 'offer', 'venue', { fields: [1] })]);
  const ties = new Map([['131156', [nayoroTie]]]);
  assert.equal(rankPartners(nayoro, [suginami, other], ties, WEIGHTS, { asOf })[0]!.partner.code, '131156');
  assert.equal(rankPartners(nayoro, [suginami, other], ties, { ...WEIGHTS, newPartner: 5 }, { asOf })[0]!.partner.code, '131016');
});

test('periods: closed entries and entries whose period has ended are ignored; future ones count', () => {
  assert.equal(isCurrent(entry('1', 'offer', 'venue', { periodEnd: '2026-12-07' }), asOf), false);
  assert.equal(isCurrent(entry('1', 'offer', 'venue', { periodEnd: asOf }), asOf), true);
  assert.equal(isCurrent(entry('1', 'offer', 'venue', { periodStart: '2027-04-01' }), asOf), true);
  const expired = party('131016', '千代田区', [entry('131016', 'offer', 'venue', { periodEnd: '2026-03-31' })]);
  const closed = party('131024', '中央区', [entry('131024', 'offer', 'venue', { status: 'closed' })]);
  assert.deepEqual(rankPartners(nayoro, [expired, closed, suginami], none, WEIGHTS, { asOf }).map((s) => s.partner.code), ['131156']);
  const expiredNeed = party('012211', '名寄市', [entry('012211', 'seek', 'venue', { periodEnd: '2025-01-01' })]);
  assert.deepEqual(rankPartners(expiredNeed, [suginami], none, WEIGHTS, { asOf }), []);
});

test('shared fields and geography add their points, capped where the weights say', () => {
  const subject = party('012211', '名寄市', [entry('012211', 'seek', 'venue', { fields: [1, 2, 3, 4, 5] })]);
  const neighbour = party('012246', '士別市', [entry('012246', 'offer', 'venue', { fields: [1, 2, 3, 4, 5] })]);
  const s = rankPartners(subject, [neighbour], none, WEIGHTS, { asOf })[0]!;
  const shared = s.reasons.find((r) => r.kind === 'shared-fields');
  assert.equal(shared?.points, WEIGHTS.sharedField * WEIGHTS.maxSharedFields);
  assert.ok(s.reasons.some((r) => r.kind === 'same-prefecture'));
  // 青森県 and 宮城県: the same region (東北), not neighbours.
  const aomori = party('022012', '青森市', [entry('022012', 'offer', 'venue')]);
  const sendai = party('041009', '仙台市', [entry('041009', 'seek', 'venue')]);
  assert.deepEqual(geographyOf(rankPartners(sendai, [aomori], none, WEIGHTS, { asOf })[0]!), [{ kind: 'same-region', points: WEIGHTS.sameRegion }]);
  assert.deepEqual(geographyOf(rankPartners(nayoro, [suginami], none, WEIGHTS, { asOf })[0]!), []);
});

const geographyOf = (s: ReturnType<typeof rankPartners>[number]) =>
  s.reasons.filter((r) => r.kind === 'same-prefecture' || r.kind === 'neighbouring-prefecture' || r.kind === 'same-region').map((r) => ({ kind: r.kind, points: r.points }));

test('neighbouring prefectures score between the same prefecture and the same region, also across a region’s line', () => {
  assert.ok(WEIGHTS.samePrefecture > WEIGHTS.neighbouringPrefecture && WEIGHTS.neighbouringPrefecture > WEIGHTS.sameRegion);
  // 盛岡市 (岩手県) and 青森市 (青森県): neighbours in the same region; neighbours, not only the region.
  const aomori = party('022012', '青森市', [entry('022012', 'offer', 'venue')]);
  const morioka = party('032018', '盛岡市', [entry('032018', 'seek', 'venue')]);
  assert.deepEqual(geographyOf(rankPartners(morioka, [aomori], none, WEIGHTS, { asOf })[0]!), [{ kind: 'neighbouring-prefecture', points: WEIGHTS.neighbouringPrefecture }]);
  // 新潟市 (中部) and 福島市 (東北): neighbours across the line between two regions.
  const niigata = party('151009', '新潟市', [entry('151009', 'seek', 'venue')]);
  const fukushima = party('072010', '福島市', [entry('072010', 'offer', 'venue')]);
  assert.deepEqual(geographyOf(rankPartners(niigata, [fukushima], none, WEIGHTS, { asOf })[0]!), [{ kind: 'neighbouring-prefecture', points: WEIGHTS.neighbouringPrefecture }]);
  // Two equal offers to 杉並区: the one from 埼玉県 (a neighbour of 東京都) before the one from 栃木県 (the same region only).
  const ward = party('131156', '杉並区', [entry('131156', 'seek', 'venue')]);
  const kawagoe = party('112011', '川越市', [entry('112011', 'offer', 'venue')]);
  const utsunomiya = party('092011', '宇都宮市', [entry('092011', 'offer', 'venue')]);
  const ranked = rankPartners(ward, [utsunomiya, kawagoe], none, WEIGHTS, { asOf });
  assert.deepEqual(ranked.map((s) => s.partner.code), ['112011', '092011']);
  assert.equal(ranked[0]!.score - ranked[1]!.score, WEIGHTS.neighbouringPrefecture - WEIGHTS.sameRegion);
  // A weight of 0 takes it out.
  assert.equal(rankPartners(ward, [kawagoe], none, { ...WEIGHTS, neighbouringPrefecture: 0 }, { asOf })[0]!.score, ranked[0]!.score - WEIGHTS.neighbouringPrefecture);
});

test('the explanation tells that the two are in neighbouring prefectures', () => {
  const ward = party('131156', '杉並区', [entry('131156', 'seek', 'venue')]);
  const kawagoe = party('112011', '川越市', [entry('112011', 'offer', 'venue')]);
  // After the stronger reason (a new partnership), as a parenthesis in the same sentence.
  const asNote = explainSuggestion(ward, rankPartners(ward, [kawagoe], none, WEIGHTS, { asOf })[0]!, fieldNames);
  assert.equal(asNote.ja, '杉並区が物産展やイベントの会場を探しているのに対し、川越市は会場の提供を掲げており、両者にはこれまで連携の記録はありません（所在地は隣り合う東京都と埼玉県）。');
  assert.equal(asNote.en, '杉並区 is looking for a venue for a fair or an event and 川越市 offers a venue; the two have no recorded collaboration yet, a new partnership (in neighbouring prefectures, Tokyo and Saitama).');
  assert.equal(asNote.ja.match(/。/g)?.length, 1);
  // As the strongest other reason, it is the clause itself, told once.
  const alone = explainSuggestion(ward, rankPartners(ward, [kawagoe], none, { ...WEIGHTS, newPartner: 0 }, { asOf })[0]!, fieldNames);
  assert.equal(alone.ja, '杉並区が物産展やイベントの会場を探しているのに対し、川越市は会場の提供を掲げており、両者は隣り合う東京都と埼玉県にあります。');
  assert.equal(alone.en, '杉並区 is looking for a venue for a fair or an event and 川越市 offers a venue; the two are in neighbouring prefectures, Tokyo and Saitama.');
  // Not neighbours: nothing is added.
  const utsunomiya = party('092011', '宇都宮市', [entry('092011', 'offer', 'venue')]);
  assert.doesNotMatch(explainSuggestion(ward, rankPartners(ward, [utsunomiya], none, WEIGHTS, { asOf })[0]!, fieldNames).ja, /隣り合う/);
});

test('the explanation is one sentence naming the pair and the strongest other reason', () => {
  const known = rankPartners(nayoro, [suginami], new Map([['131156', [nayoroTie]]]), WEIGHTS, { asOf })[0]!;
  const text = explainSuggestion(nayoro, known, fieldNames);
  assert.equal(text.ja, '名寄市が物産展やイベントの会場を探しているのに対し、杉並区は会場の提供を掲げており、両者は1989年から交流自治体協定で結ばれています。');
  assert.equal(text.en, 'Nayoro is looking for a venue for a fair or an event and 杉並区 offers a venue; the two have been linked since 1989 (Exchange agreement).'.replace('Nayoro', '名寄市'));
  assert.equal(text.ja.match(/。/g)?.length, 1);
  // Seen from the ward's side: the same pair, the same sentence order (the seeker first).
  const fromWard = explainSuggestion(suginami, rankPartners(suginami, [nayoro], none, WEIGHTS, { asOf })[0]!, fieldNames);
  assert.equal(fromWard.ja, '名寄市が物産展やイベントの会場を探しているのに対し、杉並区は会場の提供を掲げており、両者にはこれまで連携の記録はありません。');
  // Two shared fields outweigh a new partner: the fields are named.
  const a = party('012211', '名寄市', [entry('012211', 'seek', 'tourism', { fields: [1, 2] })]);
  const b = party('131016', '千代田区', [entry('131016', 'offer', 'tourism', { fields: [2, 1] })]);
  assert.equal(explainSuggestion(a, rankPartners(a, [b], none, WEIGHTS, { asOf })[0]!, fieldNames).ja, '名寄市が観光PRの出展者を探しているのに対し、千代田区は観光PRを掲げており、ともに産業振興・観光振興の分野を挙げています。');
  // An exchange counts its 年度.
  const exchange: PartnerTie = { kind: 'exchange', titleJa: '地域間交流（上川）', titleEn: 'Regional exchange (Kamikawa)', since: 2016 };
  const viaExchange = rankPartners(nayoro, [suginami], new Map([['131156', [exchange, nayoroTie]]]), WEIGHTS, { asOf })[0]!;
  assert.match(explainSuggestion(nayoro, viaExchange, fieldNames).ja, /1989年から交流自治体協定/, 'the oldest tie is told');
  const onlyExchange = rankPartners(nayoro, [suginami], new Map([['131156', [exchange]]]), WEIGHTS, { asOf })[0]!;
  assert.match(explainSuggestion(nayoro, onlyExchange, fieldNames).ja, /両者は2016年度から地域間交流（上川）で結ばれています。$/);
  // Same prefecture, spelled out.
  const shibetsu = party('012246', '士別市', [entry('012246', 'offer', 'venue')]);
  const near = rankPartners(party('012211', '名寄市', [entry('012211', 'seek', 'venue')]), [shibetsu], new Map([['012246', [nayoroTie]]]), { ...WEIGHTS, existingTie: 0 }, { asOf })[0]!;
  assert.match(explainSuggestion(nayoro, near, fieldNames).ja, /ともに北海道にあります。$/);
  assert.match(explainSuggestion(nayoro, near, fieldNames).en, /both are in Hokkaido\.$/);
});
