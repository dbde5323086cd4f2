// The browser face of `slate serve` is opened with a link carrying ?token=.
// The token moves to sessionStorage at start-up and leaves the address bar,
// so it is not kept in history, bookmarks or screenshots.

const KEY = 'slate.token';

interface TokenEnv {
  location: { href: string };
  history: Pick<History, 'replaceState' | 'state'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

/** captureToken moves ?token= from the URL into sessionStorage. Call once at start-up. */
export function captureToken(env: TokenEnv = window): void {
  const url = new URL(env.location.href);
  const t = url.searchParams.get('token');
  if (t === null) return;
  if (t) {
    try {
      env.sessionStorage.setItem(KEY, t);
    } catch {
      memoryToken = t; // storage disabled: keep it for this page only
    }
  }
  url.searchParams.delete('token');
  env.history.replaceState(env.history.state, '', url.pathname + url.search + url.hash);
}

let memoryToken: string | null = null;

/** readToken returns the token captured for this tab, or null. */
export function readToken(env: Pick<TokenEnv, 'sessionStorage'> = window): string | null {
  try {
    return env.sessionStorage.getItem(KEY) ?? memoryToken;
  } catch {
    return memoryToken;
  }
}

/** storeToken keeps a token the person pasted (the sign-in form) for this tab. */
export function storeToken(t: string, env: Pick<TokenEnv, 'sessionStorage'> = window): void {
  try {
    env.sessionStorage.setItem(KEY, t);
  } catch {
    memoryToken = t;
  }
}
