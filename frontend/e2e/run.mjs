// End-to-end suite in real headless Chromium (playwright-core, no bundled
// browser): builds the headless slate binary with the embedded UI, fills a
// temporary database with the demo workspace, runs `slate serve` on a free
// port with a token, and drives the UI as a user would.
//
//   node e2e/run.mjs            (from frontend/; SLATE_BIN=path reuses a binary)
//
// Prints TAP-like lines (`ok N - name` / `not ok N - name`), a summary, and
// exits non-zero when a test failed. Screenshots go to artifacts/e2e/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addUser, apiCall, buildSlate, demo, launch, openAs, repoRoot, serve, tempDir } from './lib.mjs';

const artifacts = join(repoRoot, 'artifacts', 'e2e');
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });
const log = (m) => console.error(`e2e: ${m}`);

// Waits are deadlines for something that hangs, never speed checks: the suite
// must pass on two busy cores (README's test command), where a page can take
// many times longer than on an idle laptop.
const WAIT = 60_000;
const tests = [];
const test = (name, fn) => tests.push({ name, fn });
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

const tmp = tempDir();
const db = join(tmp.path, 'slate.db');
const TOKEN = `e2e-${Math.random().toString(36).slice(2)}`;
let srv;
let browser;
let page;
const shot = (name, locator) => (locator ?? page).screenshot({ path: join(artifacts, `${name}.png`) });
const nav = (label) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true }).click();

// (a) the API and its token
test('API without the token answers 401, with it 200', async () => {
  const none = await apiCall(srv.origin, null, 'Workspace/Overview');
  assert(none.status === 401, `no token: HTTP ${none.status}`);
  const wrong = await apiCall(srv.origin, 'guess', 'Workspace/Overview');
  assert(wrong.status === 401, `wrong token: HTTP ${wrong.status}`);
  const ok = await apiCall(srv.origin, TOKEN, 'Workspace/Overview');
  assert(ok.status === 200 && ok.body.services.length > 0, `with token: HTTP ${ok.status} ${JSON.stringify(ok.body).slice(0, 200)}`);
  const cors = await fetch(`${srv.origin}/api/Workspace/Overview`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, Origin: 'http://evil.example' }, body: '[]' });
  assert(!cors.headers.get('access-control-allow-origin'), 'the API sends a CORS header');
  assert(cors.status === 403, `a cross-origin call: HTTP ${cors.status}`);
  // a path is never an argument: a server file named in a call is not read
  const preview = await apiCall(srv.origin, TOKEN, 'Imports/Preview', ['/etc/passwd', 'checkout-counts', '']);
  assert(preview.status === 422 && /no such upload/.test(preview.body.error) && !/root:/.test(JSON.stringify(preview.body)), `preview of a path: ${JSON.stringify(preview.body)}`);
  const tpl = await apiCall(srv.origin, TOKEN, 'Imports/Template', ['checkout-counts', db]);
  assert(tpl.status === 404, `Imports/Template with a path: HTTP ${tpl.status}`);
});

test('binding to a non-loopback address without a token, or with a weak one, is refused', async () => {
  const other = join(tmp.path, 'other.db');
  const r = spawnSync(bin, ['--db', other, 'serve', '--addr', '0.0.0.0:0'], { encoding: 'utf8', timeout: WAIT });
  assert(r.status !== 0 && r.status !== null, `exit status ${r.status} (signal ${r.signal})`);
  assert(/explicit --token/.test(r.stderr + r.stdout), `message: ${r.stderr}${r.stdout}`);
  const weak = spawnSync(bin, ['--db', other, 'serve', '--addr', '0.0.0.0:0', '--token', 'a'], { encoding: 'utf8', timeout: 10_000 });
  assert(weak.status !== 0 && weak.status !== null && /bits of entropy/.test(weak.stderr), `weak token: ${weak.status} ${weak.stderr}`);
});

test('without the token the page tells a person to open the printed link', async () => {
  const bare = await browser.newPage(); // a new tab: no token in its session storage
  try {
    await bare.goto(`${srv.origin}/`);
    await bare.getByText('open that link', { exact: false }).first().waitFor({ timeout: WAIT });
    const text = await bare.textContent('body');
    assert(!/Authorization|Bearer/.test(text), `the page speaks of headers: ${text.slice(0, 300)}`);
    await bare.screenshot({ path: join(artifacts, '00-no-token.png') });
  } finally {
    await bare.close();
  }
});

// (b) the dashboard through the printed link
test('the printed URL opens the dashboard, signed in', async () => {
  assert(srv.url.includes(`#token=${TOKEN}`), `printed URL ${srv.url}`);
  await page.goto(srv.url);
  await page.getByTestId('portfolio').waitFor({ timeout: WAIT });
  assert(!page.url().includes('token='), `the token stayed in the address bar: ${page.url()}`);
  const title = await page.title();
  assert(/^Slate — \d+ services$/.test(title), `window title ${title}`);
  await shot('01-dashboard');
});

// (d) the import wizard, uploading a CSV
const csv = ['timestamp,attempts,failed'];
for (let h = 0; h < 12; h++) csv.push(`2026-11-28 ${String(h).padStart(2, '0')}:00:00,${h === 5 ? 'n/a' : 180 + h},${h % 3}`);
const csvText = `${csv.join('\n')}\n`;

test('import a CSV through the wizard: upload, preview, map, check, import, rejects download', async () => {
  await nav('Imports');
  const wizard = page.getByRole('region', { name: 'Import a supplier file' });
  await wizard.waitFor();
  await wizard.getByLabel('Feed').selectOption('checkout-counts');
  await wizard.getByLabel('Supplier file (CSV or XLSX)').setInputFiles({ name: 'checkouts-2026-11-28.csv', mimeType: 'text/csv', buffer: Buffer.from(csvText) });
  await wizard.getByText(/checkouts-2026-11-28\.csv · .* · uploaded/).waitFor();
  await wizard.getByRole('button', { name: 'Preview' }).click();
  await wizard.getByRole('region', { name: 'First rows of the file' }).waitFor();
  await wizard.getByText("the feed's saved mapping").waitFor();
  const total = await wizard.getByLabel(/^Total count/).inputValue();
  assert(total === 'attempts', `total count mapped to ${total}`);
  await shot('02-import-mapping', wizard);
  await wizard.getByRole('button', { name: 'Check the file' }).click();
  await wizard.getByText('Some rows will be rejected').waitFor({ timeout: WAIT });
  const check = wizard.getByRole('definition').filter({ hasText: /^\d/ });
  assert((await check.count()) >= 5, 'no result counts');
  await wizard.getByRole('cell', { name: /attempts = n\/a/ }).waitFor();
  await shot('03-import-check', wizard);
  await wizard.getByRole('button', { name: 'Import 11 rows' }).click();
  await wizard.getByText(/^Batch \d+ imported into checkout-counts$/).waitFor({ timeout: WAIT });
  const [download] = await Promise.all([page.waitForEvent('download'), wizard.getByRole('button', { name: 'Rejects report (XLSX)' }).click()]);
  const saved = join(artifacts, download.suggestedFilename());
  await download.saveAs(saved);
  const bytes = readFileSync(saved);
  assert(bytes.subarray(0, 4).toString('binary') === 'PK\x03\x04', `the rejects download is not an XLSX (${bytes.length} bytes)`);
  assert(/^rejects-batch-\d+\.xlsx$/.test(download.suggestedFilename()), `download name ${download.suggestedFilename()}`);
  await shot('04-import-done', wizard);
  // the batch is in the list and in the data
  const batches = page.getByRole('table', { name: 'Import batches' });
  await batches.getByText('checkouts-2026-11-28.csv').waitFor();
  const api = await apiCall(srv.origin, TOKEN, 'Imports/Batches', ['checkout-counts']);
  const b = api.body.find((x) => x.file === 'checkouts-2026-11-28.csv');
  assert(b && b.status === 'published' && b.counts.imported === 11 && b.counts.rejected === 1, `batch ${JSON.stringify(b)}`);
});

// (e) an exception changes the attainment once approved
test('request and approve an exception; the attainment changes', async () => {
  const before = await coreHours();
  assert(before !== null && before < 0.999, `core-hours 2026-06 attainment before: ${before}`);
  await nav('Exceptions');
  const form = page.getByRole('form', { name: 'Request an exception' });
  await form.waitFor();
  await form.getByLabel('SLT').selectOption('shop-availability');
  await form.getByLabel('From (UTC)').fill('2026-06-10 13:00');
  await form.getByLabel('To (UTC, exclusive)').fill('2026-06-10 14:30');
  await form.getByLabel('Reason').fill('Regional power failure at the hosting data centre (grid operator incident report attached).');
  await form.getByLabel('Evidence (optional)').setInputFiles({ name: 'grid-incident.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% incident report\n') });
  await form.getByText(/grid-incident\.pdf · /).waitFor();
  await form.getByRole('button', { name: 'Request exception' }).click();
  const effect = page.getByRole('region', { name: /^Effect of EX-\d+ on shop-availability$/ });
  await effect.waitFor();
  await effect.getByTestId('effect-core-hours@2026-06').getByText('99.432%').first().waitFor();
  // four eyes: the requester is not offered the decision, and the API refuses it whatever name is claimed
  const xs0 = await apiCall(srv.origin, TOKEN, 'Exceptions/List');
  const id = xs0.body[xs0.body.length - 1].id;
  await page.getByText('yours: another person decides').first().waitFor();
  assert((await page.getByRole('button', { name: `Decide ${id}` }).count()) === 0, 'the requester is offered the decision');
  const self = await apiCall(srv.origin, TOKEN, 'Exceptions/Approve', [{ id, note: 'mine' }]);
  assert(self.status === 422 && /cannot also decide/.test(self.body.error), `self-approval: ${JSON.stringify(self.body)}`);
  const claimed = await apiCall(srv.origin, TOKEN, 'Exceptions/Approve', [{ id, note: 'x', by: 'Head of service' }]);
  assert(claimed.status === 400, `self-approval under a claimed name: ${claimed.status} ${JSON.stringify(claimed.body)}`);
  // another person, an approver with their own token, decides in their own tab
  const headToken = await addUser(srv.origin, TOKEN, 'head-of-service', 'approver');
  const head = await openAs(browser, srv.origin, headToken, '#/exceptions');
  await head.getByRole('button', { name: `Decide ${id}` }).click();
  const dialog = head.getByRole('dialog');
  await dialog.getByText('You decide as head-of-service').waitFor();
  await dialog.getByLabel('Note').fill('Evidence checked with the grid operator.');
  await head.screenshot({ path: join(artifacts, '05-exception-decide.png') });
  await dialog.getByRole('button', { name: 'Approve' }).click();
  const effect2 = head.getByRole('region', { name: /^Effect of EX-\d+ on shop-availability$/ });
  const row = effect2.getByTestId('effect-core-hours@2026-06');
  await effect2.getByRole('columnheader', { name: 'After' }).waitFor();
  await row.getByText('100.000%').waitFor();
  await row.getByText('missed → met').waitFor();
  await head.screenshot({ path: join(artifacts, '06-exception-approved.png') });
  await head.close();
  const after = await coreHours();
  assert(after === 1, `core-hours 2026-06 attainment after approval: ${after}`);
  const xs = await apiCall(srv.origin, TOKEN, 'Exceptions/List');
  const x = xs.body.find((e) => e.id === id);
  assert(x.status === 'approved' && x.decided_by === 'head-of-service' && x.evidence.length === 1 && x.evidence[0].name === 'grid-incident.pdf', `exception ${JSON.stringify(x)}`);
});

// users and roles: an admin adds people in the UI; each token acts as its person and role
test('users: add in the UI, token shown once; a viewer reads but cannot write; a supplier sees its feeds only', async () => {
  await nav('Users');
  const form = page.getByRole('form', { name: 'Add a user' });
  await form.getByLabel('Name').fill('vera');
  await form.getByLabel('Role').selectOption('viewer');
  await form.getByRole('button', { name: 'Add user' }).click();
  const once = page.getByRole('region', { name: 'vera’s token — shown only now' });
  const veraToken = await once.getByLabel('Token of vera').inputValue();
  assert(/^slate_[A-Za-z0-9_-]{43}$/.test(veraToken), `token ${veraToken}`);
  await form.getByLabel('Name').fill('parcel-bot');
  await form.getByLabel('Role').selectOption('supplier');
  await form.getByLabel('Supplier').selectOption('parcelnet');
  await form.getByRole('button', { name: 'Add user' }).click();
  const botToken = await page.getByLabel('Token of parcel-bot').inputValue();
  await page.getByRole('table', { name: 'Users' }).getByText('parcel-bot').waitFor();
  await shot('12-users');
  // the viewer: every screen to read, no buttons to change things, and the API refuses writes
  const v = await openAs(browser, srv.origin, veraToken, '#/definitions');
  await v.getByTestId('whoami').getByText('viewer').waitFor();
  await v.getByRole('table', { name: 'Services' }).getByText('payments', { exact: true }).waitFor();
  assert((await v.getByRole('button', { name: /^New / }).count()) === 0, 'the viewer is offered “New …”');
  assert((await v.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Users' }).count()) === 0, 'the viewer is offered Users');
  await v.screenshot({ path: join(artifacts, '13-viewer.png') });
  await v.close();
  for (const [m, args] of [['Workspace/Apply', ['x.yaml', 'kind: Service']], ['Imports/Revert', [1, 'x']], ['Users/Add', [{ name: 'x', role: 'admin' }]], ['Exceptions/Approve', [{ id: 'EX-1', note: 'x' }]]]) {
    const r = await apiCall(srv.origin, veraToken, m, args);
    assert(r.status === 403, `viewer ${m}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  }
  // the supplier: only Imports, only its own feed
  const s = await openAs(browser, srv.origin, botToken, '#/portfolio');
  // the navigation is drawn in one go once Session/Me answered: wait for it, then read it all
  await s.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Imports' }).waitFor();
  const navButtons = await s.getByRole('navigation', { name: 'Main' }).getByRole('button').allTextContents();
  assert(navButtons.join(',') === 'Imports', `supplier nav: ${navButtons}`);
  const wiz = s.getByRole('region', { name: 'Import a supplier file' });
  await wiz.waitFor();
  const feeds = await wiz.getByLabel('Feed').locator('option').allTextContents();
  assert(feeds.length === 1 && /parcel-orders/.test(feeds[0]), `supplier feeds: ${feeds}`);
  // its data set of a month: a real XLSX of parcel-orders, downloaded as the supplier
  const ds = s.getByRole('region', { name: 'Your data set' });
  const dsFeeds = await ds.getByLabel('Your feed').locator('option').allTextContents();
  assert(dsFeeds.length === 1 && /parcel-orders/.test(dsFeeds[0]), `data set feeds: ${dsFeeds}`);
  await ds.getByLabel('Month').fill('2026-10');
  const [dl] = await Promise.all([s.waitForEvent('download'), ds.getByRole('button', { name: 'Download data set (XLSX)' }).click()]);
  const dlSaved = join(artifacts, `supplier-${dl.suggestedFilename()}`);
  await dl.saveAs(dlSaved);
  const dlBytes = readFileSync(dlSaved);
  assert(dl.suggestedFilename() === 'parcelnet-parcel-orders-2026-10-data.xlsx' && dlBytes.subarray(0, 4).toString('binary') === 'PK\x03\x04' && dlBytes.includes('xl/workbook.xml'), `supplier data set ${dl.suggestedFilename()}: ${dlBytes.length} bytes`);
  await ds.getByText(/^parcelnet-parcel-orders-2026-10-data\.xlsx: [\d,]+ rows? of parcel-orders in 2026-10 \(.+\), downloaded\.$/).waitFor();
  await s.screenshot({ path: join(artifacts, '14-supplier.png'), fullPage: true });
  // a month without data says so, and downloads nothing
  await ds.getByLabel('Month').fill('2020-01');
  await ds.getByRole('button', { name: 'Download data set (XLSX)' }).click();
  await ds.getByRole('alert').getByText(/^parcel-orders has no rows in 2020-01: there is nothing to download\./).waitFor();
  await ds.screenshot({ path: join(artifacts, '14b-supplier-no-data.png') });
  await s.close();
  const all = await apiCall(srv.origin, botToken, 'Imports/Batches', ['']);
  assert(all.status === 200 && all.body.length > 0 && all.body.every((b) => b.feed === 'parcel-orders'), `supplier batches: ${JSON.stringify(all.body).slice(0, 200)}`);
  // the API gives the supplier its own feeds only, and its own supplier's only
  const own = await apiCall(srv.origin, botToken, 'Suppliers/DataSet', [{ supplier: 'parcelnet', period: '2026-10', feed: 'parcel-orders' }]);
  assert(own.status === 200 && own.body.rows > 0 && Buffer.from(own.body.data, 'base64').subarray(0, 2).toString() === 'PK', `own data set: HTTP ${own.status}`);
  for (const q of [{ supplier: 'parcelnet', period: '2026-10', feed: 'shop-probe' }, { supplier: 'cloudhost', period: '2026-10', feed: 'shop-probe' }]) {
    const r = await apiCall(srv.origin, botToken, 'Suppliers/DataSet', [q]);
    assert(r.status === 422 && !r.body.data, `the supplier gets ${JSON.stringify(q)}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
  }
  // revoked in the UI: the token stops working
  await page.getByRole('button', { name: 'Revoke vera' }).click();
  await page.getByRole('dialog', { name: 'Revoke vera' }).getByRole('button', { name: 'Revoke' }).click();
  await page.getByText(/vera’s token no longer works/).waitFor();
  const gone = await apiCall(srv.origin, veraToken, 'Workspace/Overview');
  assert(gone.status === 401, `revoked token: HTTP ${gone.status}`);
});

async function coreHours() {
  const r = await apiCall(srv.origin, TOKEN, 'Compliance/Report', [{ period: '2026-06', slt: 'shop-availability', at: '' }]);
  const row = r.body.rows.find((x) => x.tier === 'core-hours');
  return row ? row.attainment : null;
}

// (c) portfolio → service → SLT → period → the rows behind the figure
test('drill down from the portfolio to the rows behind a figure', async () => {
  await nav('Portfolio');
  await page.getByTestId('service-order-fulfilment').getByRole('link', { name: /Order fulfilment/i }).first().click();
  await page.getByRole('navigation', { name: /breadcrumb/i }).getByText(/Order fulfilment/i).waitFor();
  const sltRow = page.getByTestId('slt-parcel-delivery-48h');
  await sltRow.getByRole('link', { name: 'Parcels delivered within 48 hours' }).click();
  const detail = page.getByTestId('slt-detail');
  await detail.getByRole('img', { name: /^Control chart/ }).waitFor({ timeout: WAIT });
  await shot('01b-slt-detail');
  await detail.getByRole('region', { name: 'Periods' }).getByRole('link', { name: '2026-10', exact: true }).click();
  const drill = page.getByTestId('drilldown');
  await drill.getByText(/^✓ The rows add up to the figure/).waitFor({ timeout: WAIT });
  const api = await apiCall(srv.origin, TOKEN, 'Compliance/Rows', [{ slt: 'parcel-delivery-48h', period: '2026-10', status: 'bad', limit: 5 }]);
  assert(api.status === 200 && api.body.total > 0, `API rows: HTTP ${api.status} ${JSON.stringify(api.body).slice(0, 200)}`);
  await drill.getByRole('group', { name: 'Show rows' }).getByText('Bad', { exact: true }).click();
  // the screen's count of bad rows is the API's
  await drill.getByRole('group', { name: 'Show rows' }).getByRole('status').getByText(`${api.body.total.toLocaleString('en-US')} rows`, { exact: true }).waitFor();
  const rows = drill.getByRole('region', { name: /^Rows of 2026-10/ });
  await rows.getByText(api.body.rows[0].item).first().waitFor();
  const ref = `#${api.body.rows[0].batch} · `;
  assert((await rows.getByText(ref).count()) > 0, `no "${ref}file:row" reference to the batch in the rows`);
  await shot('01c-drilldown-rows');
});

// (c2) a tiered SLT: the rows behind one tier, picked on the rows screen
test('rows behind one tier of a tiered SLT, picked with the tier selector', async () => {
  await page.evaluate(() => (window.location.hash = '#/slt/shop-availability/2026-10'));
  const drill = page.getByTestId('drilldown');
  const tiers = drill.getByRole('radiogroup', { name: 'Tier' });
  await tiers.waitFor({ timeout: WAIT });
  assert(await tiers.getByRole('radio', { name: 'Overall' }).isChecked(), 'Overall is not the tier picked');
  await tiers.getByRole('radio', { name: /^core-hours/ }).check();
  await drill.getByRole('heading', { level: 1, name: /· 2026-10 · core-hours$/ }).waitFor({ timeout: WAIT });
  assert(page.url().endsWith('#/slt/shop-availability/2026-10?tier=core-hours'), `address: ${page.url()}`);
  await drill.getByText(/^✓ The rows add up to the figure/).waitFor({ timeout: WAIT });
  // the tier's figure is the API's
  const api = await apiCall(srv.origin, TOKEN, 'Compliance/Rows', [{ slt: 'shop-availability', tier: 'core-hours', period: '2026-10', limit: 1 }]);
  assert(api.status === 200 && api.body.tier === 'core-hours', `API rows: HTTP ${api.status} ${JSON.stringify(api.body).slice(0, 200)}`);
  const good = api.body.figure.good.toLocaleString('en-US');
  await drill.getByRole('region', { name: 'The figure and its rows' }).getByText(good, { exact: true }).waitFor();
  await shot('01d-drilldown-tier');
});

// (c3) supplier management and service design on the demo: the web shop's
// chain has a gap and cannot add up; ParcelNet's maturity and record
// disagree; the shared data set downloads; Erlang C for 100 calls an hour of
// 3 minutes with 6 agents; the CMDB's CIs and the drill-down's CMDB finding.
test('suppliers: chain check, maturity, data set; a capacity calculation; the CMDB list and finding', async () => {
  await nav('Suppliers');
  const chain = page.getByRole('article', { name: 'Chain of shop-availability' });
  await chain.waitFor({ timeout: WAIT });
  const api = await apiCall(srv.origin, TOKEN, 'Suppliers/Check', [{ period: '', at: '' }]);
  const e2e = api.body.end_to_end.find((e) => e.slt === 'shop-availability');
  assert(api.status === 200 && e2e && !e2e.feasibility.feasible && e2e.gaps.length === 1, `API chain: ${JSON.stringify(api.body).slice(0, 300)}`);
  await chain.getByText('Gap: checkout-success has no contract').waitFor();
  await chain.getByText('not feasible', { exact: true }).waitFor();
  // the best the parts allow, as the API computes it, in plain percent
  const best = `${Number((e2e.feasibility.best * 100).toFixed(3))}%`;
  await chain.getByText(best, { exact: true }).first().waitFor();
  const problems = e2e.periods.filter((p) => p.status === 'mapping_problem').map((p) => p.period);
  assert(problems.length > 0, 'the demo has no period where the parts met their targets and the whole missed');
  await chain.getByText(`The parts met their targets, yet the whole missed in ${problems.join(', ')}`, { exact: true }).waitFor();
  const maturity = page.getByRole('table', { name: "Each supplier's maturity beside its record" });
  await maturity.getByRole('row', { name: /ParcelNet Logistics/ }).getByText('disagree: high maturity, poor record').waitFor();
  await shot('21-suppliers');
  const joint = page.getByRole('region', { name: 'Joint review with a supplier' });
  await joint.getByLabel('Supplier', { exact: true }).selectOption('parcelnet');
  await joint.getByLabel('Review period', { exact: true }).fill('2026-10');
  await joint.getByRole('button', { name: 'Show the review scope' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), joint.getByRole('button', { name: 'Download the data set of parcel-orders' }).click()]);
  const saved = join(artifacts, download.suggestedFilename());
  await download.saveAs(saved);
  const bytes = readFileSync(saved);
  assert(/parcel-orders.*2026-10.*\.xlsx$/.test(download.suggestedFilename()) && bytes.subarray(0, 4).toString('binary') === 'PK\x03\x04', `data set ${download.suggestedFilename()}: ${bytes.length} bytes`);
  await joint.getByText(/rows of parcel-orders in 2026-10/).waitFor();

  await nav('Service design');
  const cap = page.getByRole('region', { name: 'Capacity check (Erlang C)' });
  await cap.getByLabel('Arrivals', { exact: true }).fill('100/h');
  await cap.getByLabel('Handle time', { exact: true }).fill('3m');
  await cap.getByLabel('Servers', { exact: true }).fill('6');
  await cap.getByLabel('Target', { exact: true }).fill('80% in 20s');
  await cap.getByRole('button', { name: 'Calculate' }).click();
  const ans = page.getByLabel('Capacity answer');
  await ans.waitFor();
  // the published Erlang C table: 5 erlangs on 6 agents wait 58.8% of the time, 47.4% answered in 20 s; 8 agents meet 80%
  const kv = await ans.locator('dl.kv').innerText();
  for (const want of ['58.8%', '47.4%', '106 s', '83.3%', '8 servers']) assert(kv.includes(want), `capacity answer lacks ${want}: ${kv}`);
  await shot('22-capacity');

  await nav('CMDB');
  const cis = page.getByRole('table', { name: 'Configuration items, with their verification' });
  await cis.waitFor();
  const list = await apiCall(srv.origin, TOKEN, 'CMDB/List');
  assert(list.status === 200 && list.body.cis.length > 0, `API CMDB: ${JSON.stringify(list.body).slice(0, 200)}`);
  assert((await cis.locator('tbody tr').count()) === list.body.cis.length, 'the CMDB table does not list every CI');
  await cis.getByRole('row', { name: /payment-gw/ }).getByText('not verified').waitFor();
  await shot('23-cmdb');
  await page.evaluate(() => (window.location.hash = '#/slt/incident-resolution/2026-10'));
  const finding = page.getByRole('region', { name: 'CMDB finding' });
  await finding.getByText(/of this period's rows come from CIs unknown to the CMDB or not verified in the last 90 days/).waitFor({ timeout: WAIT });
  await shot('24-drilldown-cmdb', finding);
});

// Breaches: Pareto and a false positive
// The improvement loop on the demo: ParcelNet's run of misses has its RCA
// with a Five Whys draft and two actions, one overdue; the Order fulfilment
// agenda lists them; an action is added from a breach.
test('the demo’s parcel-delivery RCA: a Five Whys draft and two actions, one overdue', async () => {
  await nav('Root causes');
  const list = page.getByRole('table', { name: 'Root-cause analyses' });
  await list.waitFor({ timeout: WAIT });
  const link = list.getByRole('link', { name: /^RCA-\d+: parcel-delivery-48h$/ });
  const rcaId = (await link.textContent()).split(':')[0];
  await link.click();
  const detail = page.getByTestId('rca-detail');
  await detail.waitFor();
  const chain = detail.getByRole('list', { name: 'Five Whys' });
  const steps = await chain.getByRole('listitem').count();
  assert(steps === 4, `Five Whys steps: ${steps}`);
  assert((await detail.getByRole('textbox', { name: 'Why 1', exact: true }).inputValue()).startsWith('Why were fewer than 95% of parcels delivered within 48 hours'), 'the first why');
  assert((await detail.getByRole('textbox', { name: 'Because 4', exact: true }).inputValue()) === '', 'the draft’s last why is still open');
  const actions = detail.locator('section[aria-labelledby="ractions-h"]');
  const ids = await actions.getByRole('listitem').allTextContents();
  assert(ids.length === 2, `actions of ${rcaId}: ${ids}`);
  await shot('15-rca-five-whys');
  const acts = await apiCall(srv.origin, TOKEN, 'Actions/List', [{ rca: rcaId }]);
  assert(acts.body.length === 2 && acts.body[0].overdue === true && acts.body[1].overdue === false, `actions: ${JSON.stringify(acts.body).slice(0, 300)}`);
  await nav('Actions');
  const table = page.getByRole('table', { name: 'Actions, overdue first' });
  await table.waitFor();
  const first = table.getByRole('row').nth(1);
  await first.getByText(/days? overdue\)$/).waitFor();
  assert((await first.textContent()).includes(acts.body[0].title), 'the overdue action comes first');
  await shot('16-actions-list');
  await page.getByRole('button', { name: 'Board' }).click();
  await page.getByRole('list', { name: 'Actions by status' }).waitFor();
  await shot('17-actions-board');
});

test('the Order fulfilment agenda lists the RCA, the actions and the review due; PDF download', async () => {
  await nav('Meetings');
  await page.getByLabel('Meeting of').selectOption('service:order-fulfilment');
  const agenda = page.getByTestId('agenda');
  await agenda.getByRole('heading', { name: /^Agenda — Order fulfilment, / }).waitFor({ timeout: WAIT });
  await agenda.getByRole('list', { name: 'Root-cause analyses' }).getByRole('link', { name: /^RCA-\d+$/ }).waitFor();
  const acts = await agenda.getByRole('list', { name: 'Actions' }).getByRole('listitem').allTextContents();
  assert(acts.length >= 2 && /overdue/.test(acts[0]), `agenda actions: ${acts}`);
  const reviews = await agenda.getByRole('list', { name: 'Reviews due' }).textContent();
  assert(/Parcels delivered within 48 hours/.test(reviews), `reviews due: ${reviews}`);
  await shot('18-meeting-agenda');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Agenda as PDF' }).click()]);
  const saved = join(artifacts, download.suggestedFilename());
  await download.saveAs(saved);
  assert(readFileSync(saved).subarray(0, 5).toString() === '%PDF-', `${saved} is not a PDF`);
});

test('add an action from a breach', async () => {
  await nav('Breaches');
  const log = page.getByRole('table', { name: 'Breach log' });
  await log.waitFor({ timeout: WAIT });
  await page.getByRole('link', { name: 'Add an action about parcel-delivery-48h@2026-09' }).click();
  const form = page.getByRole('heading', { name: 'Add an action about breach parcel-delivery-48h@2026-09' });
  await form.waitFor();
  await page.getByLabel('What is to be done').fill('Ask ParcelNet for the September shift roster');
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.getByText(/^A-\d+ added for Søren Madsen\.$/).waitFor();
  await page.getByRole('table', { name: 'Actions, overdue first' }).getByText('Ask ParcelNet for the September shift roster').waitFor();
  const all = await apiCall(srv.origin, TOKEN, 'Actions/List', [{}]);
  const a = all.body.find((x) => x.title === 'Ask ParcelNet for the September shift roster');
  const me = await apiCall(srv.origin, TOKEN, 'Session/Me');
  assert(a && a.links.breach === 'parcel-delivery-48h@2026-09' && a.links.slt === 'parcel-delivery-48h' && a.links.supplier === 'parcelnet' && a.created_by === me.body.name, `action ${JSON.stringify(a)}`);
  await shot('19-action-from-breach');
});

test('breach log: Pareto chart, filter, a false positive asked for and approved by a second person', async () => {
  await nav('Breaches');
  await page.getByRole('img', { name: /^Pareto chart of priority by SLT/ }).waitFor({ timeout: WAIT });
  const log = page.getByRole('table', { name: 'Breach log' });
  await log.waitFor();
  // the approved exception took shop-availability's June miss out of the log
  assert((await log.getByText('2026-06 ·').count()) > 0, 'no June breach at all');
  await page.getByRole('button', { name: 'Ask to call parcel-delivery-48h@2026-06 a false positive' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ask for a false positive' });
  await dialog.getByRole('button', { name: "Ask for a second person's approval" }).click();
  await dialog.getByText('Say why this is not a real miss').waitFor();
  await dialog.getByLabel('Reason').fill('Parcels held at the customer’s request during the strike week.');
  await dialog.getByRole('button', { name: "Ask for a second person's approval" }).click();
  await page.getByText(/you asked to call parcel-delivery-48h@2026-06 a false positive/).waitFor();
  await log.getByText(/false positive asked \(AP-\d+\)/).waitFor();
  // the requester cannot decide it; an approver does, in their own tab
  const aps = await apiCall(srv.origin, TOKEN, 'Approvals/List', [{ status: 'requested' }]);
  const self = await apiCall(srv.origin, TOKEN, 'Approvals/Approve', [{ id: aps.body[0].id, note: 'mine' }]);
  assert(self.status === 422 && /cannot also decide/.test(self.body.error), `self-approval: ${JSON.stringify(self.body)}`);
  const approverToken = await addUser(srv.origin, TOKEN, 'quality-lead', 'approver');
  const q = await openAs(browser, srv.origin, approverToken, '#/approvals');
  await q.getByRole('button', { name: 'Decide…' }).click();
  await q.getByRole('dialog').getByLabel('Note').fill('Strike week confirmed by the carrier.');
  await q.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
  await q.getByText(/^AP-\d+ approved by quality-lead\.$/).waitFor();
  await q.screenshot({ path: join(artifacts, '20-four-eyes.png') });
  await q.close();
  await page.reload();
  await page.getByLabel('Show').selectOption('false-positive');
  await page.getByRole('table', { name: 'Breach log' }).getByText(/strike week/).waitFor();
  await shot('07-breaches');
  const audit = await apiCall(srv.origin, TOKEN, 'Audit/Verify');
  assert(audit.body.ok === true, `audit verify: ${JSON.stringify(audit.body)}`);
});

// (f) the review pack: built as a job, downloaded, checked against the data
// Foresight: the parcel SLT's chance of missing stands beside its track
// record (as the API gives it); the calibration screen finds the demo probe's
// bias against the transaction log and the drift after mid-year.
test('the SLT page shows the forecast beside its track record; the calibration screen flags the probe’s drift', async () => {
  await page.evaluate(() => (window.location.hash = '#/slt/parcel-delivery-48h'));
  const panel = page.getByTestId('slt-forecast');
  const track = panel.getByRole('table', { name: /^Track record/ });
  await track.waitFor({ timeout: WAIT });
  const api = await apiCall(srv.origin, TOKEN, 'Foresight/Predict', [{ slt: 'parcel-delivery-48h', at: '' }]);
  const fc = api.body;
  assert(api.status === 200 && fc.status === 'ok' && fc.targets.length === 1, `Foresight/Predict: ${JSON.stringify(fc).slice(0, 300)}`);
  const p = fc.targets[0].current.probability;
  const want = p < 0.005 ? '< 1%' : `${Math.round(p * 100)}%`;
  const text = await panel.textContent();
  assert(text.includes(`${want} chance of missing`), `the page says ${text.slice(0, 300)}, the API ${p}`);
  const rows = await track.getByRole('row').allTextContents();
  const dp = fc.track_record_current.decision_points.toLocaleString('en-US');
  assert(rows.length === 3 && rows[1].includes(dp) && /\d\.\d{3}/.test(rows[1]), `track record rows: ${rows}`);
  if (fc.track_record_current.use !== 'model') await panel.getByText('The model is not better than the baseline: showing the baseline', { exact: false }).waitFor();
  await panel.scrollIntoViewIfNeeded();
  await shot('21-slt-forecast', panel);

  // from the SLT page of an SLT on the probe's feed, to the feed's calibration
  await page.evaluate(() => (window.location.hash = '#/slt/page-latency-p95'));
  await page.getByRole('link', { name: 'shop-latency calibrated against shop-latency-txlog' }).click();
  await page.waitForURL(/#\/calibration\/shop-latency$/);
  assert(await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Calibration', exact: true }).isVisible(), 'no Calibration in the navigation');
  const cal = page.getByTestId('calibration');
  const agreement = cal.getByLabel('Agreement', { exact: true });
  await agreement.waitFor({ timeout: WAIT });
  const bias = await agreement.textContent();
  assert(/Bias \(mean difference\)\+\d+(\.\d+)? ms/.test(bias), `bias: ${bias}`);
  await cal.getByRole('region', { name: /^Drift/ }).getByText('drifting').waitFor();
  const months = cal.getByRole('table', { name: 'Bias per month' });
  const drifted = await months.getByRole('row').filter({ hasText: 'drifted' }).count();
  assert(drifted >= 4, `months flagged as drifted: ${drifted}`);
  assert((await months.getByRole('row').filter({ hasText: '2026-05' }).textContent()).includes('drifted') === false, 'May is flagged');
  await shot('22-calibration');
  await shot('23-calibration-drift', cal.getByRole('region', { name: /^Drift/ }));
  await shot('24-calibration-agreement', cal.getByRole('region', { name: 'Good or bad, bucket by bucket' }));
  await shot('25-calibration-attainment', cal.getByRole('region', { name: 'Attainment from the reference' }));
  // a span before the drift: steady
  await cal.getByRole('textbox', { name: 'From' }).fill('2026-01-01');
  await cal.getByRole('textbox', { name: 'To' }).fill('2026-06-01');
  await cal.getByRole('button', { name: 'Compare' }).click();
  await cal.getByRole('region', { name: /^Drift/ }).getByText('steady').waitFor({ timeout: WAIT });
});

test('export a pack and download it', async () => {
  await nav('Review pack');
  const form = page.getByRole('form', { name: 'Build a pack' });
  await form.waitFor();
  await form.getByLabel('Period').fill('2026-10');
  await form.getByRole('button', { name: 'Build the pack' }).click();
  const ready = page.getByRole('region', { name: 'Review pack 2026-10 is ready' });
  await ready.waitFor({ timeout: 3 * WAIT });
  await shot('08-pack-ready');
  const magic = { pdf: '%PDF-', xlsx: 'PK\x03\x04' };
  for (const [ext, head] of Object.entries(magic)) {
    const name = `review-pack-2026-10.${ext}`;
    const [download] = await Promise.all([page.waitForEvent('download'), ready.getByRole('button', { name: `Download ${name}` }).click()]);
    assert(download.suggestedFilename() === name, `download name ${download.suggestedFilename()}`);
    const saved = join(artifacts, name);
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    assert(bytes.length > 1000 && bytes.subarray(0, head.length).toString('binary') === head, `${name} is not a real ${ext.toUpperCase()} (${bytes.length} bytes, starts ${JSON.stringify(bytes.subarray(0, 8).toString('binary'))})`);
  }
  // the downloaded PDF, uploaded back, matches the data it was made from
  await page.getByLabel('Pack file (PDF or XLSX)').setInputFiles(join(artifacts, 'review-pack-2026-10.pdf'));
  await page.getByText('The pack matches the data.').waitFor({ timeout: WAIT });
  await shot('09-pack-verified');
});

// Definitions: Apply's problem at the field, then a good save
test('definitions: a wrong target is refused at the field, a right one saved', async () => {
  await nav('Definitions');
  await page.getByRole('table', { name: 'Services' }).waitFor();
  await page.getByRole('group', { name: 'Kind' }).getByRole('button', { name: /^SLTs/ }).click();
  await page.getByRole('button', { name: 'Edit SLT checkout-success' }).click();
  const form = page.getByRole('form', { name: 'Edit SLT checkout-success' });
  await form.getByLabel('Objective target').fill('99.5');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await form.getByText(/99\.5 is outside 0\.\.1 for the ratio indicator/).waitFor();
  assert((await form.getByLabel('Objective target').getAttribute('aria-invalid')) === 'true', 'the target field is not marked invalid');
  await shot('10-definitions-refused');
  await form.getByLabel('Objective target').fill('0.995');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('SLT/checkout-success saved.').waitFor();
  const r = await apiCall(srv.origin, TOKEN, 'Workspace/Definitions', ['slt', 'checkout-success']);
  assert(r.body[0].spec.objective.target === 0.995, `stored target ${JSON.stringify(r.body[0].spec.objective)}`);
});

// the audit trail: the pack export is in it, and Verify says it is intact
test('audit verify from the UI', async () => {
  await nav('Audit');
  await page.getByRole('table', { name: 'Audit events' }).waitFor();
  await page.getByLabel('Action').selectOption('export.pack');
  await page.getByRole('button', { name: /^Details of event \d+$/ }).first().click();
  const detail = page.getByRole('region', { name: /^Event \d+$/ });
  await detail.getByText('Pack/2026-10').waitFor();
  await page.getByRole('button', { name: 'Verify the chain' }).click();
  await page.getByText(/^The audit trail is intact: [\d,]+ events checked\.$/).waitFor();
  const head = await page.getByTestId('audit-head').textContent();
  const api = await apiCall(srv.origin, TOKEN, 'Audit/Verify');
  assert(api.body.ok === true && head === api.body.head && /^[0-9a-f]{64}$/.test(head), `UI head ${head}, API ${JSON.stringify(api.body)}`);
  await shot('11-audit-verified');
});

let bin;
let failed = 0;
const started = Date.now();
try {
  bin = buildSlate(tmp.path, log);
  log('filling the demo workspace');
  demo(bin, db);
  srv = await serve(bin, db, TOKEN);
  log(`slate serve at ${srv.origin}`);
  browser = await launch(join(tmp.path, 'profile'));
  page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(WAIT);
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  console.log(`1..${tests.length}`);
  for (const [i, t] of tests.entries()) {
    const t0 = Date.now();
    try {
      await t.fn();
      console.log(`ok ${i + 1} - ${t.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (e) {
      failed++;
      console.log(`not ok ${i + 1} - ${t.name}`);
      for (const line of String(e?.stack ?? e).split('\n').slice(0, 12)) console.log(`  # ${line}`);
      try {
        await page.screenshot({ path: join(artifacts, `failed-${i + 1}.png`) });
        console.log(`  # screenshot: artifacts/e2e/failed-${i + 1}.png`);
      } catch {
        /* no page */
      }
    }
  }
  if (consoleErrors.length) {
    writeFileSync(join(artifacts, 'page-errors.txt'), consoleErrors.join('\n'));
    log(`page errors: ${consoleErrors.join(' | ')}`);
  }
} catch (e) {
  failed++;
  console.log(`not ok 0 - setting up the suite`);
  for (const line of String(e?.stack ?? e).split('\n').slice(0, 20)) console.log(`  # ${line}`);
} finally {
  await browser?.close().catch(() => {});
  await srv?.stop();
  tmp.remove();
}
const passed = tests.length - Math.min(failed, tests.length);
console.log(`# browser end-to-end: ${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(0)} s; screenshots in artifacts/e2e/`);
process.exit(failed ? 1 : 0);
