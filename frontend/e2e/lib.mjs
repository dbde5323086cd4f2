// Shared by the end-to-end suite and the screenshot script: build the headless
// slate binary with the embedded UI, fill a temporary workspace with the demo,
// start `slate serve` on a free port, and drive real headless Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const frontendDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(frontendDir, '..');
export const DEMO_NOW = '2026-11-28';

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${(r.stdout ?? '').slice(-2000)}\n${(r.stderr ?? '').slice(-2000)}`);
  }
  return r.stdout;
}

/** buildSlate builds the UI when its sources are newer than dist/, then the headless binary. */
export function buildSlate(outDir, log = () => {}) {
  if (process.env.SLATE_BIN) return process.env.SLATE_BIN;
  const index = join(frontendDir, 'dist', 'index.html');
  const srcTime = Math.max(newest(join(frontendDir, 'src')), statSync(join(frontendDir, 'index.html')).mtimeMs);
  if (!existsSync(index) || statSync(index).mtimeMs < srcTime) {
    log('building the UI (npm run build)');
    run('npm', ['run', 'build'], { cwd: frontendDir });
  }
  const bin = join(outDir, 'slate');
  log('building the headless slate binary');
  const go = existsSync('/usr/local/go/bin/go') && !spawnSync('go', ['version']).stdout ? '/usr/local/go/bin/go' : 'go';
  run(go, ['build', '-o', bin, '.'], { cwd: repoRoot });
  return bin;
}

export function tempDir(prefix = 'slate-e2e-') {
  const d = mkdtempSync(join(tmpdir(), prefix));
  return { path: d, remove: () => rmSync(d, { recursive: true, force: true }) };
}

/** demo fills a fresh database with the demo workspace and 13 months of data. */
export function demo(bin, db) {
  return run(bin, ['--db', db, 'demo', '--now', DEMO_NOW]);
}

/** serve starts `slate serve` on a free loopback port; resolves with its printed URL (token included). */
export function serve(bin, db, token) {
  return new Promise((resolveUrl, reject) => {
    const args = ['--db', db, 'serve', '--addr', '127.0.0.1:0'];
    if (token) args.push('--token', token);
    const p = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`slate serve printed no URL in 60 s:\n${out}\n${err}`)), 60_000);
    p.stdout.on('data', (b) => {
      out += b;
      const m = /open (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        const url = new URL(m[1]);
        const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? url.searchParams.get('token');
        resolveUrl({ url: m[1], origin: url.origin, token, process: p, stop: () => stop(p) });
      }
    });
    p.stderr.on('data', (b) => (err += b));
    p.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`slate serve exited (${code}):\n${out}\n${err}`));
    });
  });
}

function stop(p) {
  return new Promise((r) => {
    if (p.exitCode !== null) return r();
    p.once('exit', () => r());
    p.kill('SIGTERM');
    setTimeout(() => p.exitCode === null && p.kill('SIGKILL'), 5000);
  });
}

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * launch starts headless Chromium on a fresh profile folder (Playwright's
 * persistent context is how it takes a --user-data-dir) with downloads allowed.
 */
export async function launch(profileDir, opts = {}) {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    ...opts,
  });
}

/** apiCall POSTs to /api/<Service>/<Method>; returns {status, body}. */
export async function apiCall(origin, token, path, args = []) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${origin}/api/${path}`, { method: 'POST', headers, body: JSON.stringify(args) });
  const text = await res.text();
  let body = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* text */
  }
  return { status: res.status, body };
}

/** addUser makes a `slate serve` user through the API (as an admin) and returns its token. */
export async function addUser(origin, adminToken, name, role, supplier) {
  const r = await apiCall(origin, adminToken, 'Users/Add', [{ name, role, ...(supplier ? { supplier } : {}) }]);
  if (r.status !== 200) throw new Error(`Users/Add ${name}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token;
}

/** openAs opens a new tab signed in with token (the link a user is given), at hash. */
export async function openAs(context, origin, token, hash = '') {
  const p = await context.newPage();
  await p.goto(`${origin}/?token=${encodeURIComponent(token)}${hash}`);
  return p;
}
