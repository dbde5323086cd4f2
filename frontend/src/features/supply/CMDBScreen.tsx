// CMDB: the configuration items of the last CMDB import, each verified or not
// (checked against reality in the last 90 days) and the SLTs that declare
// it; CIs an SLT declares that the CMDB lacks are listed as unknown. A
// manager imports a CMDB export (CSV) as an upload.
import { useRef, useState } from 'react';
import { useApi } from '../../api';
import { formatBytes } from '../../api/files';
import type { ListedCI } from '../../api/supply';
import { Badge, type BadgeTone } from '../../components/ui/Badge';
import { Empty, ErrorPanel, Loading } from '../../components/ui/Status';
import { useSession } from '../../state/session';
import { useLoad } from '../../state/useLoad';
import { href } from '../../state/route';
import { Button, Notice } from '../imports/controls';
import { toError } from './supplyFormat';
import './supply.css';

const STATE: Record<string, { label: string; tone: BadgeTone }> = {
  verified: { label: 'verified', tone: 'green' },
  unverified: { label: 'not verified', tone: 'amber' },
  unknown: { label: 'not in the CMDB', tone: 'red' },
};

/** ageDays: whole days from the verification to now; null without a date. */
export function ageDays(verified: string | undefined, at: string): number | null {
  if (!verified) return null;
  const d = Math.floor((Date.parse(at) - Date.parse(verified)) / 86_400_000);
  return Number.isFinite(d) ? Math.max(0, d) : null;
}

export function CMDBScreen() {
  const api = useApi();
  const { can } = useSession();
  const list = useLoad(() => api.cmdb.list(), [api]);
  const file = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; title: string; text: string } | null>(null);

  async function importFile(f: File) {
    setNotice(null);
    setBusy(true);
    try {
      const up = await api.imports.upload(f);
      const r = await api.cmdb.import(up.id);
      setNotice({
        tone: 'success',
        title: `${r.file} imported`,
        text: `${r.cis} configuration items (${formatBytes(r.size)}): ${r.added} added, ${r.changed} changed, ${r.removed} removed.`,
      });
      await list.reload();
    } catch (e) {
      setNotice({ tone: 'error', title: `${f.name} was not imported; nothing changed`, text: toError(e).message });
    } finally {
      setBusy(false);
      if (file.current) file.current.value = '';
    }
  }

  const d = list.data;
  const counts = (d?.cis ?? []).reduce<Record<string, number>>((m, c) => ({ ...m, [c.state]: (m[c.state] ?? 0) + 1 }), {});
  return (
    <div className="page page--cmdb" data-testid="cmdb">
      <div className="page__head">
        <div>
          <h1>CMDB</h1>
          <p className="page__lede">
            The configuration items SLT data comes from. Rows from a CI that the CMDB does not know, or has not verified in the last {d?.max_age_days ?? 90} days,
            are counted and flagged in the drill-down and the review pack.
          </p>
        </div>
        <span className="actions">
          <Button icon="refresh" onClick={list.reload}>
            Refresh
          </Button>
          {can('CMDB/Import') && (
            <>
              <input
                ref={file}
                type="file"
                accept=".csv,text/csv"
                className="visually-hidden"
                aria-label="CMDB export (CSV)"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) importFile(f);
                }}
              />
              <Button variant="primary" disabled={busy} onClick={() => file.current?.click()}>
                {busy ? 'Importing…' : 'Import CMDB (CSV)'}
              </Button>
            </>
          )}
        </span>
      </div>
      {notice && (
        <Notice tone={notice.tone} title={notice.title}>
          <span className="pre">{notice.text}</span>
        </Notice>
      )}
      {list.error ? (
        <ErrorPanel title="The CMDB could not be read" error={list.error} onRetry={list.reload} />
      ) : !d ? (
        <Loading>Reading the configuration items…</Loading>
      ) : d.cis.length === 0 ? (
        <Empty title="No configuration item yet">
          Import a CMDB export: a CSV with the columns <span className="mono">id, name, class, owner, status, verified_at</span>. SLTs name their CIs in{' '}
          <span className="mono">spec.cis</span>.
        </Empty>
      ) : (
        <section className="card panel" aria-labelledby="ci-h">
          <div className="panel__head">
            <h2 className="panel__title" id="ci-h">
              Configuration items
            </h2>
          </div>
          <p className="panel__sub">
            {d.import ? `Last import: ${d.import.file} on ${d.import.at.slice(0, 10)}, ${d.import.cis} CIs. ` : ''}
            {counts.verified ?? 0} verified, {counts.unverified ?? 0} not verified in the last {d.max_age_days} days, {counts.unknown ?? 0} declared by an SLT but
            not in the CMDB (as of {d.at.slice(0, 10)}).
          </p>
          <div className="table-wrap">
            <table className="table table--auto">
              <caption className="visually-hidden">Configuration items, with their verification</caption>
              <thead>
                <tr>
                  <th scope="col">CI</th>
                  <th scope="col">Class</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Status</th>
                  <th scope="col">Verified</th>
                  <th scope="col">State</th>
                  <th scope="col">SLTs</th>
                </tr>
              </thead>
              <tbody>
                {d.cis.map((c) => (
                  <CIRow key={c.id} c={c} at={d.at} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}

function CIRow({ c, at }: { c: ListedCI; at: string }) {
  const st = STATE[c.state] ?? { label: c.state, tone: 'neutral' as const };
  const age = ageDays(c.verified_at, at);
  return (
    <tr>
      <td>
        <span className="cell-stack">
          <span className="cell-strong">{c.name || c.id}</span>
          <span className="cell-sub mono">{c.id}</span>
        </span>
      </td>
      <td>{c.class || '–'}</td>
      <td>{c.owner || '–'}</td>
      <td>{c.status || '–'}</td>
      <td>
        {c.verified_at ? (
          <span className="cell-stack">
            <span>{c.verified_at.slice(0, 10)}</span>
            <span className="cell-sub">{age === null ? '' : age === 0 ? 'today' : `${age} day${age === 1 ? '' : 's'} ago`}</span>
          </span>
        ) : (
          '–'
        )}
      </td>
      <td>
        <Badge tone={st.tone}>{st.label}</Badge>
      </td>
      <td>
        {c.slts.length
          ? c.slts.map((s, i) => (
              <span key={s}>
                {i > 0 && ', '}
                <a href={href('slt', s)}>{s}</a>
              </span>
            ))
          : '–'}
      </td>
    </tr>
  );
}
