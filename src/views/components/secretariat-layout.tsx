// The page frame of a back-office section that sits outside the admin menu (news, site pages, PR
// pages): breadcrumbs トップ › 事務局 › the section › parents › this page, then the heading.
// The section's own front page leaves itself out of the breadcrumbs.
import type { Children } from '@kitajs/html';
import type { PageContext } from '../context.ts';
import { Layout } from '../layout.tsx';

export interface SecretariatPageProps {
  ctx: PageContext;
  title: string;
  /** Pages between the section and this one (e.g. a record's versions above a comparison). */
  parents?: Array<{ href: string; label: string }>;
  hasErrors?: boolean;
  children?: Children;
}

export function SecretariatSectionLayout({ ctx, section, title, parents = [], hasErrors = false, children }: SecretariatPageProps & { section: { href: string; title: string } }): JSX.Element {
  const crumbs = [
    { href: '/', label: ctx.t('トップ', 'Home') },
    { href: '/admin', label: ctx.t('事務局', 'Secretariat') },
    ...(title === section.title ? [] : [{ href: section.href, label: section.title }]),
    ...parents,
    { label: title },
  ];
  return (
    <Layout ctx={ctx} title={hasErrors ? ctx.tFormat(`エラー：${title}`, `Error: ${title}`) : title} section="none" breadcrumbs={crumbs}>
      <h1 class="rk-heading-1" safe>
        {title}
      </h1>
      {children}
    </Layout>
  );
}
