import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApi, httpTransport, isDesktop, wailsTransport } from './index';
import { toError, httpError } from './errors';
import { captureToken, readToken } from './token';

/** failure awaits a promise that must reject and returns the rejection. */
async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    return e as ApiError;
  }
  throw new Error('expected the call to fail');
}

const overviewJSON = {
  app: 'Slate',
  version: '0.1.0',
  database: '/tmp/s.db',
  services: [
    {
      name: 'checkout',
      display_name: 'Checkout',
      business_unit: 'Retail',
      product_line: 'Web shop',
      owner: 'ana',
      criticality: 'high',
      slts: null,
    },
  ],
};

describe('wails transport', () => {
  it('calls window.go.app.<Service>.<Method> with the arguments', async () => {
    const Overview = vi.fn().mockResolvedValue(overviewJSON);
    const win = { go: { app: { Workspace: { Overview } } } };
    expect(isDesktop(win)).toBe(true);
    const api = createApi(wailsTransport(win));
    const o = await api.workspace.overview();
    expect(Overview).toHaveBeenCalledWith();
    expect(api.mode).toBe('desktop');
    expect(o.services[0].slts).toEqual([]); // Go nil slice → []
  });

  it('turns a rejected Go error string into an Error with the Go message', async () => {
    const win = { go: { app: { Workspace: { Overview: () => Promise.reject('open /x/s.db: database in use') } } } };
    const err = await failure(createApi(wailsTransport(win)).workspace.overview());
    expect(err).toBeInstanceOf(Error);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.message).toBe('open /x/s.db: database in use');
    expect(err.call).toBe('Workspace.Overview');
  });

  it('says which binding is missing', async () => {
    const err = await failure(wailsTransport({ go: {} }).call('Workspace', 'Overview'));
    expect(err.message).toMatch(/Workspace\.Overview is not bound/);
  });

  it('sets the native window title through the Wails runtime', () => {
    const WindowSetTitle = vi.fn();
    const doc = { title: '' } as Document;
    const api = createApi(wailsTransport({ go: {}, runtime: { WindowSetTitle } }), {
      go: {},
      runtime: { WindowSetTitle },
      document: doc,
    });
    api.setWindowTitle('Slate — 3 services');
    expect(WindowSetTitle).toHaveBeenCalledWith('Slate — 3 services');
    expect(doc.title).toBe('Slate — 3 services');
  });
});

describe('toError', () => {
  it.each([
    ['a string', 'boom', 'boom'],
    ['an Error', new Error('bad thing'), 'bad thing'],
    ['an object with message', { message: 'from formatter' }, 'from formatter'],
    ['an object with error', { error: 'wrapped' }, 'wrapped'],
    ['nothing', undefined, 'X.Y failed without a message'],
  ])('maps %s', (_, reason, want) => {
    const e = toError(reason, 'X.Y');
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe(want);
  });
});

describe('http transport', () => {
  function fakeFetch(status: number, body: string, statusText = '') {
    return vi.fn().mockResolvedValue(new Response(body, { status, statusText }));
  }

  it('POSTs the JSON array of args with the bearer token', async () => {
    const f = fakeFetch(200, JSON.stringify(overviewJSON));
    const api = createApi(httpTransport({ fetch: f, token: () => 'tok123' }));
    const o = await api.workspace.overview();
    expect(o.services).toHaveLength(1);
    expect(api.mode).toBe('browser');
    const [url, init] = f.mock.calls[0];
    expect(url).toBe('/api/Workspace/Overview');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('[]');
    expect(init.headers.Authorization).toBe('Bearer tok123');
  });

  it('uses the Go message from a JSON error body', async () => {
    const f = fakeFetch(500, JSON.stringify({ error: 'storage: bucket "services" missing' }));
    const err = await failure(createApi(httpTransport({ fetch: f, token: () => 't' })).workspace.overview());
    expect(err).toBeInstanceOf(ApiError);
    expect(err.message).toBe('storage: bucket "services" missing');
    expect(err.status).toBe(500);
  });

  it('uses a plain-text error body as the message', async () => {
    const f = fakeFetch(400, 'unknown method Workspace.Nope\n');
    const err = await failure(httpTransport({ fetch: f, token: () => 't' }).call('Workspace', 'Nope'));
    expect(err.message).toBe('unknown method Workspace.Nope');
  });

  it('tells a browser user without the token to open the printed link, whatever the server says', async () => {
    for (const body of ['', '{"error":"missing or wrong token: send Authorization: Bearer <token>"}']) {
      const http = httpTransport({ fetch: fakeFetch(401, body), token: () => null });
      const err = await failure(http.call('Workspace', 'Overview'));
      expect(err.message).toMatch(/open that link/);
      expect(err.message).toMatch(/#token=/);
      expect(err.message).not.toMatch(/Authorization|Bearer/);
      expect(err.status).toBe(401);
    }
  });

  it('reports a server that cannot be reached', async () => {
    const f = vi.fn().mockRejectedValue(new TypeError('Failed to fetch'));
    const err = await failure(httpTransport({ fetch: f, token: () => 't' }).call('Workspace', 'Overview'));
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toBe('cannot reach the Slate server (Failed to fetch)');
  });

  it('is not chosen in a plain browser window', () => {
    expect(isDesktop({ location: { protocol: 'http:' } })).toBe(false);
    expect(isDesktop({ location: { protocol: 'wails:' } })).toBe(true);
  });

  it('maps an HTML error page to the status line', () => {
    expect(httpError(502, 'Bad Gateway', '<html>proxy</html>', 'A.B').message).toBe('A.B: HTTP 502 Bad Gateway');
  });
});

describe('token', () => {
  it('moves ?token= from the URL into sessionStorage', () => {
    const replaceState = vi.fn();
    captureToken({
      location: { href: 'http://127.0.0.1:8080/?token=s3cret&x=1#top' },
      history: { replaceState, state: null },
      sessionStorage,
    });
    expect(readToken()).toBe('s3cret');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/?x=1#top');
  });

  it('moves #token= from the fragment, leaving the route', () => {
    for (const [href, left] of [
      ['http://127.0.0.1:8420/#token=fr%40g', '/'],
      ['http://127.0.0.1:8420/#token=fr%40g&/breaches', '/#/breaches'],
    ]) {
      sessionStorage.clear();
      const replaceState = vi.fn();
      captureToken({ location: { href }, history: { replaceState, state: null }, sessionStorage });
      expect(readToken()).toBe('fr@g');
      expect(replaceState).toHaveBeenCalledWith(null, '', left);
    }
  });

  it('keeps the stored token when the URL has none', () => {
    sessionStorage.setItem('slate.token', 'kept');
    const replaceState = vi.fn();
    captureToken({ location: { href: 'http://h/' }, history: { replaceState, state: null }, sessionStorage });
    expect(replaceState).not.toHaveBeenCalled();
    expect(readToken()).toBe('kept');
  });
});
