// Review pack: period, services, formats and anonymisation; the build runs as a
// job with progress and Cancel; the files are downloaded (browser) or shown in
// their folder (window); any pack file can be checked against the data.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '../../api';
import { jobFraction } from '../../api/jobs';
import { formatBytes, saveDownload } from '../../api/files';
import type { PackFile, PackFormat, PackResult, PackVerification } from '../../api/packs';
import { normalisePackResult } from '../../api/packs';
import { Badge } from '../../components/ui/Badge';
import { useSession } from '../../state/session';
import { useWorkspace } from '../../state/workspace';
import { Actions, Button, Field, Notice, ProgressBar } from '../imports/controls';
import { fmtTime } from '../imports/format';
import { useJob } from '../imports/useJob';
import { lastCompleteMonth, periodError } from './period';
import * as fmt from '../../format';
import './pack.css';
import { errorOf } from '../../state/useLoad';

/** "period=2026-10 services=a,b" → "2026-10, services a, b"; services=* → "every service". */
export function describeScope(scope: string): string {
  const f = Object.fromEntries(scope.split(/\s+/).filter(Boolean).map((kv) => [kv.split('=')[0], kv.slice(kv.indexOf('=') + 1)]));
  if (!f.period) return scope;
  const svcs = !f.services || f.services === '*' ? 'every service' : `services ${f.services.split(',').join(', ')}`;
  return `${f.period}, ${svcs}`;
}

const sentence = (m: string) => (m ? `${m[0].toUpperCase()}${m.slice(1)}${/[.!]$/.test(m) ? '' : '.'}` : '');

const FORMATS: { id: PackFormat; label: string; hint: string }[] = [
  { id: 'pdf', label: 'PDF', hint: 'cover, summary, a page per SLT, audit appendix' },
  { id: 'xlsx', label: 'Excel (XLSX)', hint: 'sheets with native charts' },
];

export function PackScreen({ now = () => new Date() }: { now?: () => Date }) {
  const api = useApi();
  const { can } = useSession();
  const { state } = useWorkspace();
  const services = useMemo(() => state.overview?.services ?? [], [state.overview]);
  const [period, setPeriod] = useState(() => lastCompleteMonth(now()));
  const [chosen, setChosen] = useState<string[]>([]);
  const [formats, setFormats] = useState<PackFormat[]>(['pdf', 'xlsx']);
  const [anonymize, setAnonymize] = useState(false);
  const [errors, setErrors] = useState<{ period?: string; formats?: string }>({});
  const [startError, setStartError] = useState<string | null>(null);
  const [files, setFiles] = useState<PackFile[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const job = useJob<PackResult>(250);

  const loadFiles = useCallback(async () => {
    try {
      setFiles(await api.packs.list());
    } catch (e) {
      setFileError(errorOf(e).message);
    }
  }, [api]);
  useEffect(() => {
    loadFiles();
  }, [loadFiles]);

  async function start(e: React.FormEvent) {
    e.preventDefault();
    setStartError(null);
    const errs: typeof errors = {};
    const pe = periodError(period);
    if (pe) errs.period = pe;
    if (formats.length === 0) errs.formats = 'Choose at least one format.';
    setErrors(errs);
    if (errs.period || errs.formats) return;
    const final = await job.run(() => api.packs.start({ period: period.trim(), services: chosen, formats, anonymize }));
    if (final?.state === 'done') loadFiles();
  }

  const j = job.job;
  const result = j?.state === 'done' && j.result ? normalisePackResult(j.result) : null;
  const resultBox = useRef<HTMLElement>(null);
  useEffect(() => {
    if (result) resultBox.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [result?.fingerprint]);
  useEffect(() => {
    if (job.error) setStartError(job.error.message);
  }, [job.error]);

  async function download(f: PackFile) {
    setFileError(null);
    try {
      const d = await api.packs.download(f.name);
      if (api.dialogs.available) {
        await api.dialogs.saveFile('Save a copy of the pack file', d.name, d.data ?? '');
      } else {
        saveDownload({ name: d.name, type: d.content_type, size: f.size, data: d.data });
      }
    } catch (e) {
      setFileError(errorOf(e).message);
    }
  }

  async function showFolder(f: PackFile) {
    setFileError(null);
    try {
      await api.dialogs.showFolder(f.path);
    } catch (e) {
      setFileError(errorOf(e).message);
    }
  }

  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  return (
    <div className="page page--pack" data-testid="pack">
      <div className="page__head">
        <div>
          <h1>Review pack</h1>
          <p className="page__lede">
            The service review pack for auditors: compliance, breaches, exceptions, credits, data quality and the audit trail, with a fingerprint
            anyone can re-check against the data.
          </p>
        </div>
      </div>

      {can('Packs/Start') && (
      <section className="card panel" aria-labelledby="pack-build-title">
        <div className="panel__head">
          <h2 className="panel__title" id="pack-build-title">
            Build a pack
          </h2>
        </div>
        <form className="pack-form" onSubmit={start} noValidate aria-labelledby="pack-build-title">
          <Field label="Period" error={errors.period} hint="2026-10 (month), 2026-Q3, 2026-W07, 2026. Default: the last complete month.">
            {(p) => <input {...p} className="input" value={period} spellCheck={false} onChange={(e) => setPeriod(e.target.value)} />}
          </Field>
          <fieldset className="pack-check">
            <legend>Formats</legend>
            {FORMATS.map((f) => (
              <label key={f.id}>
                <input type="checkbox" checked={formats.includes(f.id)} onChange={() => setFormats((x) => toggle(x, f.id))} aria-describedby={errors.formats ? 'pack-formats-err' : undefined} />
                <span>
                  {f.label} <span className="muted">— {f.hint}</span>
                </span>
              </label>
            ))}
            {errors.formats && (
              <p className="field__error" id="pack-formats-err">
                {errors.formats}
              </p>
            )}
          </fieldset>
          <fieldset className="pack-check">
            <legend>Privacy</legend>
            <label>
              <input type="checkbox" checked={anonymize} onChange={(e) => setAnonymize(e.target.checked)} />
              <span>
                Anonymize <span className="muted">— people, suppliers and services become stable pseudonyms, to share failure patterns</span>
              </span>
            </label>
          </fieldset>
          <fieldset className="pack-services">
            <legend>
              Services <span className="muted">{chosen.length === 0 ? '— all services' : `— ${chosen.length} of ${services.length}`}</span>
            </legend>
            <div className="pack-services__list">
              {services.map((s) => (
                <label key={s.name}>
                  <input type="checkbox" checked={chosen.includes(s.name)} onChange={() => setChosen((x) => toggle(x, s.name))} />
                  <span>
                    {s.display_name || s.name}
                    <span className="cell-sub"> {s.business_unit}</span>
                  </span>
                </label>
              ))}
              {services.length === 0 && <span className="muted">No services loaded.</span>}
            </div>
            {chosen.length > 0 && (
              <button type="button" className="linkish pack-services__all" onClick={() => setChosen([])}>
                All services
              </button>
            )}
          </fieldset>
          <div className="pack-form__foot">
            {startError && (
              <Notice tone="error" title="The pack was not built">
                {startError}
              </Notice>
            )}
            {j?.state === 'failed' && (
              <Notice tone="error" title="The pack could not be built">
                {j.error}
              </Notice>
            )}
            {j?.state === 'cancelled' && <Notice tone="warning" title="Cancelled">The pack was not finished.</Notice>}
            {job.running && (
              <div className="pack-progress">
                <ProgressBar
                  label={j?.title ?? 'Starting the pack'}
                  fraction={j ? jobFraction(j) : null}
                  detail={j?.step ? `${j.step}${j.total ? ` · ${fmt.count(j.done)} of ${fmt.count(j.total)}` : ''}` : undefined}
                />
                <Button onClick={job.cancel}>Cancel</Button>
              </div>
            )}
            <Actions>
              <Button type="submit" variant="primary" icon="review" disabled={job.running}>
                {job.running ? 'Building…' : 'Build the pack'}
              </Button>
            </Actions>
          </div>
        </form>
      </section>
      )}

      {result && (
        <section className="card panel pack-result" aria-labelledby="pack-result-title" ref={resultBox}>
          <div className="panel__head">
            <div>
              <h2 className="panel__title" id="pack-result-title">
                Review pack {result.period} is ready
              </h2>
              <p className="panel__sub">
                {result.slts} SLTs · {result.sections} sections · {describeScope(result.scope)}
                {result.anonymized ? ' · anonymized' : ''} · generated {fmtTime(result.generated_at)}
              </p>
            </div>
          </div>
          <p className="pack-fingerprint">
            Fingerprint <code>{result.fingerprint}</code>
          </p>
          <FileList files={result.files} desktop={api.dialogs.available} onDownload={download} onShowFolder={showFolder} />
        </section>
      )}
      {fileError && (
        <Notice tone="error" title="The file could not be handed over">
          {fileError}
        </Notice>
      )}

      <VerifyPanel files={files} onDownload={download} />
    </div>
  );
}

function FileList({
  files,
  desktop,
  onDownload,
  onShowFolder,
}: {
  files: PackFile[];
  desktop: boolean;
  onDownload: (f: PackFile) => void;
  onShowFolder: (f: PackFile) => void;
}) {
  return (
    <ul className="pack-files">
      {files.map((f) => (
        <li key={f.name} className="pack-file">
          <Badge tone={f.format === 'pdf' ? 'red' : 'green'}>{String(f.format).toUpperCase()}</Badge>
          <span className="cell-stack pack-file__name">
            <span className="cell-strong">{f.name}</span>
            <span className="cell-sub">
              {formatBytes(f.size)}
              {f.sha256 ? ` · sha256 ${f.sha256.slice(0, 12)}…` : ''}
              {desktop ? ` · ${f.path}` : ''}
            </span>
          </span>
          <span className="cell-actions">
            {desktop && (
              <Button className="btn--sm" onClick={() => onShowFolder(f)} aria-label={`Show ${f.name} in its folder`}>
                Show in folder
              </Button>
            )}
            <Button className="btn--sm" variant={desktop ? 'default' : 'primary'} onClick={() => onDownload(f)} aria-label={`${desktop ? 'Save a copy of' : 'Download'} ${f.name}`}>
              {desktop ? 'Save a copy…' : 'Download'}
            </Button>
          </span>
        </li>
      ))}
    </ul>
  );
}

function VerifyPanel({ files, onDownload }: { files: PackFile[]; onDownload: (f: PackFile) => void }) {
  const api = useApi();
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<PackVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);

  async function verify(label: string, check: () => Promise<PackVerification | null>) {
    setBusy(label);
    setError(null);
    setResult(null);
    try {
      const v = await check();
      if (v) setResult(v);
    } catch (e) {
      setError(errorOf(e).message);
    } finally {
      setBusy(null);
    }
  }

  async function verifyUpload(file: File) {
    // the file goes to Slate as an upload, and is checked by its upload id
    await verify(file.name, async () => api.packs.verify((await api.imports.upload(file)).id));
    setInputKey((k) => k + 1);
  }

  return (
    <section className="card panel" aria-labelledby="pack-verify-title">
      <div className="panel__head">
        <div>
          <h2 className="panel__title" id="pack-verify-title">
            Verify a pack
          </h2>
          <p className="panel__sub">Recomputes the fingerprint from the data and compares it with the one written in the file.</p>
        </div>
      </div>
      <div className="toolbar">
        {api.dialogs.available ? (
          <Button
            onClick={() =>
              verify('file', async () => {
                const u = await api.dialogs.openFile('Choose a review pack (PDF or XLSX)', 'any');
                return u ? api.packs.verify(u.id) : null;
              })
            }
            disabled={!!busy}
          >
            Choose a pack file…
          </Button>
        ) : (
          <Field label="Pack file (PDF or XLSX)">
            {(p) => (
              <input
                {...p}
                key={inputKey}
                type="file"
                className="input input--file"
                accept=".pdf,.xlsx,application/pdf,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                disabled={!!busy}
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) verifyUpload(f);
                }}
              />
            )}
          </Field>
        )}
      </div>
      {files.length > 0 && (
        <div className="pack-recent">
          <p className="pack-recent__title">In the packs folder</p>
          <ul className="pack-recent__list">
            {files.map((f) => (
              <li key={f.name}>
                <span className="mono">{f.name}</span>
                <span className="muted"> {formatBytes(f.size)}</span>
                <span className="cell-actions">
                  <Button className="btn--sm" onClick={() => onDownload(f)} aria-label={`${api.dialogs.available ? 'Save a copy of' : 'Download'} ${f.name} from the packs folder`}>
                    {api.dialogs.available ? 'Save a copy…' : 'Download'}
                  </Button>
                  <Button className="btn--sm" onClick={() => verify(f.name, () => api.packs.verifyStored(f.name))} disabled={!!busy} aria-label={`Verify ${f.name}`}>
                    Verify
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {busy && <p className="muted" role="status">Checking {busy}…</p>}
      {error && (
        <Notice tone="error" title="The file could not be checked">
          {error}
        </Notice>
      )}
      {result && (
        <Notice
          tone={result.match ? 'success' : 'error'}
          title={result.match ? 'The pack matches the data.' : 'The pack does not match the data.'}
        >
          <p>{sentence(result.message.replace(/^the pack (matches|does not match) the data:\s*/i, ''))}</p>
          <p>
            {result.format.toUpperCase()} · {describeScope(result.scope)}
            {result.file ? ` · ${result.file.split(/[\\/]/).pop()}` : ''}
          </p>
          <dl className="pack-fp">
            <dt>In the file</dt>
            <dd>
              <code>{result.stored || '–'}</code>
            </dd>
            <dt>From the data</dt>
            <dd>
              <code>{result.current || '–'}</code>
            </dd>
          </dl>
        </Notice>
      )}
    </section>
  );
}
