// Bytes between the UI and Go: Go's []byte travels as base64 in JSON (both
// over HTTP and through the Wails bindings). Browser downloads are made from
// those bytes; the window saves through native dialogs instead.

/** app.FileData: a file's bytes for the UI (base64), with its MIME type. */
export type { FileData } from './generated/wire';
import type { FileData } from './generated/wire';
import type { DialogsApi } from './dialogs';

/** bytesToBase64 encodes without building one huge string argument list. */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    bin += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return btoa(bin);
}

export function base64ToBytes(b64: string | null | undefined): Uint8Array<ArrayBuffer> {
  const bin = atob(b64 ?? '');
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** readAsBase64 reads a slice of a picked file (Blob) as base64. */
export async function readAsBase64(blob: Blob): Promise<string> {
  const buf = new Uint8Array(await blob.arrayBuffer());
  return bytesToBase64(buf);
}

/** saveDownload hands bytes to the browser as a download named like the file. */
export function saveDownload(f: FileData, doc: Document = document): void {
  const blob = new Blob([base64ToBytes(f.data)], { type: f.type || 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = f.name;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * saveFile hands a file to the person: a save dialog in the window (the path
 * chosen, '' when cancelled), a browser download elsewhere (the file's name).
 */
export async function saveFile(api: { dialogs: DialogsApi }, f: FileData, title: string): Promise<string> {
  if (api.dialogs.available) return api.dialogs.saveFile(title, f.name, f.data ?? '');
  saveDownload(f);
  return f.name;
}

/** formatBytes: 1536 → "1.5 KB" (decimal units, as file managers show). */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '–';
  if (n < 1000) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n;
  let u = -1;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[u]}`;
}
