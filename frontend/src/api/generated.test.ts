// The UI's wire types are generated from docs/openapi.json, which is
// generated from the Go DTOs: this fails when the committed files no longer
// say what the document says (run `npm run gen:api`).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { generate, outDir, specPath } from '../../scripts/gen-api.mjs';
import { denull } from './call';

describe('generated wire types', () => {
  it('are current with docs/openapi.json', async () => {
    const files: Record<string, string> = await generate(await readFile(specPath, 'utf8'));
    for (const [name, text] of Object.entries(files)) {
      const committed = await readFile(resolve(outDir, name), 'utf8');
      expect(committed === text, `src/api/generated/${name} is stale: run \`npm run gen:api\` and commit it`).toBe(true);
    }
  });

  it('put [] and {} where Go sent null, deep in what a method returns', () => {
    const got = denull('ImportResult', { header: null, findings: null, finding_counts: null, severities: { error: 1 }, mapping: {} });
    expect(got).toEqual({ header: [], findings: [], finding_counts: {}, severities: { error: 1 }, mapping: {} });
    const page = denull('RowsPage', { rows: [{ findings: null }, { findings: [{ kind: 'x' }] }], periods: undefined }) as {
      rows: { findings: unknown[] }[];
      periods: unknown[];
    };
    expect(page.rows.map((r) => r.findings.length)).toEqual([0, 1]);
    expect(page.periods).toEqual([]);
    expect(denull('Dashboard', null)).toBeNull();
  });
});
