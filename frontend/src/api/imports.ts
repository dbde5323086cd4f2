// app.Imports: supplier files into feeds as batches (the import wizard).
import type { Transport } from './transport';
import { type FileData, readAsBase64 } from './files';

/** domain.Mapping: which column holds what. */
export interface Mapping {
  time?: string;
  /** rfc3339 | iso-local | excel | unix | unix-ms | a Go layout such as 02/01/2006 15:04 */
  timeLayout?: string;
  value?: string;
  good?: string;
  bad?: string;
  total?: string;
  ok?: string;
  item?: string;
  opened?: string;
  resolved?: string;
  paused?: string;
  priority?: string;
  ci?: string;
  decimalComma?: boolean;
  sheet?: string;
}

/** The column fields of a mapping (everything but layout, decimal comma and sheet). */
export type MappingField = Exclude<keyof Mapping, 'timeLayout' | 'decimalComma' | 'sheet'>;

/** app.FeedInfo */
export interface FeedInfo {
  name: string;
  displayName: string;
  shape: string;
  supplier?: string;
  owner?: string;
  unit?: string;
  interval?: string;
  timeZone: string;
  required: MappingField[];
  optional: MappingField[];
  mapping?: Mapping | null;
  batches: number;
  lastImport?: string;
  dataTo?: string;
}

/** ingest.Suggestion */
export interface Suggestion {
  mapping: Mapping;
  missing: string[];
  notes: string[];
}

/** app.PreviewResult */
export interface PreviewResult {
  file: string;
  size: number;
  format: string;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  sheets: string[];
  headerRow: number;
  header: string[];
  samples: string[][];
  suggestion: Suggestion;
  saved?: Mapping | null;
}

export type OnConflict = 'reject' | 'keep' | 'replace';

/** app.ImportRequest */
export interface ImportRequest {
  /** The upload id (imports.upload, or a file picked in the window). */
  upload: string;
  feed: string;
  mapping?: Mapping;
  sheet?: string;
  dryRun?: boolean;
  onConflict?: OnConflict;
}

export type Severity = 'error' | 'warning' | 'info';

/** ingest.Finding */
export interface Finding {
  kind: string;
  severity: Severity | (string & {});
  row?: number;
  column?: string;
  raw?: string;
  message: string;
  start?: string;
  end?: string;
  missing?: number;
  rows?: number;
  offset?: string;
}

/** storage.BatchCounts */
export interface BatchCounts {
  read: number;
  imported: number;
  rejected: number;
  empty: number;
  warnings: number;
  replaced?: number;
}

/** app.ImportResult */
export interface ImportResult {
  batch?: number;
  feed: string;
  file: string;
  size: number;
  sha256: string;
  format: string;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  headerRow: number;
  header: string[];
  mapping: Mapping;
  mappingFrom: string;
  mappingSaved?: boolean;
  dryRun?: boolean;
  refused?: boolean;
  refusedReason?: string;
  counts: BatchCounts;
  findingCounts: Record<string, number>;
  severities: Record<string, number>;
  findings: Finding[];
  findingsTruncated?: boolean;
  from?: string;
  to?: string;
  seconds: number;
}

/** storage.Batch */
export interface Batch {
  id: number;
  feed: string;
  /** published | reverted */
  status: string;
  file?: string;
  size?: number;
  sha256?: string;
  format?: string;
  sheet?: string;
  mapping?: Mapping | null;
  onConflict?: string;
  counts: BatchCounts;
  findings?: Record<string, number> | null;
  from?: string;
  to?: string;
  created: string;
  published?: string;
  reverted?: string;
}

/** app.BatchDetail */
export interface BatchDetail extends Batch {
  findingsList: Finding[];
  findingsTruncated?: boolean;
  points: number;
}

/** app.UploadedFile: its id is what preview, start, pack verify and evidence take. */
export interface UploadedFile {
  id: string;
  name: string;
  size: number;
  received: number;
  complete: boolean;
  /** Where a file picked in the window lives (shown, never sent back). */
  local?: string;
}

/** Bytes per upload call (Go accepts up to 8 MiB). */
export const UPLOAD_CHUNK = 4 << 20;
/** app.MaxUploadSize */
export const MAX_UPLOAD = 512 << 20;

export interface ImportsApi {
  feeds(): Promise<FeedInfo[]>;
  preview(upload: string, feed: string, sheet?: string): Promise<PreviewResult>;
  suggest(header: string[], samples: string[][], shape: string): Promise<Suggestion>;
  /** Starts the import (or dry run) as a job; poll it with jobs.get. */
  start(req: ImportRequest): Promise<number>;
  batches(feed?: string): Promise<Batch[]>;
  batch(id: number): Promise<BatchDetail>;
  revert(id: number, reason: string): Promise<Batch>;
  /** The rejects report as a download. */
  rejectsFile(id: number, format: 'xlsx' | 'csv'): Promise<FileData>;
  /** The feed's supplier template (XLSX) as a download. */
  templateFile(feed: string): Promise<FileData>;
  /** Sends a picked file to Go in chunks; onProgress(bytes sent, size). */
  upload(file: Blob & { name: string }, onProgress?: (sent: number, size: number) => void): Promise<UploadedFile>;
  discardUpload(id: string): Promise<void>;
}

const arr = <T,>(v: T[] | null | undefined): T[] => v ?? [];

function normalisePreview(p: PreviewResult): PreviewResult {
  return {
    ...p,
    sheets: arr(p.sheets),
    header: arr(p.header),
    samples: arr(p.samples).map((r) => arr(r)),
    suggestion: { mapping: p.suggestion?.mapping ?? {}, missing: arr(p.suggestion?.missing), notes: arr(p.suggestion?.notes) },
  };
}

export function normaliseResult(r: ImportResult): ImportResult {
  return {
    ...r,
    header: arr(r.header),
    findings: arr(r.findings),
    findingCounts: r.findingCounts ?? {},
    severities: r.severities ?? {},
  };
}

export function createImportsApi(t: Transport): ImportsApi {
  return {
    feeds: async () =>
      arr(await t.call<FeedInfo[] | null>('Imports', 'Feeds')).map((f) => ({
        ...f,
        required: arr(f.required),
        optional: arr(f.optional),
      })),
    preview: async (upload, feed, sheet = '') => normalisePreview(await t.call<PreviewResult>('Imports', 'Preview', [upload, feed, sheet])),
    suggest: async (header, samples, shape) => {
      const s = await t.call<Suggestion>('Imports', 'Suggest', [header, samples, shape]);
      return { mapping: s?.mapping ?? {}, missing: arr(s?.missing), notes: arr(s?.notes) };
    },
    start: (req) => t.call<number>('Imports', 'Start', [req]),
    batches: async (feed = '') => arr(await t.call<Batch[] | null>('Imports', 'Batches', [feed])),
    batch: async (id) => {
      const d = await t.call<BatchDetail>('Imports', 'Batch', [id]);
      return { ...d, findingsList: arr(d.findingsList) };
    },
    revert: (id, reason) => t.call<Batch>('Imports', 'Revert', [id, reason]),
    rejectsFile: (id, format) => t.call<FileData>('Imports', 'RejectsFile', [id, format]),
    templateFile: (feed) => t.call<FileData>('Imports', 'TemplateFile', [feed]),
    async upload(file, onProgress) {
      const size = file.size;
      let u: UploadedFile | null = null;
      let offset = 0;
      do {
        const end = Math.min(size, offset + UPLOAD_CHUNK);
        const data = await readAsBase64(file.slice(offset, end));
        u = await t.call<UploadedFile>('Imports', 'Upload', [
          u ? { id: u.id, offset, data } : { name: file.name, size, offset: 0, data },
        ]);
        offset = end;
        onProgress?.(offset, size);
      } while (offset < size);
      return u!;
    },
    discardUpload: (id) => t.call<void>('Imports', 'DiscardUpload', [id]),
  };
}
