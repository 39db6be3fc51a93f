// The deleted records page of the registry (削除した記録), where records are restored.
import type { EditableEntity } from './commands.ts';
import { CsrfField, SuccessNotice } from '../../../views/components/form-fields.tsx';
import type { PageContext } from '../../../views/context.ts';
import { formatDateTime } from '../../../views/format.ts';
import type { DeletedRecord } from '../shared/back-office-queries.ts';
import { Muted, organiserText, RegistryLayout, scopeText } from '../shared/back-office.tsx';
import { noticeText, type NoticeKey } from '../shared/notices.ts';
import { joinNames } from '../shared/labels.tsx';

export interface DeletedPageProps {
  ctx: PageContext;
  wardName: string | null;
  agreements: DeletedRecord[];
  projects: DeletedRecord[];
  notice?: NoticeKey;
}

function RestoreForm({ ctx, entity, id, title }: { ctx: PageContext; entity: EditableEntity; id: string; title: string }): JSX.Element {
  return (
    <form action={`/registry/${entity === 'agreement' ? 'agreements' : 'projects'}/${encodeURIComponent(id)}/restore`} method="post">
      <CsrfField ctx={ctx} />
      <button class="rk-button rk-button--secondary" type="submit">
        {ctx.t('元に戻す', 'Restore')}
        <span class="rk-visually-hidden" safe>
          {ctx.tFormat(`（${title}）`, ` (${title})`)}
        </span>
      </button>
    </form>
  );
}

export function DeletedPage({ ctx, wardName, agreements, projects, notice }: DeletedPageProps): JSX.Element {
  const title = ctx.t('削除した記録', 'Deleted records');
  return (
    <RegistryLayout ctx={ctx} title={title} current="deleted">
      <SuccessNotice message={noticeText(ctx, notice)} />
      <p safe>{scopeText(ctx, wardName)}</p>
      <h2 class="rk-heading-2">{ctx.t('協定', 'Agreements')}</h2>
      {agreements.length === 0 ? (
        <p>
          <Muted>{ctx.t('削除した協定はありません。', 'No deleted agreements.')}</Muted>
        </p>
      ) : (
        <div class="rk-table-wrap">
          <table class="rk-table">
            <caption class="rk-visually-hidden">{ctx.t('削除した協定', 'Deleted agreements')}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('名称', 'Title')}</th>
                <th scope="col">{ctx.t('特別区', 'Wards')}</th>
                <th scope="col">{ctx.t('削除した日時', 'Deleted at')}</th>
                <th scope="col">{ctx.t('操作', 'Actions')}</th>
              </tr>
            </thead>
            <tbody>
              {agreements.map((a) => (
                <tr>
                  <td>
                    <a href={`/registry/agreements/${encodeURIComponent(a.id)}/history`} safe>
                      {a.title}
                    </a>
                  </td>
                  <td safe>{joinNames(ctx, a.wards)}</td>
                  <td>{a.deletedAt ? formatDateTime(ctx, a.deletedAt) : '—'}</td>
                  <td>
                    <RestoreForm ctx={ctx} entity="agreement" id={a.id} title={a.title} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 class="rk-heading-2">{ctx.t('連携事業', 'Projects')}</h2>
      {projects.length === 0 ? (
        <p>
          <Muted>{ctx.t('削除した連携事業はありません。', 'No deleted projects.')}</Muted>
        </p>
      ) : (
        <div class="rk-table-wrap">
          <table class="rk-table">
            <caption class="rk-visually-hidden">{ctx.t('削除した連携事業', 'Deleted projects')}</caption>
            <thead>
              <tr>
                <th scope="col">{ctx.t('事業名', 'Title')}</th>
                <th scope="col">{ctx.t('実施主体', 'Organisers')}</th>
                <th scope="col">{ctx.t('削除した日時', 'Deleted at')}</th>
                <th scope="col">{ctx.t('操作', 'Actions')}</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr>
                  <td>
                    <a href={`/registry/projects/${encodeURIComponent(p.id)}/history`} safe>
                      {p.title}
                    </a>
                  </td>
                  <td safe>{organiserText(ctx, p)}</td>
                  <td>{p.deletedAt ? formatDateTime(ctx, p.deletedAt) : '—'}</td>
                  <td>
                    <RestoreForm ctx={ctx} entity="project" id={p.id} title={p.title} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </RegistryLayout>
  );
}
