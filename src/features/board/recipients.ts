// WHO is told about a board post (the notifications module decides HOW: mail, inbox, digest).
// `planNotifications` is pure: it takes who watches, who is mentioned, whose post was answered and
// who the thread is addressed to, and returns one notification per person, the most specific kind
// winning (mentioned > replied > watching). The actor is never told about their own post.
import type { NotificationInput, NotificationKind } from '../notifications/index.ts';

export interface PostFacts {
  actorId: string;
  threadId: number;
  postId: number;
  threadTitle: string;
  excerpt: string;
  path: string;
  /** Watchers of the thread and of its category. */
  watcherIds: readonly string[];
  /** Accounts named by @表示名 or by @自治体名, and the addressee's accounts on a new thread. */
  mentionedIds: readonly string[];
  /** The author of the post answered or quoted, if any. */
  repliedToAuthorId: string | null;
}

const priority: NotificationKind[] = ['mentioned', 'replied', 'watching'];

export function planNotifications(facts: PostFacts): NotificationInput[] {
  const chosen = new Map<string, NotificationKind>();
  const offer = (kind: NotificationKind, ids: readonly string[]) => {
    for (const id of ids) if (id !== facts.actorId && !chosen.has(id)) chosen.set(id, kind);
  };
  offer('mentioned', facts.mentionedIds);
  offer('replied', facts.repliedToAuthorId ? [facts.repliedToAuthorId] : []);
  offer('watching', facts.watcherIds);
  return priority.flatMap((kind) => {
    const recipientIds = [...chosen].filter(([, k]) => k === kind).map(([id]) => id).sort();
    if (recipientIds.length === 0) return [];
    return [
      {
        kind,
        recipientIds,
        actorId: facts.actorId,
        title: facts.threadTitle,
        excerpt: facts.excerpt.slice(0, 200),
        path: facts.path,
        subjectKey: `board-post:${facts.postId}`,
      },
    ];
  });
}
