// What every page view needs to know about the request, built once per request in app.ts.
export type Lang = 'ja' | 'en';

export interface PageContext {
  lang: Lang;
  /** Path and query of the current request, for the language switch and navigation state. */
  currentUrl: string;
  /** Picks the Japanese or English wording. Japanese is the primary language of the site. */
  t(ja: string, en: string): string;
}

export function createPageContext(lang: Lang, currentUrl: string): PageContext {
  return { lang, currentUrl, t: (ja, en) => (lang === 'en' ? en : ja) };
}

export const languageCookie = 'lang';

export function parseLang(value: unknown): Lang {
  return value === 'en' ? 'en' : 'ja';
}

/** Keeps redirects on this site: only a local absolute path is accepted (ASVS 3.7.2). */
export function safeLocalPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  return value;
}
