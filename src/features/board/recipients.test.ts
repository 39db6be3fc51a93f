// Who is told about a board post: the pure plan (one notification per person, most specific kind
// first, never the actor) and the @mention parser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mentionedNames } from './mentions.ts';
import { planNotifications } from './recipients.ts';

const base = { actorId: 'me', threadId: 12, postId: 34, threadTitle: 'T', excerpt: 'x'.repeat(300), path: '/board/t/12?page=1#post-34' };

test('one notification per person: mentioned beats replied beats watching; the actor is left out', () => {
  const plans = planNotifications({ ...base, watcherIds: ['me', 'a', 'b', 'c'], mentionedIds: ['b', 'me'], repliedToAuthorId: 'c' });
  assert.deepEqual(
    plans.map((p) => [p.kind, p.recipientIds]),
    [
      ['mentioned', ['b']],
      ['replied', ['c']],
      ['watching', ['a']],
    ],
  );
  for (const p of plans) {
    assert.equal(p.subjectKey, 'board-post:34');
    assert.equal(p.path, base.path);
    assert.ok(p.excerpt.length <= 200);
    assert.equal(p.actorId, 'me');
  }
});

test('nobody to tell: no notification at all', () => {
  assert.deepEqual(planNotifications({ ...base, watcherIds: ['me'], mentionedIds: [], repliedToAuthorId: 'me' }), []);
});

test('mentions: display names and local government names, not e-mail addresses or code', () => {
  assert.deepEqual(mentionedNames('@サンプル名寄市職員 さん、@千代田区 の皆さま。\nmail: a@b.jp `@code`'), ['サンプル名寄市職員', '千代田区']);
  assert.deepEqual(mentionedNames('（@北海道名寄市）と@名寄市、@名寄市'), ['北海道名寄市', '名寄市']);
});
