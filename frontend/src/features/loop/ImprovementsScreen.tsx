// Improvement initiatives: a change made on a date to improve an SLT, tested
// on the SLT's own daily data before and after it — the chart, the test and
// its effect with the interval, the verdict, and how many more days are
// needed when there are not enough yet.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useApi } from '../../api';
import type { Improvement, ImprovementValidation } from '../../api/loop';
import { useSession } from '../../state/session';
import { useWorkspace } from '../../state/workspace';
import { href } from '../../state/route';
import { Badge } from '../../components/ui/Badge';
import { Empty, ErrorPanel, Loading } from '../../components/ui/Status';
import { Actions as ButtonRow, Button, Field, Notice } from '../imports/controls';
import * as fmt from '../../format';
import { BeforeAfterChart, dayValue } from './BeforeAfterChart';
import { toError } from './loopFormat';
import './loop.css';

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** effectText: a difference of shares in percentage points, of a statistic in its unit. */
export function effectText(v: number, unit: string): string {
  const sign = v > 0 ? '+' : v < 0 ? '−' : '';
  return sign + (unit === 'share' ? fmt.points(Math.abs(v)) : fmt.quantity(Math.abs(v), unit));
}

/** enoughText says whether there are enough days yet, and how many more are needed. */
export function enoughText(v: ImprovementValidation): string {
  if (v.enough_data) return `Enough data: ${v.n_before} days before and ${v.n_after} after.`;
  if (v.days_needed !== null) return `Not enough data yet: about ${plural(v.days_needed, 'more day')} after the change for ${fmt.percent(v.power, 0)} power at this effect.`;
  return 'Not enough data yet, and no number of further days can be named (see the verdict).';
}

const sizeName = (n?: string) => (n === 'hedges_g' ? "Hedges' g" : n === 'rank_biserial' ? 'rank-biserial r' : (n ?? '').replace('_', ' '));

export function ImprovementsScreen({ id, theme }: { id?: string; theme?: string }) {
  const api = useApi();
  const { can } = useSession();
  const [list, setList] = useState<Improvement[] | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      setList(await api.loop.improvements.list());
    } catch (e) {
      setError(toError(e));
    }
  }, [api]);
  useEffect(() => {
    load();
  }, [load]);
  const selected = id ?? list?.[list.length - 1]?.id;
  return (
    <div className="page" data-testid="improvements">
      <div className="page__head">
        <div>
          <h1>Improvement initiatives</h1>
          <p className="page__lede">Did the change work? Each initiative is tested on its SLT's own days before and after the change.</p>
        </div>
      </div>
      {notice && <Notice tone="success">{notice}</Notice>}
      {can('Improvements/Add') && <AddImprovement onAdded={(imp) => (setNotice(`${imp.id} added.`), load(), (window.location.hash = href('improvements', imp.id)))} />}
      {error ? (
        <ErrorPanel title="The initiatives could not be loaded" error={error} onRetry={load} />
      ) : !list ? (
        <Loading>Loading the initiatives…</Loading>
      ) : list.length === 0 ? (
        <Empty title="No initiatives yet">Record a change you made to improve an SLT, with the date it took effect.</Empty>
      ) : (
        <div className="rca-grid">
          <div>{selected && <Validation key={selected} id={selected} theme={theme} />}</div>
          <aside className="card panel" aria-labelledby="imps-h">
            <h2 className="panel__title" id="imps-h">
              Initiatives
            </h2>
            <ul className="loop-list">
              {list.map((i) => (
                <li key={i.id}>
                  <a href={href('improvements', i.id)} aria-current={i.id === selected ? 'page' : undefined}>
                    {i.id}: {i.description}
                  </a>
                  <span className="cell-sub">
                    {' '}
                    {i.slt}
                    {i.tier ? `/${i.tier}` : ''}, changed {i.change}
                  </span>
                </li>
              ))}
            </ul>
          </aside>
        </div>
      )}
    </div>
  );
}

function Validation({ id, theme }: { id: string; theme?: string }) {
  const api = useApi();
  const [v, setV] = useState<ImprovementValidation | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      setV(await api.loop.improvements.validate(id));
    } catch (e) {
      setError(toError(e));
    }
  }, [api, id]);
  useEffect(() => {
    load();
  }, [load]);
  if (error) return <ErrorPanel title={`${id} could not be validated`} error={error} onRetry={load} />;
  if (!v) return <Loading>Testing {id} on the data…</Loading>;
  const tone = v.direction === 'better' ? 'green' : v.direction === 'worse' ? 'red' : 'neutral';
  return (
    <section className="card panel" aria-labelledby="val-h" data-testid="validation">
      <div className="panel__head">
        <div>
          <h2 className="panel__title" id="val-h">
            {v.improvement}: {v.description}
          </h2>
          <p className="panel__sub">
            <a href={href('slt', v.slt)}>{v.slt}</a>, changed {v.change}; {v.measure}
          </p>
        </div>
        <Badge tone={tone}>{v.significant ? v.direction : 'not significant'}</Badge>
      </div>
      <p className="verdict">{v.verdict}</p>
      {v.days.length > 0 && <BeforeAfterChart v={v} theme={theme} />}
      <dl className="about about--wide" aria-label="Test">
        <dt>Before</dt>
        <dd>
          {plural(v.n_before, 'day')}
          {v.before.from && ` (${v.before.from} to ${v.before.to})`}
          {v.before.mean !== null && `, mean ${dayValue(v.before.mean, v.unit)}`}
        </dd>
        <dt>After</dt>
        <dd>
          {plural(v.n_after, 'day')}
          {v.after.from && ` (${v.after.from} to ${v.after.to})`}
          {v.after.mean !== null && `, mean ${dayValue(v.after.mean, v.unit)}`}
        </dd>
        <dt>Effect</dt>
        <dd>
          {v.effect !== null ? effectText(v.effect, v.unit) : '–'}
          {v.effect_ci && ` (95% interval ${effectText(v.effect_ci[0], v.unit)} to ${effectText(v.effect_ci[1], v.unit)})`}
          {v.effect_size !== null && `; ${sizeName(v.effect_size_name)} ${fmt.number(v.effect_size)}`}
        </dd>
        <dt>Test</dt>
        <dd>{v.p_value !== null ? `${v.test === 'welch' ? "Welch's t-test" : v.test === 'mann-whitney' ? 'Mann–Whitney test' : v.test}, p ${fmt.pValue(v.p_value)}` : 'none'}</dd>
        <dt>Days still needed</dt>
        <dd className={v.enough_data ? undefined : 'text-bad'}>{v.enough_data ? '0 (enough data)' : v.days_needed !== null ? fmt.count(v.days_needed) : 'cannot be named'}</dd>
      </dl>
      <p className="cell-sub">{v.test_why}</p>
      <p>{enoughText(v)}</p>
      {v.caveats.map((c) => (
        <Notice key={c} tone="warning">
          {c}
        </Notice>
      ))}
    </section>
  );
}

function AddImprovement({ onAdded }: { onAdded: (i: Improvement) => void }) {
  const api = useApi();
  const { state } = useWorkspace();
  const slts = useMemo(() => (state.overview?.services ?? []).flatMap((s) => s.slts.map((t) => ({ name: t.name, label: t.display_name || t.name }))), [state.overview]);
  const [form, setForm] = useState({ slt: '', change: '', description: '' });
  const [errors, setErrors] = useState<Partial<Record<'slt' | 'change' | 'description' | 'form', string>>>({});
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const errs: typeof errors = {};
    if (!form.slt) errs.slt = 'Which SLT should it improve?';
    if (!form.change) errs.change = 'When did the change take effect?';
    if (!form.description.trim()) errs.description = 'What was changed?';
    setErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      onAdded(await api.loop.improvements.add({ slt: form.slt, change: form.change, description: form.description.trim() }));
      setForm({ slt: form.slt, change: '', description: '' });
    } catch (err) {
      setErrors({ form: toError(err).message });
    }
  }
  return (
    <details className="card panel">
      <summary className="panel__title">Record an initiative…</summary>
      <form className="loop-form" onSubmit={submit} noValidate>
        <Field label="SLT" error={errors.slt}>
          {(p) => (
            <select {...p} className="select" value={form.slt} onChange={(e) => setForm({ ...form, slt: e.target.value })}>
              <option value="">Choose…</option>
              {slts.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Change took effect" error={errors.change}>
          {(p) => <input {...p} type="date" className="input" value={form.change} onChange={(e) => setForm({ ...form, change: e.target.value })} />}
        </Field>
        <Field label="What was changed" error={errors.description} className="loop-form__wide">
          {(p) => <input {...p} className="input" value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />}
        </Field>
        {errors.form && (
          <div className="loop-form__wide">
            <Notice tone="error">{errors.form}</Notice>
          </div>
        )}
        <div className="loop-form__wide">
          <ButtonRow>
            <Button type="submit" variant="primary">
              Add initiative
            </Button>
          </ButtonRow>
        </div>
      </form>
    </details>
  );
}
