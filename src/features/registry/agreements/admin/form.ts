// The agreement edit form: the urlencoded body in, a typed AgreementInput or field errors
// (Japanese first) out; and the form's values from a stored agreement.
import type { DatePrecision } from '../../../../db/schema.ts';
import type { PageContext } from '../../../../views/context.ts';
import {
  Errors,
  fieldId,
  formValue,
  formValues,
  lines,
  longText,
  normaliseDate,
  oneOf,
  optionalDate,
  optionalUrl,
  partners,
  precisionSchema,
  title,
  wards,
  type FormRefs,
  type Parsed,
} from '../../shared/record-form.ts';
import type { AgreementInput } from '../record.ts';

export interface AgreementFormInput {
  typeId: string;
  title: string;
  wardCodes: string[];
  partners: string;
  groupIds: string[];
  formerNames: string;
  signedOn: string;
  signedOnPrecision: string;
  resignedDates: string;
  endedOn: string;
  background: string;
  sourceUrl: string;
  notes: string;
  reviewNote: string;
  updatedAt: string;
}

export function agreementFormInput(body: unknown): AgreementFormInput {
  return {
    typeId: formValue(body, 'typeId'),
    title: formValue(body, 'title'),
    wardCodes: formValues(body, 'wards'),
    partners: formValue(body, 'partners'),
    groupIds: formValues(body, 'groups'),
    formerNames: formValue(body, 'formerNames'),
    signedOn: formValue(body, 'signedOn'),
    signedOnPrecision: formValue(body, 'signedOnPrecision') || 'day',
    resignedDates: formValue(body, 'resignedDates'),
    endedOn: formValue(body, 'endedOn'),
    background: formValue(body, 'background'),
    sourceUrl: formValue(body, 'sourceUrl'),
    notes: formValue(body, 'notes'),
    reviewNote: formValue(body, 'reviewNote'),
    updatedAt: formValue(body, 'updatedAt'),
  };
}

/** A new agreement's blank form; a ward officer's own ward is fixed in it. */
export function emptyAgreementForm(fixedWard: string | null): AgreementFormInput {
  return {
    typeId: '',
    title: '',
    wardCodes: fixedWard ? [fixedWard] : [],
    partners: '',
    groupIds: [],
    formerNames: '',
    signedOn: '',
    signedOnPrecision: 'day',
    resignedDates: '',
    endedOn: '',
    background: '',
    sourceUrl: '',
    notes: '',
    reviewNote: '',
    updatedAt: '',
  };
}

export function parseAgreement(ctx: PageContext, input: AgreementFormInput, refs: FormRefs): Parsed<Omit<AgreementInput, 'id'>> {
  const errors = new Errors(ctx);
  const label = (ja: string, en: string) => ctx.tFormat(ja, en);
  if (!refs.typeIds.has(input.typeId)) errors.add('typeId', 'typeId');
  const titleValue = title(errors, input.title, label('名称', 'the title'));
  const wardCodes = wards(errors, input.wardCodes, refs, true);
  const partnerCodes = partners(ctx, errors, input.partners, refs.partners);
  const groupIds = [...new Set(input.groupIds)];
  if (groupIds.some((g) => !refs.groupIds.has(g))) errors.add('groups', 'groupsUnknown');
  if (partnerCodes.length === 0 && groupIds.length === 0 && !errors.list.some((e) => e.field === fieldId('partners'))) {
    errors.add('partners', 'partnersRequired');
  }
  const formerNames: Record<string, string> = {};
  for (const line of lines(input.formerNames)) {
    const m = /^(\d{6})\s*[:：]\s*(.+)$/.exec(line);
    if (!m || m[2]!.length > 100) {
      errors.add('formerNames', 'formerNameFormat', { line });
      continue;
    }
    if (!partnerCodes.includes(m[1]!)) {
      errors.add('formerNames', 'formerNameNotPartner', { line: m[1]! });
      continue;
    }
    formerNames[m[1]!] = m[2]!.trim();
  }
  const precision = oneOf(precisionSchema, input.signedOnPrecision);
  if (!precision) errors.add('signedOnPrecision', 'precision');
  const signedOn = optionalDate(errors, 'signedOn', input.signedOn, label('締結日', 'the signing date'), precision ?? 'day');
  if (!input.signedOn.trim() && precision && precision !== 'day') errors.add('signedOnPrecision', 'precisionNeedsDate');
  const resigned = lines(input.resignedDates);
  if (resigned.length > 10) errors.add('resignedDates', 'resignedTooMany');
  const resignedDates: string[] = [];
  for (const line of resigned) {
    const iso = normaliseDate(line);
    if (!iso) errors.add('resignedDates', 'dateFormat', { label: label('再締結日', 're-signing dates') });
    else resignedDates.push(iso);
  }
  const endedOn = optionalDate(errors, 'endedOn', input.endedOn, label('終了日', 'the end date'));
  if (signedOn && endedOn && endedOn < signedOn) errors.add('endedOn', 'endedBeforeSigned');
  const background = longText(errors, 'background', input.background, label('きっかけ', 'the background'));
  const sourceUrl = optionalUrl(errors, 'sourceUrl', input.sourceUrl, label('出典のアドレス', 'the source address'));
  const notes = longText(errors, 'notes', input.notes, label('備考', 'the notes'));
  const reviewNote = longText(errors, 'reviewNote', input.reviewNote, label('要確認', 'the note to check'));
  if (errors.list.length > 0) return { ok: false, errors: errors.list };
  return {
    ok: true,
    value: {
      typeId: input.typeId,
      title: titleValue,
      wardCodes,
      partnerCodes,
      partnerGroupIds: groupIds,
      formerNames,
      signedOn,
      signedOnPrecision: precision!,
      resignedDates: [...new Set(resignedDates)].sort(),
      endedOn,
      background,
      sourceUrl,
      notes,
      reviewNote,
    },
  };
}

/** The fields of an agreement in the form, from a stored snapshot (for the edit page). */
export function agreementInputFrom(s: Omit<AgreementInput, 'id'>, updatedAt: string, partnerLabel: (code: string) => string): AgreementFormInput {
  const shownDate = (iso: string | null, p: DatePrecision) => (!iso ? '' : p === 'year' ? iso.slice(0, 4) : p === 'month' ? iso.slice(0, 7) : iso);
  return {
    typeId: s.typeId,
    title: s.title,
    wardCodes: s.wardCodes,
    partners: s.partnerCodes.map(partnerLabel).join('\n'),
    groupIds: s.partnerGroupIds,
    formerNames: Object.entries(s.formerNames)
      .map(([code, name]) => `${code}:${name}`)
      .join('\n'),
    signedOn: shownDate(s.signedOn, s.signedOnPrecision),
    signedOnPrecision: s.signedOnPrecision,
    resignedDates: s.resignedDates.join('\n'),
    endedOn: s.endedOn ?? '',
    background: s.background,
    sourceUrl: s.sourceUrl ?? '',
    notes: s.notes,
    reviewNote: s.reviewNote ?? '',
    updatedAt,
  };
}

