// What the public ledger pages of 連携の状況 share (wide-area groups, regional exchanges, companies,
// disaster support, plan): their layout and navigation, the empty and sample notes, folded notes,
// a municipality's name with its reading, and the download links.
import type { Children } from '@kitajs/html';
import { prefectureNamesEn } from '../../../domain/regions.ts';
import type { PageContext } from '../../../views/context.ts';
import { formatCount } from '../../../views/format.ts';
import { Layout } from '../../../views/layout.tsx';
import type { Government } from '../model/shapes.ts';
import { linesOf } from './labels.tsx';

// ─── shared pieces ─────────────────────────────────────────────────────────────────────────────

type LedgerPageId = 'wide-area' | 'regions' | 'companies' | 'disaster-support' | 'plan';

function ledgerPages(ctx: PageContext): Array<{ id: LedgerPageId; href: string; label: string }> {
  return [
    { id: 'wide-area', href: '/collaboration/wide-area', label: ctx.t('広域連携', 'Wide-area agreements') },
    { id: 'regions', href: '/collaboration/regions', label: ctx.t('地域別の交流', 'Regional exchanges') },
    { id: 'companies', href: '/collaboration/companies', label: ctx.t('企業との連携', 'Company agreements') },
    { id: 'disaster-support', href: '/collaboration/disaster-support', label: ctx.t('被災地支援', 'Disaster support') },
    { id: 'plan', href: '/collaboration/plan', label: ctx.t('事業計画と進捗', 'Plan and progress') },
  ];
}

interface LedgerLayoutProps {
  ctx: PageContext;
  page: LedgerPageId;
  title: string;
  /** Crumbs between 連携の状況 and the page itself (the group page adds 広域連携). */
  middle?: Array<{ href: string; label: string }>;
  children?: Children;
}

export function LedgerLayout({ ctx, page, title, middle = [], children }: LedgerLayoutProps): JSX.Element {
  const pages = ledgerPages(ctx);
  return (
    <Layout
      ctx={ctx}
      title={title}
      section="collaboration"
      breadcrumbs={[
        { href: '/', label: ctx.t('トップ', 'Home') },
        { href: '/collaboration', label: ctx.t('連携の状況', 'Collaboration') },
        ...middle,
        { label: title },
      ]}
    >
      {children}
      <nav class="rk-section" aria-labelledby="ledger-nav-title">
        <h2 id="ledger-nav-title" class="rk-heading-2">
          {ctx.t('連携の状況のページ', 'More about the collaboration')}
        </h2>
        <ul>
          <li>
            <a href="/collaboration">{ctx.t('連携の状況（数値と地図）', 'Collaboration: figures and map')}</a>
          </li>
          {pages.map((p) => (
            <li>
              <a href={p.href} aria-current={p.id === page && middle.length === 0 ? 'page' : undefined} safe>
                {p.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </Layout>
  );
}

export function Empty({ ctx }: { ctx: PageContext }): JSX.Element {
  return <p class="rk-note">{ctx.t('登録されている記録はありません。', 'No records have been registered.')}</p>;
}

export function SampleNote({ ctx, shown }: { ctx: PageContext; shown: boolean }): JSX.Element {
  if (!shown) return '';
  return (
    <p class="rk-note">
      {ctx.t(
        '「サンプル」の印がある記録は、画面の確認用に作成した見本で、実際の記録ではありません。',
        'Records marked “Sample” are examples made to try out the pages; they are not real records.',
      )}
    </p>
  );
}

/** A record's notes, folded (they are often long source citations); works without JavaScript. */
export function Notes({ ctx, text }: { ctx: PageContext; text: string }): JSX.Element {
  const lines = linesOf(text);
  if (lines.length === 0) return '';
  return (
    <details>
      <summary>{ctx.t('備考', 'Notes')}</summary>
      <ul>
        {lines.map((line) => (
          <li safe>{line}</li>
        ))}
      </ul>
    </details>
  );
}

export function MunicipalityName({ m }: { m: Pick<Government, 'code' | 'name' | 'kana'> }): JSX.Element {
  return (
    <>
      <a href={`/municipalities/${m.code}`} safe>
        {m.name}
      </a>
      {m.kana ? (
        <span class="rk-kana" safe>
          （{m.kana}）
        </span>
      ) : (
        ''
      )}
    </>
  );
}

export function Downloads({ ctx, base, label }: { ctx: PageContext; base: string; label: string }): JSX.Element {
  return (
    <section class="rk-section" aria-labelledby="downloads-title">
      <h2 id="downloads-title" class="rk-heading-2">
        {ctx.t('データのダウンロード', 'Download the data')}
      </h2>
      <p safe>{label}</p>
      <ul>
        <li>
          <a href={`${base}.csv`}>
            {ctx.t('CSV形式（UTF-8、BOM付き）', 'CSV (UTF-8 with BOM)')}
          </a>
        </li>
        <li>
          <a href={`${base}.xlsx`}>
            {ctx.t('Excel形式（XLSX）', 'Excel (XLSX)')}
          </a>
        </li>
      </ul>
    </section>
  );
}

export function prefectureLabel(ctx: PageContext, code: string, name: string): string {
  return ctx.lang === 'en' ? `${prefectureNamesEn[code] ?? name} (${name})` : name;
}

export function countText(ctx: PageContext, n: number, unitJa: string, unitEn: string): string {
  return ctx.tFormat(`${formatCount(n)}${unitJa}`, `${formatCount(n)} ${unitEn}`);
}
