// Markdown written by staff (articles, event descriptions, posts) rendered to HTML that is safe to
// put on a page. markdown-it with raw HTML off escapes every tag the author types; links are kept
// only for http(s), mailto and the site's own paths (no javascript:, data:, vbscript:); images only
// from the site's own /files/ (nothing is ever loaded from another origin). A level-1 heading
// becomes h2, since the page's title is its h1.
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

const allowedLink = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;
const allowedImage = /^\/files\/[0-9a-f-]{36}\//i;

markdown.validateLink = (url: string): boolean => allowedLink.test(url.trim());

const defaultImage = markdown.renderer.rules.image!;
markdown.renderer.rules.image = (tokens, index, options, env, self) => {
  const token = tokens[index]!;
  const src = String(token.attrGet('src') ?? '');
  if (!allowedImage.test(src)) {
    // The alternative text stays, as text: an outside image would be blocked by the CSP anyway.
    return markdown.utils.escapeHtml(String(token.content));
  }
  token.attrSet('loading', 'lazy');
  return defaultImage(tokens, index, options, env, self);
};

markdown.renderer.rules.heading_open = (tokens, index) => {
  const level = Math.max(2, Number(tokens[index]!.tag.slice(1)));
  return `<h${level}>`;
};
markdown.renderer.rules.heading_close = (tokens, index) => {
  const level = Math.max(2, Number(tokens[index]!.tag.slice(1)));
  return `</h${level}>\n`;
};

// Wide tables scroll inside a labelled, focusable region instead of widening the page (320 px).
markdown.renderer.rules.table_open = () => '<div class="rk-table-scroll" role="region" aria-label="表" tabindex="0"><table>\n';
markdown.renderer.rules.table_close = () => '</table></div>\n';

/** The HTML of a Markdown text: safe to output unescaped. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

// A page of board search results turns 50 posts into text on every request (about a tenth of the
// request's time, node --cpu-prof), mostly the same posts again: remembered by the exact source,
// bounded by the characters kept (about 2 MB), all forgotten at once when full (as dates are).
const rememberedTexts = new Map<string, string>();
const MAX_REMEMBERED_CHARACTERS = 1_000_000;
let rememberedCharacters = 0;

/** Plain text of a Markdown text (for summaries, feeds and search): the rendered text without tags. */
export function markdownToText(source: string): string {
  let text = rememberedTexts.get(source);
  if (text === undefined) {
    text = plainTextOf(source);
    if (source.length + text.length > MAX_REMEMBERED_CHARACTERS / 100) return text;
    if (rememberedCharacters + source.length + text.length > MAX_REMEMBERED_CHARACTERS) {
      rememberedTexts.clear();
      rememberedCharacters = 0;
    }
    rememberedTexts.set(source, text);
    rememberedCharacters += source.length + text.length;
  }
  return text;
}

function plainTextOf(source: string): string {
  return renderMarkdown(source)
    .replace(/<\/?(strong|em|a|code|s|img)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
