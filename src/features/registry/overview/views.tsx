// The registry overview page (/registry, 連携記録の管理).
import type { PageContext } from '../../../views/context.ts';
import { formatCount } from '../../../views/format.ts';
import { RegistryLayout, scopeText } from '../shared/back-office.tsx';

// ---------------------------------------------------------------------------------------------
// /registry

export interface HomePageProps {
  ctx: PageContext;
  wardName: string | null;
  counts: { agreements: number; projects: number; deleted: number; toCheck: number };
}

export function RegistryHomePage({ ctx, wardName, counts }: HomePageProps): JSX.Element {
  const title = ctx.t('連携記録の管理', 'Registry management');
  const secretariatLinks = [
    { href: '/registry/types', label: ctx.t('協定の種類', 'Agreement types') },
    { href: '/registry/groups', label: ctx.t('広域グループ（市長会・町村会）', 'Wide-area groups') },
    { href: '/registry/wards', label: ctx.t('特別区', 'Special wards') },
    { href: '/registry/regions', label: ctx.t('地域との交流', 'Regional exchanges') },
    { href: '/registry/companies', label: ctx.t('企業との協定', 'Company agreements') },
    { href: '/registry/disasters', label: ctx.t('災害', 'Disasters') },
    { href: '/registry/disaster-support', label: ctx.t('災害支援', 'Disaster support') },
    { href: '/registry/joint-plans', label: ctx.t('広域共同計画', 'Joint plans') },
    { href: '/registry/plan', label: ctx.t('計画の進捗', 'Plan progress') },
    { href: '/registry/figures', label: ctx.t('公表数値', 'Published figures') },
    { href: '/registry/members', label: ctx.t('会員登録自治体', 'Registered member municipalities') },
    { href: '/admin/registry/import', label: ctx.t('CSV・XLSXの取り込み', 'Import CSV or XLSX') },
  ];
  return (
    <RegistryLayout ctx={ctx} title={title} current="home">
      <p class="rk-lead" safe>
        {scopeText(ctx, wardName)}
      </p>
      <ul class="rk-figures">
        <li class="rk-figures__item">
          <span class="rk-figures__label">{ctx.t('協定', 'Agreements')}</span>
          <span class="rk-figures__value" safe>
            {formatCount(counts.agreements)}
          </span>
          <span class="rk-figures__unit">{ctx.t('件', '')}</span>
        </li>
        <li class="rk-figures__item">
          <span class="rk-figures__label">{ctx.t('連携事業', 'Projects')}</span>
          <span class="rk-figures__value" safe>
            {formatCount(counts.projects)}
          </span>
          <span class="rk-figures__unit">{ctx.t('件', '')}</span>
        </li>
        <li class="rk-figures__item">
          <span class="rk-figures__label">{ctx.t('要確認の協定', 'Agreements to check')}</span>
          <span class="rk-figures__value" safe>
            {formatCount(counts.toCheck)}
          </span>
          <span class="rk-figures__unit">{ctx.t('件', '')}</span>
        </li>
        <li class="rk-figures__item">
          <span class="rk-figures__label">{ctx.t('削除した記録', 'Deleted records')}</span>
          <span class="rk-figures__value" safe>
            {formatCount(counts.deleted)}
          </span>
          <span class="rk-figures__unit">{ctx.t('件', '')}</span>
        </li>
      </ul>
      <h2 class="rk-heading-2">{ctx.t('記録の編集', 'Edit records')}</h2>
      <ul>
        <li>
          <a href="/registry/agreements">{ctx.t('協定の一覧・編集', 'Agreements: list and edit')}</a>（
          <a href="/registry/agreements/new">{ctx.t('新しく登録する', 'add one')}</a>）
        </li>
        <li>
          <a href="/registry/projects">{ctx.t('連携事業の一覧・編集', 'Projects: list and edit')}</a>（
          <a href="/registry/projects/new">{ctx.t('新しく登録する', 'add one')}</a>）
        </li>
        <li>
          <a href="/registry/review">{ctx.t('要確認の協定（出典の食い違いなど）', 'Agreements to check (sources disagree…)')}</a>
        </li>
        <li>
          <a href="/registry/sources">{ctx.t('出典の一覧（出典ごとの記録）', 'Sources (and the records citing each)')}</a>
        </li>
        <li>
          <a href="/registry/deleted">{ctx.t('削除した記録（元に戻す）', 'Deleted records (restore)')}</a>
        </li>
      </ul>
      {wardName === null ? (
        <>
          <h2 class="rk-heading-2">{ctx.t('事務局の管理ページ', 'Secretariat pages')}</h2>
          <ul>
            {secretariatLinks.map((l) => (
              <li>
                <a href={l.href}>{l.label}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="rk-note">
          {ctx.t(
            '編集できるのは、自区が含まれる協定と連携事業です。23区共同の事業や他区だけの記録の変更は、事務局にご連絡ください。',
            'You can edit the agreements and projects that include your ward. For joint projects of all 23 wards or records of other wards, please contact the secretariat.',
          )}
        </p>
      )}
    </RegistryLayout>
  );
}
