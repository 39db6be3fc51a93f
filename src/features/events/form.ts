// The event form (back office and member area): the body's strings in, a checked EventInput or
// Japanese field errors out; and the form's strings from a stored event. Field ids are f-<name>.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { isValidLocalGovCode } from '../../domain/local-gov-code.ts';
import type { FieldError } from '../../views/components/error-summary.tsx';
import { fieldId } from '../../views/components/record-fields.tsx';
import type { PageContext } from '../../views/context.ts';
import { parseDate, parseTime } from './open-data/parse.ts';
import { blankEventInput, eventInputSchema, splitLines, type Contact, type Event, type EventInput } from './record.ts';
import { isEventKind } from './vocabulary.ts';

export const formFields = [
  'title',
  'titleKana',
  'titleEn',
  'kind',
  'startsOn',
  'startTime',
  'endsOn',
  'endTime',
  'dateNote',
  'venueName',
  'address',
  'addressExtra',
  'access',
  'parking',
  'online',
  'onlineUrl',
  'latitude',
  'longitude',
  'description',
  'organisers',
  'coOrganisers',
  'partners',
  'supporters',
  'municipalities',
  'field',
  'feeBasic',
  'feeDetail',
  'capacity',
  'applyMethod',
  'applyDeadline',
  'applyDeadlineTime',
  'contacts',
  'url',
  'notes',
  'project',
  'flyerFileId',
  'removeFlyer',
  'updatedAt',
] as const;
export type FormField = (typeof formFields)[number];
export type EventFormInput = Record<FormField, string>;

export function eventFormInput(body: unknown): EventFormInput {
  const b = (body ?? {}) as Record<string, unknown>;
  const out = {} as EventFormInput;
  for (const f of formFields) {
    const v = b[f];
    out[f] = typeof v === 'string' ? v.slice(0, 30_000) : Array.isArray(v) && typeof v[0] === 'string' ? String(v[0]).slice(0, 30_000) : '';
  }
  return out;
}

export function emptyEventForm(municipalityCode: string | null): EventFormInput {
  const out = Object.fromEntries(formFields.map((f) => [f, ''])) as EventFormInput;
  out.kind = '';
  out.municipalities = municipalityCode ?? '';
  return out;
}

export function eventFormFrom(e: Event): EventFormInput {
  return {
    title: e.title,
    titleKana: e.titleKana,
    titleEn: e.titleEn,
    kind: e.kind,
    startsOn: e.startsOn,
    startTime: e.startTime ?? '',
    endsOn: e.endsOn === e.startsOn && !e.endTime ? '' : e.endsOn,
    endTime: e.endTime ?? '',
    dateNote: e.dateNote,
    venueName: e.venueName,
    address: e.address,
    addressExtra: e.addressExtra,
    access: e.access,
    parking: e.parking,
    online: e.online ? '1' : '',
    onlineUrl: e.onlineUrl ?? '',
    latitude: e.latitude === null ? '' : String(e.latitude),
    longitude: e.longitude === null ? '' : String(e.longitude),
    description: e.description,
    organisers: e.organisers.join('\n'),
    coOrganisers: e.coOrganisers.join('\n'),
    partners: e.partners.join('\n'),
    supporters: e.supporters.join('\n'),
    municipalities: e.municipalities.map((m) => `${m.code} ${m.name}`).join('\n'),
    field: e.field === null ? '' : String(e.field),
    feeBasic: e.feeBasic,
    feeDetail: e.feeDetail,
    capacity: e.capacity,
    applyMethod: e.applyMethod,
    applyDeadline: e.applyDeadline ?? '',
    applyDeadlineTime: e.applyDeadlineTime ?? '',
    contacts: e.contacts.map((c) => [c.name, c.phone, c.extension].filter((x, i) => x || i < 2).join(' / ').replace(/ \/ $/, '')).join('\n'),
    url: e.url ?? '',
    notes: e.notes,
    project: e.projectId ?? '',
    flyerFileId: e.flyerFileId ?? '',
    removeFlyer: '',
    updatedAt: e.updatedAt,
  };
}

export type ParsedForm = { ok: true; value: EventInput } | { ok: false; errors: FieldError[] };

/**
 * Checks the form. `fixedCode`: a member's own municipality, which the event must include (it is
 * added when missing). Municipality lines start with the 6-digit code (a name may follow).
 */
export async function parseEventForm(ctx: PageContext, db: Kysely<Database>, f: EventFormInput, options: { fixedCode: string | null }): Promise<ParsedForm> {
  const errors: FieldError[] = [];
  const add = (field: FormField, ja: string, en: string) => {
    if (!errors.some((e) => e.field === fieldId(field))) errors.push({ field: fieldId(field), message: ctx.tFormat(ja, en) });
  };
  const input = blankEventInput();
  const text = (field: FormField, max: number, label: [string, string]) => {
    const v = f[field].trim();
    if (v.length > max) add(field, `${label[0]}は${max}文字以内で入力してください。`, `${label[1]}: at most ${max} characters.`);
    return v.slice(0, max);
  };
  input.title = text('title', 200, ['イベント名', 'Title']);
  if (!input.title) add('title', 'イベント名を入力してください。', 'Enter the title.');
  input.titleKana = text('titleKana', 200, ['イベント名（カナ）', 'Reading']);
  input.titleEn = text('titleEn', 200, ['イベント名（英語）', 'English title']);
  if (isEventKind(f.kind)) input.kind = f.kind;
  else add('kind', '種類を選んでください。', 'Choose the kind.');
  const startsOn = parseDate(f.startsOn);
  if (!startsOn) add('startsOn', f.startsOn.trim() ? '開始日は「2024-10-30」の形で入力してください。' : '開始日を入力してください。', 'Enter the start date as 2024-10-30.');
  const endsOn = f.endsOn.trim() ? parseDate(f.endsOn) : startsOn;
  if (f.endsOn.trim() && !endsOn) add('endsOn', '終了日は「2024-10-31」の形で入力してください。', 'Enter the end date as 2024-10-31.');
  if (startsOn && endsOn && endsOn < startsOn) add('endsOn', '終了日は開始日と同じか、それより後の日にしてください。', 'The end date must not be before the start date.');
  input.startsOn = startsOn ?? '';
  input.endsOn = endsOn ?? '';
  for (const [field, label] of [
    ['startTime', ['開始時刻', 'Start time']],
    ['endTime', ['終了時刻', 'End time']],
    ['applyDeadlineTime', ['申込締切の時刻', 'Deadline time']],
  ] as const) {
    if (!f[field].trim()) continue;
    const t = parseTime(f[field]);
    if (!t) add(field, `${label[0]}は「10:00」の形で入力してください。`, `${label[1]}: enter it as 10:00.`);
    input[field] = t;
  }
  if (input.endTime && !input.startTime) add('startTime', '終了時刻を入れるときは開始時刻も入力してください。', 'Enter the start time too.');
  if (input.startTime && input.endTime && input.startsOn === input.endsOn && input.endTime < input.startTime) add('endTime', '終了時刻は開始時刻より後にしてください。', 'The end time must be after the start time.');
  input.dateNote = text('dateNote', 200, ['日時の補足', 'Note on the dates']);
  input.venueName = text('venueName', 200, ['会場名', 'Venue']);
  input.address = text('address', 300, ['住所', 'Address']);
  input.addressExtra = text('addressExtra', 200, ['方書', 'Building']);
  input.access = text('access', 2000, ['アクセス', 'Access']);
  input.parking = text('parking', 2000, ['駐車場', 'Parking']);
  input.online = f.online === '1';
  const url = (field: FormField, label: [string, string]) => {
    const v = f[field].trim();
    if (!v) return null;
    if (!/^https?:\/\/[^\s]+$/.test(v) || v.length > 500) {
      add(field, `${label[0]}は http:// または https:// で始まるアドレスを入力してください。`, `${label[1]}: enter an address starting with http:// or https://.`);
      return null;
    }
    return v;
  };
  input.onlineUrl = url('onlineUrl', ['オンライン参加のアドレス', 'Online address']);
  if (input.onlineUrl && !input.online) input.online = true;
  if (!input.online && !input.venueName) add('venueName', '会場名を入力するか、「オンラインで開催」を選んでください。', 'Enter the venue, or choose “held online”.');
  for (const [field, min, max, label] of [
    ['latitude', 20, 46, ['緯度', 'Latitude']],
    ['longitude', 122, 154, ['経度', 'Longitude']],
  ] as const) {
    const v = f[field].normalize('NFKC').trim();
    if (!v) continue;
    const n = Number(v);
    if (!/^\d+(\.\d+)?$/.test(v) || n < min || n > max) add(field, `${label[0]}は日本国内の値を10進数で入力してください（例：35.681236）。`, `${label[1]}: a decimal value inside Japan.`);
    else input[field] = n;
  }
  if ((input.latitude === null) !== (input.longitude === null) && !errors.some((e) => e.field === fieldId('latitude') || e.field === fieldId('longitude'))) {
    add('latitude', '緯度と経度は両方入力するか、両方空にしてください。', 'Enter both latitude and longitude, or neither.');
  }
  input.description = text('description', 20000, ['内容', 'Description']);
  for (const role of ['organisers', 'coOrganisers', 'partners', 'supporters'] as const) {
    const lines = splitLines(f[role]);
    if (lines.length > 30 || lines.some((l) => l.length > 200)) add(role, '1行に1団体、200文字以内・30行までで入力してください。', 'One organisation a line, at most 200 characters and 30 lines.');
    input[role] = lines.slice(0, 30).map((l) => l.slice(0, 200));
  }
  // Municipalities: each line starts with a 6-digit code.
  const codes: string[] = [];
  for (const line of splitLines(f.municipalities)) {
    const code = /^(\d{6})/.exec(line.normalize('NFKC'))?.[1];
    if (!code || !isValidLocalGovCode(code)) {
      add('municipalities', `「${line.slice(0, 40)}」：各行は6桁の全国地方公共団体コードで始めてください（例：012211 名寄市）。`, `“${line.slice(0, 40)}”: start each line with a 6-digit local government code.`);
      continue;
    }
    codes.push(code);
  }
  if (options.fixedCode && !codes.includes(options.fixedCode)) codes.unshift(options.fixedCode);
  const unique = [...new Set(codes)];
  if (unique.length > 50) add('municipalities', '参加自治体は50までです。', 'At most 50 municipalities.');
  if (unique.length > 0) {
    const known = await db.selectFrom('local_governments').select('code').where('code', 'in', unique).execute();
    const knownSet = new Set(known.map((r) => r.code));
    const unknown = unique.filter((c) => !knownSet.has(c));
    if (unknown.length > 0) add('municipalities', `コード ${unknown.join('、')} の自治体は登録されていません。`, `No local government has the code ${unknown.join(', ')}.`);
  }
  input.municipalityCodes = unique.slice(0, 50);
  if (f.field) {
    if (/^[1-6]$/.test(f.field)) input.field = Number(f.field);
    else add('field', '分野は一覧から選んでください。', 'Choose a field from the list.');
  }
  input.feeBasic = text('feeBasic', 100, ['料金', 'Fee']);
  input.feeDetail = text('feeDetail', 2000, ['料金の詳細', 'Fee details']);
  input.capacity = text('capacity', 100, ['定員', 'Capacity']);
  input.applyMethod = text('applyMethod', 2000, ['申込方法', 'How to apply']);
  if (f.applyDeadline.trim()) {
    input.applyDeadline = parseDate(f.applyDeadline);
    if (!input.applyDeadline) add('applyDeadline', '申込締切は「2024-10-20」の形で入力してください。', 'Enter the deadline as 2024-10-20.');
  }
  if (input.applyDeadlineTime && !input.applyDeadline) add('applyDeadline', '申込締切の時刻を入れるときは日付も入力してください。', 'Enter the deadline date too.');
  const contacts: Contact[] = [];
  for (const line of splitLines(f.contacts)) {
    const [name = '', phone = '', extension = ''] = line.split(/\s*[/／]\s*/).map((s) => s.trim());
    const normalisedPhone = phone.normalize('NFKC');
    if (!name || name.length > 200 || (phone && !/^[0-9+()\- ]{6,20}$/.test(normalisedPhone)) || extension.length > 20) {
      add('contacts', `「${line.slice(0, 40)}」：「名称 / 電話番号 / 内線」の形で入力してください（電話番号は数字とハイフン）。`, `“${line.slice(0, 40)}”: write “name / phone / extension”.`);
      continue;
    }
    contacts.push({ name, phone: normalisedPhone, extension: extension.normalize('NFKC') });
  }
  if (contacts.length > 10) add('contacts', '問い合わせ先は10件までです。', 'At most 10 contacts.');
  input.contacts = contacts.slice(0, 10);
  input.url = url('url', ['詳しい情報のアドレス', 'Information address']);
  input.notes = text('notes', 2000, ['備考', 'Notes']);
  const project = f.project.trim();
  if (project) {
    const id = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i.exec(project)?.[1]?.toLowerCase();
    const found = id ? await db.selectFrom('projects').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst() : undefined;
    if (!found) add('project', '関連する連携事業は、連携事業のページのアドレス（/projects/…）またはIDで指定してください。', 'Give the related project by its page address (/projects/…) or id.');
    else input.projectId = found.id;
  }
  input.flyerFileId = f.removeFlyer === '1' || !/^[0-9a-f-]{36}$/.test(f.flyerFileId) ? null : f.flyerFileId;
  if (errors.length > 0) return { ok: false, errors: orderErrors(errors) };
  const checked = eventInputSchema.safeParse(input);
  if (!checked.success) return { ok: false, errors: [{ field: fieldId('title'), message: ctx.t('入力内容を確認してください。', 'Check the form.') }] };
  return { ok: true, value: checked.data };
}

/** Errors in the order of the form. */
function orderErrors(errors: FieldError[]): FieldError[] {
  const position = (e: FieldError) => formFields.findIndex((f) => fieldId(f) === e.field);
  return [...errors].sort((a, b) => position(a) - position(b));
}
