// The delete confirmation page of the registry (協定・連携事業の削除).
import type { EditableEntity } from './commands.ts';
import { CsrfField } from '../../../views/components/form-fields.tsx';
import type { PageContext } from '../../../views/context.ts';
import { entityLabels, RegistryLayout } from '../shared/back-office.tsx';

export function DeleteConfirmPage({ ctx, entity, id, title }: { ctx: PageContext; entity: EditableEntity; id: string; title: string }): JSX.Element {
  const e = entityLabels[entity];
  const pageTitle = ctx.tFormat(`${e.ja}を削除する`, `Delete the ${e.en}`);
  return (
    <RegistryLayout ctx={ctx} title={pageTitle} current={entity === 'agreement' ? 'agreements' : 'projects'} parents={[{ href: e.list, label: ctx.tFormat(e.listJa, e.listEn) }]}>
      <p>
        {ctx.t('次の記録を削除します。', 'This record will be deleted:')}
        <strong safe>{title}</strong>
      </p>
      <p class="rk-note">
        {ctx.t(
          '削除した記録は公開ページに表示されなくなります。記録そのものは残り、「削除した記録」からいつでも元に戻せます。',
          'A deleted record is no longer shown on the public pages. It is kept, and can be restored from “Deleted records” at any time.',
        )}
      </p>
      <form class="rk-actions" action={`/registry/${entity === 'agreement' ? 'agreements' : 'projects'}/${encodeURIComponent(id)}/delete`} method="post">
        <CsrfField ctx={ctx} />
        <button class="rk-button rk-button--danger" type="submit">
          {ctx.t('削除する', 'Delete')}
        </button>
        <a href={e.list}>{ctx.t('削除せずに一覧へ戻る', 'Back to the list without deleting')}</a>
      </form>
    </RegistryLayout>
  );
}
