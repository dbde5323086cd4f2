// Four eyes: what takes units out of an SLT's count — a breach called a
// false positive, a pause that alone makes an item on time — is asked for by
// one person and decided by another. Whoever is signed in decides; the
// requester is not offered the decision (and the server refuses it).
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../api';
import type { Approval } from '../../api/loop';
import { useSession } from '../../state/session';
import { Badge } from '../../components/ui/Badge';
import { Empty, ErrorPanel, Loading } from '../../components/ui/Status';
import { Button, Field, Modal, Notice } from '../imports/controls';
import { fmtTime } from '../imports/format';
import { toError } from './loopFormat';
import './loop.css';

export function ApprovalsScreen() {
  const api = useApi();
  const { me, can } = useSession();
  const [list, setList] = useState<Approval[] | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [deciding, setDeciding] = useState<Approval | null>(null);
  const [note, setNote] = useState('');
  const [decideError, setDecideError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      setList(await api.loop.approvals.list());
    } catch (e) {
      setError(toError(e));
    }
  }, [api]);
  useEffect(() => {
    load();
  }, [load]);
  async function decide(approve: boolean) {
    if (!deciding) return;
    if (!note.trim()) {
      setDecideError('A decision needs a note for the audit trail.');
      return;
    }
    try {
      const d = approve ? await api.loop.approvals.approve(deciding.id, note.trim()) : await api.loop.approvals.reject(deciding.id, note.trim());
      setDeciding(null);
      setNotice(`${d.id} ${d.status} by ${d.decided_by}.`);
      await load();
    } catch (e) {
      setDecideError(toError(e).message);
    }
  }
  const mine = (a: Approval) => a.requested_by.toLowerCase() === (me?.name ?? '').toLowerCase();
  return (
    <div className="page" data-testid="approvals">
      <div className="page__head">
        <div>
          <h1>Four-eyes requests</h1>
          <p className="page__lede">False positives and decisive clock pauses change an SLT's figures only once a second person approves them.</p>
        </div>
      </div>
      {notice && <Notice tone="success">{notice}</Notice>}
      {error ? (
        <ErrorPanel title="The requests could not be loaded" error={error} onRetry={load} />
      ) : !list ? (
        <Loading>Loading the requests…</Loading>
      ) : list.length === 0 ? (
        <Empty title="No requests">Ask for a false positive from the breach log.</Empty>
      ) : (
        <section className="card panel">
          <ul className="loop-list" aria-label="Requests, waiting first">
            {list.map((a) => (
              <li key={a.id}>
                <Badge tone={a.status === 'approved' ? 'green' : a.status === 'rejected' ? 'neutral' : 'amber'}>{a.status}</Badge>{' '}
                <strong>
                  {a.id}: {a.kind === 'false_positive' ? 'false positive' : 'clock pause'} {a.subject}
                </strong>{' '}
                — {a.reason} <span className="cell-sub">asked by {a.requested_by}, {fmtTime(a.requested_at)}</span>
                {a.decided_by && (
                  <span className="cell-sub">
                    {' '}
                    · {a.status} by {a.decided_by}: {a.note}
                  </span>
                )}
                {a.status === 'requested' && can('Approvals/Approve') && !mine(a) && (
                  <>
                    {' '}
                    <button type="button" className="linkish" onClick={() => (setDeciding(a), setNote(''), setDecideError(null))}>
                      Decide…
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {deciding && (
        <Modal
          title={`Decide ${deciding.id}`}
          onClose={() => setDeciding(null)}
          footer={
            <>
              <Button onClick={() => setDeciding(null)}>Cancel</Button>
              <Button onClick={() => decide(false)}>Reject</Button>
              <Button variant="primary" onClick={() => decide(true)}>
                Approve
              </Button>
            </>
          }
        >
          <p className="modal__text">
            {deciding.requested_by} asks to call <strong>{deciding.subject}</strong> a {deciding.kind === 'false_positive' ? 'false positive' : 'confirmed pause'}: “{deciding.reason}”. You
            decide as {me?.name}.
          </p>
          <Field label="Note" error={decideError}>
            {(p) => <textarea {...p} className="textarea" value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
        </Modal>
      )}
    </div>
  );
}
