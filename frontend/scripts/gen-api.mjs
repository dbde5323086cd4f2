// Generates the UI's wire types from docs/openapi.json (itself generated from
// the Go DTOs by `go generate ./app/serve`):
//
//   src/api/generated/openapi.ts  the OpenAPI document as TypeScript (openapi-typescript)
//   src/api/generated/wire.ts     one alias per schema, with lists never null
//                                 (Wire<>), and where the wire may send null for
//                                 a list or map, for the client to put [] / {} there
//
// `npm run gen:api` writes them; `npm run build` runs it first; the test
// src/api/generated.test.ts fails when the committed files are stale.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const here = dirname(fileURLToPath(import.meta.url));
export const specPath = resolve(here, '../../docs/openapi.json');
export const outDir = resolve(here, '../src/api/generated');

const header = (what) =>
  `// Generated from docs/openapi.json by frontend/scripts/gen-api.mjs (npm run gen:api): ${what}.\n` +
  '// Do not edit: change the Go DTOs, run `go generate ./app/serve` and `npm run gen:api`.\n';

/** generate returns the files' contents for the OpenAPI document text. */
export async function generate(specText) {
  const spec = JSON.parse(specText);
  const ast = await openapiTS(spec, { alphabetize: true });
  const openapi = header('the types of every schema and operation') + '/* eslint-disable */\n' + astToString(ast);
  return { 'openapi.ts': openapi, 'wire.ts': wireModule(spec) };
}

// A fix says where null may stand for an empty list or map:
//   "Name"        the schema Name
//   {l: fix|0}    a list (null → []) of elements needing fix (0: none)
//   {m: fix|0}    a map (null → {}) of values needing fix
//   {o: {p: fix}} an object whose properties p need fix
function fixOf(s) {
  if (!s || typeof s !== 'object') return 0;
  if (s.$ref) return s.$ref.split('/').pop();
  for (const k of ['anyOf', 'allOf', 'oneOf']) {
    if (Array.isArray(s[k])) {
      const fixes = s[k].map(fixOf).filter((f) => f !== 0);
      return fixes.length === 1 ? fixes[0] : 0;
    }
  }
  const types = [].concat(s.type ?? []);
  if (types.includes('array')) return { l: fixOf(s.items) };
  if (types.includes('object') && s.additionalProperties && typeof s.additionalProperties === 'object') {
    return { m: fixOf(s.additionalProperties) };
  }
  if (types.includes('object') && s.properties) {
    const o = {};
    for (const [p, ps] of Object.entries(s.properties)) {
      const f = fixOf(ps);
      if (f !== 0) o[p] = f;
    }
    return Object.keys(o).length ? { o } : 0;
  }
  return 0;
}

// The names wire.ts declares itself; a schema by one of these would clash.
const reserved = new Set(['Wire', 'Filled', 'WireObject', 'Schemas', 'SchemaName', 'Schema', 'Method', 'MethodArgs', 'MethodResult', 'NullFix']);

function wireModule(spec) {
  const schemas = spec.components?.schemas ?? {};
  const names = Object.keys(schemas).sort();
  const fixes = {};
  for (const n of names) {
    const f = fixOf(schemas[n]);
    if (f !== 0) fixes[n] = f;
  }
  // Drop references to schemas that need nothing, to a fixed point.
  const needs = (f) => (typeof f === 'string' ? f in fixes : f !== 0);
  const prune = (f) => {
    if (typeof f === 'string') return f in fixes ? f : 0;
    if (f === 0) return 0;
    if ('l' in f) return { l: prune(f.l) };
    if ('m' in f) return { m: prune(f.m) };
    const o = {};
    for (const [p, pf] of Object.entries(f.o)) {
      const x = prune(pf);
      if (needs(x)) o[p] = x;
    }
    return Object.keys(o).length ? { o } : 0;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of Object.keys(fixes)) {
      const before = JSON.stringify(fixes[n]);
      const after = prune(fixes[n]);
      if (after === 0) delete fixes[n];
      else fixes[n] = after;
      changed ||= before !== JSON.stringify(after);
    }
  }
  const results = {};
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    const op = item.post;
    if (!op || path.startsWith('/api/v1/')) continue;
    const f = prune(fixOf(op.responses?.['200']?.content?.['application/json']?.schema));
    if (f !== 0) results[op.operationId] = f;
  }
  const lines = [header('a type per schema, and where the wire may send null for a list')];
  lines.push("import type { components, operations } from './openapi';\n");
  lines.push('/** T as the client hands it on: every list and map present ([] and {} for null or absent). */');
  lines.push('export type Wire<T> = [T] extends [(infer E)[] | null | undefined]');
  lines.push('  ? Wire<E>[]');
  lines.push('  : [T] extends [Record<string, unknown> | null | undefined]');
  lines.push('    ? string extends keyof NonNullable<T>');
  lines.push('      ? { [k: string]: Wire<NonNullable<T>[string]> }');
  lines.push('      : WireObject<T>');
  lines.push('    : WireObject<T>;');
  lines.push('/** The keys of T that hold a list or a map: always present on the client. */');
  lines.push('type Filled<T> = {');
  lines.push('  [K in keyof T]-?: [NonNullable<T[K]>] extends [unknown[]] ? K : string extends keyof NonNullable<T[K]> ? K : never;');
  lines.push('}[keyof T];');
  lines.push('type WireObject<T> = T extends object');
  lines.push('  ? { [K in keyof T as K extends Filled<T> ? never : K]: Wire<T[K]> } & { [K in keyof T as K extends Filled<T> ? K : never]-?: Wire<T[K]> }');
  lines.push('  : T;\n');
  lines.push('type Schemas = components["schemas"];');
  lines.push('/** The name of a schema ("Report"). */');
  lines.push('export type SchemaName = keyof Schemas;');
  lines.push('/** A schema by name, lists never null. */');
  lines.push('export type Schema<K extends SchemaName> = Wire<Schemas[K]>;\n');
  // What Go sends (results) is Wire: lists always present. What only goes to
  // Go (arguments) keeps the schema's optional and nullable lists.
  const sent = new Set();
  const reach = (s) => {
    if (!s || typeof s !== 'object') return;
    if (s.$ref) {
      const n = s.$ref.split('/').pop();
      if (!sent.has(n)) {
        sent.add(n);
        reach(schemas[n]);
      }
      return;
    }
    for (const v of Object.values(s)) if (v && typeof v === 'object') reach(v);
  };
  for (const item of Object.values(spec.paths ?? {})) {
    for (const op of Object.values(item)) {
      for (const [code, r] of Object.entries(op.responses ?? {})) if (code.startsWith('2')) reach(r);
    }
  }
  for (const n of names) {
    if (!/^[A-Za-z_$][\w$]*$/.test(n)) throw new Error(`schema ${n} is not a TypeScript name`);
    if (reserved.has(n)) throw new Error(`schema ${n} has the name of one of wire.ts's own types: rename the Go type`);
    const d = schemas[n].description;
    if (d) lines.push(`/** ${d.replaceAll('*/', '* /')} */`);
    lines.push(sent.has(n) ? `export type ${n} = Wire<Schemas["${n}"]>;` : `export type ${n} = Schemas["${n}"];`);
  }
  lines.push('\n/** The UI transport\'s methods ("Compliance.Report"). */');
  lines.push('export type Method = keyof operations & `${string}.${string}`;');
  lines.push('/** A method\'s arguments, in order. */');
  lines.push('export type MethodArgs<M extends Method> = operations[M] extends { requestBody: { content: { "application/json": infer A } } }');
  lines.push('  ? (A extends unknown[] ? A : [])');
  lines.push('  : [];');
  lines.push('/** A method\'s result, lists never null. */');
  lines.push('export type MethodResult<M extends Method> = Wire<operations[M]["responses"][200]["content"]["application/json"]>;\n');
  lines.push('/** Where null may stand for an empty list or map (see fixOf in the generator). */');
  lines.push('export type NullFix = string | 0 | { l: NullFix } | { m: NullFix } | { o: Record<string, NullFix> };\n');
  lines.push('/** Where each schema may hold null for a list or map. */');
  lines.push(`export const fixes: Record<string, NullFix> = ${table(fixes)};\n`);
  lines.push('/** Where each method\'s result may hold null for a list or map. */');
  lines.push(`export const results: Record<string, NullFix> = ${table(results)};`);
  return lines.join('\n') + '\n';
}

// table writes an object one entry a line.
function table(o) {
  const keys = Object.keys(o).sort();
  return '{\n' + keys.map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(o[k])},`).join('\n') + '\n}';
}

async function main() {
  const files = await generate(await readFile(specPath, 'utf8'));
  await mkdir(outDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(resolve(outDir, name), text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error('gen-api:', e.message ?? e);
    process.exit(1);
  });
}
