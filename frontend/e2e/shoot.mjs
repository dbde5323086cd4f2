// Screenshots of the screens for docs/screenshots (and for looking at them):
//   node e2e/shoot.mjs [outDir] [screen...]
// Sizes 1280×800 and 1024×700, light and dark. Uses lib.mjs to run slate serve on the demo.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSlate, demo, launch, serve, tempDir, repoRoot } from './lib.mjs';

const out = resolve(process.argv[2] ?? join(repoRoot, 'artifacts', 'shots'));
const only = process.argv.slice(3);
mkdirSync(out, { recursive: true });
const tmp = tempDir();
const bin = buildSlate(tmp.path, (m) => console.error(`shoot: ${m}`));
demo(bin, join(tmp.path, 's.db'));
const srv = await serve(bin, join(tmp.path, 's.db'));
const browser = await launch(join(tmp.path, 'profile'));
const page = browser.pages()[0] ?? (await browser.newPage());
const screens = { imports: 'Imports', breaches: 'Breaches', exceptions: 'Exceptions', pack: 'Review pack', portfolio: 'Portfolio' };
try {
  for (const [theme, size] of [['light', [1280, 800]], ['dark', [1280, 800]], ['light', [1024, 700]], ['dark', [1024, 700]]]) {
    await page.setViewportSize({ width: size[0], height: size[1] });
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(srv.url);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    for (const [id, label] of Object.entries(screens)) {
      if (only.length && !only.includes(id)) continue;
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label }).click();
      await page.waitForTimeout(1200);
      await page.screenshot({ path: join(out, `${id}-${theme}-${size[0]}.png`) });
    }
  }
} finally {
  await browser.close();
  await srv.stop();
  tmp.remove();
}
console.error(`shoot: screenshots in ${out}`);
