// The browser face of `slate serve` is opened with the link it prints,
// http://127.0.0.1:8420/#token=… (older links: ?token=). The token moves to
// sessionStorage at start-up and leaves the address bar, so it is not kept in
// history, bookmarks or screenshots; in the fragment it never reaches a server
// log or a Referer header either.

const KEY = 'slate.token';

interface TokenEnv {
  location: { href: string };
  history: Pick<History, 'replaceState' | 'state'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

/** captureToken moves #token= (or ?token=) from the URL into sessionStorage. Call once at start-up. */
export function captureToken(env: TokenEnv = window): void {
  const url = new URL(env.location.href);
  let t = url.searchParams.get('token');
  if (t !== null) url.searchParams.delete('token');
  const frag = /^#token=([^&]*)(?:&(.*))?$/.exec(url.hash);
  if (frag) {
    t = decodeURIComponent(frag[1]);
    url.hash = frag[2] ? `#${frag[2]}` : '';
  }
  if (t === null) return;
  if (t) {
    try {
      env.sessionStorage.setItem(KEY, t);
    } catch {
      memoryToken = t; // storage disabled: keep it for this page only
    }
  }
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

/** What a browser user without a (valid) token is told: the server's bearer-header advice is for scripts. */
export function openTheLink(origin = typeof window === 'undefined' ? 'http://127.0.0.1:8420' : window.location.origin): string {
  return `This page needs the link that \`slate serve\` printed when it started (${origin}/#token=…): open that link in this browser. Lost it? Stop \`slate serve\` and start it again to get a new one.`;
}

/** storeToken keeps a token the person pasted (the sign-in form) for this tab. */
export function storeToken(t: string, env: Pick<TokenEnv, 'sessionStorage'> = window): void {
  try {
    env.sessionStorage.setItem(KEY, t);
  } catch {
    memoryToken = t;
  }
}
