// The typed way to reach Go: invoke(t, 'Compliance.Report', query) checks the
// arguments against the Go method's parameters and hands back its result
// typed, with every list and map present. The types come from
// docs/openapi.json (generated/), which comes from the Go DTOs.
import type { Transport } from './transport';
import { fixes, results, type NullFix, type Method, type MethodArgs, type MethodResult, type Schema, type SchemaName } from './generated/wire';

/** invoke calls the Go method ("Service.Method") with its arguments in order. */
export async function invoke<M extends Method>(t: Transport, method: M, ...args: MethodArgs<M>): Promise<MethodResult<M>> {
  const dot = method.indexOf('.');
  const v = await t.call<unknown>(method.slice(0, dot), method.slice(dot + 1), args);
  return denull(results[method] ?? 0, v) as MethodResult<M>;
}

/** wireAs reads v (a job's result) as the schema name, with every list present. */
export function wireAs<K extends SchemaName>(name: K, v: unknown): Schema<K> {
  return denull(name, v) as Schema<K>;
}

/** denull puts [] and {} where Go sent null for a nil list or map. */
export function denull(fix: NullFix, v: unknown): unknown {
  if (fix === 0) return v;
  if (typeof fix === 'string') return denull(fixes[fix] ?? 0, v);
  if ('l' in fix) {
    if (v == null) return [];
    return Array.isArray(v) && fix.l !== 0 ? v.map((x) => denull(fix.l, x)) : v;
  }
  if ('m' in fix) {
    if (v == null) return {};
    if (fix.m === 0 || typeof v !== 'object') return v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, denull(fix.m, x)]));
  }
  if (v == null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
  for (const [p, f] of Object.entries(fix.o)) out[p] = denull(f, out[p]);
  return out;
}
