// The policy as a truth table: role × state × action, one line per case, no HTTP.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anonymous, can, type Action, type Actor } from './index.ts';

function account(overrides: Partial<Extract<Actor, { kind: 'account' }>> = {}): Actor {
  return {
    kind: 'account',
    id: 'a',
    email: 'a@example.lg.jp',
    role: 'member',
    status: 'active',
    localGovernmentCode: '012211',
    displayName: 'A',
    twoFactorEnabled: false,
    sessionIdHash: 'h',
    viewRevision: 0,
    ...overrides,
  };
}

const member = account();
const wardStaff = account({ role: 'ward_staff', localGovernmentCode: '131016' });
const secretariat = account({ role: 'secretariat', localGovernmentCode: null, twoFactorEnabled: true });
const secretariatWithout2fa = account({ role: 'secretariat', localGovernmentCode: null, twoFactorEnabled: false });
const adminActions: Action[] = ['admin:view', 'accounts:approve', 'accounts:manage', 'mail-domains:manage', 'audit-log:view', 'site-pages:manage'];

test('an anonymous visitor can do nothing that needs an account', () => {
  for (const action of ['member-area:view', ...adminActions] as Action[]) assert.equal(can(anonymous, action), false, action);
  assert.equal(can(anonymous, 'local-government:edit', { localGovernmentCode: '012211' }), false);
});

test('only active accounts reach the member area', () => {
  assert.equal(can(member, 'member-area:view'), true);
  for (const status of ['pending_email', 'pending_approval', 'rejected', 'disabled'] as const) {
    assert.equal(can(account({ status }), 'member-area:view'), false, status);
  }
});

test('the secretariat pages need the secretariat role and two-factor authentication', () => {
  for (const action of adminActions) {
    assert.equal(can(secretariat, action), true, action);
    assert.equal(can(secretariatWithout2fa, action), false, action);
    assert.equal(can(member, action), false, action);
    assert.equal(can(wardStaff, action), false, action);
    assert.equal(can(account({ role: 'secretariat', twoFactorEnabled: true, status: 'disabled' }), action), false, action);
  }
});

test('staff edit their own municipality, never another one', () => {
  assert.equal(can(member, 'local-government:edit', { localGovernmentCode: '012211' }), true);
  assert.equal(can(member, 'local-government:edit', { localGovernmentCode: '131016' }), false);
  assert.equal(can(member, 'local-government:edit'), false);
  assert.equal(can(wardStaff, 'local-government:edit', { localGovernmentCode: '131016' }), true);
  assert.equal(can(secretariat, 'local-government:edit', { localGovernmentCode: '012211' }), true);
  assert.equal(can(secretariatWithout2fa, 'local-government:edit', { localGovernmentCode: '012211' }), false);
});

test('ward staff edit their own ward’s records, never another ward’s; members never', () => {
  assert.equal(can(wardStaff, 'ward-records:edit', { wardCode: '131016' }), true);
  assert.equal(can(wardStaff, 'ward-records:edit', { wardCode: '131024' }), false);
  assert.equal(can(account({ localGovernmentCode: '131016' }), 'ward-records:edit', { wardCode: '131016' }), false, 'a member account of a ward is not ward staff');
  assert.equal(can(secretariat, 'ward-records:edit', { wardCode: '131024' }), true);
  assert.equal(can(wardStaff, 'ward-records:edit', { localGovernmentCode: '131016' }), false, 'wrong object shape');
});

test('events: a municipality submits and edits only its own, and only until published; the secretariat everything with 2FA', () => {
  const own = { event: { ownerCode: '012211', status: 'pending' as const } };
  assert.equal(can(member, 'event:submit', { localGovernmentCode: '012211' }), true);
  assert.equal(can(member, 'event:submit', { localGovernmentCode: '011002' }), false);
  assert.equal(can(member, 'event:edit', own), true);
  assert.equal(can(member, 'event:edit', { event: { ownerCode: '012211', status: 'published' } }), false);
  assert.equal(can(member, 'event:withdraw', { event: { ownerCode: '012211', status: 'published' } }), true);
  assert.equal(can(member, 'event:edit', { event: { ownerCode: '011002', status: 'draft' } }), false);
  assert.equal(can(member, 'event:withdraw', { event: { ownerCode: null, status: 'published' } }), false);
  assert.equal(can(wardStaff, 'event:edit', { event: { ownerCode: '131016', status: 'draft' } }), true);
  assert.equal(can(member, 'events:manage'), false);
  assert.equal(can(secretariat, 'events:manage'), true);
  assert.equal(can(secretariat, 'event:edit', { event: { ownerCode: '012211', status: 'published' } }), true);
  assert.equal(can(secretariatWithout2fa, 'events:manage'), false);
  assert.equal(can(anonymous, 'event:submit', { localGovernmentCode: '012211' }), false);
});

test('the wards of a stored shared record: each ward officer changes only their own ward’s membership; the secretariat every one', () => {
  assert.equal(can(wardStaff, 'ward-membership:change', { wardCode: '131016' }), true);
  assert.equal(can(wardStaff, 'ward-membership:change', { wardCode: '131032' }), false, 'another ward stays on the record');
  assert.equal(can(member, 'ward-membership:change', { wardCode: '012211' }), false);
  assert.equal(can(secretariat, 'ward-membership:change', { wardCode: '131032' }), true);
  assert.equal(can(secretariatWithout2fa, 'ward-membership:change', { wardCode: '131032' }), false);
  assert.equal(can(anonymous, 'ward-membership:change', { wardCode: '131016' }), false);
});

test('the board: members read and post, the secretariat-only category, own posts only, moderation for the secretariat', () => {
  for (const action of ['board:read', 'board:post', 'board:moderate'] as Action[]) assert.equal(can(anonymous, action), false, action);
  assert.equal(can(account({ status: 'disabled' }), 'board:read'), false);
  assert.equal(can(member, 'board:read'), true);
  const open = { category: { secretariatOnly: false, archived: false } };
  const notices = { category: { secretariatOnly: true, archived: false } };
  assert.equal(can(member, 'board:post', open), true);
  assert.equal(can(wardStaff, 'board:post', notices), false);
  assert.equal(can(secretariat, 'board:post', notices), true);
  assert.equal(can(member, 'board:post', { category: { secretariatOnly: false, archived: true } }), false);
  const own = { post: { authorId: 'a', hidden: false, deleted: false, locked: false } };
  assert.equal(can(member, 'board:edit-post', own), true);
  assert.equal(can(member, 'board:edit-post', { post: { ...own.post, authorId: 'b' } }), false);
  assert.equal(can(member, 'board:edit-post', { post: { ...own.post, hidden: true } }), false);
  assert.equal(can(member, 'board:edit-post', { post: { ...own.post, locked: true } }), false);
  assert.equal(can(secretariat, 'board:edit-post', { post: { ...own.post, authorId: 'b' } }), true);
  assert.equal(can(member, 'board:set-status', { thread: { authorId: 'a', locked: false } }), true);
  assert.equal(can(member, 'board:set-status', { thread: { authorId: 'b', locked: false } }), false);
  assert.equal(can(member, 'board:moderate'), false);
  assert.equal(can(secretariatWithout2fa, 'board:moderate'), false);
  assert.equal(can(secretariat, 'board:moderate'), true);
});
