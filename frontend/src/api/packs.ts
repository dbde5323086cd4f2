// app.Packs: the service review pack (XLSX + PDF) built as a job, its files,
// downloads and the check of a pack file against the data.
import type { Transport } from './transport';

export type PackFormat = 'xlsx' | 'pdf';

/** app.PackQuery */
export interface PackQuery {
  /** 2026-10, 2026-Q3, 2026-W07, 2026 or 2026-10-05. */
  period: string;
  services?: string[];
  formats?: PackFormat[];
  anonymize?: boolean;
  date?: string;
}

/** app.PackFile */
export interface PackFile {
  name: string;
  path: string;
  format: PackFormat | (string & {});
  size: number;
  sha256: string;
}

/** app.PackResult: the job's result. */
export interface PackResult {
  period: string;
  generated_at: string;
  fingerprint: string;
  scope: string;
  anonymized: boolean;
  slts: number;
  sections: number;
  files: PackFile[];
}

/** app.PackVerification */
export interface PackVerification {
  file: string;
  format: string;
  stored: string;
  current: string;
  match: boolean;
  scope: string;
  period?: string;
  services: string[];
  components: string[];
  message: string;
}

/** app.PackDownload: bytes as base64. */
export interface PackDownload {
  name: string;
  content_type: string;
  data: string;
}

export interface PacksApi {
  /** Starts building as a background job; returns the job id (Jobs.Get: PackResult). */
  start(q: PackQuery): Promise<number>;
  /** Checks a pack file the person holds (an upload id) against the data. */
  verify(upload: string): Promise<PackVerification>;
  /** Checks a file of the packs folder, by name. */
  verifyStored(name: string): Promise<PackVerification>;
  /** A pack file of the packs folder, by name. */
  download(name: string): Promise<PackDownload>;
  /** The files in the packs folder. */
  list(): Promise<PackFile[]>;
}

export function normalisePackResult(r: PackResult): PackResult {
  return { ...r, files: r?.files ?? [] };
}

function normaliseVerification(v: PackVerification): PackVerification {
  return { ...v, services: v?.services ?? [], components: v?.components ?? [] };
}

export function createPacksApi(t: Transport): PacksApi {
  return {
    start: (q) => t.call<number>('Packs', 'Start', [q]),
    verify: async (upload) => normaliseVerification(await t.call<PackVerification>('Packs', 'Verify', [upload])),
    verifyStored: async (name) => normaliseVerification(await t.call<PackVerification>('Packs', 'VerifyStored', [name])),
    download: (name) => t.call<PackDownload>('Packs', 'Download', [name]),
    list: async () => (await t.call<PackFile[] | null>('Packs', 'List')) ?? [],
  };
}
