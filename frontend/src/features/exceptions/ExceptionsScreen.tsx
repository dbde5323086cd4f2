// Exceptions (force majeure): request with evidence, approve or reject (not by
// the requester: whoever is signed in decides, and it is never the person who
// asked), and the effect on the SLT's attainment, before and after.
import { useCallback, useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { useApi } from '../../api';
import type { AttainmentRow, Exception } from '../../api/exceptions';
import { formatBytes, saveDownload } from '../../api/files';
import { useSession } from '../../state/session';
import { Badge, type BadgeTone } from '../../components/ui/Badge';
import { DataTable } from '../../components/ui/DataTable';
import { ErrorPanel, Loading } from '../../components/ui/Status';
import { Actions, Button, Field, Modal, Notice, UtcTimeInput } from '../imports/controls';
import { fmtTime, localInputToRFC3339, UTC_INPUT_EXAMPLE, utcInput } from '../imports/format';
import { effectRows, rowsTouched, sortEffect } from './effect';
import * as fmt from '../../format';
import './exceptions.css';
import { errorOf, useLoad } from '../../state/useLoad';

const statusTone = (s: string): BadgeTone => (s === 'approved' ? 'green' : s === 'rejected' ? 'red' : 'amber');

interface SltOption {
  name: string;
  label: string;
}

/** An evidence file sent ahead of the request: its upload id. */
interface Evidence {
  name: string;
  size: number;
  upload: string;
}

type FormErrors = Partial<Record<'slt' | 'from' | 'to' | 'reason' | 'evidence', string>>;

/** The selected exception's effect: rows before the decision, and after it when made here. */
interface Effect {
  id: string;
  before: AttainmentRow[];
  after?: AttainmentRow[];
  decision?: string;
}

const MAX_EVIDENCE = 64 << 20;

export function ExceptionsScreen() {
  const api = useApi();
  const { me, can } = useSession();
  const { data, error, reload: load } = useLoad(async () => {
    const [xs, ov] = await Promise.all([api.exceptions.list(), api.workspace.overview()]);
    const slts: SltOption[] = ov.services.flatMap((s) =>
      s.slts.map((t) => ({ name: t.name, label: `${t.display_name && t.display_name !== t.name ? `${t.display_name} (${t.name})` : t.name}` })),
    );
    return { list: xs, slts };
  }, [api]);
  const list = data?.list ?? null;
  const slts = data?.slts ?? [];
  const [form, setForm] = useState({ slt: '', from: '', to: '', reason: '' });
  const [attaching, setAttaching] = useState(false);
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<Exception | null>(null);
  const [decision, setDecision] = useState({ note: '' });
  const [decisionErrors, setDecisionErrors] = useState<{ note?: string; form?: string }>({});
  const [effect, setEffect] = useState<Effect | null>(null);
  const [effectError, setEffectError] = useState<Error | null>(null);

  const byId = useMemo(() => new Map((list ?? []).map((x) => [x.id, x])), [list]);

  const showEffect = useCallback(
    async (x: Exception) => {
      setEffectError(null);
      try {
        const rows = rowsTouched(await api.exceptions.attainment(x.slt), x);
        setEffect({ id: x.id, before: rows });
      } catch (e) {
        setEffectError(errorOf(e));
      }
    },
    [api],
  );

  async function pickEvidenceInWindow() {
    try {
      const u = await api.dialogs.openFile('Attach evidence', 'any');
      if (!u) return;
      if (u.size > MAX_EVIDENCE) {
        setEvidence(null);
        setErrors((e) => ({ ...e, evidence: `${u.name} is ${formatBytes(u.size)}; attach files of at most 64 MiB.` }));
        return;
      }
      setEvidence({ name: u.name, size: u.size, upload: u.id });
      setErrors((e) => ({ ...e, evidence: undefined }));
    } catch (e) {
      setErrors((er) => ({ ...er, evidence: errorOf(e).message }));
    }
  }

  async function pickEvidence(file: File) {
    setEvidence(null);
    if (file.size > MAX_EVIDENCE) {
      setErrors((e) => ({ ...e, evidence: `${file.name} is ${formatBytes(file.size)}; attach files of at most 64 MiB.` }));
      return;
    }
    setAttaching(true);
    try {
      const u = await api.imports.upload(file);
      setEvidence({ name: u.name, size: u.size, upload: u.id });
      setErrors((e) => ({ ...e, evidence: undefined }));
    } catch (e) {
      setErrors((er) => ({ ...er, evidence: errorOf(e).message }));
    } finally {
      setAttaching(false);
    }
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setNotice(null);
    setFormError(null);
    const errs: FormErrors = {};
    if (!form.slt) errs.slt = 'Choose the SLT the exception is for.';
    const from = utcInput(form.from);
    const to = utcInput(form.to);
    if (!form.from) errs.from = 'When did it start? (UTC)';
    else if (from === null) errs.from = `Write the start as ${UTC_INPUT_EXAMPLE} (UTC, 24-hour clock).`;
    if (!form.to) errs.to = 'When did it end? (UTC)';
    else if (to === null) errs.to = `Write the end as ${UTC_INPUT_EXAMPLE} (UTC, 24-hour clock).`;
    else if (from !== null && to <= from) errs.to = 'The end must be after the start.';
    if (!form.reason.trim()) errs.reason = 'Say what happened and why it is outside the supplier’s control.';
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    setSubmitting(true);
    try {
      const x = await api.exceptions.request({
        slt: form.slt,
        from: localInputToRFC3339(form.from),
        to: localInputToRFC3339(form.to),
        reason: form.reason.trim(),
        evidence: evidence?.upload,
      });
      setNotice(`${x.id} requested for ${x.slt} by ${x.requested_by}. It changes nothing until someone else approves it.`);
      setForm({ slt: form.slt, from: '', to: '', reason: '' });
      setEvidence(null);
      setFormKey((k) => k + 1);
      await load();
      await showEffect(x);
    } catch (err) {
      setFormError(errorOf(err).message);
    } finally {
      setSubmitting(false);
    }
  }

  async function openDecision(x: Exception) {
    setDeciding(x);
    setDecision({ note: '' });
    setDecisionErrors({});
    await showEffect(x);
  }

  async function decide(approve: boolean) {
    if (!deciding) return;
    const errs: typeof decisionErrors = {};
    if (!decision.note.trim()) errs.note = 'A decision needs a note for the audit trail.';
    setDecisionErrors(errs);
    if (errs.note) return;
    const x = deciding;
    try {
      const before = effect?.id === x.id ? effect.before : rowsTouched(await api.exceptions.attainment(x.slt), x);
      const d = { id: x.id, note: decision.note.trim() };
      const done = approve ? await api.exceptions.approve(d) : await api.exceptions.reject(d);
      setDeciding(null);
      const after = rowsTouched(await api.exceptions.attainment(x.slt), x);
      setEffect({ id: x.id, before, after, decision: done.status });
      setNotice(`${done.id} ${done.status} by ${done.decided_by}.`);
      await load();
    } catch (e) {
      setDecisionErrors({ form: errorOf(e).message });
    }
  }

  async function downloadEvidence(x: Exception) {
    const ev = x.evidence[0];
    if (!ev) return;
    try {
      const data = await api.exceptions.evidence(ev.sha256);
      if (api.dialogs.available) {
        await api.dialogs.saveFile('Save the evidence', ev.name, data);
      } else {
        saveDownload({ name: ev.name, type: 'application/octet-stream', size: ev.size, data });
      }
    } catch (e) {
      setNotice(null);
      setFormError(errorOf(e).message);
    }
  }

  const columns = useMemo<ColumnDef<Exception, unknown>[]>(
    () => [
      { id: 'id', header: 'ID', accessorFn: (x) => Number(x.id.replace(/\D/g, '')), cell: (c) => <span className="cell-strong">{c.row.original.id}</span>, meta: { width: '4.5rem' } },
      {
        id: 'slt',
        header: 'SLT and window (UTC)',
        accessorFn: (x) => x.slt,
        cell: (c) => (
          <span className="cell-stack">
            <span>{c.row.original.slt}</span>
            <span className="cell-sub">
              {fmtTime(c.row.original.from).replace(' UTC', '')} – {fmtTime(c.row.original.to).replace(' UTC', '')}
            </span>
          </span>
        ),
        meta: { width: '15rem', narrowWidth: '11rem' },
      },
      {
        id: 'reason',
        header: 'Reason and evidence',
        accessorFn: (x) => x.reason,
        enableSorting: false,
        cell: (c) => {
          const x = c.row.original;
          return (
            <span className="cell-stack">
              <span>{x.reason}</span>
              {x.evidence.map((ev) => (
                <button key={ev.sha256} type="button" className="linkish cell-sub" onClick={() => downloadEvidence(x)} aria-label={`Download evidence ${ev.name}`}>
                  {ev.name} ({formatBytes(ev.size)})
                </button>
              ))}
            </span>
          );
        },
      },
      {
        id: 'status',
        header: 'Status',
        accessorFn: (x) => x.status,
        cell: (c) => {
          const x = c.row.original;
          return (
            <span className="cell-stack">
              <span>
                <Badge tone={statusTone(x.status)}>{x.status}</Badge>
              </span>
              <span className="cell-sub">{x.decided_by ? `by ${x.decided_by}: ${x.note}` : `asked by ${x.requested_by}`}</span>
            </span>
          );
        },
        meta: { width: '12rem', narrowWidth: '10rem' },
      },
      {
        id: 'actions',
        header: () => <span className="visually-hidden">Actions</span>,
        enableSorting: false,
        cell: (c) => {
          const x = c.row.original;
          return (
            <span className="cell-actions">
              {x.status === 'requested' && can('Exceptions/Approve') && !sameName(x.requested_by, me?.name) && (
                <Button className="btn--sm" variant="primary" onClick={() => openDecision(x)} aria-label={`Decide ${x.id}`}>
                  Decide…
                </Button>
              )}
              {x.status === 'requested' && can('Exceptions/Approve') && sameName(x.requested_by, me?.name) && (
                <span className="cell-sub" title="Four eyes: the person who asked cannot decide">yours: another person decides</span>
              )}
              <Button className="btn--sm" onClick={() => showEffect(x)} aria-label={`Effect of ${x.id}`}>
                Effect
              </Button>
            </span>
          );
        },
        meta: { width: '9.5rem' },
      },
    ],
    // the handlers only use api
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, showEffect, me, can],
  );

  const selected = effect ? byId.get(effect.id) : undefined;

  return (
    <div className="page page--exceptions" data-testid="exceptions">
      <div className="page__head">
        <div>
          <h1>Exceptions</h1>
          <p className="page__lede">
            Force majeure windows, with evidence. Only an approved exception leaves the calculation, and nobody approves their own request.
          </p>
        </div>
      </div>
      {error ? (
        <ErrorPanel title="The exceptions could not be loaded" error={error} onRetry={load} />
      ) : list === null ? (
        <Loading>Loading exceptions…</Loading>
      ) : (
        <>
          {notice && <Notice tone="success">{notice}</Notice>}

          {(effect || effectError) && (
            <section className="card panel effect" aria-labelledby="effect-title">
              <div className="panel__head">
                <div>
                  <h2 className="panel__title" id="effect-title">
                    Effect of {effect?.id} on {selected?.slt ?? 'the SLT'}
                  </h2>
                  <p className="panel__sub">
                    {effect?.after
                      ? `Attainment of the periods it touches, before and after it was ${effect.decision}.`
                      : selected?.status === 'approved'
                        ? 'Attainment of the periods it touches, with it applied; “nothing excluded” leaves out maintenance and exceptions.'
                        : 'Attainment of the periods it touches now; it changes only when approved.'}
                  </p>
                </div>
              </div>
              {effectError ? (
                <Notice tone="error" title="The attainment could not be computed">
                  {effectError.message}
                </Notice>
              ) : effect && effect.before.length === 0 ? (
                <p className="muted">The window touches no period of this SLT.</p>
              ) : (
                effect && <EffectTable effect={effect} />
              )}
            </section>
          )}

          {can('Exceptions/Request') && (
          <section className="card panel" aria-labelledby="request-title">
            <div className="panel__head">
              <h2 className="panel__title" id="request-title">
                Request an exception
              </h2>
              {me && <span className="muted">as {me.name}</span>}
            </div>
            <form className="exc-form" onSubmit={submit} noValidate aria-labelledby="request-title">
              <Field label="SLT" error={errors.slt}>
                {(p) => (
                  <select {...p} className="select" value={form.slt} onChange={(e) => setForm({ ...form, slt: e.target.value })}>
                    <option value="">— choose an SLT —</option>
                    {slts.map((s) => (
                      <option key={s.name} value={s.name}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="From (UTC)" error={errors.from}>
                {(p) => <UtcTimeInput {...p} value={form.from} onChange={(v) => setForm({ ...form, from: v })} />}
              </Field>
              <Field label="To (UTC, exclusive)" error={errors.to}>
                {(p) => <UtcTimeInput {...p} value={form.to} onChange={(v) => setForm({ ...form, to: v })} />}
              </Field>
              <Field label="Reason" error={errors.reason} className="exc-form__wide">
                {(p) => <textarea {...p} className="textarea" value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />}
              </Field>
              <Field
                label="Evidence (optional)"
                error={errors.evidence}
                hint={attaching ? 'Sending the file…' : evidence ? `${evidence.name} · ${formatBytes(evidence.size)}` : 'An incident report, a supplier letter… up to 64 MiB.'}
                className="exc-form__wide"
              >
                {(p) =>
                  api.dialogs.available ? (
                    <Button {...p} onClick={pickEvidenceInWindow}>
                      Attach file…
                    </Button>
                  ) : (
                    <input
                      {...p}
                      key={formKey}
                      className="input input--file"
                      type="file"
                      onChange={(e) => {
                        const f = e.target.files?.[0];
                        if (f) pickEvidence(f);
                        else setEvidence(null);
                      }}
                    />
                  )
                }
              </Field>
              <div className="exc-form__wide">
                {formError && <Notice tone="error" title="The exception was not recorded">{formError}</Notice>}
                <Actions>
                  <Button type="submit" variant="primary" disabled={submitting || attaching}>
                    Request exception
                  </Button>
                </Actions>
              </div>
            </form>
          </section>
          )}

          <section className="card panel" aria-labelledby="list-title">
            <div className="panel__head">
              <h2 className="panel__title" id="list-title">
                Exceptions
              </h2>
              <span className="muted">
                {list.filter((x) => x.status === 'requested').length} waiting for a decision · {list.length} in all
              </span>
            </div>
            {list.length === 0 ? (
              <p className="muted">No exception has been requested. Use the form above when a force majeure window should leave the calculation.</p>
            ) : (
              <DataTable caption="Exceptions" columns={columns} data={[...list].reverse()} getRowId={(x) => x.id} rowHeight={52} />
            )}
          </section>
        </>
      )}
      {deciding && (
        <Modal
          title={`Decide ${deciding.id}`}
          onClose={() => setDeciding(null)}
          footer={
            <>
              <Button onClick={() => setDeciding(null)}>Cancel</Button>
              <Button className="btn--danger" onClick={() => decide(false)}>
                Reject
              </Button>
              <Button variant="primary" onClick={() => decide(true)}>
                Approve
              </Button>
            </>
          }
        >
          <p className="modal__text">
            {deciding.slt}, {fmtTime(deciding.from)} – {fmtTime(deciding.to)}: “{deciding.reason}”, asked by {deciding.requested_by}.
            Approving removes this window from the calculation.
          </p>
          {me && <p className="modal__text">You decide as {me.name}; the audit trail records it.</p>}
          <Field label="Note" error={decisionErrors.note}>
            {(p) => <textarea {...p} className="textarea" value={decision.note} onChange={(e) => setDecision({ ...decision, note: e.target.value })} />}
          </Field>
          {decisionErrors.form && <Notice tone="error" title="Not recorded">{decisionErrors.form}</Notice>}
        </Modal>
      )}
    </div>
  );
}

/** Four eyes: the requester cannot decide, whatever the case of the name. */
function sameName(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

function EffectTable({ effect }: { effect: Effect }) {
  const rows = sortEffect(effectRows(effect.before, effect.after));
  const after = !!effect.after;
  return (
    <div className="table-wrap">
      <table className="table table--effect" aria-label={`Attainment ${after ? 'before and after' : 'of the periods touched by'} ${effect.id}`}>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Tier</th>
            <th scope="col" className="num">
              Target
            </th>
            <th scope="col" className="num">
              {after ? 'Before' : 'Attainment'}
            </th>
            {after && (
              <th scope="col" className="num">
                After
              </th>
            )}
            {!after && (
              <th scope="col" className="num">
                Nothing excluded
              </th>
            )}
            <th scope="col">Met</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const met = after ? r.afterMet : r.beforeMet;
            const changed = after && r.after !== r.before;
            return (
              <tr key={r.key} data-testid={`effect-${r.key}`}>
                <td>{r.period}</td>
                <td>{r.tier || <span className="muted">overall</span>}</td>
                <td className="num">
                  {fmt.objective(r.op, r.target, true)}
                </td>
                <td className="num">{fmt.percent(r.before)}</td>
                {after && (
                  <td className={`num${changed ? ' is-changed' : ''}`}>
                    {fmt.percent(r.after)}
                    {changed && r.after !== null && r.before !== null && (
                      <span className="delta"> ({r.after > r.before ? '+' : ''}{fmt.points(r.after - r.before)})</span>
                    )}
                  </td>
                )}
                {!after && <td className="num muted">{fmt.percent(r.raw)}</td>}
                <td>
                  {met === null ? (
                    '–'
                  ) : (
                    <Badge tone={met ? 'green' : 'red'}>
                      {after && r.beforeMet !== r.afterMet ? `${r.beforeMet ? 'met' : 'missed'} → ` : ''}
                      {met ? 'met' : 'missed'}
                    </Badge>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
