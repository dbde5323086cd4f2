// app.Session: who is signed in and what they may call; app.Users: who may
// sign in (admins). The server checks every call; the UI uses Me to offer
// only the actions that will work.
import type { Transport } from './transport';

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

/** app.Me */
export interface Me {
  name: string;
  role: Role | (string & {});
  supplier?: string;
  rights: string[];
  /** API methods ("Imports/Start") this caller may call. */
  methods: string[];
}

/** app.UserInfo */
export interface UserInfo {
  name: string;
  role: Role | (string & {});
  supplier?: string;
  active: boolean;
  created: string;
  createdBy: string;
  revoked?: string;
  revokedBy?: string;
}

/** app.NewUserRequest */
export interface NewUserRequest {
  name: string;
  role: Role;
  supplier?: string;
}

/** app.NewUser: the token is shown once. */
export interface NewUser {
  user: UserInfo;
  token: string;
}

export interface SessionApi {
  me(): Promise<Me>;
}

export interface UsersApi {
  list(): Promise<UserInfo[]>;
  add(r: NewUserRequest): Promise<NewUser>;
  revoke(name: string): Promise<UserInfo>;
}

export function createSessionApi(t: Transport): SessionApi {
  return {
    me: async () => {
      const m = await t.call<Me>('Session', 'Me');
      return { ...m, rights: m?.rights ?? [], methods: m?.methods ?? [] };
    },
  };
}

export function createUsersApi(t: Transport): UsersApi {
  return {
    list: async () => (await t.call<UserInfo[] | null>('Users', 'List')) ?? [],
    add: (r) => t.call<NewUser>('Users', 'Add', [r]),
    revoke: (name) => t.call<UserInfo>('Users', 'Revoke', [name]),
  };
}
