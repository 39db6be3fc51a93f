// The project pages of the registry (連携事業の管理): the list and the form.
import type { FieldError } from '../../../../views/components/error-summary.tsx';
import { projectFields } from '../fields.ts';
import { projectStatuses } from '../record.ts';
import type { PageContext } from '../../../../views/context.ts';
import type { ListFilter } from '../../shared/record-form.ts';
import type { ProjectFormInput } from './form.ts';
import type { WardOption } from '../../shared/back-office-queries.ts';
import type { Project } from '../record.ts';
import { Choices, Text, TextArea } from '../../../../views/components/record-fields.tsx';
import type { FormRefsView } from '../../shared/record-form-fields.tsx';
import { organiserText, RecordFormFrame, RecordListFrame, RowActions } from '../../shared/back-office.tsx';
import type { NoticeKey } from '../../shared/notices.ts';
import { fieldLabel, fiscalYearLabel, formatLabels, joinNames, organiserKindLabels, ProvenanceBadge, say, statusLabel } from '../../shared/labels.tsx';

// ---------------------------------------------------------------------------------------------
// List

export interface ProjectListPageProps {
  ctx: PageContext;
  wardName: string | null;
  wards: WardOption[];
  filter: ListFilter;
  total: number;
  items: readonly Project[];
  notice?: NoticeKey;
}

export function ProjectListPage({ ctx, wardName, wards, filter, total, items, notice }: ProjectListPageProps): JSX.Element {
  return (
    <RecordListFrame
      ctx={ctx}
      section="projects"
      title={ctx.t('連携事業の管理', 'Projects')}
      addLabel={ctx.t('連携事業を登録する', 'Add a project')}
      emptyText={ctx.t('該当する連携事業はありません。', 'No projects match.')}
      caption={ctx.t('連携事業の一覧', 'Projects')}
      columns={[ctx.t('年度', 'Fiscal year'), ctx.t('事業名', 'Title'), ctx.t('分野', 'Field'), ctx.t('実施主体', 'Organisers'), ctx.t('連携自治体', 'Partners'), ctx.t('状況', 'Status'), ctx.t('操作', 'Actions')]}
      wardName={wardName}
      wards={wards}
      filter={filter}
      total={total}
      rowCount={items.length}
      notice={notice}
    >
      {items.map((p) => (
        <tr>
          <td safe>{fiscalYearLabel(ctx, p.fiscalYear)}</td>
          <td>
            <span safe>{p.title}</span>
            <ProvenanceBadge ctx={ctx} provenance={p.provenance} />
          </td>
          <td safe>{fieldLabel(ctx, p.field)}</td>
          <td safe>{organiserText(ctx, p)}</td>
          <td safe>{joinNames(ctx, p.partners.map((x) => x.name))}</td>
          <td safe>{statusLabel(ctx, p.status)}</td>
          <td>
            <RowActions ctx={ctx} base={`/registry/projects/${encodeURIComponent(p.id)}`} title={p.title} />
          </td>
        </tr>
      ))}
    </RecordListFrame>
  );
}

// ---------------------------------------------------------------------------------------------
// Form

export interface ProjectFormPageProps {
  ctx: PageContext;
  id?: string;
  input: ProjectFormInput;
  errors: FieldError[];
  refs: FormRefsView;
  conflict?: string;
}

export function ProjectFormPage({ ctx, id, input, errors, refs, conflict }: ProjectFormPageProps): JSX.Element {
  const title = id ? ctx.t('連携事業を編集する', 'Edit a project') : ctx.t('連携事業を登録する', 'Add a project');
  const base = { ctx, errors };
  const secretariat = refs.fixedWard === null;
  return (
    <RecordFormFrame ctx={ctx} section="projects" title={title} listTitle={ctx.t('連携事業の管理', 'Projects')} id={id} updatedAt={input.updatedAt} errors={errors} conflict={conflict}>
        <Text {...base} name="fiscalYear" label={ctx.t('年度', 'Fiscal year')} required short inputmode="numeric" maxlength={6} value={input.fiscalYear} hint={ctx.t('西暦4桁（例：2024 は2024年度・令和6年度）', 'A 4-digit year (e.g. 2024 for FY2024)')} />
        <Text {...base} name="title" label={ctx.t('事業名', 'Title')} required value={input.title} maxlength={300} />
        <TextArea {...base} name="summary" label={ctx.t('概要', 'Summary')} value={input.summary} rows={4} />
        <Choices {...base} name="field" type="radio" legend={ctx.t('分野', 'Field')} required options={projectFields.map((f) => ({ value: String(f.number), label: ctx.tFormat(f.nameJa, f.nameEn) }))} selected={[input.field]} />
        {secretariat ? (
          <Choices
            {...base}
            name="organiserKind"
            type="radio"
            legend={ctx.t('実施主体', 'Organisers')}
            required
            options={(['wards', 'joint'] as const).map((k) => ({ value: k, label: say(ctx, organiserKindLabels[k]) }))}
            selected={[input.organiserKind]}
            hint={ctx.t('23区共同の場合は、特別区を選ばないでください。', 'For a joint project of all 23 wards, choose no wards.')}
          />
        ) : (
          <input type="hidden" name="organiserKind" value="wards" />
        )}
        <Choices
          {...base}
          name="wards"
          type="checkbox"
          legend={ctx.t('実施する特別区', 'Organising wards')}
          required={!secretariat}
          options={refs.wards.map((w) => ({ value: w.code, label: w.name }))}
          selected={input.wardCodes}
          fixed={refs.fixedWard ?? undefined}
        />
        <TextArea
          {...base}
          name="partners"
          label={ctx.t('連携自治体', 'Partner municipalities')}
          value={input.partners}
          rows={4}
          hint={ctx.t('1行に1団体、団体コード（6桁）か名称で入力します。同じ名称の自治体が複数ある場合は団体コードで入力してください。', 'One per line, as a 6-digit code or a name. Use the code when several share a name.')}
        />
        <Text {...base} name="startsOn" label={ctx.t('開始日', 'Starts on')} short value={input.startsOn} hint={ctx.t('例：2024-10-30 または 2024/10/30', 'e.g. 2024-10-30 or 2024/10/30')} />
        <Text {...base} name="endsOn" label={ctx.t('終了日', 'Ends on')} short value={input.endsOn} hint={ctx.t('1日だけの事業は開始日と同じ日付', 'The start date again for a one-day event')} />
        <Choices {...base} name="format" type="radio" legend={ctx.t('実施形式', 'Format')} required options={(['offline', 'online', 'hybrid'] as const).map((f) => ({ value: f, label: say(ctx, formatLabels[f]) }))} selected={[input.format]} />
        <Choices {...base} name="status" type="radio" legend={ctx.t('状況', 'Status')} required options={projectStatuses.map((s) => ({ value: s, label: statusLabel(ctx, s) }))} selected={[input.status]} />
        <Text {...base} name="newsUrl" type="url" label={ctx.t('お知らせのアドレス', 'News address')} value={input.newsUrl} hint={ctx.t('https:// で始まるアドレス', 'An address starting with https://')} />
        <Text {...base} name="sourceUrl" type="url" label={ctx.t('出典のアドレス', 'Source address')} value={input.sourceUrl} hint={ctx.t('https:// で始まるアドレス', 'An address starting with https://')} />
        <TextArea {...base} name="notes" label={ctx.t('備考', 'Notes')} value={input.notes} rows={3} />
    </RecordFormFrame>
  );
}
