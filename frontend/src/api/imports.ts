// app.Imports: supplier files into feeds as batches (the import wizard).
import type { Transport } from './transport';
import { invoke, wireAs } from './call';
import { readAsBase64 } from './files';
import type {
  Batch,
  BatchCounts,
  BatchDetail,
  FeedInfo,
  FileData,
  Finding,
  ImportRequest,
  ImportResult,
  Mapping,
  PreviewResult,
  Suggestion,
  UploadedFile,
} from './generated/wire';

export type { Batch, BatchCounts, BatchDetail, FeedInfo, Finding, ImportRequest, ImportResult, Mapping, PreviewResult, Suggestion, UploadedFile };

/** The column fields of a mapping (everything but layout, decimal comma and sheet). */
export type MappingField = Exclude<keyof Mapping, 'time_layout' | 'decimal_comma' | 'sheet'>;

export type OnConflict = 'reject' | 'keep' | 'replace';

export type Severity = 'error' | 'warning' | 'info';

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

/** The result of a finished import job. */
export function normaliseResult(r: unknown): ImportResult {
  return wireAs('ImportResult', r);
}

export function createImportsApi(t: Transport): ImportsApi {
  return {
    feeds: () => invoke(t, 'Imports.Feeds'),
    preview: (upload, feed, sheet = '') => invoke(t, 'Imports.Preview', upload, feed, sheet),
    suggest: (header, samples, shape) => invoke(t, 'Imports.Suggest', header, samples, shape),
    start: (req) => invoke(t, 'Imports.Start', req),
    batches: (feed = '') => invoke(t, 'Imports.Batches', feed),
    batch: (id) => invoke(t, 'Imports.Batch', id),
    revert: (id, reason) => invoke(t, 'Imports.Revert', id, reason),
    rejectsFile: (id, format) => invoke(t, 'Imports.RejectsFile', id, format),
    templateFile: (feed) => invoke(t, 'Imports.TemplateFile', feed),
    async upload(file, onProgress) {
      const size = file.size;
      let u: UploadedFile | null = null;
      let offset = 0;
      do {
        const end = Math.min(size, offset + UPLOAD_CHUNK);
        const data = await readAsBase64(file.slice(offset, end));
        u = await invoke(t, 'Imports.Upload', u ? { id: u.id, name: '', size, offset, data } : { name: file.name, size, offset: 0, data });
        offset = end;
        onProgress?.(offset, size);
      } while (offset < size);
      return u!;
    },
    discardUpload: async (id) => {
      await invoke(t, 'Imports.DiscardUpload', id);
    },
  };
}
