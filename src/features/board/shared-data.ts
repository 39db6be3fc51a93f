// What the board's reading pages show alike to every member — the categories, a thread, a page of
// its posts (with attachments and version counts), a page of a thread list — kept in memory per
// board revision (migration 2026-12-09T1300). Every write that changes any of it raises the revision
// in its own transaction (commands.ts), and each request reads the revision from the database (one
// read shared by the requests of an event-loop turn, src/db/revisions.ts): a change made through any
// instance on the database is seen by the next request to every instance.
//
// Why: a signed-in page is never page-cached, and the bench's thread page ran about thirteen queries
// a request (node --cpu-prof: SQL about a fifth of the time). What differs per member is not kept
// here: read positions (未読, 新着), watches, visits, and who may see a hidden post's body (viewPost
// decides that per request from the stored record). Authors' names come from accounts, which the
// board revision does not follow, so they are read per request.
//
// Bounded: at most `maxEntries` entries and about `maxBytes` of text, least recently used first out.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { readRevision } from '../../db/revisions.ts';
import {
  hiddenThreadsFor,
  postRecordsFrom,
  threadById,
  threadRows,
  toCategory,
  type Category,
  type HiddenThreads,
  type PostRecord,
  type ThreadListOptions,
  type ThreadRow,
  type ThreadSummary,
  type Viewer,
} from './queries.ts';

interface Entry {
  value: Promise<unknown>;
  /** Estimated once the value is loaded (0 until then). */
  bytes: number;
}

export interface SharedDataLimits {
  maxEntries: number;
  maxBytes: number;
}

const defaultLimits: SharedDataLimits = { maxEntries: 400, maxBytes: 8 * 1024 * 1024 };

/** A rough size of loaded rows in memory: their text (UTF-16) and a fixed cost per row. */
function estimateBytes(value: unknown): number {
  if (value === undefined || value === null) return 64;
  if (typeof value === 'string') return 48 + value.length * 2;
  if (Buffer.isBuffer(value)) return 64 + value.length;
  if (typeof value !== 'object') return 16;
  let bytes = 64;
  for (const v of Array.isArray(value) ? value : Object.values(value)) bytes += estimateBytes(v);
  return bytes;
}

export class BoardSharedData {
  private revision = -1;
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly limits: SharedDataLimits = defaultLimits,
  ) {}

  /** The shared data as of the board's revision now (read from the database). */
  async current(): Promise<BoardSnapshot> {
    const revision = await readRevision(this.db, 'board');
    if (revision > this.revision) this.clear(revision);
    return new BoardSnapshot(this, this.db, revision);
  }

  /** Entries and estimated bytes kept (for tests and a look at memory). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private clear(revision: number): void {
    this.revision = revision;
    this.entries.clear();
    this.bytes = 0;
  }

  /**
   * The value kept under `key` at `revision`, or loaded now (and kept, if `revision` is still the
   * latest). Requests missing the same key at once share one load. A load begun under an older
   * revision than the latest seen is used by its request but never kept: its data may predate a write.
   */
  keep<T>(revision: number, key: string, load: () => Promise<T>): Promise<T> {
    if (revision !== this.revision) return load();
    const found = this.entries.get(key);
    if (found) {
      // Least recently used goes first: a hit moves to the end.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.value as Promise<T>;
    }
    const entry: Entry = { value: load(), bytes: 0 };
    this.entries.set(key, entry);
    entry.value.then(
      (value) => {
        if (this.entries.get(key) !== entry) return;
        entry.bytes = estimateBytes(value) + key.length * 2;
        this.bytes += entry.bytes;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    this.evict();
    return entry.value as Promise<T>;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) return;
      this.entries.delete(key);
      this.bytes -= entry.bytes;
    }
  }
}

/** The board's shared data at one revision. Its values are shared between requests: never change them. */
export class BoardSnapshot {
  constructor(
    private readonly shared: BoardSharedData,
    private readonly db: Kysely<Database>,
    readonly revision: number,
  ) {}

  /** Anything made from this revision's data alone (e.g. a rendered piece), kept under `key`. */
  keep<T>(key: string, make: () => Promise<T>): Promise<T> {
    return this.shared.keep(this.revision, key, make);
  }

  /** Every category, archived ones too, in the order of the board's lists. */
  allCategories(): Promise<Category[]> {
    return this.shared.keep(this.revision, 'categories', async () => (await this.db.selectFrom('board_categories').selectAll().orderBy('position').orderBy('slug').execute()).map(toCategory));
  }

  /** The categories the board lists (not archived), as listCategories. */
  async categories(): Promise<Category[]> {
    return (await this.allCategories()).filter((c) => !c.archived);
  }

  async categoryBySlug(slug: string): Promise<Category | undefined> {
    return (await this.allCategories()).find((c) => c.slug === slug);
  }

  async categoryById(id: string): Promise<Category | undefined> {
    return (await this.allCategories()).find((c) => c.id === id);
  }

  /** The thread as stored (unread 0, not new: the viewer's marks are not part of it). */
  thread(id: number): Promise<ThreadSummary | undefined> {
    return this.shared.keep(this.revision, `thread:${id}`, () => threadById(this.db, id));
  }

  /** A page of a thread's posts as stored; viewPost shows each to a viewer. */
  postRecords(threadId: number, fromPosition: number): Promise<PostRecord[]> {
    return this.shared.keep(this.revision, `posts:${threadId}:${fromPosition}`, () => postRecordsFrom(this.db, threadId, fromPosition));
  }

  /** Hidden threads (few): whose, and where, to tell whether a member's list can be the shared one. */
  private hiddenThreads(): Promise<{ authorId: string; categoryId: string }[]> {
    return this.shared.keep(this.revision, 'hidden-threads', async () =>
      (await this.db.selectFrom('board_threads').select(['author_id', 'category_id']).where('hidden', '=', 1).execute()).map((r) => ({ authorId: r.author_id, categoryId: r.category_id })),
    );
  }

  /**
   * A page of a thread list as the viewer may see it, without read marks (withReadMarks adds them).
   * A member who wrote none of the list's hidden threads sees what every such member sees: the kept
   * list. One who did (rare) has their own list read from the database.
   */
  async threadRows(viewer: Viewer, options: ThreadListOptions): Promise<{ rows: ThreadRow[]; total: number }> {
    const hidden: HiddenThreads = hiddenThreadsFor(viewer);
    if (hidden !== 'all') {
      const own = (await this.hiddenThreads()).some((t) => t.authorId === viewer.id && (options.categoryId === undefined || t.categoryId === options.categoryId));
      if (own) return threadRows(this.db, hidden, options);
    }
    const shared = hidden === 'all' ? 'all' : 'none';
    const key = `threads:${shared}:${options.categoryId ?? '*'}:${options.page ?? 1}:${options.limit ?? ''}:${options.count === false ? 'n' : 'c'}`;
    return this.shared.keep(this.revision, key, () => threadRows(this.db, shared, options));
  }
}
