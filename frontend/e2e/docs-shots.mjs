// The screenshots in docs/screenshots/: each screen in a state that shows what
// it does (the wizard's check step, an approved exception's effect, the breach
// log), 1280×800, light theme (DARK=1 for dark).
//   node e2e/docs-shots.mjs [outDir]
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSlate, demo, launch, repoRoot, serve, tempDir } from './lib.mjs';

const out = resolve(process.argv[2] ?? join(repoRoot, 'docs', 'screenshots'));
const size = (process.env.SIZE ?? '1280x800').split('x').map(Number);
mkdirSync(out, { recursive: true });
const tmp = tempDir();
const bin = buildSlate(tmp.path);
demo(bin, join(tmp.path, 's.db'));
const srv = await serve(bin, join(tmp.path, 's.db'));
const ctx = await launch(join(tmp.path, 'profile'), { viewport: { width: size[0], height: size[1] }, colorScheme: process.env.DARK ? 'dark' : 'light' });
const page = ctx.pages()[0] ?? (await ctx.newPage());
const nav = (label) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true }).click();
const suffix = process.env.SUFFIX ?? '';
try {
  await page.goto(srv.url);
  await page.getByTestId('portfolio').waitFor();

  await nav('Imports');
  const wizard = page.getByRole('region', { name: 'Import a supplier file' });
  await wizard.getByLabel('Feed').selectOption('checkout-counts');
  const rows = ['timestamp,attempts,failed'];
  for (let h = 0; h < 24; h++) rows.push(`2026-11-28 ${String(h).padStart(2, '0')}:00:00,${h === 5 ? 'n/a' : 180 + h * 3},${h === 9 ? 400 : h % 3}`);
  await wizard.getByLabel('Supplier file (CSV or XLSX)').setInputFiles({ name: 'checkouts-2026-11-28.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  await wizard.getByText(/uploaded/).waitFor();
  await wizard.getByRole('button', { name: 'Preview' }).click();
  await wizard.getByRole('button', { name: 'Check the file' }).click();
  await wizard.getByText('Some rows will be rejected').waitFor({ timeout: 20_000 });
  await wizard.getByRole('heading', { name: 'Import a supplier file' }).evaluate((el) => el.closest('section').parentElement.parentElement.scrollTo(0, 0));
  await page.getByText('Some rows will be rejected').scrollIntoViewIfNeeded();
  await page.locator('main').evaluate((m) => m.scrollBy(0, -60));
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, `import${suffix}.png`) });

  await nav('Exceptions');
  const form = page.getByRole('form', { name: 'Request an exception' });
  await form.getByLabel('SLT').selectOption('shop-availability');
  await form.getByLabel('From (UTC)').fill('2026-06-10T13:00');
  await form.getByLabel('To (UTC, exclusive)').fill('2026-06-10T14:30');
  await form.getByLabel('Requested by').fill('Service manager');
  await form.getByLabel('Reason').fill('Regional power failure at the hosting data centre; grid operator incident report attached.');
  await form.getByLabel('Evidence (optional)').setInputFiles({ name: 'grid-incident-2026-06-10.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') });
  await form.getByRole('button', { name: 'Request exception' }).click();
  await page.getByRole('button', { name: /^Decide EX-1$/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Decided by').fill('Head of service');
  await dialog.getByLabel('Note').fill('Evidence checked with the grid operator.');
  await dialog.getByRole('button', { name: 'Approve' }).click();
  const effect = page.getByRole('region', { name: /^Effect of EX-1/ });
  await effect.getByRole('columnheader', { name: 'After' }).waitFor();
  await page.getByText('EX-1 approved by Head of service.').scrollIntoViewIfNeeded();
  await page.locator('main').evaluate((m) => m.scrollBy(0, -40));
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, `exceptions${suffix}.png`) });

  await nav('Breaches');
  await page.getByRole('table', { name: 'Breach log' }).waitFor({ timeout: 20_000 });
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(out, `breaches${suffix}.png`) });

  await nav('Definitions');
  await page.getByRole('group', { name: 'Kind' }).getByRole('button', { name: /^SLTs/ }).click();
  await page.getByRole('button', { name: 'Edit SLT checkout-success' }).click();
  const defForm = page.getByRole('form', { name: 'Edit SLT checkout-success' });
  await defForm.getByLabel('Objective target').fill('99.5');
  await defForm.getByRole('button', { name: 'Save changes' }).click();
  await defForm.getByText(/99\.5 is outside 0\.\.1/).waitFor();
  await page.getByRole('heading', { name: 'What is measured' }).scrollIntoViewIfNeeded();
  await page.locator('main').evaluate((m) => m.scrollBy(0, m.clientHeight / 2 - 120));
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, `definitions${suffix}.png`) });
  await defForm.getByRole('button', { name: 'Cancel' }).click();

  await nav('Review pack');
  const packForm = page.getByRole('form', { name: 'Build a pack' });
  await packForm.getByLabel('Period').fill('2026-10');
  await packForm.getByRole('button', { name: 'Build the pack' }).click();
  await page.getByRole('region', { name: 'Review pack 2026-10 is ready' }).waitFor({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Verify review-pack-2026-10.pdf' }).click();
  await page.getByText('The pack matches the data.').waitFor({ timeout: 30_000 });
  await page.getByRole('heading', { name: 'Review pack 2026-10 is ready' }).scrollIntoViewIfNeeded();
  await page.locator('main').evaluate((m) => m.scrollBy(0, m.clientHeight / 2 - 200));
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(out, `pack${suffix}.png`) });

  await nav('Audit');
  await page.getByRole('table', { name: 'Audit events' }).waitFor();
  await page.getByRole('button', { name: 'Verify the chain' }).click();
  await page.getByText(/The audit trail is intact/).waitFor();
  await page.getByRole('button', { name: /^Details of event \d+$/ }).first().click();
  await page.locator('main').evaluate((m) => m.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, `audit${suffix}.png`) });
} finally {
  await ctx.close();
  await srv.stop();
  tmp.remove();
}
console.error(`docs-shots: ${out}`);
