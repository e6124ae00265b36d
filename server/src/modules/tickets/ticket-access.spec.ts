import type { AuthGrant, AuthUser } from '../auth/auth-user';
import {
  type ActedTicket,
  actionsFor,
  actorLabel,
  assertMayChange,
  contactPhoneAccess,
  inboxScope,
  isInvolved,
  mayAssignTo,
  type Relation,
  relationOf,
} from './ticket-access';

const TOWN = '/1/4/';
const VILLAGE = '/1/4/9/';
const OTHER_TOWN = '/1/5/';

function grant(role: AuthGrant['role'], unitPath: string, officialId: number | null = null): AuthGrant {
  return { id: 1, role, unitId: 4, unitPath, officialId };
}

function user(userId: number, grants: AuthGrant[] = [], officialId?: number): AuthUser {
  return { userId, demo: false, roles: ['resident', ...grants.map((g) => g.role)], officialId, grants };
}

const ticket = {
  authorUserId: 1,
  assigneeOfficialId: 20,
  assigneeUnit: { path: VILLAGE },
  assigneeOfficial: { name: '张三' },
};

const NOBODY: Relation = { author: false, assignee: false, desk: false, admin: false };
const NOW = new Date('2026-11-16T02:00:00Z');

function acted(overrides: Partial<ActedTicket> = {}): ActedTicket {
  return {
    status: 'acknowledged',
    reopenCount: 0,
    extensionStatus: null,
    dueAt: new Date('2026-11-20T09:30:00Z'),
    moderation: 'passed',
    replyModeration: null,
    ...overrides,
  };
}

describe('ticket access', () => {
  describe('relationOf', () => {
    it('knows the author by their user id', () => {
      const sut = relationOf(user(1), ticket);
      expect(sut).toEqual({ ...NOBODY, author: true });
    });

    it('knows the assignee by the official bound to the caller', () => {
      const sut = relationOf(user(2, [grant('official', VILLAGE, 20)], 20), ticket);
      expect(sut).toEqual({ ...NOBODY, assignee: true });
    });

    it('makes no one the assignee of a ticket in a queue', () => {
      const sut = relationOf(user(2, [], 20), { ...ticket, assigneeOfficialId: null });
      expect(sut.assignee).toBe(false);
    });

    it('gives a supervisor of the town the desk of a village ticket, but not admin rights', () => {
      const sut = relationOf(user(3, [grant('supervisor', TOWN)]), ticket);
      expect(sut).toEqual({ ...NOBODY, desk: true });
    });

    it('gives an admin of the town both the desk and admin rights', () => {
      const sut = relationOf(user(3, [grant('admin', TOWN)]), ticket);
      expect(sut).toEqual({ ...NOBODY, desk: true, admin: true });
    });

    it('gives a supervisor of another town nothing', () => {
      const sut = relationOf(user(3, [grant('supervisor', OTHER_TOWN)]), ticket);
      expect(sut).toEqual(NOBODY);
    });
  });

  it('counts the author, the assignee and the desk as involved, and no one else', () => {
    expect(isInvolved({ ...NOBODY, author: true })).toBe(true);
    expect(isInvolved({ ...NOBODY, assignee: true })).toBe(true);
    expect(isInvolved({ ...NOBODY, desk: true })).toBe(true);
    expect(isInvolved(NOBODY)).toBe(false);
  });

  describe('assertMayChange', () => {
    it('hides the ticket from someone not involved', () => {
      expect(() => assertMayChange(NOBODY, () => true)).toThrow(
        expect.objectContaining({ code: 'TICKET.NOT_FOUND' }),
      );
    });

    it('refuses an involved caller the change is not for as out of scope', () => {
      expect(() => assertMayChange({ ...NOBODY, author: true }, (r) => r.assignee)).toThrow(
        expect.objectContaining({ code: 'AUTH.OUT_OF_SCOPE' }),
      );
    });

    it('lets through a caller the change is for', () => {
      expect(() => assertMayChange({ ...NOBODY, desk: true }, (r) => r.desk)).not.toThrow();
    });
  });

  it('lets the desk assign only inside its own subtrees', () => {
    const sut = user(3, [grant('supervisor', TOWN)]);
    expect(mayAssignTo(sut, VILLAGE)).toBe(true);
    expect(mayAssignTo(sut, OTHER_TOWN)).toBe(false);
  });

  describe('actorLabel', () => {
    it('signs the assignee by name as the official in charge', () => {
      expect(actorLabel(user(2), ticket, { ...NOBODY, assignee: true })).toBe('张三（承办干部）');
    });

    it('signs a supervisor as the supervision office and an admin as administrator', () => {
      expect(actorLabel(user(3, [grant('supervisor', TOWN)]), ticket, { ...NOBODY, desk: true })).toBe(
        '督查室',
      );
      expect(
        actorLabel(user(3, [grant('admin', TOWN)]), ticket, { ...NOBODY, desk: true, admin: true }),
      ).toBe('管理员');
    });

    it('signs the author as a resident', () => {
      expect(actorLabel(user(1), ticket, { ...NOBODY, author: true })).toBe('村民');
    });
  });

  it('shows the contact phone in full to an admin, masked to the assignee, and to nobody else', () => {
    expect(contactPhoneAccess({ ...NOBODY, desk: true, admin: true })).toBe('full');
    expect(contactPhoneAccess({ ...NOBODY, assignee: true })).toBe('masked');
    expect(contactPhoneAccess({ ...NOBODY, desk: true })).toBeNull();
    expect(contactPhoneAccess({ ...NOBODY, author: true })).toBeNull();
  });

  describe('actionsFor', () => {
    it('offers the assignee of an acknowledged ticket reply, resolve, extension and transfer', () => {
      const sut = actionsFor(acted(), { ...NOBODY, assignee: true }, NOW);
      expect(sut).toEqual(['reply', 'resolve', 'request_extension', 'transfer']);
    });

    it('offers no extension once the deadline has passed or one was asked', () => {
      const late = actionsFor(acted({ dueAt: NOW }), { ...NOBODY, assignee: true }, NOW);
      const asked = actionsFor(acted({ extensionStatus: 'pending' }), { ...NOBODY, assignee: true }, NOW);
      expect(late).not.toContain('request_extension');
      expect(asked).not.toContain('request_extension');
    });

    it('offers the desk the decision on a pending extension and the review of a held comment', () => {
      const sut = actionsFor(
        acted({ extensionStatus: 'pending', moderation: 'held' }),
        { ...NOBODY, desk: true },
        NOW,
      );
      expect(sut).toEqual(['transfer', 'decide_extension', 'moderate']);
    });

    it('offers the author the rating of a resolved ticket', () => {
      const sut = actionsFor(acted({ status: 'resolved' }), { ...NOBODY, author: true }, NOW);
      expect(sut).toEqual(['rate']);
    });

    it('offers the author withdrawal while the ticket is open', () => {
      const sut = actionsFor(acted({ status: 'assigned' }), { ...NOBODY, author: true }, NOW);
      expect(sut).toEqual(['withdraw']);
    });

    it('offers a stranger nothing', () => {
      expect(actionsFor(acted(), NOBODY, NOW)).toEqual([]);
    });
  });

  it('scopes an inbox to the official and the distinct subtrees of supervisor and admin grants', () => {
    const sut = inboxScope(
      user(
        2,
        [
          grant('official', VILLAGE, 20),
          grant('supervisor', TOWN),
          grant('admin', TOWN),
          grant('clerk', OTHER_TOWN),
        ],
        20,
      ),
    );
    expect(sut).toEqual({ officialId: 20, paths: [TOWN] });
  });
});
