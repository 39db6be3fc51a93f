// The site pages the secretariat edits, each at a fixed public address (links, bookmarks and the
// footer rely on it): a page is edited, never added, moved or deleted.
export const sitePageSlugs = ['about', 'contact', 'site-policy', 'privacy', 'accessibility'] as const;
export type SitePageSlug = (typeof sitePageSlugs)[number];

export function isSitePageSlug(value: string): value is SitePageSlug {
  return (sitePageSlugs as readonly string[]).includes(value);
}

export function sitePagePath(slug: SitePageSlug): string {
  return `/${slug}`;
}
