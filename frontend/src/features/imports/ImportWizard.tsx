// The import wizard: file → mapping → check (dry run) → import, each long
// step a cancellable background job. In the window the file comes from the
// native dialog and is read where it is; in the browser it is uploaded first.
// Either way Go hands back an upload id, and every later step names the file
// by that id, never by a path.
import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../../api';
import { saveDownload, formatBytes } from '../../api/files';
import {
  MAX_UPLOAD,
  type FeedInfo,
  type ImportRequest,
  type ImportResult,
  type Mapping,
  type MappingField,
  type OnConflict,
  type PreviewResult,
} from '../../api/imports';
import { jobFraction } from '../../api/jobs';
import { Badge } from '../../components/ui/Badge';
import { Actions, Button, Field, Notice, ProgressBar } from './controls';
import { FindingCounts, FindingsTable } from './FindingsTable';
import { fmtTime, plural } from './format';
import {
  FIELD_HINTS,
  FIELD_LABELS,
  TIME_LAYOUTS,
  cleanMapping,
  feedFields,
  fieldOfColumn,
  initialMapping,
  mappingErrors,
  type MappingSource,
} from './mapping';
import { type JobHandle, useJob } from './useJob';
import * as fmt from '../../format';
import { errorOf } from '../../state/useLoad';

type Step = 'file' | 'map' | 'check' | 'import';
const STEPS: { id: Step; label: string }[] = [
  { id: 'file', label: 'Choose a file' },
  { id: 'map', label: 'Map columns' },
  { id: 'check', label: 'Check' },
  { id: 'import', label: 'Import' },
];

interface Source {
  /** The upload id preview and start take. */
  upload: string;
  name: string;
  size: number;
  /** Where a file picked in the window lives (shown only). */
  local?: string;
}


export function ImportWizard({ feeds, onImported }: { feeds: FeedInfo[]; onImported: () => void }) {
  const api = useApi();
  const [step, setStep] = useState<Step>('file');
  const [feedName, setFeedName] = useState('');
  const [source, setSource] = useState<Source | null>(null);
  const [upload, setUpload] = useState<{ name: string; sent: number; size: number } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [mappingSource, setMappingSource] = useState<MappingSource>('suggested');
  const [sheet, setSheet] = useState('');
  const [onConflict, setOnConflict] = useState<OnConflict>('reject');
  const [showErrors, setShowErrors] = useState(false);
  const check = useJob<ImportResult>();
  const imp = useJob<ImportResult>();
  const [saved, setSaved] = useState<{ path: string } | null>(null);
  const [rejectsError, setRejectsError] = useState<Error | null>(null);

  const feed = feeds.find((f) => f.name === feedName) ?? null;
  useEffect(() => {
    if (!feedName && feeds.length > 0) setFeedName(feeds[0].name);
  }, [feeds, feedName]);

  const errors = useMemo(() => (feed ? mappingErrors(mapping, feed) : {}), [mapping, feed]);
  const hasErrors = Object.keys(errors).length > 0;

  async function chooseInWindow() {
    setFileError(null);
    try {
      const u = await api.dialogs.openFile('Choose a supplier file', 'data');
      if (u) setSource({ upload: u.id, name: u.name, size: u.size, local: u.local });
    } catch (e) {
      setFileError(errorOf(e).message);
    }
  }

  async function uploadFile(file: File) {
    setFileError(null);
    setSource(null);
    if (file.size > MAX_UPLOAD) {
      setFileError(
        `${file.name} is ${formatBytes(file.size)}; the browser can send files up to 512 MiB. Import it with slate import, or in the desktop window.`,
      );
      return;
    }
    setUpload({ name: file.name, sent: 0, size: file.size });
    try {
      const u = await api.imports.upload(file, (sent, size) => setUpload({ name: file.name, sent, size }));
      setSource({ upload: u.id, name: u.name, size: u.size });
    } catch (e) {
      setFileError(errorOf(e).message);
    } finally {
      setUpload(null);
    }
  }

  async function loadPreview(nextSheet = sheet) {
    if (!source || !feed) return;
    setBusy(true);
    setFileError(null);
    try {
      const p = await api.imports.preview(source.upload, feed.name, nextSheet);
      setPreview(p);
      setSheet(p.sheet ?? '');
      const init = initialMapping(p);
      setMapping(init.mapping);
      setMappingSource(init.source);
      setShowErrors(false);
      setStep('map');
    } catch (e) {
      setFileError(errorOf(e).message);
      setStep('file');
    } finally {
      setBusy(false);
    }
  }

  function request(dryRun: boolean): ImportRequest {
    return {
      upload: source!.upload,
      feed: feed!.name,
      mapping: cleanMapping(mapping, feed!, preview?.format === 'xlsx' ? sheet : undefined),
      sheet: preview?.format === 'xlsx' ? sheet : undefined,
      dry_run: dryRun,
      on_conflict: onConflict,
    };
  }

  async function runCheck() {
    if (hasErrors) {
      setShowErrors(true);
      return;
    }
    setStep('check');
    await check.run(() => api.imports.start(request(true)));
  }

  async function runImport() {
    setStep('import');
    setSaved(null);
    setRejectsError(null);
    const j = await imp.run(() => api.imports.start(request(false)));
    if (j?.state === 'done') onImported();
  }

  async function rejects(batch: number, format: 'xlsx' | 'csv') {
    setRejectsError(null);
    try {
      const f = await api.imports.rejectsFile(batch, format);
      if (api.dialogs.available) {
        const path = await api.dialogs.saveFile('Save the rejects report', f.name, f.data ?? '');
        if (path) setSaved({ path });
      } else {
        saveDownload(f);
      }
    } catch (e) {
      setRejectsError(errorOf(e));
    }
  }

  async function downloadTemplate() {
    if (!feed) return;
    setFileError(null);
    try {
      const f = await api.imports.templateFile(feed.name);
      if (api.dialogs.available) await api.dialogs.saveFile('Save the supplier template', f.name, f.data ?? '');
      else saveDownload(f);
    } catch (e) {
      setFileError(errorOf(e).message);
    }
  }

  function startOver() {
    if (source && !source.local && !(imp.job?.state === 'done')) api.imports.discardUpload(source.upload).catch(() => {});
    setStep('file');
    setSource(null);
    setPreview(null);
    setMapping({});
    setSheet('');
    setOnConflict('reject');
    check.reset();
    imp.reset();
    setSaved(null);
  }

  const stepIndex = STEPS.findIndex((s) => s.id === step);

  return (
    <section className="card panel wizard" aria-labelledby="wizard-title">
      <div className="panel__head">
        <div>
          <h2 className="panel__title" id="wizard-title">
            Import a supplier file
          </h2>
          <p className="panel__sub">Every row is checked before anything is stored; a batch appears all at once or not at all.</p>
        </div>
        {step !== 'file' && (
          <Button onClick={startOver} disabled={check.running || imp.running}>
            Start over
          </Button>
        )}
      </div>
      <ol className="steps" aria-label="Import steps">
        {STEPS.map((s, i) => (
          <li key={s.id} className={i < stepIndex ? 'is-done' : i === stepIndex ? 'is-current' : ''} aria-current={i === stepIndex ? 'step' : undefined}>
            <span className="steps__n" aria-hidden="true">
              {i + 1}
            </span>
            {s.label}
          </li>
        ))}
      </ol>

      {step === 'file' && (
        <div className="wizard__body">
          <div className="two-col">
            <Field label="Feed" hint={feed ? feedSummary(feed) : undefined}>
              {(p) => (
                <select {...p} className="select" value={feedName} onChange={(e) => setFeedName(e.target.value)}>
                  {feeds.map((f) => (
                    <option key={f.name} value={f.name}>
                      {f.display_name !== f.name ? `${f.display_name} (${f.name})` : f.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label={api.dialogs.available ? 'Supplier file' : 'Supplier file (CSV or XLSX)'}
              error={fileError}
              hint={
                source
                  ? `${source.name} · ${formatBytes(source.size)}${source.local ? ` · ${source.local}` : ' · uploaded'}`
                  : api.dialogs.available
                    ? 'Read where it is; nothing is copied until you import.'
                    : 'Up to 512 MiB; sent to Slate first, then checked.'
              }
            >
              {(p) =>
                api.dialogs.available ? (
                  <Button {...p} onClick={chooseInWindow} icon="imports">
                    Choose file…
                  </Button>
                ) : (
                  <input
                    {...p}
                    className="input input--file"
                    type="file"
                    accept=".csv,.tsv,.txt,.xlsx,.xlsm,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    disabled={!!upload}
                    onChange={(e) => {
                      const f = e.target.files?.[0];
                      if (f) uploadFile(f);
                    }}
                  />
                )
              }
            </Field>
          </div>
          {upload && (
            <ProgressBar
              label={`Uploading ${upload.name}`}
              fraction={upload.size ? upload.sent / upload.size : null}
              detail={`${formatBytes(upload.sent)} of ${formatBytes(upload.size)}`}
            />
          )}
          {feeds.length === 0 && (
            <Notice tone="warning" title="No feeds to import into">
              Define a feed first (<code>slate apply</code>); a feed says what the supplier file measures.
            </Notice>
          )}
          <Actions>
            <Button onClick={downloadTemplate} disabled={!feed} title="The columns this feed reads, to send to the supplier">
              Supplier template (XLSX)
            </Button>
            <Button variant="primary" onClick={() => loadPreview('')} disabled={!source || !feed || busy || !!upload}>
              {busy ? 'Reading…' : 'Preview'}
            </Button>
          </Actions>
        </div>
      )}

      {step === 'map' && preview && feed && (
        <div className="wizard__body">
          <dl className="filemeta">
            <div>
              <dt>File</dt>
              <dd>{preview.file}</dd>
            </div>
            <div>
              <dt>Format</dt>
              <dd>
                {preview.format.toUpperCase()}
                {preview.encoding ? ` · ${preview.encoding}` : ''}
                {preview.delimiter ? ` · delimiter ${preview.delimiter === 'tab' ? 'tab' : `“${preview.delimiter}”`}` : ''}
              </dd>
            </div>
            <div>
              <dt>Header</dt>
              <dd>row {preview.header_row}</dd>
            </div>
            <div>
              <dt>Feed</dt>
              <dd>
                {feed.name} · {feed.shape}
              </dd>
            </div>
          </dl>
          {preview.sheets.length > 1 && (
            <Field label="Sheet">
              {(p) => (
                <select
                  {...p}
                  className="select select--narrow"
                  value={sheet}
                  onChange={(e) => {
                    setSheet(e.target.value);
                    loadPreview(e.target.value);
                  }}
                >
                  {preview.sheets.map((s) => (
                    <option key={s}>{s}</option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <PreviewTable preview={preview} mapping={mapping} />
          <div className="mapping__head">
            <h3 className="subhead">Columns</h3>
            <Badge tone={mappingSource === 'saved' ? 'green' : 'blue'}>
              {mappingSource === 'saved' ? "the feed's saved mapping" : 'suggested from the header and first rows'}
            </Badge>
          </div>
          {preview.suggestion.notes.length > 0 && mappingSource === 'suggested' && (
            <Notice tone="info" title="Check these guesses">
              {preview.suggestion.notes.map((n) => (
                <p key={n}>{n}</p>
              ))}
            </Notice>
          )}
          <div className="mapping">
            {feedFields(feed).map(({ field, required }) => (
              <MappingSelect
                key={field}
                field={field}
                required={required}
                header={preview.header}
                value={mapping[field] ?? ''}
                error={showErrors ? errors[field] : undefined}
                suggested={preview.suggestion.mapping[field]}
                onChange={(v) => setMapping((m) => ({ ...m, [field]: v || undefined }))}
              />
            ))}
            <Field
                label="Time format"
                hint={`Times without an offset are read in ${feed.time_zone}.`}
              >
                {(p) => (
                  <select {...p} className="select" value={mapping.time_layout ?? ''} onChange={(e) => setMapping((m) => ({ ...m, time_layout: e.target.value || undefined }))}>
                    {TIME_LAYOUTS.some((l) => l.value === (mapping.time_layout ?? '')) ? null : (
                      <option value={mapping.time_layout}>{mapping.time_layout}</option>
                    )}
                    {TIME_LAYOUTS.map((l) => (
                      <option key={l.value} value={l.value}>
                        {l.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            <div className="field field--check">
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={!!mapping.decimal_comma}
                  onChange={(e) => setMapping((m) => ({ ...m, decimal_comma: e.target.checked || undefined }))}
                />
                Decimal comma (12,5 and 1.234,5)
              </label>
            </div>
          </div>
          <fieldset className="radios">
            <legend>Rows that conflict with stored data</legend>
            {(
              [
                ['reject', 'Refuse the import'],
                ['keep', 'Keep the stored values'],
                ['replace', "Take this file's values"],
              ] as const
            ).map(([v, l]) => (
              <label key={v}>
                <input type="radio" name="onConflict" value={v} checked={onConflict === v} onChange={() => setOnConflict(v)} />
                {l}
              </label>
            ))}
          </fieldset>
          {showErrors && hasErrors && (
            <Notice tone="error" title="The mapping is not complete">
              Fix the columns marked above, then check the file.
            </Notice>
          )}
          <Actions>
            <Button onClick={() => setStep('file')}>Back</Button>
            <Button variant="primary" onClick={runCheck}>
              Check the file
            </Button>
          </Actions>
        </div>
      )}

      {step === 'check' && (
        <div className="wizard__body">
          <JobView
            handle={check}
            runningLabel={`Checking ${source?.name ?? 'the file'}`}
            cancelLabel="Cancel check"
            cancelledText="The check was cancelled. Nothing was imported."
          />
          {check.job?.state === 'done' && check.job.result && (
            <ResultView result={check.job.result} dryRun />
          )}
          <Actions>
            <Button onClick={() => setStep('map')} disabled={check.running}>
              Back to mapping
            </Button>
            {check.job?.state === 'done' && check.job.result && !check.job.result.refused && (
              <Button variant="primary" onClick={runImport}>
                Import {plural(check.job.result.counts.imported, 'row')}
              </Button>
            )}
          </Actions>
        </div>
      )}

      {step === 'import' && (
        <div className="wizard__body">
          <JobView
            handle={imp}
            runningLabel={`Importing ${source?.name ?? 'the file'} into ${feed?.name ?? ''}`}
            cancelLabel="Cancel import"
            cancelledText="The import was cancelled. Nothing was imported and the database is unchanged."
          />
          {imp.job?.state === 'done' && imp.job.result && (
            <>
              <Notice tone="success" title={`Batch ${imp.job.result.batch} imported into ${imp.job.result.feed}`}>
                <p>
                  {plural(imp.job.result.counts.imported, 'row')} imported
                  {imp.job.result.counts.rejected > 0 ? `, ${plural(imp.job.result.counts.rejected, 'row')} rejected` : ''}
                  {imp.job.result.from ? ` · data ${fmtTime(imp.job.result.from)} – ${fmtTime(imp.job.result.to)}` : ''}.
                  {imp.job.result.mapping_saved ? ' The mapping was saved with the feed.' : ''}
                </p>
              </Notice>
              <ResultView result={imp.job.result} />
              {imp.job.result.counts.rejected > 0 && imp.job.result.batch && (
                <div className="rejects">
                  <span>Send the supplier the rejected rows with the fix for each:</span>
                  <Button icon="imports" onClick={() => rejects(imp.job!.result!.batch!, 'xlsx')}>
                    Rejects report (XLSX)
                  </Button>
                  <Button onClick={() => rejects(imp.job!.result!.batch!, 'csv')}>CSV</Button>
                </div>
              )}
              {saved && (
                <Notice tone="success" title="Rejects report saved">
                  <p>
                    {saved.path}{' '}
                    <button type="button" className="linkish" onClick={() => api.dialogs.showFolder(saved.path)}>
                      Show in folder
                    </button>
                  </p>
                </Notice>
              )}
              {rejectsError && <Notice tone="error" title="The rejects report could not be made">{rejectsError.message}</Notice>}
            </>
          )}
          <Actions>
            {imp.job?.state !== 'done' && (
              <Button onClick={() => setStep('check')} disabled={imp.running}>
                Back to the check
              </Button>
            )}
            {imp.job?.state === 'done' && (
              <Button variant="primary" onClick={startOver}>
                Import another file
              </Button>
            )}
          </Actions>
        </div>
      )}
    </section>
  );
}

function feedSummary(f: FeedInfo): string {
  const parts = [f.shape, f.interval ? `every ${f.interval}` : '', f.unit ?? '', f.time_zone, f.supplier ? `from ${f.supplier}` : ''].filter(Boolean);
  const last = f.data_to ? ` · data up to ${fmtTime(f.data_to)}` : f.batches === 0 ? ' · no data yet' : '';
  return parts.join(' · ') + last;
}

function MappingSelect({
  field,
  required,
  header,
  value,
  error,
  suggested,
  onChange,
}: {
  field: MappingField;
  required: boolean;
  header: string[];
  value: string;
  error?: string;
  suggested?: string;
  onChange: (v: string) => void;
}) {
  const label = (
    <>
      {FIELD_LABELS[field]}
      {required ? <span className="req" aria-label="required"> *</span> : <span className="opt"> (optional)</span>}
    </>
  );
  const hint = suggested && suggested !== value ? `Suggested: ${suggested}` : FIELD_HINTS[field];
  return (
    <Field label={label} error={error} hint={hint}>
      {(p) => (
        <select {...p} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{required ? '— choose a column —' : '— not in this file —'}</option>
          {header.map((h, i) => (
            <option key={`${h}-${i}`} value={h}>
              {h || `column ${i + 1}`}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function PreviewTable({ preview, mapping }: { preview: PreviewResult; mapping: Mapping }) {
  const rows = preview.samples.slice(0, 6);
  return (
    <div className="preview table-wrap" role="region" aria-label="First rows of the file" tabIndex={0}>
      <table className="table table--preview">
        <caption className="visually-hidden">
          First {rows.length} rows of {preview.file}
        </caption>
        <thead>
          <tr>
            {preview.header.map((h, i) => {
              const f = fieldOfColumn(mapping, h);
              return (
                <th key={`${h}-${i}`} scope="col" className={f ? 'is-mapped' : undefined}>
                  <span className="preview__col">{h || `column ${i + 1}`}</span>
                  <span className={`preview__field${f ? '' : ' is-unused'}`}>{f ? `→ ${FIELD_LABELS[f].toLowerCase()}` : 'not used'}</span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {preview.header.map((h, j) => (
                <td key={`${h}-${j}`} className={fieldOfColumn(mapping, h) ? undefined : 'is-unused'}>
                  {r[j] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function JobView<R>({
  handle,
  runningLabel,
  cancelLabel,
  cancelledText,
}: {
  handle: JobHandle<R>;
  runningLabel: string;
  cancelLabel: string;
  cancelledText: string;
}) {
  const j = handle.job;
  if (handle.error) return <Notice tone="error" title="It could not start">{handle.error.message}</Notice>;
  if (!j || j.state === 'running') {
    const frac = j ? jobFraction(j) : null;
    return (
      <div className="jobview">
        <ProgressBar
          label={runningLabel}
          fraction={frac}
          detail={j && j.total > 0 ? `${formatBytes(j.done)} of ${formatBytes(j.total)}` : j?.done ? `${fmt.count(j.done)} rows` : 'starting…'}
        />
        {j?.step && <p className="jobview__step">{j.step}</p>}
        <Actions>
          <Button className="btn--danger" onClick={handle.cancel} disabled={!j}>
            {cancelLabel}
          </Button>
        </Actions>
      </div>
    );
  }
  if (j.state === 'cancelled') return <Notice tone="warning" title="Cancelled">{cancelledText}</Notice>;
  if (j.state === 'failed') return <Notice tone="error" title="It did not work">{j.error}</Notice>;
  return null;
}

function ResultView({ result, dryRun }: { result: ImportResult; dryRun?: boolean }) {
  const c = result.counts;
  return (
    <div className="result">
      {result.refused && (
        <Notice tone="error" title="This file would be refused">
          <p>{result.refused_reason}</p>
        </Notice>
      )}
      {dryRun && !result.refused && (
        <Notice tone={c.rejected > 0 ? 'warning' : 'success'} title={c.rejected > 0 ? 'Some rows will be rejected' : 'Every row can be imported'}>
          <p>Nothing has been stored yet. Rejected rows are listed below with what to fix; the rest can be imported now.</p>
        </Notice>
      )}
      <dl className="kv" aria-label={dryRun ? 'Check result' : 'Import result'}>
        <div>
          <dt>Rows read</dt>
          <dd>{fmt.count(c.read)}</dd>
        </div>
        <div className="is-good">
          <dt>{dryRun ? 'Can be imported' : 'Imported'}</dt>
          <dd>{fmt.count(c.imported)}</dd>
        </div>
        <div className={c.rejected ? 'is-bad' : undefined}>
          <dt>Rejected</dt>
          <dd>{fmt.count(c.rejected)}</dd>
        </div>
        <div className={c.warnings ? 'is-warn' : undefined}>
          <dt>With warnings</dt>
          <dd>{fmt.count(c.warnings)}</dd>
        </div>
        <div>
          <dt>Empty</dt>
          <dd>{fmt.count(c.empty)}</dd>
        </div>
        {!!c.replaced && (
          <div>
            <dt>Replaced</dt>
            <dd>{fmt.count(c.replaced)}</dd>
          </div>
        )}
      </dl>
      <FindingCounts counts={result.finding_counts} findings={result.findings} />
      {result.findings.length > 0 && (
        <>
          <FindingsTable findings={result.findings} caption={`Findings in ${result.file}`} />
          {result.findings_truncated && <p className="muted">The first {fmt.count(result.findings.length)} findings are listed; the counts above are complete.</p>}
        </>
      )}
    </div>
  );
}
