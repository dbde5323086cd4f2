// Service review meetings: the agenda of a service's or a supplier's
// meeting on a date (what happened since the last one and what the meeting
// must decide), exported as PDF or XLSX through the pack's writers, and the
// minutes: attendees, decisions and the actions agreed, recorded at once.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useApi } from '../../api';
import type { Agenda, Meeting, NewAction } from '../../api/loop';
import { saveDownload } from '../../api/files';
import { useSession } from '../../state/session';
import { useWorkspace } from '../../state/workspace';
import { href } from '../../state/route';
import { Badge } from '../../components/ui/Badge';
import { ErrorPanel, Loading } from '../../components/ui/Status';
import { Actions as ButtonRow, Button, Field, Notice } from '../imports/controls';
import { fmtTime } from '../imports/format';
import * as fmt from '../../format';
import { dueText, periodRange, rcaDue, toError } from './loopFormat';
import './loop.css';

/** scope is "service:NAME" or "supplier:NAME". */
export function MeetingsScreen({ scope: initialScope = '', date: initialDate = '' }: { scope?: string; date?: string }) {
  const api = useApi();
  const { can } = useSession();
  const { state } = useWorkspace();
  const [scope, setScope] = useState(initialScope);
  const [date, setDate] = useState(initialDate);
  const [agenda, setAgenda] = useState<Agenda | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [meetings, setMeetings] = useState<Meeting[]>([]);

  const services = state.overview?.services ?? [];
  const suppliers = useMemo(() => [...new Set(services.flatMap((s) => s.slts.map((t) => t.supplier)).filter(Boolean))].sort(), [services]);
  useEffect(() => {
    if (!scope && services.length) setScope(`service:${services[0].name}`);
  }, [scope, services]);
  const query = useMemo(() => {
    const [kind, name] = scope.split(':');
    return kind === 'supplier' ? { supplier: name, date } : { service: name, date };
  }, [scope, date]);

  const load = useCallback(async () => {
    if (!scope) return;
    setError(null);
    setLoading(true);
    try {
      const [a, ms] = await Promise.all([api.loop.meetings.agenda(query), api.loop.meetings.list({ service: query.service, supplier: query.supplier })]);
      setAgenda(a);
      setMeetings(ms);
    } catch (e) {
      setError(toError(e));
      setAgenda(null);
    } finally {
      setLoading(false);
    }
  }, [api, query, scope]);
  useEffect(() => {
    load();
  }, [load]);

  async function download(format: 'pdf' | 'xlsx') {
    setNotice(null);
    try {
      const f = await api.loop.meetings.agendaFile(query, format);
      if (api.dialogs.available) {
        const where = await api.dialogs.saveFile('Save the agenda', f.name, f.data ?? '');
        if (where) setNotice(`Agenda saved to ${where}.`);
      } else {
        saveDownload(f);
        setNotice(`${f.name} downloaded.`);
      }
    } catch (e) {
      setError(toError(e));
    }
  }

  return (
    <div className="page" data-testid="meetings">
      <div className="page__head">
        <div>
          <h1>Service review meetings</h1>
          <p className="page__lede">The standard agenda since the last meeting, generated from the data; the minutes with the actions agreed.</p>
        </div>
      </div>
      <section className="card panel" aria-label="Meeting">
        <div className="scope-pick">
          <Field label="Meeting of">
            {(p) => (
              <select {...p} className="select" value={scope} onChange={(e) => setScope(e.target.value)}>
                <optgroup label="Services">
                  {services.map((s) => (
                    <option key={s.name} value={`service:${s.name}`}>
                      {s.display_name || s.name}
                    </option>
                  ))}
                </optgroup>
                {suppliers.length > 0 && (
                  <optgroup label="Suppliers">
                    {suppliers.map((s) => (
                      <option key={s} value={`supplier:${s}`}>
                        {s}
                      </option>
                    ))}
                  </optgroup>
                )}
              </select>
            )}
          </Field>
          <Field label="Date" hint="Empty: today.">
            {(p) => <input {...p} type="date" className="input" value={date} onChange={(e) => setDate(e.target.value)} />}
          </Field>
          <ButtonRow>
            <Button onClick={() => download('pdf')} disabled={!agenda}>
              Agenda as PDF
            </Button>
            <Button onClick={() => download('xlsx')} disabled={!agenda}>
              Agenda as XLSX
            </Button>
          </ButtonRow>
        </div>
      </section>
      {notice && <Notice tone="success">{notice}</Notice>}
      {error ? (
        <ErrorPanel title="The agenda could not be generated" error={error} onRetry={load} />
      ) : !agenda || loading ? (
        <Loading>Generating the agenda…</Loading>
      ) : (
        <>
          <AgendaView a={agenda} />
          {can('Meetings/Record') && <MinutesForm agenda={agenda} onRecorded={(m) => (setNotice(m), load())} />}
          <section className="card panel" aria-labelledby="past-h">
            <h2 className="panel__title" id="past-h">
              Recorded meetings
            </h2>
            {meetings.length === 0 ? (
              <p className="muted">None recorded for {agenda.display_name} yet.</p>
            ) : (
              <ul className="loop-list">
                {meetings.map((m) => (
                  <li key={m.id}>
                    <strong>
                      {m.id} on {m.date}
                    </strong>{' '}
                    · {m.attendees.join(', ')} · {m.decisions.length} decisions
                    {m.actions.length > 0 && <> · actions {m.actions.join(', ')}</>} <span className="cell-sub">recorded by {m.recorded_by}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function AgendaView({ a }: { a: Agenda }) {
  return (
    <article className="card panel" aria-labelledby="agenda-h" data-testid="agenda">
      <h2 className="panel__title" id="agenda-h">
        Agenda — {a.display_name}, {a.date}
      </h2>
      <p className="panel__sub">
        Since {a.since} ({a.last_meeting ? `last meeting ${a.last_meeting.id} on ${a.last_meeting.date}` : 'no earlier meeting recorded'}); figures as of {fmtTime(a.at)}, dates in{' '}
        {a.zone}.
      </p>
      <ol className="agenda-items" aria-label="Agenda items">
        {a.items.map((it) => (
          <li key={it.number}>
            <strong>{it.title}</strong>
            <span className="cell-sub">{it.summary}</span>
          </li>
        ))}
      </ol>

      <h3 className="subhead">Service performance</h3>
      <table className="table" aria-label="Service performance">
        <thead>
          <tr>
            <th>SLT</th>
            <th>Objective</th>
            <th>Status</th>
            <th>Periods since</th>
            <th>Trend</th>
            <th>Counter-metric</th>
          </tr>
        </thead>
        <tbody>
          {a.slts.map((s) => (
            <tr key={s.slt}>
              <td>
                <a href={href('slt', s.slt)}>{s.display_name}</a>
              </td>
              <td>{s.objective}</td>
              <td>{s.status ? <Badge tone={s.status.state === 'missed' ? 'red' : s.status.state === 'at_risk' ? 'amber' : s.status.state === 'on_target' ? 'green' : 'neutral'}>{s.status.state.replace('_', ' ')}</Badge> : '–'}</td>
              <td>
                {s.periods.map((p) => (
                  <span key={p.period} className={p.met === false && p.complete ? 'text-bad' : undefined}>
                    {p.period} {p.value}
                    {p.complete ? '' : ' so far'}
                    {'; '}
                  </span>
                ))}
              </td>
              <td>{s.trend}</td>
              <td>{s.counter_metric ? `${s.counter_metric.display_name}: ${s.counter_metric.value}${s.counter_metric.period ? ` in ${s.counter_metric.period}` : ''}` : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3 className="subhead">Breaches since, by priority</h3>
      {a.breaches.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="loop-list" aria-label="Breaches">
          {a.breaches.map((b) => (
            <li key={b.id}>
              <strong>{b.id}</strong> {b.value} against {b.objective} · priority {fmt.number(b.priority)} {b.vital_few && <Badge tone="red">vital few</Badge>}{' '}
              {b.rca && <a href={href('rca', b.rca)}>{b.rca}</a>}
            </li>
          ))}
        </ul>
      )}

      <h3 className="subhead">Root-cause analyses</h3>
      {a.rcas.length === 0 ? (
        <p className="muted">None open, none closed since.</p>
      ) : (
        <ul className="loop-list" aria-label="Root-cause analyses">
          {a.rcas.map((r) => (
            <li key={r.id}>
              <a href={href('rca', r.id)}>{r.id}</a> {r.status} · {r.slt} missed {periodRange(r.periods)} · {r.owner} · due{' '}
              <span className={r.overdue ? 'text-bad' : undefined}>{rcaDue(r)}</span>
            </li>
          ))}
        </ul>
      )}

      <h3 className="subhead">Actions, overdue first</h3>
      {a.actions.length === 0 ? (
        <p className="muted">No live action.</p>
      ) : (
        <ul className="loop-list" aria-label="Actions">
          {a.actions.map((x) => (
            <li key={x.id}>
              <strong>{x.id}</strong> {x.title} · {x.owner} · <span className={x.overdue ? 'text-bad' : undefined}>{dueText(x)}</span> · {x.status.replace('_', ' ')}
            </li>
          ))}
        </ul>
      )}

      <h3 className="subhead">Reviews due</h3>
      {a.reviews_due.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="loop-list" aria-label="Reviews due">
          {a.reviews_due.flatMap((r) =>
            r.reasons.map((why) => (
              <li key={r.slt + why}>
                <strong>{r.display_name}</strong>: {why}
              </li>
            )),
          )}
        </ul>
      )}

      {a.improvements.length > 0 && (
        <>
          <h3 className="subhead">Improvement initiatives</h3>
          <ul className="loop-list">
            {a.improvements.map((v) => (
              <li key={v.improvement}>
                <a href={href('improvements', v.improvement)}>{v.improvement}</a> {v.description}: {v.verdict}
              </li>
            ))}
          </ul>
        </>
      )}

      <h3 className="subhead">Decisions asked for</h3>
      {a.decisions.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="loop-list" aria-label="Decisions asked for">
          {a.decisions.map((d) => (
            <li key={d.ref + d.text}>{d.text}</li>
          ))}
        </ul>
      )}
    </article>
  );
}

function MinutesForm({ agenda, onRecorded }: { agenda: Agenda; onRecorded: (m: string) => void }) {
  const api = useApi();
  const [attendees, setAttendees] = useState('');
  const [decisions, setDecisions] = useState<string[]>(['']);
  const [actions, setActions] = useState<NewAction[]>([]);
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<{ attendees?: string; form?: string }>({});
  async function record(e: React.FormEvent) {
    e.preventDefault();
    const who = attendees.split(',').map((x) => x.trim()).filter(Boolean);
    if (who.length === 0) {
      setErrors({ attendees: 'Who took part? Names, comma-separated.' });
      return;
    }
    setErrors({});
    try {
      const scope = agenda.scope === 'supplier' ? { supplier: agenda.name } : { service: agenda.name };
      const r = await api.loop.meetings.record({
        ...scope,
        date: agenda.date,
        attendees: who,
        decisions: decisions.map((d) => d.trim()).filter(Boolean),
        actions: actions.filter((a) => a.title.trim()).map((a) => ({ ...a, title: a.title.trim(), owner: a.owner?.trim() || undefined, due: a.due || undefined })),
        notes: notes.trim() || undefined,
      });
      setAttendees('');
      setDecisions(['']);
      setActions([]);
      setNotes('');
      onRecorded(`${r.meeting.id} recorded${r.actions.length ? ` with ${r.actions.map((a) => a.id).join(', ')}` : ''}.`);
    } catch (err) {
      setErrors({ form: toError(err).message });
    }
  }
  const setAction = (i: number, a: Partial<NewAction>) => setActions(actions.map((x, j) => (j === i ? { ...x, ...a } : x)));
  return (
    <section className="card panel" aria-labelledby="minutes-h">
      <h2 className="panel__title" id="minutes-h">
        Minutes of {agenda.date}
      </h2>
      <form className="loop-form" onSubmit={record} noValidate>
        <Field label="Attendees" error={errors.attendees} className="loop-form__wide">
          {(p) => <input {...p} className="input" value={attendees} onChange={(e) => setAttendees(e.target.value)} placeholder="Søren Madsen, Maria Keller" />}
        </Field>
        {decisions.map((d, i) => (
          <Field key={i} label={`Decision ${i + 1}`} className="loop-form__wide">
            {(p) => <input {...p} className="input" value={d} onChange={(e) => setDecisions(decisions.map((x, j) => (j === i ? e.target.value : x)))} />}
          </Field>
        ))}
        <div className="loop-form__wide">
          <button type="button" className="linkish" onClick={() => setDecisions([...decisions, ''])}>
            Add a decision
          </button>
        </div>
        {actions.map((a, i) => (
          <div className="loop-form__wide loop-form" key={i}>
            <Field label={`Action ${i + 1}`} className="loop-form__wide">
              {(p) => <input {...p} className="input" value={a.title} onChange={(e) => setAction(i, { title: e.target.value })} />}
            </Field>
            <Field label={`Owner ${i + 1}`}>{(p) => <input {...p} className="input" value={a.owner ?? ''} onChange={(e) => setAction(i, { owner: e.target.value })} />}</Field>
            <Field label={`Due ${i + 1}`}>{(p) => <input {...p} type="date" className="input" value={a.due ?? ''} onChange={(e) => setAction(i, { due: e.target.value })} />}</Field>
          </div>
        ))}
        <div className="loop-form__wide">
          <button type="button" className="linkish" onClick={() => setActions([...actions, { title: '', links: {} }])}>
            Add an action agreed
          </button>
        </div>
        <Field label="Notes" className="loop-form__wide">
          {(p) => <textarea {...p} className="textarea" value={notes} onChange={(e) => setNotes(e.target.value)} />}
        </Field>
        {errors.form && (
          <div className="loop-form__wide">
            <Notice tone="error">{errors.form}</Notice>
          </div>
        )}
        <div className="loop-form__wide">
          <ButtonRow>
            <Button type="submit" variant="primary">
              Record the minutes
            </Button>
          </ButtonRow>
        </div>
      </form>
    </section>
  );
}

