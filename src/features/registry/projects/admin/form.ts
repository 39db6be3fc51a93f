// The project edit form: the urlencoded body in, a typed ProjectInput or field errors (Japanese
// first) out; and the form's values from a stored project.
import { z } from 'zod';
import type { OrganiserKind, ProjectFormat, ProjectStatus } from '../../../../db/schema.ts';
import type { PageContext } from '../../../../views/context.ts';
import {
  Errors,
  formValue,
  formValues,
  longText,
  nfkc,
  oneOf,
  optionalDate,
  optionalUrl,
  partners,
  title,
  wards,
  type FormRefs,
  type Parsed,
} from '../../shared/record-form.ts';
import { projectFields } from '../fields.ts';
import { projectStatuses, type ProjectInput } from '../record.ts';

const fiscalYearSchema = z
  .string()
  .transform((s) => nfkc(s).replace(/年度$/, ''))
  .pipe(z.string().regex(/^\d{4}$/))
  .transform(Number)
  .pipe(z.number().int().min(2000).max(2100));
const fieldSchema = z.enum(projectFields.map((f) => String(f.number)) as [string, ...string[]]).transform(Number);
const formatSchema = z.enum(['offline', 'online', 'hybrid'] as const satisfies readonly ProjectFormat[]);
const organiserSchema = z.enum(['wards', 'joint'] as const satisfies readonly OrganiserKind[]);
const statusSchema = z.enum(projectStatuses as [ProjectStatus, ...ProjectStatus[]]);

export interface ProjectFormInput {
  fiscalYear: string;
  title: string;
  summary: string;
  field: string;
  organiserKind: string;
  wardCodes: string[];
  partners: string;
  startsOn: string;
  endsOn: string;
  format: string;
  status: string;
  newsUrl: string;
  sourceUrl: string;
  notes: string;
  updatedAt: string;
}

export function projectFormInput(body: unknown): ProjectFormInput {
  return {
    fiscalYear: formValue(body, 'fiscalYear'),
    title: formValue(body, 'title'),
    summary: formValue(body, 'summary'),
    field: formValue(body, 'field'),
    organiserKind: formValue(body, 'organiserKind'),
    wardCodes: formValues(body, 'wards'),
    partners: formValue(body, 'partners'),
    startsOn: formValue(body, 'startsOn'),
    endsOn: formValue(body, 'endsOn'),
    format: formValue(body, 'format'),
    status: formValue(body, 'status'),
    newsUrl: formValue(body, 'newsUrl'),
    sourceUrl: formValue(body, 'sourceUrl'),
    notes: formValue(body, 'notes'),
    updatedAt: formValue(body, 'updatedAt'),
  };
}

/** A new project's blank form; a ward officer's own ward is fixed in it. */
export function emptyProjectForm(fixedWard: string | null): ProjectFormInput {
  return {
    fiscalYear: '',
    title: '',
    summary: '',
    field: '',
    organiserKind: 'wards',
    wardCodes: fixedWard ? [fixedWard] : [],
    partners: '',
    startsOn: '',
    endsOn: '',
    format: 'offline',
    status: '予定',
    newsUrl: '',
    sourceUrl: '',
    notes: '',
    updatedAt: '',
  };
}

export function parseProject(ctx: PageContext, input: ProjectFormInput, refs: FormRefs): Parsed<Omit<ProjectInput, 'id'>> {
  const errors = new Errors(ctx);
  const label = (ja: string, en: string) => ctx.tFormat(ja, en);
  const fiscalYear = oneOf(fiscalYearSchema, input.fiscalYear);
  if (fiscalYear === undefined) errors.add('fiscalYear', 'fiscalYear');
  const titleValue = title(errors, input.title, label('事業名', 'the title'));
  const summary = longText(errors, 'summary', input.summary, label('概要', 'the summary'));
  const field = oneOf(fieldSchema, input.field);
  if (field === undefined) errors.add('field', 'field');
  const organiserKind = oneOf(organiserSchema, input.organiserKind);
  if (!organiserKind) errors.add('organiserKind', 'organiserKind');
  let wardCodes: string[] = [];
  if (organiserKind === 'joint') {
    if (input.wardCodes.length > 0) errors.add('wards', 'jointHasWards');
  } else {
    wardCodes = wards(errors, input.wardCodes, refs, organiserKind === 'wards');
  }
  const partnerCodes = partners(ctx, errors, input.partners, refs.partners);
  const startsOn = optionalDate(errors, 'startsOn', input.startsOn, label('開始日', 'the start date'));
  const endsOn = optionalDate(errors, 'endsOn', input.endsOn, label('終了日', 'the end date'));
  if (startsOn && endsOn && endsOn < startsOn) errors.add('endsOn', 'endsBeforeStarts');
  const format = oneOf(formatSchema, input.format);
  if (!format) errors.add('format', 'format');
  const status = oneOf(statusSchema, input.status);
  if (!status) errors.add('status', 'status');
  const newsUrl = optionalUrl(errors, 'newsUrl', input.newsUrl, label('お知らせのアドレス', 'the news address'));
  const sourceUrl = optionalUrl(errors, 'sourceUrl', input.sourceUrl, label('出典のアドレス', 'the source address'));
  const notes = longText(errors, 'notes', input.notes, label('備考', 'the notes'));
  if (errors.list.length > 0) return { ok: false, errors: errors.list };
  return {
    ok: true,
    value: {
      fiscalYear: fiscalYear!,
      title: titleValue,
      summary,
      field: field!,
      organiserKind: organiserKind!,
      wardCodes,
      partnerCodes,
      startsOn,
      endsOn,
      format: format!,
      status: status!,
      newsUrl,
      sourceUrl,
      notes,
    },
  };
}

export function projectInputFrom(s: Omit<ProjectInput, 'id'>, updatedAt: string, partnerLabel: (code: string) => string): ProjectFormInput {
  return {
    fiscalYear: String(s.fiscalYear),
    title: s.title,
    summary: s.summary,
    field: String(s.field),
    organiserKind: s.organiserKind,
    wardCodes: s.wardCodes,
    partners: s.partnerCodes.map(partnerLabel).join('\n'),
    startsOn: s.startsOn ?? '',
    endsOn: s.endsOn ?? '',
    format: s.format,
    status: s.status,
    newsUrl: s.newsUrl ?? '',
    sourceUrl: s.sourceUrl ?? '',
    notes: s.notes,
    updatedAt,
  };
}
