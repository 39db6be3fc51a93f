// Rendered HTML kept for a short time, for public pages that are the same for every anonymous
// visitor (the top page). It takes rendering and queries off the busiest path; a change shows
// after at most `ttlMs`. Never use it for a page that depends on who is signed in.
export interface PageCache {
  get(key: string, render: () => Promise<string>): Promise<string>;
  clear(): void;
}

export function createPageCache(ttlMs: number, maxEntries = 16): PageCache {
  const entries = new Map<string, { html: Promise<string>; expires: number }>();
  return {
    get(key, render) {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && hit.expires > now) return hit.html;
      if (entries.size >= maxEntries) entries.clear();
      const html = render();
      entries.set(key, { html, expires: now + ttlMs });
      html.catch(() => entries.delete(key));
      return html;
    },
    clear: () => entries.clear(),
  };
}
