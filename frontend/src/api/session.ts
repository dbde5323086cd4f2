// app.Session: who is signed in and what they may call; app.Users: who may
// sign in (admins). The server checks every call; the UI uses Me to offer
// only the actions that will work.
import type { Transport } from './transport';
import { invoke } from './call';
import type { Me, NewUser, NewUserRequest, UserInfo } from './generated/wire';

export type { Me, NewUser, NewUserRequest, UserInfo };

export type Role = 'viewer' | 'supplier' | 'manager' | 'approver' | 'admin';

/** The roles, least power first (app.Roles). */
export const ROLES: Role[] = ['viewer', 'supplier', 'manager', 'approver', 'admin'];

/** What each role may do, in words (docs/security.md has the full table). */
export const ROLE_HINTS: Record<Role, string> = {
  viewer: 'reads everything, changes nothing',
  supplier: 'sends data for the feeds of one supplier and sees only those batches',
  manager: 'defines, imports, requests exceptions, builds packs',
  approver: 'approves or rejects exceptions, marks false positives',
  admin: 'everything, and manages users',
};

export interface SessionApi {
  me(): Promise<Me>;
}

export interface UsersApi {
  list(): Promise<UserInfo[]>;
  add(r: NewUserRequest): Promise<NewUser>;
  revoke(name: string): Promise<UserInfo>;
}

export function createSessionApi(t: Transport): SessionApi {
  return { me: () => invoke(t, 'Session.Me') };
}

export function createUsersApi(t: Transport): UsersApi {
  return {
    list: () => invoke(t, 'Users.List'),
    add: (r) => invoke(t, 'Users.Add', r),
    revoke: (name) => invoke(t, 'Users.Revoke', name),
  };
}
