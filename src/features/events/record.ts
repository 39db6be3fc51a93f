// An event's two shapes: EventInput (what a form, an import row or a harvested entry gives; checked
// by zod wherever it crosses a boundary) and Event (what the pages show, with its status, origin and
// municipalities). And the mapping between the input and the `events` row.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Generated } from 'kysely';
import type { EventProvenance, EventStatus, EventsTable } from '../../db/schema.ts';
import { isValidLocalGovCode } from '../../domain/local-gov-code.ts';
import { eventKinds } from './vocabulary.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const text = (max: number) => z.string().max(max);
const httpUrl = z.string().max(500).regex(/^https?:\/\/\S+$/);

export const contactSchema = z.object({ name: text(200), phone: text(40), extension: text(20) });
export type Contact = z.infer<typeof contactSchema>;

/** The write shape; also what an import keeps between its preview and its confirmation. */
export const eventInputSchema = z.object({
  title: z.string().min(1).max(200),
  titleKana: text(200),
  titleEn: text(200),
  kind: z.enum(eventKinds),
  startsOn: isoDate,
  endsOn: isoDate,
  startTime: hhmm.nullable(),
  endTime: hhmm.nullable(),
  dateNote: text(200),
  venueName: text(200),
  address: text(300),
  addressExtra: text(200),
  access: text(2000),
  parking: text(2000),
  online: z.boolean(),
  onlineUrl: httpUrl.nullable(),
  latitude: z.number().min(20).max(46).nullable(),
  longitude: z.number().min(122).max(154).nullable(),
  description: text(20000),
  organisers: z.array(text(200)).max(30),
  coOrganisers: z.array(text(200)).max(30),
  partners: z.array(text(200)).max(30),
  supporters: z.array(text(200)).max(30),
  field: z.number().int().min(1).max(6).nullable(),
  feeBasic: text(100),
  feeDetail: text(2000),
  capacity: text(100),
  applyMethod: text(2000),
  applyDeadline: isoDate.nullable(),
  applyDeadlineTime: hhmm.nullable(),
  contacts: z.array(contactSchema).max(10),
  url: httpUrl.nullable(),
  notes: text(2000),
  projectId: z.string().max(36).nullable(),
  flyerFileId: z.string().max(36).nullable(),
  municipalityCodes: z.array(z.string().refine(isValidLocalGovCode)).max(50),
});

export type EventInput = z.infer<typeof eventInputSchema>;

export interface EventMunicipality {
  code: string;
  name: string;
  prefectureCode: string;
  prefectureName: string;
}

export interface Event extends EventInput {
  id: string;
  status: EventStatus;
  reviewReason: string;
  ownerCode: string | null;
  provenance: EventProvenance;
  sourceUrl: string | null;
  feedId: string | null;
  externalUid: string | null;
  fetchedAt: string | null;
  submittedBy: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  municipalities: EventMunicipality[];
}

/** An input with every optional part empty: the base of forms, imports and harvested entries. */
export function blankEventInput(): EventInput {
  return {
    title: '',
    titleKana: '',
    titleEn: '',
    kind: 'その他',
    startsOn: '',
    endsOn: '',
    startTime: null,
    endTime: null,
    dateNote: '',
    venueName: '',
    address: '',
    addressExtra: '',
    access: '',
    parking: '',
    online: false,
    onlineUrl: null,
    latitude: null,
    longitude: null,
    description: '',
    organisers: [],
    coOrganisers: [],
    partners: [],
    supporters: [],
    field: null,
    feeBasic: '',
    feeDetail: '',
    capacity: '',
    applyMethod: '',
    applyDeadline: null,
    applyDeadlineTime: null,
    contacts: [],
    url: null,
    notes: '',
    projectId: null,
    flyerFileId: null,
    municipalityCodes: [],
  };
}

const joinLines = (lines: readonly string[]) => lines.join('\n');
export const splitLines = (value: string) =>
  value
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The `events` columns an input sets (the municipalities go to event_municipalities). */
export function eventColumns(input: EventInput) {
  return {
    title: input.title,
    title_kana: input.titleKana,
    title_en: input.titleEn,
    kind: input.kind,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    start_time: input.startTime,
    end_time: input.endTime,
    date_note: input.dateNote,
    venue_name: input.venueName,
    address: input.address,
    address_extra: input.addressExtra,
    access: input.access,
    parking: input.parking,
    online: input.online ? 1 : 0,
    online_url: input.onlineUrl,
    latitude: input.latitude,
    longitude: input.longitude,
    description: input.description,
    organisers: joinLines(input.organisers),
    co_organisers: joinLines(input.coOrganisers),
    partners: joinLines(input.partners),
    supporters: joinLines(input.supporters),
    field: input.field,
    fee_basic: input.feeBasic,
    fee_detail: input.feeDetail,
    capacity: input.capacity,
    apply_method: input.applyMethod,
    apply_deadline: input.applyDeadline,
    apply_deadline_time: input.applyDeadlineTime,
    contacts: JSON.stringify(input.contacts),
    url: input.url,
    notes: input.notes,
    project_id: input.projectId,
    flyer_file_id: input.flyerFileId,
  };
}

export type EventRow = {
  [K in keyof EventsTable]: EventsTable[K] extends Generated<infer U> ? U : EventsTable[K];
};

function contactsOf(json: string): Contact[] {
  try {
    const parsed = z.array(contactSchema).safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** The read shape of a stored row, with its municipalities (in their order). */
export function eventFromRow(row: EventRow, municipalities: EventMunicipality[]): Event {
  return {
    id: row.id,
    title: row.title,
    titleKana: row.title_kana,
    titleEn: row.title_en,
    kind: row.kind as EventInput['kind'],
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    startTime: row.start_time,
    endTime: row.end_time,
    dateNote: row.date_note,
    venueName: row.venue_name,
    address: row.address,
    addressExtra: row.address_extra,
    access: row.access,
    parking: row.parking,
    online: Number(row.online) === 1,
    onlineUrl: row.online_url,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    description: row.description,
    organisers: splitLines(row.organisers),
    coOrganisers: splitLines(row.co_organisers),
    partners: splitLines(row.partners),
    supporters: splitLines(row.supporters),
    field: row.field === null ? null : Number(row.field),
    feeBasic: row.fee_basic,
    feeDetail: row.fee_detail,
    capacity: row.capacity,
    applyMethod: row.apply_method,
    applyDeadline: row.apply_deadline,
    applyDeadlineTime: row.apply_deadline_time,
    contacts: contactsOf(row.contacts),
    url: row.url,
    notes: row.notes,
    projectId: row.project_id,
    flyerFileId: row.flyer_file_id,
    municipalityCodes: municipalities.map((m) => m.code),
    status: row.status,
    reviewReason: row.review_reason,
    ownerCode: row.owner_code,
    provenance: row.provenance,
    sourceUrl: row.source_url,
    feedId: row.feed_id,
    externalUid: row.external_uid,
    fetchedAt: row.fetched_at,
    submittedBy: row.submitted_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    municipalities,
  };
}

/** The input part of a stored event (for an edit form, a comparison, the round trip). */
export function inputOf(event: Event): EventInput {
  const input = blankEventInput();
  for (const key of Object.keys(input) as Array<keyof EventInput>) (input as Record<string, unknown>)[key] = event[key];
  return input;
}

/** A stable digest of an input: a harvested entry whose digest is unchanged is not written again. */
export function contentHash(input: EventInput): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}
