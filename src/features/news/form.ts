// The article form: what the browser sends (strings, file slots) and its parse into an article's
// content and publication, with one Japanese (or English) message per wrong field.
import { z } from 'zod';
import { isValidLocalGovCode } from '../../domain/local-gov-code.ts';
import type { FieldError } from '../../views/components/error-summary.tsx';
import { fieldId } from '../../views/components/record-fields.tsx';
import type { PageContext } from '../../views/context.ts';
import { categoryIds } from './categories.ts';
import type { Publication } from './commands.ts';
import type { Article, ArticleContent, ArticleFileRef, ArticleLink } from './record.ts';

/** One attachment or photo row of the form: a stored file (or an empty slot for a new one). */
export interface FileSlot {
  fileId: string;
  /** The stored file's name, shown beside the row. */
  fileName: string;
  /** Attachment: link text. Photo: alternative text. */
  label: string;
  caption: string;
  remove: boolean;
}

export interface ArticleFormInput {
  /** The version the form was opened at ('' for a new article). */
  version: string;
  title: string;
  slug: string;
  category: string;
  summary: string;
  body: string;
  sourceUrl: string;
  wards: string[];
  municipalities: string;
  projects: string;
  events: string;
  publishDate: string;
  publishTime: string;
  attachments: FileSlot[];
  photos: FileSlot[];
  intent: 'draft' | 'publish' | 'preview';
}

/** Empty slots offered for new files below the stored ones. */
export const newFileSlots = 3;
/** The most file rows a form may send (stored ones and empty ones). */
export const maxSlots = 20;

export const limits = { title: 200, slug: 80, summary: 400, body: 50_000, sourceUrl: 500, label: 200, caption: 200 } as const;

function text(value: unknown): string {
  if (Array.isArray(value)) return text(value[0]);
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : '';
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

/** A file stored from this request's upload, by its slot (「attachment.3」). */
export type UploadedSlots = ReadonlyMap<string, { fileId: string; fileName: string }>;

function slotsFrom(body: Record<string, unknown>, prefix: 'attachment' | 'photo', uploaded: UploadedSlots): FileSlot[] {
  const slots: FileSlot[] = [];
  for (let i = 0; i < maxSlots; i++) {
    const key = (name: string) => `${prefix}.${i}.${name}`;
    const upload = uploaded.get(`${prefix}.${i}`);
    const fileId = upload?.fileId ?? text(body[key('fileId')]).trim();
    // A row without a file (an empty upload slot) is not part of the article.
    if (!fileId) continue;
    slots.push({
      fileId,
      fileName: upload?.fileName ?? text(body[key('fileName')]).trim().slice(0, 255),
      label: text(body[key('label')]).trim(),
      caption: text(body[key('caption')]).trim(),
      remove: text(body[key('remove')]) === '1',
    });
  }
  return slots;
}

export function articleFormInput(rawBody: unknown, uploaded: UploadedSlots = new Map()): ArticleFormInput {
  const body = (rawBody && typeof rawBody === 'object' ? rawBody : {}) as Record<string, unknown>;
  const intent = text(body.intent);
  return {
    version: text(body.version).trim(),
    title: text(body.title).trim(),
    slug: text(body.slug).trim().toLowerCase(),
    category: text(body.category),
    summary: text(body.summary).trim(),
    body: text(body.body),
    sourceUrl: text(body.sourceUrl).trim(),
    wards: list(body.wards),
    municipalities: text(body.municipalities),
    projects: text(body.projects),
    events: text(body.events),
    publishDate: text(body.publishDate).trim(),
    publishTime: text(body.publishTime).trim(),
    attachments: slotsFrom(body, 'attachment', uploaded),
    photos: slotsFrom(body, 'photo', uploaded),
    intent: intent === 'publish' || intent === 'preview' ? intent : 'draft',
  };
}

const jstDateTime = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function jstFields(iso: string): { date: string; time: string } {
  const parts = Object.fromEntries(jstDateTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

export function emptyArticleForm(): ArticleFormInput {
  return {
    version: '',
    title: '',
    slug: '',
    category: 'notice',
    summary: '',
    body: '',
    sourceUrl: '',
    wards: [],
    municipalities: '',
    projects: '',
    events: '',
    publishDate: '',
    publishTime: '',
    attachments: [],
    photos: [],
    intent: 'draft',
  };
}

export function articleFormFrom(article: Article, fileNames: Map<string, string>): ArticleFormInput {
  const slot = (f: ArticleFileRef): FileSlot => ({ fileId: f.fileId, fileName: fileNames.get(f.fileId) ?? '', label: f.label, caption: f.caption, remove: false });
  const when = article.publishAt ? jstFields(article.publishAt) : { date: '', time: '' };
  const targets = (kind: ArticleLink['kind']) => article.links.filter((l) => l.kind === kind).map((l) => l.target);
  return {
    version: String(article.version),
    title: article.title,
    slug: article.slug,
    category: article.category,
    summary: article.summary,
    body: article.body,
    sourceUrl: article.sourceUrl ?? '',
    wards: targets('ward'),
    municipalities: targets('municipality').join('\n'),
    projects: targets('project').join('\n'),
    events: targets('event').join('\n'),
    publishDate: when.date,
    publishTime: when.time,
    attachments: article.attachments.map(slot),
    photos: article.photos.map(slot),
    intent: 'draft',
  };
}

/** What the parse needs to know about the rest of the site. */
export interface ArticleReferences {
  wardCodes: ReadonlySet<string>;
  /** The codes among those asked that exist. */
  knownGovernments: ReadonlySet<string>;
  /** The project ids among those asked that exist. */
  knownProjects: ReadonlySet<string>;
  /** The published events among those asked. */
  knownEvents: ReadonlySet<string>;
}

/** The codes written in the municipalities box (6 digits each; separators: space, comma, 、, new line). */
export function municipalityCodesOf(input: ArticleFormInput): string[] {
  return input.municipalities.split(/[\s,、，]+/).map((s) => s.normalize('NFKC').trim()).filter(Boolean);
}

/** The project ids in the projects box: one per line, an id or a /projects/<id> address. */
export function projectIdsOf(input: ArticleFormInput): string[] {
  return input.projects
    .split('\n')
    .map((line) => line.trim().replace(/^.*\/projects\//, '').replace(/[?#].*$/, ''))
    .filter(Boolean);
}

/** The event ids in the events box: one per line, an id or an /events/<id> address. */
export function eventIdsOf(input: ArticleFormInput): string[] {
  return input.events
    .split('\n')
    .map((line) => line.trim().replace(/^.*\/events\//, '').replace(/[?#].*$/, '').replace(/\.ics$/, ''))
    .filter(Boolean);
}

const slugPattern = /^[a-z0-9][a-z0-9-]{2,79}$/;
const urlSchema = z.url({ protocol: /^https?$/ });

export type ParsedArticle =
  | { ok: true; content: ArticleContent; publication: Publication }
  | { ok: false; errors: FieldError[] };

export function parseArticle(ctx: PageContext, input: ArticleFormInput, refs: ArticleReferences, now = new Date()): ParsedArticle {
  const errors: FieldError[] = [];
  const fail = (name: string, message: string) => {
    if (!errors.some((e) => e.field === fieldId(name))) errors.push({ field: fieldId(name), message });
  };
  if (!input.title) fail('title', ctx.t('タイトルを入力してください。', 'Enter a title.'));
  else if (input.title.length > limits.title) fail('title', ctx.tFormat(`タイトルは${limits.title}文字以内にしてください。`, `Keep the title within ${limits.title} characters.`));
  const slug = input.slug || defaultSlug(now);
  if (!slugPattern.test(slug)) fail('slug', ctx.t('URL名は半角英小文字・数字・ハイフンで3〜80文字にしてください（例：miryoku-2024）。', 'Use 3–80 lower-case letters, digits and hyphens (e.g. miryoku-2024).'));
  if (!(categoryIds as readonly string[]).includes(input.category)) fail('category', ctx.t('分類を選んでください。', 'Choose a category.'));
  if (input.summary.length > limits.summary) fail('summary', ctx.tFormat(`概要は${limits.summary}文字以内にしてください。`, `Keep the summary within ${limits.summary} characters.`));
  if (input.body.length > limits.body) fail('body', ctx.tFormat(`本文は${limits.body.toLocaleString('ja-JP')}文字以内にしてください。`, `Keep the text within ${limits.body} characters.`));
  if (input.sourceUrl && (input.sourceUrl.length > limits.sourceUrl || !urlSchema.safeParse(input.sourceUrl).success)) {
    fail('sourceUrl', ctx.t('出典URLは http:// または https:// で始まるアドレスにしてください。', 'The source must be an http:// or https:// address.'));
  }
  const links: ArticleLink[] = [];
  for (const code of input.wards) {
    if (refs.wardCodes.has(code)) links.push({ kind: 'ward', target: code });
    else fail('wards', ctx.t('特別区の選択が正しくありません。', 'Choose wards from the list.'));
  }
  for (const code of municipalityCodesOf(input)) {
    if (!/^\d{6}$/.test(code) || !isValidLocalGovCode(code)) fail('municipalities', ctx.tFormat(`「${code}」は団体コード（6桁、検査数字つき）ではありません。`, `“${code}” is not a 6-digit local government code.`));
    else if (!refs.knownGovernments.has(code)) fail('municipalities', ctx.tFormat(`団体コード「${code}」の自治体は登録されていません。`, `No local government has the code ${code}.`));
    else if (!links.some((l) => l.kind === 'municipality' && l.target === code)) links.push({ kind: 'municipality', target: code });
  }
  for (const id of projectIdsOf(input)) {
    if (!refs.knownProjects.has(id)) fail('projects', ctx.tFormat(`連携事業「${id.slice(0, 60)}」は見つかりません。連携事業のページのURLを貼り付けてください。`, `No project “${id.slice(0, 60)}”: paste the address of its page.`));
    else if (!links.some((l) => l.kind === 'project' && l.target === id)) links.push({ kind: 'project', target: id });
  }
  for (const id of eventIdsOf(input)) {
    if (!refs.knownEvents.has(id)) fail('events', ctx.tFormat(`公開中のイベント「${id.slice(0, 60)}」は見つかりません。イベントのページのURLを貼り付けてください。`, `No published event “${id.slice(0, 60)}”: paste the address of its page.`));
    else if (!links.some((l) => l.kind === 'event' && l.target === id)) links.push({ kind: 'event', target: id });
  }
  const attachments = keptFiles(input.attachments);
  const photos = keptFiles(input.photos);
  input.attachments.forEach((slot, i) => {
    if (!slot.remove && slot.fileId && slot.label.length > limits.label) fail(`attachment.${i}.label`, ctx.tFormat(`リンクの文字は${limits.label}文字以内にしてください。`, `Keep the link text within ${limits.label} characters.`));
  });
  input.photos.forEach((slot, i) => {
    if (slot.remove || !slot.fileId) return;
    if (!slot.label) fail(`photo.${i}.label`, ctx.t('写真の代替テキスト（写っている内容の説明）を入力してください。', 'Describe the photo (alternative text).'));
    else if (slot.label.length > limits.label) fail(`photo.${i}.label`, ctx.tFormat(`代替テキストは${limits.label}文字以内にしてください。`, `Keep the alternative text within ${limits.label} characters.`));
    if (slot.caption.length > limits.caption) fail(`photo.${i}.caption`, ctx.tFormat(`キャプションは${limits.caption}文字以内にしてください。`, `Keep the caption within ${limits.caption} characters.`));
  });
  let at: string | null = null;
  if (input.publishDate || input.publishTime) {
    at = jstInstant(input.publishDate, input.publishTime || '00:00');
    if (!at) fail('publishDate', ctx.t('掲載日時は日付（例：2024-10-17）と時刻（例：09:00）で入力してください。', 'Enter the date (e.g. 2024-10-17) and time (e.g. 09:00).'));
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    content: {
      slug,
      title: input.title,
      category: input.category,
      summary: input.summary,
      body: input.body,
      sourceUrl: input.sourceUrl || null,
      attachments: attachments.map((f) => ({ ...f, caption: '' })),
      photos,
      links,
    },
    publication: { intent: input.intent === 'publish' ? 'publish' : 'draft', at },
  };
}

function keptFiles(slots: FileSlot[]): ArticleFileRef[] {
  return slots.filter((s) => s.fileId && !s.remove).map((s) => ({ fileId: s.fileId, label: s.label || s.fileName.replace(/\.[^.]+$/, '') || 'file', caption: s.caption }));
}

/** 'YYYY-MM-DD' + 'HH:MM' in Japan → UTC ISO, or null when not a real date and time. */
export function jstInstant(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const instant = new Date(`${date}T${time}:00+09:00`);
  if (Number.isNaN(instant.getTime())) return null;
  const back = jstFields(instant.toISOString());
  return back.date === date && back.time === time ? instant.toISOString() : null;
}

function defaultSlug(now: Date): string {
  const { date } = jstFields(now.toISOString());
  return `${date.replace(/-/g, '')}-${Math.random().toString(36).slice(2, 6)}`;
}
