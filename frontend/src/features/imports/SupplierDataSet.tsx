// "Your data set": a supplier user downloads the rows Slate holds for one of
// the feeds it delivers, for one month (Suppliers.DataSet, audited as
// export.dataset), to check them against its own records before a joint
// review. The server refuses any feed the supplier does not deliver.
import { useId, useState } from 'react';
import { useApi } from '../../api';
import type { FeedInfo } from '../../api/imports';
import { formatBytes, saveFile } from '../../api/files';
import { lastCompleteMonth } from '../pack/period';
import { Button, Field, Notice } from './controls';
import { fmtDate, plural } from './format';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** An error in plain words, or null for a month such as 2026-10. */
export function monthError(m: string): string | null {
  const t = m.trim();
  if (!t) return 'Choose a month, for example 2026-10.';
  return MONTH.test(t) ? null : `“${t}” is not a month: write it as 2026-10.`;
}

export function SupplierDataSet({ supplier, feeds, now = () => new Date() }: { supplier: string; feeds: FeedInfo[]; now?: () => Date }) {
  const api = useApi();
  const titleId = useId();
  const own = feeds.filter((f) => f.supplier === supplier);
  const [feed, setFeed] = useState(own[0]?.name ?? '');
  const [month, setMonth] = useState(() => lastCompleteMonth(now()));
  const [monthErr, setMonthErr] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const chosen = own.find((f) => f.name === feed) ?? own[0];

  async function download(e: React.FormEvent) {
    e.preventDefault();
    const me = monthError(month);
    setMonthErr(me);
    if (me || !chosen) return;
    const period = month.trim();
    setNotice(null);
    setBusy(true);
    try {
      const f = await api.suppliers.dataSet(supplier, period, chosen.name);
      const rows = f.rows ?? 0;
      if (rows === 0) {
        const held = chosen.data_to ? `Slate holds its data up to ${fmtDate(chosen.data_to)}.` : 'Slate holds no data of it yet.';
        setNotice({ tone: 'error', text: `${chosen.name} has no rows in ${period}: there is nothing to download. ${held}` });
        return;
      }
      const where = await saveFile(api, f, `Save the data set of ${chosen.name}`);
      if (where) {
        const to = api.dialogs.available ? `saved to ${where}` : 'downloaded';
        setNotice({ tone: 'success', text: `${f.name}: ${plural(rows, 'row')} of ${chosen.name} in ${period} (${formatBytes(f.size)}), ${to}.` });
      }
    } catch (err) {
      setNotice({ tone: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card panel" aria-labelledby={titleId}>
      <div className="panel__head">
        <div>
          <h2 className="panel__title" id={titleId}>
            Your data set
          </h2>
          <p className="panel__sub">
            The rows Slate holds for a feed you deliver, for one month, in the feed's own layout: an Excel file to check against your own records
            before a joint review (it imports as it is). Each download is recorded in the audit trail.
          </p>
        </div>
      </div>
      {own.length === 0 ? (
        <p className="muted">{supplier} delivers no feed yet.</p>
      ) : (
        <form className="toolbar" onSubmit={download} noValidate aria-labelledby={titleId}>
          <Field label="Your feed">
            {(p) => (
              <select {...p} className="select" value={chosen?.name ?? ''} onChange={(e) => setFeed(e.target.value)}>
                {own.map((f) => (
                  <option key={f.name} value={f.name}>
                    {f.display_name && f.display_name !== f.name ? `${f.display_name} (${f.name})` : f.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Month" error={monthErr}>
            {(p) => <input {...p} className="input" type="month" value={month} onChange={(e) => setMonth(e.target.value)} />}
          </Field>
          <Button variant="primary" type="submit" disabled={busy}>
            {busy ? 'Preparing…' : 'Download data set (XLSX)'}
          </Button>
        </form>
      )}
      {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
    </section>
  );
}
