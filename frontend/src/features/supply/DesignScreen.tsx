// Service design: whether a team can hold a response-time target (Erlang C),
// what a change window costs in error budget (for the change advisory board),
// and a new SLT drafted from a template, reviewed as YAML, then applied.
import { useMemo, useState } from 'react';
import { useApi } from '../../api';
import { parseProblems } from '../../api/workspace';
import type { Assessment, CapacityAnswer, ChangeImpact, NewSLT } from '../../api/supply';
import { Badge } from '../../components/ui/Badge';
import { ErrorPanel } from '../../components/ui/Status';
import * as fmt from '../../format';
import { useSession } from '../../state/session';
import { useLoad } from '../../state/useLoad';
import { useWorkspace } from '../../state/workspace';
import { href } from '../../state/route';
import { Button, Field, Notice, UtcTimeInput } from '../imports/controls';
import { UTC_INPUT_EXAMPLE, utcInput } from '../imports/format';
import { seconds, toError } from './supplyFormat';
import './supply.css';

export function DesignScreen() {
  const { can } = useSession();
  const api = useApi();
  const { state } = useWorkspace();
  const slts = useMemo(() => (state.overview?.services ?? []).flatMap((s) => s.slts), [state.overview]);
  const services = state.overview?.services ?? [];
  const feeds = useLoad(async () => (await api.definitions.definitions('Feed')).map((d) => ({ name: d.metadata.name, shape: String(d.spec.shape ?? '') })), [api], {
    enabled: can('Workspace/Definitions'),
  });
  const feedNames = feeds.data?.map((f) => f.name) ?? [...new Set(slts.map((s) => s.feed).filter(Boolean))].sort();
  return (
    <div className="page page--design" data-testid="design">
      <div className="page__head">
        <div>
          <h1>Service design</h1>
          <p className="page__lede">
            Check a design before it goes live: whether a team can answer in time, what a change window costs the error budget, and a new SLT drafted from a
            template.
          </p>
        </div>
      </div>
      {can('Design/Capacity') && <Capacity feeds={feedNames} />}
      {can('Design/Change') && <Change slts={slts.map((s) => s.name)} services={services.map((s) => s.name)} />}
      {can('Design/NewSLT') && <NewSLTPanel services={services.map((s) => s.name)} feeds={feedNames} />}
    </div>
  );
}

function Capacity({ feeds }: { feeds: string[] }) {
  const api = useApi();
  const [arrivals, setArrivals] = useState('100/h');
  const [handle, setHandle] = useState('3m');
  const [servers, setServers] = useState('6');
  const [target, setTarget] = useState('80% in 20s');
  const [feed, setFeed] = useState('');
  const [answer, setAnswer] = useState<CapacityAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function check(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const k = servers.trim() === '' ? 0 : Number(servers);
    if (!Number.isInteger(k) || k < 0) {
      setError('Servers is a whole number of people (or leave it empty to ask for the smallest team).');
      return;
    }
    setBusy(true);
    try {
      setAnswer(await api.design.capacity({ arrivals: arrivals.trim(), handle_time: handle.trim(), servers: k, target: target.trim(), from_feed: feed }));
    } catch (err) {
      setAnswer(null);
      setError(toError(err).message);
    } finally {
      setBusy(false);
    }
  }

  const r = answer?.result;
  return (
    <section className="card panel" aria-labelledby="cap-h">
      <div className="panel__head">
        <h2 className="panel__title" id="cap-h">
          Capacity check (Erlang C)
        </h2>
      </div>
      <p className="panel__sub">
        Arrivals at random, one queue, every server alike. With a feed, empty fields are read from its stored data: the busiest hour of the week and the mean
        handle time.
      </p>
      <form className="design-form" onSubmit={check} noValidate aria-labelledby="cap-h">
        <Field label="Arrivals" hint="per hour or minute: 100/h, 2/min">
          {(p) => <input {...p} className="input" value={arrivals} onChange={(e) => setArrivals(e.target.value)} />}
        </Field>
        <Field label="Handle time" hint="3m, 180s">
          {(p) => <input {...p} className="input" value={handle} onChange={(e) => setHandle(e.target.value)} />}
        </Field>
        <Field label="Servers" hint="people answering; empty: the smallest team">
          {(p) => <input {...p} className="input" inputMode="numeric" value={servers} onChange={(e) => setServers(e.target.value)} />}
        </Field>
        <Field label="Target" hint="share answered within a wait: 80% in 20s">
          {(p) => <input {...p} className="input" value={target} onChange={(e) => setTarget(e.target.value)} />}
        </Field>
        <Field label="From feed" hint="optional: demand from stored data">
          {(p) => (
            <select {...p} className="select" value={feed} onChange={(e) => setFeed(e.target.value)}>
              <option value="">none (use the figures given)</option>
              {feeds.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="design-form__go">
          <Button variant="primary" type="submit" disabled={busy}>
            {busy ? 'Calculating…' : 'Calculate'}
          </Button>
        </div>
      </form>
      {error && (
        <Notice tone="error" title="No answer">
          {error}
        </Notice>
      )}
      {r && answer && (
        <div className="design-result" aria-label="Capacity answer">
          {answer.demand && (
            <p className="muted">
              From {answer.demand.feed}: {fmt.number(answer.demand.peak_arrivals_per_hour)} arrivals an hour at the busiest hour of the week ({answer.demand.peak_slot}); mean handle time {seconds(answer.demand.handle_time_seconds)}; {fmt.count(answer.demand.arrivals)} arrivals read.
              {answer.demand.note ? ` ${answer.demand.note}` : ''}
            </p>
          )}
          <p>
            Traffic <strong>{fmt.number(r.traffic_erlangs)} erlangs</strong>: {fmt.number(r.arrivals_per_hour)} arrivals an hour ({answer.arrivals_source}) ×{' '}
            {seconds(r.handle_time_seconds)} handle time ({answer.handle_time_source}); target {r.target.text}.
          </p>
          {r.servers > 0 && (
            <dl className="kv">
              <div>
                <dt>Wait at all</dt>
                <dd>{fmt.share(round(r.wait_probability))}</dd>
              </div>
              <div className={r.meets ? 'is-good' : 'is-bad'}>
                <dt>Answered in {seconds(r.target.within_seconds).replace(' ', '\u00a0')}</dt>
                <dd>{fmt.share(round(r.service_level))}</dd>
              </div>
              <div>
                <dt>Average speed of answer</dt>
                <dd>{seconds(r.asa_seconds)}</dd>
              </div>
              <div>
                <dt>Occupancy</dt>
                <dd>{fmt.share(round(r.occupancy))}</dd>
              </div>
              <div className="is-good">
                <dt>Smallest team that meets it</dt>
                <dd>{r.required_servers} servers</dd>
              </div>
            </dl>
          )}
          <p className={r.meets || r.servers === 0 ? '' : 'text-bad'} role="status">
            {sentence(r.verdict)}
          </p>
          <div className="table-wrap">
            <table className="table table--auto">
              <caption className="visually-hidden">Team sizes around the answer</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">Servers</th>
                  <th scope="col" className="num">Occupancy</th>
                  <th scope="col" className="num">Wait at all</th>
                  <th scope="col" className="num">Answered in {seconds(r.target.within_seconds).replace(' ', '\u00a0')}</th>
                  <th scope="col" className="num">Average speed of answer</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {r.table.map((s) => (
                  <tr key={s.servers} className={s.servers === r.required_servers ? 'is-chosen' : undefined}>
                    <td className="num">{s.servers}</td>
                    <td className="num">{fmt.share(round(s.occupancy))}</td>
                    <td className="num">{fmt.share(round(s.wait_probability))}</td>
                    <td className="num">{fmt.share(round(s.service_level))}</td>
                    <td className="num">{seconds(s.asa_seconds)}</td>
                    <td>
                      {s.servers === r.servers && <Badge tone={r.meets ? 'green' : 'red'}>checked</Badge>}{' '}
                      {s.servers === r.required_servers && <Badge tone="green">smallest that meets the target</Badge>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}

/** round keeps a share to 0.1 percentage point: a planning figure, not a measurement. */
const round = (v: number) => Math.round(v * 1000) / 1000;
const sentence = (m: string) => (m ? `${m[0].toUpperCase()}${m.slice(1)}${/[.!]$/.test(m) ? '' : '.'}` : '');

function Change({ slts, services }: { slts: string[]; services: string[] }) {
  const api = useApi();
  const [what, setWhat] = useState<'slt' | 'service'>('slt');
  const [name, setName] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rate, setRate] = useState('');
  const [answer, setAnswer] = useState<ChangeImpact | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = name || (what === 'slt' ? slts[0] : services[0]) || '';

  async function assess(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    let r: number | null = null;
    if (rate.trim() !== '') {
      r = Number(rate.trim().replace('%', '')) / 100;
      if (!Number.isFinite(r) || r < 0 || r > 1) {
        setError('The expected error rate is a percentage from 0 to 100 (empty: the service is down for the whole window).');
        return;
      }
    }
    if (!from || !to) {
      setError('Give the start and the end of the change window.');
      return;
    }
    const start = utcInput(from);
    const end = utcInput(to);
    if (start === null || end === null) {
      setError(`Write the window's ${start === null ? 'start' : 'end'} as ${UTC_INPUT_EXAMPLE} (UTC, 24-hour clock).`);
      return;
    }
    setBusy(true);
    try {
      setAnswer(await api.design.change({ [what]: chosen, from: start, to: end, expected_error_rate: r }));
    } catch (err) {
      setAnswer(null);
      setError(toError(err).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card panel" aria-labelledby="chg-h">
      <div className="panel__head">
        <h2 className="panel__title" id="chg-h">
          Change impact
        </h2>
      </div>
      <p className="panel__sub">What a change window costs in error budget: counted as an outage, or registered beforehand as planned maintenance.</p>
      <form className="design-form" onSubmit={assess} noValidate aria-labelledby="chg-h">
        <Field label="Assess">
          {(p) => (
            <select
              {...p}
              className="select"
              value={what}
              onChange={(e) => {
                setWhat(e.target.value as 'slt' | 'service');
                setName('');
              }}
            >
              <option value="slt">one SLT</option>
              <option value="service">every SLT of a service</option>
            </select>
          )}
        </Field>
        <Field label={what === 'slt' ? 'SLT' : 'Service'}>
          {(p) => (
            <select {...p} className="select" value={chosen} onChange={(e) => setName(e.target.value)}>
              {(what === 'slt' ? slts : services).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Window from (UTC)">{(p) => <UtcTimeInput {...p} value={from} onChange={setFrom} />}</Field>
        <Field label="Window to (UTC)">{(p) => <UtcTimeInput {...p} value={to} onChange={setTo} />}</Field>
        <Field label="Expected error rate" hint="% of units failing; empty: down throughout">
          {(p) => <input {...p} className="input" inputMode="decimal" placeholder="100%" value={rate} onChange={(e) => setRate(e.target.value)} />}
        </Field>
        <div className="design-form__go">
          <Button variant="primary" type="submit" disabled={busy || !chosen}>
            {busy ? 'Assessing…' : 'Assess the change'}
          </Button>
        </div>
      </form>
      {error && (
        <Notice tone="error" title="Not assessed">
          {error}
        </Notice>
      )}
      {answer && answer.assessments.length === 0 && <p className="muted">The service has no SLT.</p>}
      {answer?.assessments.map((a) => (
        <ChangeResult key={a.slt} a={a} />
      ))}
    </section>
  );
}

function ChangeResult({ a }: { a: Assessment }) {
  if (a.skipped) {
    return (
      <p className="muted">
        {a.slt}: {a.skipped}
      </p>
    );
  }
  const verdict = a.meets_unplanned ? { tone: 'green' as const, text: 'meets its target even as an outage' } : a.meets_planned ? { tone: 'amber' as const, text: 'meets it only as planned maintenance' } : { tone: 'red' as const, text: 'would miss its target' };
  return (
    <article className="design-result" aria-label={`Change impact on ${a.slt}`}>
      <h3 className="chain__sub">
        <a href={href('slt', a.slt)}>{a.slt}</a> <Badge tone={verdict.tone}>{verdict.text}</Badge>
        <span className="muted">
          {' '}
          · {fmtWhen(a.from)} – {fmtWhen(a.to)} UTC, {fmt.share(a.error_rate)} of units failing{a.owner ? ` · owner ${a.owner}` : ''}
        </span>
      </h3>
      <div className="table-wrap">
        <table className="table table--auto">
          <caption className="visually-hidden">Error budget of {a.slt} with the change</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Tier
              </th>
              <th scope="col" rowSpan={2}>
                Period
              </th>
              <th scope="col" rowSpan={2} className="num">
                Target
              </th>
              <th scope="col" rowSpan={2} className="num">
                Window hours in scope
              </th>
              <th scope="col" rowSpan={2} className="num">
                Projected without the change
              </th>
              <th scope="colgroup" colSpan={3} className="group">
                Counted as an outage
              </th>
              <th scope="col" rowSpan={2} className="num group">
                As planned maintenance: budget left
              </th>
            </tr>
            <tr>
              <th scope="col" className="num">
                Budget used
              </th>
              <th scope="col" className="num">
                Budget left
              </th>
              <th scope="col" className="num">
                Projected
              </th>
            </tr>
          </thead>
          <tbody>
            {a.impacts.map((i) => (
              <tr key={`${i.tier}-${i.period}`}>
                <td className="nowrap">{i.tier || 'overall'}</td>
                <td className="nowrap">{i.period}</td>
                <td className="num">{fmt.objective(i.op, i.target, true)}</td>
                <td className="num">{fmt.number(i.window_hours)} h</td>
                <td className="num">{fmt.against(i.without_change.attainment, i.target, true)}</td>
                <td className="num">{fmt.share(i.unplanned.consumes)}</td>
                <td className={`num${i.unplanned.budget_left < 0 ? ' text-bad' : ''}`}>{fmt.share(i.unplanned.budget_left)}</td>
                <td className={`num${i.unplanned.meets ? '' : ' text-bad'}`}>
                  {fmt.against(i.unplanned.attainment, i.target, true)}
                  {i.unplanned.meets ? '' : ' missed'}
                </td>
                <td className="num">{fmt.share(i.planned.budget_left)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={a.meets_unplanned ? 'muted' : a.meets_planned ? '' : 'text-bad'}>{sentence(a.verdict)}</p>
      {a.impacts
        .filter((i) => i.basis)
        .map((i) => (
          <p key={`b-${i.tier}-${i.period}`} className="cell-sub">
            {i.tier || 'overall'}: {i.basis}: {fmt.number(i.units_per_hour)} units an hour, {fmt.percent(i.bad_ratio)} bad.
          </p>
        ))}
    </article>
  );
}

const fmtWhen = (t: string) => t.replace('T', ' ').replace(/:00Z$|Z$/, '').slice(0, 16);

function NewSLTPanel({ services, feeds }: { services: string[]; feeds: string[] }) {
  const api = useApi();
  const { can } = useSession();
  const templates = useLoad(async () => (await api.definitions.definitions('SLTTemplate')).map((d) => ({ name: d.metadata.name, title: d.metadata.displayName || d.metadata.name })), [api], {
    enabled: can('Workspace/Definitions'),
  });
  const [name, setName] = useState('');
  const [template, setTemplate] = useState('');
  const [service, setService] = useState('');
  const [feed, setFeed] = useState('');
  const [draft, setDraft] = useState<NewSLT | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const tpl = template || templates.data?.[0]?.name || '';
  const svc = service || services[0] || '';
  const fd = feed || feeds[0] || '';

  async function make(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setApplied(null);
    if (!name.trim()) {
      setError('Name the new SLT.');
      return;
    }
    try {
      const d = await api.design.newSLT({ name: name.trim(), template: tpl, service: svc, feed: fd });
      setDraft(d);
      setText(d.yaml);
    } catch (err) {
      setDraft(null);
      setError(toError(err).message);
    }
  }

  async function apply() {
    if (!draft) return;
    setError(null);
    try {
      const r = await api.definitions.apply(`${draft.name}.yaml`, text);
      const what = r.created.length ? 'created' : r.updated.length ? 'updated' : 'unchanged';
      setApplied(`SLT ${draft.name} ${what}: it is in the definitions and the audit trail.`);
    } catch (err) {
      const m = toError(err).message;
      const probs = parseProblems(m);
      setError(probs.length ? probs.map((p) => `line ${p.line}${p.field ? ` ${p.field}` : ''}: ${p.message}`).join('\n') : m);
    }
  }

  return (
    <section className="card panel" aria-labelledby="new-h">
      <div className="panel__head">
        <h2 className="panel__title" id="new-h">
          New SLT from a template
        </h2>
      </div>
      <p className="panel__sub">The template brings the indicator, period, objective, calendar and escalation; the name must follow the workspace's naming rule.</p>
      {templates.error && <ErrorPanel title="The templates could not be read" error={templates.error} onRetry={templates.reload} />}
      {templates.data && templates.data.length === 0 ? (
        <p className="muted">No SLT template is defined: add an SLTTemplate in Definitions.</p>
      ) : (
        <form className="design-form" onSubmit={make} noValidate aria-labelledby="new-h">
          <Field label="Name">{(p) => <input {...p} className="input" value={name} spellCheck={false} onChange={(e) => setName(e.target.value)} />}</Field>
          <Field label="Template">
            {(p) => (
              <select {...p} className="select" value={tpl} onChange={(e) => setTemplate(e.target.value)}>
                {(templates.data ?? []).map((t) => (
                  <option key={t.name} value={t.name}>
                    {t.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Service">
            {(p) => (
              <select {...p} className="select" value={svc} onChange={(e) => setService(e.target.value)}>
                {services.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Feed">
            {(p) => (
              <select {...p} className="select" value={fd} onChange={(e) => setFeed(e.target.value)}>
                {feeds.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="design-form__go">
            <Button variant="primary" type="submit">
              Draft the SLT
            </Button>
          </div>
        </form>
      )}
      {error && (
        <Notice tone="error" title={draft ? 'Not applied' : 'No draft'}>
          <span className="pre">{error}</span>
        </Notice>
      )}
      {applied && <Notice tone="success">{applied}</Notice>}
      {draft && (
        <div className="design-result">
          <Field label={`Review the draft of ${draft.name} (nothing is stored until you apply it)`}>
            {(p) => <textarea {...p} className="textarea mono yaml-draft" rows={Math.min(30, text.split('\n').length + 1)} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          {can('Workspace/Apply') ? (
            <Button variant="primary" onClick={apply}>
              Apply the SLT
            </Button>
          ) : (
            <p className="muted">Your role may draft but not apply definitions: hand the YAML to a manager.</p>
          )}
        </div>
      )}
    </section>
  );
}
