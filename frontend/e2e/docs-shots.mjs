// Screenshots of every screen, to look at and for docs/screenshots/.
//
//   node e2e/docs-shots.mjs [--review DIR] [--docs DIR] [--only a,b] [--combos light-1280,dark-1024]
//
// Every screen (portfolio, one service, SLT detail of a tiered and a plain SLT,
// the rows behind a period, imports + the wizard's check step, breaches,
// exceptions with an approved exception's effect, review pack, definitions:
// a form with a refused field and the YAML view, audit with an event's detail)
// in light and dark, at 1280×800 and 1024×700. Each screen is shot at its top
// and, where it scrolls, a page further down each time (`-2.png`, `-3.png`),
// plus keyboard-focus shots (`focus-*.png`, after pressing Tab) into the review
// folder (default artifacts/shots/<theme>-<width>/). The docs set (one per
// screen, some dark and 1024 ones) is then copied into docs/screenshots/.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { addUser, buildSlate, demo, launch, openAs, repoRoot, serve, tempDir } from './lib.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const reviewDir = resolve(arg('review', join(repoRoot, 'artifacts', 'shots')));
const docsDir = resolve(arg('docs', join(repoRoot, 'docs', 'screenshots')));
const only = (arg('only', '') || '').split(',').filter(Boolean);
const combos = (arg('combos', 'light-1280,dark-1280,light-1024,dark-1024') || '').split(',').map((c) => {
  const [theme, w] = c.split('-');
  return { theme, width: Number(w), height: Number(w) >= 1280 ? 800 : 700, id: c };
});

/** The docs set: docs/screenshots/<name>.png ← <combo>/<shot>.png. */
const DOCS = {
  'dashboard.png': 'light-1280/portfolio.png',
  'service.png': 'light-1280/service.png',
  'slt-detail.png': 'light-1280/slt-detail.png',
  'slt-detail-charts.png': 'light-1280/slt-detail-2.png',
  'drilldown.png': 'light-1280/drilldown.png',
  'import.png': 'light-1280/imports-wizard.png',
  'breaches.png': 'light-1280/breaches.png',
  'exceptions.png': 'light-1280/exceptions.png',
  'pack.png': 'light-1280/pack.png',
  'definitions.png': 'light-1280/definitions.png',
  'definitions-yaml.png': 'light-1280/definitions-yaml.png',
  'audit.png': 'light-1280/audit.png',
  'users.png': 'light-1280/users.png',
  'actions.png': 'light-1280/actions.png',
  'actions-board.png': 'light-1280/actions-board.png',
  'rca.png': 'light-1280/rca.png',
  'meeting-agenda.png': 'light-1280/meetings.png',
  'improvement.png': 'light-1280/improvements.png',
  'outbox.png': 'light-1280/outbox.png',
  'four-eyes.png': 'light-1280/approvals.png',
  'slt-loop.png': 'light-1280/slt-loop.png',
  'suppliers.png': 'light-1280/suppliers.png',
  'suppliers-maturity.png': 'light-1280/suppliers-3.png',
  'design.png': 'light-1280/design.png',
  'cmdb.png': 'light-1280/cmdb.png',
  'supplier-dataset.png': 'light-1280/supplier-dataset.png',
  'suppliers-dark-1024.png': 'dark-1024/suppliers.png',
  'actions-board-dark-1024.png': 'dark-1024/actions-board.png',
  'dashboard-dark-1024.png': 'dark-1024/portfolio.png',
  'slt-detail-dark-1024.png': 'dark-1024/slt-detail.png',
  'drilldown-dark-1024.png': 'dark-1024/drilldown.png',
  'breaches-dark.png': 'dark-1280/breaches.png',
  'audit-dark-1024.png': 'dark-1024/audit-2.png',
};

mkdirSync(reviewDir, { recursive: true });
const tmp = tempDir();
const bin = buildSlate(tmp.path, (m) => console.error(`docs-shots: ${m}`));
demo(bin, join(tmp.path, 's.db'));
const srv = await serve(bin, join(tmp.path, 's.db'));
const ctx = await launch(join(tmp.path, 'profile'));
const page = ctx.pages()[0] ?? (await ctx.newPage());
const main = page.locator('main');
const nav = (label) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true }).click();
const go = async (hash) => {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.waitForTimeout(100);
};
const settle = (ms = 350) => page.waitForTimeout(ms);
const checkCsv = () => {
  const rows = ['timestamp,attempts,failed'];
  for (let h = 0; h < 24; h++) rows.push(`2026-11-28 ${String(h).padStart(2, '0')}:00:00,${h === 5 ? 'n/a' : 180 + h * 3},${h === 9 ? 400 : h % 3}`);
  return Buffer.from(rows.join('\n'));
};

let dir = reviewDir;
const written = [];
async function shot(name) {
  await page.mouse.move(0, 0);
  await settle(150);
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path });
  written.push(path);
}
/** The screen at its top, then a page further down each time while it scrolls (at most `max` shots). */
async function pages(name, max = 3) {
  await main.evaluate((m) => m.scrollTo(0, 0));
  await shot(name);
  for (let i = 2; i <= max; i++) {
    const moved = await main.evaluate((m) => {
      const before = m.scrollTop;
      m.scrollBy(0, m.clientHeight - 80);
      return m.scrollTop !== before;
    });
    if (!moved) break;
    await settle(250);
    await shot(`${name}-${i}`);
  }
  await main.evaluate((m) => m.scrollTo(0, 0));
}
/** Press Tab n times from the main landmark and shoot: the focus ring must show. */
async function focusShot(name, n) {
  await main.evaluate((m) => {
    m.scrollTo(0, 0);
    m.focus();
  });
  for (let i = 0; i < n; i++) await page.keyboard.press('Tab');
  await settle(150);
  const path = join(dir, `focus-${name}.png`);
  await page.screenshot({ path });
  written.push(path);
}

let exceptionDone = false;
let usersDone = false;
let supplierToken = '';
let theme = 'light';

const SCREENS = {
  async portfolio() {
    await nav('Portfolio');
    await page.getByTestId('portfolio').waitFor();
    await settle(500);
    await pages('portfolio', 4);
    await focusShot('portfolio', 6);
  },
  async service() {
    await go('#/portfolio/web-shop');
    await page.getByTestId('portfolio').waitFor();
    await settle(500);
    await pages('service', 2);
  },
  async slt() {
    await go('#/slt/shop-availability');
    await page.getByTestId('slt-detail').waitFor();
    await page.getByRole('heading', { name: /^Control chart/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('table').first().waitFor({ timeout: 30_000 });
    await settle(800);
    await pages('slt-detail', 4);
    await focusShot('slt-detail', 5);
    await go('#/slt/checkout-success');
    await page.getByRole('heading', { name: /^Control chart/ }).waitFor({ timeout: 30_000 });
    await settle(800);
    await pages('slt-plain', 4);
  },
  async drilldown() {
    await go('#/slt/shop-availability/2026-10?tier=core-hours');
    await page.getByTestId('drilldown').waitFor({ timeout: 30_000 });
    await settle(600);
    await pages('drilldown', 2);
    await focusShot('drilldown', 6);
    await go('#/slt/checkout-success/2026-10');
    await page.getByTestId('drilldown').getByRole('table').waitFor({ timeout: 30_000 });
    await settle(600);
    await shot('drilldown-plain');
  },
  async imports() {
    await nav('Imports');
    await page.getByTestId('imports').waitFor();
    await page.getByRole('table', { name: 'Import batches' }).waitFor();
    await settle(300);
    await pages('imports', 3);
    await focusShot('imports', 4);
    const wizard = page.getByRole('region', { name: 'Import a supplier file' });
    await wizard.getByLabel('Feed').selectOption('checkout-counts');
    await wizard.getByLabel('Supplier file (CSV or XLSX)').setInputFiles({ name: 'checkouts-2026-11-28.csv', mimeType: 'text/csv', buffer: checkCsv() });
    await wizard.getByText(/uploaded/).waitFor();
    await wizard.getByRole('button', { name: 'Preview' }).click();
    await wizard.getByRole('button', { name: 'Check the file' }).waitFor();
    await settle(300);
    await main.evaluate((m) => m.scrollTo(0, 0));
    await shot('imports-mapping');
    await wizard.getByRole('button', { name: 'Check the file' }).click();
    await wizard.getByText('Some rows will be rejected').waitFor({ timeout: 20_000 });
    await main.evaluate((m) => m.scrollTo(0, 0));
    await page.getByText('Some rows will be rejected').scrollIntoViewIfNeeded();
    await main.evaluate((m) => m.scrollBy(0, -60));
    await settle(300);
    await shot('imports-wizard');
  },
  async breaches() {
    await nav('Breaches');
    await page.getByRole('table', { name: 'Breach log' }).waitFor({ timeout: 20_000 });
    await settle(600);
    await pages('breaches', 3);
    await focusShot('breaches', 5);
  },
  async exceptions() {
    await nav('Exceptions');
    const form = page.getByRole('form', { name: 'Request an exception' });
    await form.waitFor();
    await settle(300);
    await pages('exceptions-start', 2);
    if (!exceptionDone) {
      await form.getByLabel('SLT').selectOption('shop-availability');
      await form.getByLabel('From (UTC)').fill('2026-06-10 13:00');
      await form.getByLabel('To (UTC, exclusive)').fill('2026-06-10 14:30');
      await form.getByLabel('Reason').fill('Regional power failure at the hosting data centre; grid operator incident report attached.');
      await form.getByLabel('Evidence (optional)').setInputFiles({ name: 'grid-incident-2026-06-10.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') });
      await form.getByText(/grid-incident-2026-06-10\.pdf · /).waitFor();
      await form.getByRole('button', { name: 'Request exception' }).click();
      await page.getByRole('region', { name: /^Effect of EX-1/ }).waitFor();
      // four eyes: another person, an approver with their own token, decides in their own tab
      const head = await openAs(ctx, srv.origin, await addUser(srv.origin, srv.token, 'head-of-service', 'approver'), '#/exceptions');
      await head.setViewportSize(page.viewportSize());
      await head.getByRole('button', { name: /^Decide EX-1$/ }).click();
      const dialog = head.getByRole('dialog');
      await dialog.getByLabel('Note').fill('Evidence checked with the grid operator.');
      await head.mouse.move(0, 0);
      const p = join(dir, 'exceptions-dialog.png');
      await head.screenshot({ path: p });
      written.push(p);
      await dialog.getByRole('button', { name: 'Approve' }).click();
      await head.getByText(/EX-1 approved by head-of-service/).waitFor();
      await head.close();
      exceptionDone = true;
      await page.reload();
      await page.getByRole('button', { name: 'Effect of EX-1' }).click();
    } else {
      await page.getByRole('button', { name: 'Effect of EX-1' }).click();
    }
    const effect = page.getByRole('region', { name: /^Effect of EX-1/ });
    await effect.getByRole('table').waitFor();
    // from the top: the decision's notice, its effect, then the request form
    await settle(300);
    await pages('exceptions', 3);
  },
  async pack() {
    await nav('Review pack');
    const packForm = page.getByRole('form', { name: 'Build a pack' });
    await packForm.waitFor();
    await settle(300);
    await shot('pack-start');
    await packForm.getByLabel('Period').fill('2026-10');
    await packForm.getByRole('button', { name: 'Build the pack' }).click();
    await page.getByRole('region', { name: 'Review pack 2026-10 is ready' }).waitFor({ timeout: 90_000 });
    await page.getByRole('button', { name: 'Verify review-pack-2026-10.pdf' }).first().click();
    await page.getByText('The pack matches the data.').waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Review pack 2026-10 is ready' }).scrollIntoViewIfNeeded();
    await main.evaluate((m) => m.scrollBy(0, m.clientHeight / 2 - 200));
    await settle(400);
    await shot('pack');
    await pages('pack-all', 3);
  },
  async definitions() {
    await nav('Definitions');
    await page.getByRole('group', { name: 'Kind' }).waitFor();
    await settle(300);
    await pages('definitions-list', 2);
    await page.getByRole('group', { name: 'Kind' }).getByRole('button', { name: /^SLTs/ }).click();
    await settle(200);
    await shot('definitions-slts');
    await page.getByRole('button', { name: 'Edit SLT checkout-success' }).click();
    const defForm = page.getByRole('form', { name: 'Edit SLT checkout-success' });
    await defForm.getByLabel('Objective target').fill('99.5');
    await defForm.getByRole('button', { name: 'Save changes' }).click();
    await defForm.getByText(/99\.5 is outside 0\.\.1/).waitFor();
    await page.getByRole('heading', { name: 'What is measured' }).scrollIntoViewIfNeeded();
    await main.evaluate((m) => m.scrollBy(0, m.clientHeight / 2 - 120));
    await settle(300);
    await shot('definitions');
    await pages('definitions-form', 4);
    await defForm.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'YAML' }).click();
    await page.locator('textarea').first().waitFor();
    await settle(500);
    await pages('definitions-yaml', 2);
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Forms' }).click();
  },
  async audit() {
    await nav('Audit');
    await page.getByRole('table', { name: 'Audit events' }).waitFor();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByText(/The audit trail is intact/).waitFor();
    await page.getByRole('button', { name: /^Details of event \d+$/ }).first().click();
    await main.evaluate((m) => m.scrollTo(0, 0));
    await settle(300);
    await pages('audit', 3);
    await focusShot('audit', 4);
  },
  async actions() {
    await go('#/actions');
    await page.getByRole('table', { name: 'Actions, overdue first' }).waitFor({ timeout: 30_000 });
    await settle(300);
    await pages('actions', 2);
    await focusShot('actions', 5);
    await page.getByRole('button', { name: 'Board' }).click();
    await page.getByRole('list', { name: 'Actions by status' }).waitFor();
    await settle(200);
    await shot('actions-board');
  },
  async rca() {
    await go('#/rca');
    await page.getByRole('table', { name: 'Root-cause analyses' }).waitFor({ timeout: 30_000 });
    await settle(200);
    await shot('rca-list');
    await go('#/rca/RCA-1');
    await page.getByRole('list', { name: 'Five Whys' }).waitFor({ timeout: 30_000 });
    await settle(300);
    await pages('rca', 4);
    await page.getByRole('group', { name: 'Method' }).getByRole('button', { name: 'Apollo' }).click();
    await page.getByLabel('Primary effect').fill('Parcels delivered late');
    await page.getByRole('button', { name: 'Add a cause' }).click();
    await page.getByLabel('Cause 1', { exact: true }).fill('The hub sorts on one shift');
    await page.getByLabel('Kind 1').selectOption('condition');
    await page.getByLabel('Evidence 1').fill('ParcelNet shift plan 2024');
    await page.getByRole('heading', { name: 'Apollo' }).scrollIntoViewIfNeeded();
    await settle(200);
    await shot('rca-apollo');
  },
  async meetings() {
    await go('#/meetings?scope=service:order-fulfilment&date=2026-11-28');
    await page.getByTestId('agenda').waitFor({ timeout: 30_000 });
    await settle(300);
    await pages('meetings', 5);
  },
  async improvements() {
    await go('#/improvements/IMP-1');
    await page.getByTestId('validation').waitFor({ timeout: 30_000 });
    await settle(600);
    await pages('improvements', 2);
  },
  async outbox() {
    await go('#/outbox');
    await page.getByTestId('outbox').waitFor();
    await settle(300);
    await shot('outbox');
  },
  async approvals() {
    await go('#/approvals');
    await page.getByTestId('approvals').waitFor();
    await settle(300);
    await shot('approvals');
  },
  async sltloop() {
    await go('#/slt/parcel-delivery-48h');
    await page.getByTestId('slt-loop').waitFor({ timeout: 30_000 });
    await settle(800);
    await page.getByTestId('slt-loop').scrollIntoViewIfNeeded();
    await settle(300);
    await shot('slt-loop');
  },
  async suppliers() {
    await go('#/suppliers');
    await page.getByRole('article', { name: 'Chain of shop-availability' }).waitFor({ timeout: 30_000 });
    await page.getByRole('table', { name: "Each supplier's maturity beside its record" }).waitFor({ timeout: 30_000 });
    await settle(300);
    await pages('suppliers', 3);
  },
  async design() {
    await go('#/design');
    await page.getByRole('button', { name: 'Calculate' }).click();
    await page.getByLabel('Capacity answer').waitFor();
    const chg = page.getByRole('region', { name: 'Change impact' });
    await chg.getByLabel('SLT', { exact: true }).selectOption('shop-availability');
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await chg.getByLabel('Window from (UTC)', { exact: true }).fill(`${day} 22:00`);
    await chg.getByLabel('Window to (UTC)', { exact: true }).fill(`${day} 23:59`);
    await chg.getByRole('button', { name: 'Assess the change' }).click();
    await page.getByRole('article', { name: 'Change impact on shop-availability' }).waitFor();
    await settle(300);
    await pages('design', 3);
  },
  async cmdb() {
    await go('#/cmdb');
    await page.getByRole('table', { name: 'Configuration items, with their verification' }).waitFor();
    await settle(300);
    await shot('cmdb');
  },
  async supplierdataset() {
    // a supplier user's Imports screen: its data set of October, downloaded
    supplierToken ||= await addUser(srv.origin, srv.token, 'parcel-portal', 'supplier', 'parcelnet');
    const s = await openAs(ctx, srv.origin, supplierToken, '#/imports');
    try {
      await s.setViewportSize(page.viewportSize());
      await s.emulateMedia({ colorScheme: theme });
      const ds = s.getByRole('region', { name: 'Your data set' });
      await ds.getByLabel('Month').fill('2026-10');
      await Promise.all([s.waitForEvent('download'), ds.getByRole('button', { name: 'Download data set (XLSX)' }).click()]);
      await ds.getByText(/rows of parcel-orders in 2026-10/).waitFor();
      await s.mouse.move(0, 0);
      await s.waitForTimeout(300);
      const p = join(dir, 'supplier-dataset.png');
      await s.screenshot({ path: p });
      written.push(p);
    } finally {
      await s.close();
    }
  },
  async users() {
    await nav('Users');
    await page.getByRole('table', { name: 'Users' }).waitFor();
    if (!usersDone) {
      const form = page.getByRole('form', { name: 'Add a user' });
      for (const [name, role, supplier] of [['vera', 'viewer'], ['parcel-bot', 'supplier', 'parcelnet'], ['jonas', 'manager']]) {
        await form.getByLabel('Name').fill(name);
        await form.getByLabel('Role').selectOption(role);
        if (supplier) await form.getByLabel('Supplier').selectOption(supplier);
        await form.getByRole('button', { name: 'Add user' }).click();
        await page.getByRole('region', { name: `${name}’s token — shown only now` }).waitFor();
      }
      usersDone = true;
    }
    await main.evaluate((m) => m.scrollTo(0, 0));
    await settle(300);
    await pages('users', 2);
  },
};

try {
  await page.goto(srv.url);
  await page.getByTestId('portfolio').waitFor();
  for (const c of combos) {
    dir = join(reviewDir, c.id);
    mkdirSync(dir, { recursive: true });
    await page.setViewportSize({ width: c.width, height: c.height });
    await page.emulateMedia({ colorScheme: c.theme });
    theme = c.theme;
    await page.evaluate(() => {
      localStorage.clear();
      window.location.hash = '#/portfolio';
    });
    await page.reload();
    await page.getByTestId('portfolio').waitFor();
    for (const [id, run] of Object.entries(SCREENS)) {
      if (only.length && !only.includes(id)) continue;
      const t0 = Date.now();
      try {
        await run();
      } catch (e) {
        console.error(`docs-shots: ${c.id} ${id} failed: ${e.message.split('\n')[0]}`);
        await shot(`FAILED-${id}`).catch(() => {});
        await page.keyboard.press('Escape').catch(() => {});
      }
      console.error(`docs-shots: ${c.id} ${id} (${Date.now() - t0} ms)`);
    }
  }
} finally {
  await ctx.close();
  await srv.stop();
  tmp.remove();
}

if (!only.length && combos.length === 4) {
  mkdirSync(docsDir, { recursive: true });
  for (const [name, from] of Object.entries(DOCS)) copyFileSync(join(reviewDir, from), join(docsDir, name));
  console.error(`docs-shots: ${Object.keys(DOCS).length} screenshots in ${docsDir}`);
}
console.error(`docs-shots: ${written.length} screenshots in ${reviewDir}`);
