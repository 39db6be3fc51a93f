// What every page view needs to know about the request, built once per request (render.ts).
import type { Role } from '../db/schema.ts';

export type Lang = 'ja' | 'en';

/** T itself when T is a string literal type; never for `string` or a template literal type. */
type Literal<T extends string> = string extends T ? never : {} extends Record<T, 1> ? never : T;

export interface Viewer {
  displayName: string;
  role: Role;
}

export interface PageContext {
  lang: Lang;
  /** Path and query of the current request, for the language switch and navigation state. */
  currentUrl: string;
  /** The site's public address (PUBLIC_URL, no trailing slash), for canonical and OGP URLs. */
  siteUrl: string;
  /** The signed-in person, for the header; null for a visitor. */
  viewer: Viewer | null;
  /** The CSRF token every POST form carries (created on first use). */
  csrfToken(): string;
  /**
   * Picks fixed Japanese or English wording (Japanese is the site's primary language). Only
   * string literals are accepted, so the result keeps a literal type that the XSS scanner
   * (xss-scan) knows to be safe.
   */
  t<J extends string, E extends string>(ja: J & Literal<J>, en: E & Literal<E>): J | E;
  /** Wording built from data: a plain string, which the scanner makes us escape (`safe`). */
  tFormat(ja: string, en: string): string;
}

export function createPageContext(
  lang: Lang,
  currentUrl: string,
  viewer: Viewer | null = null,
  csrfToken: () => string = () => '',
  siteUrl = '',
): PageContext {
  const t: PageContext['t'] = (ja, en) => (lang === 'en' ? en : ja);
  const tFormat = (ja: string, en: string): string => (lang === 'en' ? en : ja);
  return { lang, currentUrl, siteUrl, viewer, csrfToken, t, tFormat };
}

export const languageCookie = 'lang';

export function parseLang(value: unknown): Lang {
  return value === 'en' ? 'en' : 'ja';
}

/**
 * Keeps redirects on this site: only a local absolute path is accepted (ASVS 3.7.2), never
 * `//host`, `/\host` or anything with a control character (browsers drop tabs and newlines from
 * URLs, so '/\t/evil.example' would become '//evil.example'; CR/LF would split the header).
 * Characters outside printable ASCII (`/あ`) are percent-encoded: a Location header carries ASCII
 * only, and Node refuses to send anything else (the redirect would otherwise fail after the work
 * before it, e.g. a new session, was done). Anything longer than 2,000 characters is refused too.
 */
export function safeLocalPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    // encodeURIComponent throws on a lone surrogate: such a value is refused.
    return value.replace(/[^\u0021-\u007e]+/gu, (run) => encodeURIComponent(run));
  } catch {
    return fallback;
  }
}
