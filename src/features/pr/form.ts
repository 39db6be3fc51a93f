// The PR page form: what the browser sends (strings, link rows, photo slots) and its parse into a
// page's content, with one Japanese (or English) message per wrong field. The municipality is never
// read from the form: it is the one in the URL, checked against the policy.
import { z } from 'zod';
import type { FieldError } from '../../views/components/error-summary.tsx';
import { fieldId } from '../../views/components/record-fields.tsx';
import type { PageContext } from '../../views/context.ts';
import { projectFields } from '../registry/index.ts';
import type { PrContent, PrPage } from './record.ts';

export interface PhotoSlot {
  fileId: string;
  thumbId: string;
  fileName: string;
  alt: string;
  caption: string;
  remove: boolean;
}

export interface PrFormInput {
  /** The version the form was opened at ('0' for a page not written yet). */
  version: string;
  catchCopy: string;
  introduction: string;
  specialities: string;
  sightseeing: string;
  relocation: string;
  fields: string[];
  contactDepartment: string;
  contactPhone: string;
  contactEmail: string;
  links: Array<{ label: string; url: string }>;
  photos: PhotoSlot[];
}

export const limits = {
  catchCopy: 100,
  introduction: 4000,
  text: 2000,
  department: 200,
  phone: 40,
  email: 200,
  linkLabel: 100,
  url: 500,
  alt: 200,
  caption: 200,
} as const;
/** Rows of official links the form offers. */
export const linkRows = 5;
/** The most photos a page has. */
export const maxPhotos = 8;
/** Empty photo slots offered below the stored ones. */
export const newPhotoSlots = 3;

function text(value: unknown): string {
  if (Array.isArray(value)) return text(value[0]);
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : '';
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

/** Photos stored from this request's upload, by slot index. */
export type UploadedPhotos = ReadonlyMap<number, { fileId: string; thumbId: string; fileName: string }>;

export function prFormInput(rawBody: unknown, uploaded: UploadedPhotos = new Map()): PrFormInput {
  const body = (rawBody && typeof rawBody === 'object' ? rawBody : {}) as Record<string, unknown>;
  const photos: PhotoSlot[] = [];
  for (let i = 0; i < maxPhotos + newPhotoSlots; i++) {
    const key = (name: string) => text(body[`photo.${i}.${name}`]).trim();
    const upload = uploaded.get(i);
    const fileId = upload?.fileId ?? key('fileId');
    // A row without a file (an empty upload slot) is not part of the page.
    if (!fileId) continue;
    photos.push({
      fileId,
      thumbId: upload?.thumbId ?? key('thumbId'),
      fileName: (upload?.fileName ?? key('fileName')).slice(0, 255),
      alt: key('alt'),
      caption: key('caption'),
      remove: key('remove') === '1',
    });
  }
  return {
    version: text(body.version).trim(),
    catchCopy: text(body.catchCopy).trim(),
    introduction: text(body.introduction).trim(),
    specialities: text(body.specialities).trim(),
    sightseeing: text(body.sightseeing).trim(),
    relocation: text(body.relocation).trim(),
    fields: list(body.fields),
    contactDepartment: text(body.contactDepartment).trim(),
    contactPhone: text(body.contactPhone).trim(),
    contactEmail: text(body.contactEmail).trim(),
    links: Array.from({ length: linkRows }, (_, i) => ({ label: text(body[`link.${i}.label`]).trim(), url: text(body[`link.${i}.url`]).trim() })),
    photos,
  };
}

export function emptyPrForm(): PrFormInput {
  return {
    version: '0',
    catchCopy: '',
    introduction: '',
    specialities: '',
    sightseeing: '',
    relocation: '',
    fields: [],
    contactDepartment: '',
    contactPhone: '',
    contactEmail: '',
    links: Array.from({ length: linkRows }, () => ({ label: '', url: '' })),
    photos: [],
  };
}

export function prFormFrom(page: PrPage, fileNames: ReadonlyMap<string, string>): PrFormInput {
  return {
    version: String(page.version),
    catchCopy: page.catchCopy,
    introduction: page.introduction,
    specialities: page.specialities,
    sightseeing: page.sightseeing,
    relocation: page.relocation,
    fields: page.fields.map(String),
    contactDepartment: page.contactDepartment,
    contactPhone: page.contactPhone,
    contactEmail: page.contactEmail,
    links: Array.from({ length: linkRows }, (_, i) => page.links[i] ?? { label: '', url: '' }),
    photos: page.photos.map((p) => ({ fileId: p.fileId, thumbId: p.thumbId, fileName: fileNames.get(p.fileId) ?? '', alt: p.alt, caption: p.caption, remove: false })),
  };
}

const urlSchema = z.url({ protocol: /^https?$/ });
const emailSchema = z.email();
const phonePattern = /^[0-9０-９()（）\-－‐ ]{6,40}$/;
const uuidPattern = /^[0-9a-f-]{36}$/;

export type ParsedPr = { ok: true; content: PrContent } | { ok: false; errors: FieldError[] };

/**
 * The form's content, or its errors. `knownPhotoFiles` holds the photo file ids this person may
 * put on this page (the page's own photos and photos they uploaded): a crafted form cannot borrow
 * another file.
 */
export function parsePrForm(ctx: PageContext, input: PrFormInput, knownPhotoFiles: ReadonlySet<string>): ParsedPr {
  const errors: FieldError[] = [];
  const fail = (name: string, message: string) => {
    if (!errors.some((e) => e.field === fieldId(name))) errors.push({ field: fieldId(name), message });
  };
  if (!input.catchCopy) fail('catchCopy', ctx.t('キャッチコピーを入力してください。', 'Enter a catch copy.'));
  else if (input.catchCopy.length > limits.catchCopy) fail('catchCopy', ctx.tFormat(`キャッチコピーは${limits.catchCopy}文字以内にしてください。`, `Keep the catch copy within ${limits.catchCopy} characters.`));
  if (input.introduction.length > limits.introduction) fail('introduction', ctx.tFormat(`紹介文は${limits.introduction.toLocaleString('ja-JP')}文字以内にしてください。`, `Keep the introduction within ${limits.introduction} characters.`));
  const longTexts: Array<['specialities' | 'sightseeing' | 'relocation', string, string]> = [
    ['specialities', '特産品', 'The specialities'],
    ['sightseeing', '観光', 'The sightseeing text'],
    ['relocation', '移住の情報', 'The relocation text'],
  ];
  for (const [name, ja, en] of longTexts) {
    if (input[name].length > limits.text) fail(name, ctx.tFormat(`${ja}は${limits.text.toLocaleString('ja-JP')}文字以内にしてください。`, `${en} must be within ${limits.text} characters.`));
  }
  const fields: number[] = [];
  for (const value of input.fields) {
    const field = projectFields.find((f) => String(f.number) === value);
    if (!field) fail('fields', ctx.t('連携したい分野は一覧から選んでください。', 'Choose the fields from the list.'));
    else if (!fields.includes(field.number)) fields.push(field.number);
  }
  if (input.contactDepartment.length > limits.department) fail('contactDepartment', ctx.tFormat(`担当部署は${limits.department}文字以内にしてください。`, `Keep the department within ${limits.department} characters.`));
  if (input.contactPhone && !phonePattern.test(input.contactPhone)) fail('contactPhone', ctx.t('電話番号は数字とハイフンで入力してください（例：03-1234-5678）。', 'Enter the phone number in digits and hyphens (e.g. 03-1234-5678).'));
  if (input.contactEmail && (input.contactEmail.length > limits.email || !emailSchema.safeParse(input.contactEmail).success)) {
    fail('contactEmail', ctx.t('メールアドレスの形式が正しくありません（例：kikaku@city.example.lg.jp）。', 'Enter a valid e-mail address (e.g. kikaku@city.example.lg.jp).'));
  }
  const links: PrContent['links'] = [];
  input.links.forEach((link, i) => {
    if (!link.label && !link.url) return;
    if (!link.url || link.url.length > limits.url || !urlSchema.safeParse(link.url).success) fail(`link.${i}.url`, ctx.t('リンク先は http:// または https:// で始まるアドレスにしてください。', 'The link must be an http:// or https:// address.'));
    if (!link.label) fail(`link.${i}.label`, ctx.t('リンクの名前を入力してください（例：市の公式サイト）。', 'Name the link (e.g. the city’s official site).'));
    else if (link.label.length > limits.linkLabel) fail(`link.${i}.label`, ctx.tFormat(`リンクの名前は${limits.linkLabel}文字以内にしてください。`, `Keep the link name within ${limits.linkLabel} characters.`));
    links.push(link);
  });
  const photos: PrContent['photos'] = [];
  input.photos.forEach((slot, i) => {
    if (slot.remove) return;
    const known = uuidPattern.test(slot.fileId) && uuidPattern.test(slot.thumbId) && knownPhotoFiles.has(slot.fileId) && knownPhotoFiles.has(slot.thumbId);
    if (!known) return fail(`photo.${i}.alt`, ctx.t('写真をもう一度選んでください。', 'Choose the photo again.'));
    if (!slot.alt) fail(`photo.${i}.alt`, ctx.t('写真の代替テキスト（写っている内容の説明）を入力してください。', 'Describe the photo (alternative text).'));
    else if (slot.alt.length > limits.alt) fail(`photo.${i}.alt`, ctx.tFormat(`代替テキストは${limits.alt}文字以内にしてください。`, `Keep the alternative text within ${limits.alt} characters.`));
    if (slot.caption.length > limits.caption) fail(`photo.${i}.caption`, ctx.tFormat(`キャプションは${limits.caption}文字以内にしてください。`, `Keep the caption within ${limits.caption} characters.`));
    photos.push({ fileId: slot.fileId, thumbId: slot.thumbId, alt: slot.alt, caption: slot.caption });
  });
  if (photos.length > maxPhotos) fail('photos', ctx.tFormat(`写真は${maxPhotos}枚までです。`, `At most ${maxPhotos} photos.`));
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    content: {
      catchCopy: input.catchCopy,
      introduction: input.introduction,
      specialities: input.specialities,
      sightseeing: input.sightseeing,
      relocation: input.relocation,
      fields: fields.sort((a, b) => a - b),
      contactDepartment: input.contactDepartment,
      contactPhone: input.contactPhone,
      contactEmail: input.contactEmail,
      links,
      photos,
    },
  };
}
