// The drill-down's CMDB finding: how many of the period's rows come from CIs
// the CMDB does not know or has not verified lately, CI by CI.
import type { CIReport } from '../../api/supply';
import { Badge } from '../../components/ui/Badge';
import * as fmt from '../../format';
import { href } from '../../state/route';
import { Notice } from '../imports/controls';
import './supply.css';

const sentence = (m: string) => (m ? `${m[0].toUpperCase()}${m.slice(1)}${/[.!]$/.test(m) ? '' : '.'}` : '');

const STATE: Record<string, { label: string; tone: 'green' | 'amber' | 'red' }> = {
  verified: { label: 'verified', tone: 'green' },
  unverified: { label: 'not verified', tone: 'amber' },
  unknown: { label: 'not in the CMDB', tone: 'red' },
};

/** "63%", "8.2%": the flagged share as the report and the pack say it (whole percent from 10%, one decimal below). */
export function flaggedShare(v: number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  const p = v * 100;
  if (p >= 10) return `${Math.round(p)}%`;
  if (p >= 0.1) return `${Number(p.toFixed(1))}%`;
  return fmt.share(v);
}

export function CMDBFinding({ r }: { r: CIReport }) {
  if (r.rows === 0) return null;
  const ownBad = r.declared.some((d) => d.state !== 'verified');
  if (r.flagged === 0 && !ownBad) {
    return <p className="drill__note">CMDB: {sentence(r.message)}</p>;
  }
  return (
    <section className="drill__cmdb" aria-label="CMDB finding">
      <Notice tone="warning" title={r.flagged > 0 ? `${flaggedShare(r.share)} of this period's rows come from CIs unknown to the CMDB or not verified in the last ${r.max_age_days} days` : 'The SLT names CIs the CMDB has not verified'}>
        {sentence(r.message)} <a href={href('cmdb')}>See the CMDB</a>
      </Notice>
      {r.cis.length > 0 && (
        <div className="table-wrap">
          <table className="table table--auto">
            <caption className="visually-hidden">Rows of the period by CI</caption>
            <thead>
              <tr>
                <th scope="col">CI</th>
                <th scope="col" className="num">Rows</th>
                <th scope="col" className="num">Share</th>
                <th scope="col">State</th>
                <th scope="col">Verified</th>
                <th scope="col">Owner</th>
              </tr>
            </thead>
            <tbody>
              {r.cis.map((c) => {
                const st = STATE[c.state] ?? { label: c.state, tone: 'amber' as const };
                return (
                  <tr key={c.id}>
                    <td className="mono">{c.id}</td>
                    <td className="num">{fmt.count(c.rows)}</td>
                    <td className="num">{fmt.percent(c.rows / r.rows)}</td>
                    <td>
                      <Badge tone={st.tone}>{st.label}</Badge>
                    </td>
                    <td>{c.verified_at ? c.verified_at.slice(0, 10) : '–'}</td>
                    <td>{c.owner || '–'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
