// The agreement pages of the registry (協定の管理): the list and the form.
import type { FieldError } from '../../../../views/components/error-summary.tsx';
import type { PageContext } from '../../../../views/context.ts';
import type { ListFilter } from '../../shared/record-form.ts';
import type { AgreementFormInput } from './form.ts';
import type { WardOption } from '../../shared/back-office-queries.ts';
import type { Agreement } from '../record.ts';
import { Choices, Select, Text, TextArea } from '../../../../views/components/record-fields.tsx';
import type { FormRefsView } from '../../shared/record-form-fields.tsx';
import { RecordFormFrame, RecordListFrame, RowActions } from '../../shared/back-office.tsx';
import type { NoticeKey } from '../../shared/notices.ts';
import { formatDateOf, joinNames, precisionChoices, ProvenanceBadge, say } from '../../shared/labels.tsx';

// ---------------------------------------------------------------------------------------------
// List

export interface AgreementListPageProps {
  ctx: PageContext;
  wardName: string | null;
  wards: WardOption[];
  filter: ListFilter;
  total: number;
  items: readonly Agreement[];
  notice?: NoticeKey;
}

export function AgreementListPage({ ctx, wardName, wards, filter, total, items, notice }: AgreementListPageProps): JSX.Element {
  return (
    <RecordListFrame
      ctx={ctx}
      section="agreements"
      title={ctx.t('協定の管理', 'Agreements')}
      addLabel={ctx.t('協定を登録する', 'Add an agreement')}
      emptyText={ctx.t('該当する協定はありません。', 'No agreements match.')}
      caption={ctx.t('協定の一覧', 'Agreements')}
      columns={[ctx.t('名称', 'Title'), ctx.t('種類', 'Kind'), ctx.t('特別区', 'Wards'), ctx.t('相手', 'Partners'), ctx.t('締結日', 'Signed'), ctx.t('操作', 'Actions')]}
      wardName={wardName}
      wards={wards}
      filter={filter}
      total={total}
      rowCount={items.length}
      notice={notice}
    >
      {items.map((a) => (
        <tr>
          <td>
            <span safe>{a.title}</span>
            <ProvenanceBadge ctx={ctx} provenance={a.provenance} />
          </td>
          <td safe>{ctx.tFormat(a.type.name, a.type.nameEn || a.type.name)}</td>
          <td safe>{joinNames(ctx, a.wards.map((w) => w.name))}</td>
          <td safe>{joinNames(ctx, a.partners.map((p) => p.name))}</td>
          <td safe>{formatDateOf(ctx, a.signed)}</td>
          <td>
            <RowActions ctx={ctx} base={`/registry/agreements/${encodeURIComponent(a.id)}`} title={a.title} />
          </td>
        </tr>
      ))}
    </RecordListFrame>
  );
}

// ---------------------------------------------------------------------------------------------
// Form

export interface AgreementFormPageProps {
  ctx: PageContext;
  id?: string;
  input: AgreementFormInput;
  errors: FieldError[];
  refs: FormRefsView;
  conflict?: string;
}

export function AgreementFormPage({ ctx, id, input, errors, refs, conflict }: AgreementFormPageProps): JSX.Element {
  const title = id ? ctx.t('協定を編集する', 'Edit an agreement') : ctx.t('協定を登録する', 'Add an agreement');
  const base = { ctx, errors };
  return (
    <RecordFormFrame ctx={ctx} section="agreements" title={title} listTitle={ctx.t('協定の管理', 'Agreements')} id={id} updatedAt={input.updatedAt} errors={errors} conflict={conflict}>
        <Select {...base} name="typeId" label={ctx.t('協定の種類', 'Kind of agreement')} required value={input.typeId} options={refs.types.map((t) => ({ value: t.id, label: ctx.tFormat(t.name, t.nameEn || t.name) }))} />
        <Text {...base} name="title" label={ctx.t('名称', 'Title')} required value={input.title} maxlength={300} hint={ctx.t('例：千代田区と名寄市との交流自治体協定', 'e.g. the exchange agreement between Chiyoda and Nayoro')} />
        <Choices
          {...base}
          name="wards"
          type="checkbox"
          legend={ctx.t('特別区', 'Special wards')}
          required
          options={refs.wards.map((w) => ({ value: w.code, label: w.name }))}
          selected={input.wardCodes}
          fixed={refs.fixedWard ?? undefined}
        />
        <TextArea
          {...base}
          name="partners"
          label={ctx.t('相手の自治体', 'Partner local governments')}
          value={input.partners}
          rows={4}
          hint={ctx.t(
            '1行に1団体、団体コード（6桁、例：012211）か名称（例：名寄市、北海道名寄市）で入力します。同じ名称の自治体が複数ある場合は団体コードで入力してください。',
            'One per line, as a 6-digit code (e.g. 012211) or a name (e.g. 名寄市 or 北海道名寄市). Use the code when several share a name.',
          )}
        />
        {refs.groups.length > 0 ? (
          <Choices {...base} name="groups" type="checkbox" legend={ctx.t('相手の広域グループ（市長会・町村会）', 'Partner wide-area groups')} options={refs.groups.map((g) => ({ value: g.id, label: g.name }))} selected={input.groupIds} />
        ) : (
          ''
        )}
        <TextArea
          {...base}
          name="formerNames"
          label={ctx.t('締結時の旧名称', 'Former names when signed')}
          value={input.formerNames}
          rows={2}
          hint={ctx.t('合併などで名称が変わった相手だけ、1行に1件「団体コード:旧名称」の形で入力します（例：012211:風連町）。', 'Only for partners renamed since (e.g. by a merger): one per line as code:name, e.g. 012211:風連町.')}
        />
        <Text {...base} name="signedOn" label={ctx.t('締結日', 'Signed on')} short value={input.signedOn} hint={ctx.t('例：2024-10-30 または 2024/10/30。月までしか分からない場合は 2024-10 と入力し、精度で「月まで」を選びます。', 'e.g. 2024-10-30 or 2024/10/30. If only the month is known, enter 2024-10 and choose “Month”.')} />
        <Choices
          {...base}
          name="signedOnPrecision"
          type="radio"
          legend={ctx.t('締結日の精度', 'Precision of the signing date')}
          options={(['day', 'month', 'year'] as const).map((p) => ({ value: p, label: say(ctx, precisionChoices[p]) }))}
          selected={[input.signedOnPrecision]}
        />
        <TextArea {...base} name="resignedDates" label={ctx.t('再締結日・改定日', 'Re-signed or revised on')} value={input.resignedDates} rows={2} hint={ctx.t('1行に1日付（例：2006-03-27）。', 'One date per line (e.g. 2006-03-27).')} />
        <Text {...base} name="endedOn" label={ctx.t('終了日', 'Ended on')} short value={input.endedOn} hint={ctx.t('協定が終了した場合だけ入力します。', 'Only if the agreement has ended.')} />
        <TextArea {...base} name="background" label={ctx.t('きっかけ', 'Background')} value={input.background} rows={3} />
        <Text {...base} name="sourceUrl" type="url" label={ctx.t('出典のアドレス', 'Source address')} value={input.sourceUrl} hint={ctx.t('https:// で始まるアドレス', 'An address starting with https://')} />
        <TextArea {...base} name="notes" label={ctx.t('備考', 'Notes')} value={input.notes} rows={3} />
        <TextArea
          {...base}
          name="reviewNote"
          label={ctx.t('要確認', 'To check')}
          value={input.reviewNote}
          rows={3}
          hint={ctx.t('出典どうしが食い違う、日付がはっきりしないなど、事務局の確認が必要な点。確認が済んだら空にします。', 'What the secretariat should check (sources disagree, a date is unclear). Empty it once checked.')}
        />
    </RecordFormFrame>
  );
}
