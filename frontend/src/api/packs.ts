// app.Packs: the service review pack (XLSX + PDF) built as a job, its files,
// downloads and the check of a pack file against the data.
import type { Transport } from './transport';
import { invoke, wireAs } from './call';
import type { PackDownload, PackFile, PackQuery, PackResult, PackVerification } from './generated/wire';

export type { PackDownload, PackFile, PackQuery, PackResult, PackVerification };

export type PackFormat = 'xlsx' | 'pdf';

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

/** The result of a finished pack job. */
export function normalisePackResult(r: unknown): PackResult {
  return wireAs('PackResult', r);
}

export function createPacksApi(t: Transport): PacksApi {
  return {
    start: (q) => invoke(t, 'Packs.Start', q),
    verify: (upload) => invoke(t, 'Packs.Verify', upload),
    verifyStored: (name) => invoke(t, 'Packs.VerifyStored', name),
    download: (name) => invoke(t, 'Packs.Download', name),
    list: () => invoke(t, 'Packs.List'),
  };
}
