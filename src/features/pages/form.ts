// The two forms of the site pages' back office — a page's titles and texts, and one accessibility
// test result — as the browser sends them (strings, kept as typed so a refused form shows them
// again) and their parse, with one Japanese (or English) message per wrong field.
import { z } from 'zod';
import type { FieldError } from '../../views/components/error-summary.tsx';
import { fieldId } from '../../views/components/record-fields.tsx';
import type { PageContext } from '../../views/context.ts';
import type { SitePageContent, TestResult, TestResultContent } from './record.ts';

export const pageLimits = { title: 120, body: 50_000 } as const;
export const resultLimits = { standard: 200, text: 4_000 } as const;
export const targetLevels = ['A', 'AA', 'AAA'] as const;

/** Every field a string; anything else (a repeated field, a missing one) reads as its first value or ''. */
const formText = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().catch('')).transform((s) => s.replace(/\r\n?/g, '\n'));
const formBody = (fields: string[]) => z.object(Object.fromEntries(fields.map((f) => [f, formText]))).catch(() => Object.fromEntries(fields.map((f) => [f, ''])) as never);

export interface PageFormInput {
  /** The version the form was opened at. */
  version: string;
  titleJa: string;
  titleEn: string;
  bodyJa: string;
  bodyEn: string;
  intent: 'preview' | 'save';
}

const pageFields = ['version', 'titleJa', 'titleEn', 'bodyJa', 'bodyEn', 'intent'];

export function pageFormInput(body: unknown): PageFormInput {
  const f = formBody(pageFields).parse(body ?? {}) as Record<string, string>;
  return { version: f.version!, titleJa: f.titleJa!.trim(), titleEn: f.titleEn!.trim(), bodyJa: f.bodyJa!, bodyEn: f.bodyEn!, intent: f.intent === 'preview' ? 'preview' : 'save' };
}

export function pageFormFrom(page: SitePageContent & { version: number }): PageFormInput {
  return { version: String(page.version), titleJa: page.titleJa, titleEn: page.titleEn, bodyJa: page.bodyJa, bodyEn: page.bodyEn, intent: 'save' };
}

export type Parsed<T> = { ok: true; content: T } | { ok: false; errors: FieldError[] };

function collector() {
  const errors: FieldError[] = [];
  const fail = (name: string, message: string) => {
    if (!errors.some((e) => e.field === fieldId(name))) errors.push({ field: fieldId(name), message });
  };
  return { errors, fail };
}

export function parsePage(ctx: PageContext, input: PageFormInput): Parsed<SitePageContent> {
  const { errors, fail } = collector();
  if (!input.titleJa) fail('titleJa', ctx.t('ページ名（日本語）を入力してください。', 'Enter the Japanese title.'));
  else if (input.titleJa.length > pageLimits.title) fail('titleJa', ctx.tFormat(`ページ名（日本語）は${pageLimits.title}文字以内にしてください。`, `Keep the Japanese title within ${pageLimits.title} characters.`));
  if (input.titleEn.length > pageLimits.title) fail('titleEn', ctx.tFormat(`ページ名（英語）は${pageLimits.title}文字以内にしてください。`, `Keep the English title within ${pageLimits.title} characters.`));
  if (!input.bodyJa.trim()) fail('bodyJa', ctx.t('本文（日本語）を入力してください。', 'Enter the Japanese text.'));
  else if (input.bodyJa.length > pageLimits.body) fail('bodyJa', ctx.tFormat(`本文（日本語）は${pageLimits.body.toLocaleString('ja-JP')}文字以内にしてください。`, `Keep the Japanese text within ${pageLimits.body} characters.`));
  if (input.bodyEn.length > pageLimits.body) fail('bodyEn', ctx.tFormat(`本文（英語）は${pageLimits.body.toLocaleString('ja-JP')}文字以内にしてください。`, `Keep the English text within ${pageLimits.body} characters.`));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, content: { titleJa: input.titleJa, titleEn: input.titleEn, bodyJa: input.bodyJa, bodyEn: input.bodyEn.trim() ? input.bodyEn : '' } };
}

export interface TestResultFormInput {
  /** The version the form was opened at ('' for a new result). */
  version: string;
  testedOn: string;
  standard: string;
  targetLevel: string;
  scope: string;
  method: string;
  result: string;
  notes: string;
}

const resultFields = ['version', 'testedOn', 'standard', 'targetLevel', 'scope', 'method', 'result', 'notes'];

export function testResultFormInput(body: unknown): TestResultFormInput {
  const f = formBody(resultFields).parse(body ?? {}) as Record<string, string>;
  return {
    version: f.version!,
    testedOn: f.testedOn!.trim(),
    standard: f.standard!.trim(),
    targetLevel: f.targetLevel!,
    scope: f.scope!.trim(),
    method: f.method!.trim(),
    result: f.result!.trim(),
    notes: f.notes!.trim(),
  };
}

export function emptyTestResultForm(): TestResultFormInput {
  return { version: '', testedOn: '', standard: 'JIS X 8341-3:2016 ／ WCAG 2.2', targetLevel: 'AA', scope: '', method: '', result: '', notes: '' };
}

export function testResultFormFrom(result: TestResult): TestResultFormInput {
  const { testedOn, standard, targetLevel, scope, method, result: outcome, notes } = result;
  return { version: String(result.version), testedOn, standard, targetLevel, scope, method, result: outcome, notes };
}

const isoDate = z.iso.date();

export function parseTestResult(ctx: PageContext, input: TestResultFormInput): Parsed<TestResultContent> {
  const { errors, fail } = collector();
  if (!input.testedOn) fail('testedOn', ctx.t('試験日を入力してください。', 'Enter the date of the test.'));
  else if (!isoDate.safeParse(input.testedOn).success || input.testedOn < '2000-01-01' || input.testedOn > '2100-12-31') {
    fail('testedOn', ctx.t('試験日は「2026-12-08」の形の正しい日付にしてください。', 'Enter a valid date such as 2026-12-08.'));
  }
  if (!input.standard) fail('standard', ctx.t('規格を入力してください（例：JIS X 8341-3:2016）。', 'Enter the standard (e.g. JIS X 8341-3:2016).'));
  else if (input.standard.length > resultLimits.standard) fail('standard', ctx.tFormat(`規格は${resultLimits.standard}文字以内にしてください。`, `Keep the standard within ${resultLimits.standard} characters.`));
  if (!(targetLevels as readonly string[]).includes(input.targetLevel)) fail('targetLevel', ctx.t('目標とする適合レベルを選んでください。', 'Choose the target level.'));
  const required: Array<[keyof TestResultFormInput, string, string]> = [
    ['scope', '対象範囲（試験したページ）を入力してください。', 'Enter the scope (the pages tested).'],
    ['method', '試験方法・ツールを入力してください。', 'Enter the method and tools.'],
    ['result', '結果を入力してください。', 'Enter the result.'],
  ];
  for (const [name, ja, en] of required) if (!input[name]) fail(name, ctx.tFormat(ja, en));
  for (const name of ['scope', 'method', 'result', 'notes'] as const) {
    if (input[name].length > resultLimits.text) fail(name, ctx.tFormat(`${resultLimits.text.toLocaleString('ja-JP')}文字以内にしてください。`, `Keep it within ${resultLimits.text} characters.`));
  }
  if (errors.length > 0) return { ok: false, errors };
  const { testedOn, standard, targetLevel, scope, method, result, notes } = input;
  return { ok: true, content: { testedOn, standard, targetLevel, scope, method, result, notes } };
}
