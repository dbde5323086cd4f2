// app.Dialogs: native file dialogs and the file manager, in the desktop window
// only. A picked file becomes an upload id (read where it is); bytes to save
// are written where the person chooses. No path goes from the UI to Go to read.
import type { Transport } from './transport';
import type { UploadedFile } from './imports';

export interface DialogsApi {
  /** True in the window; in the browser the UI uploads and downloads instead. */
  readonly available: boolean;
  /** Picks a file; its upload id is what preview, start, pack verify and evidence take. Null when cancelled. */
  openFile(title: string, kind?: 'data' | 'any'): Promise<UploadedFile | null>;
  /** Asks where to save bytes (base64) and writes them; the path chosen, '' when cancelled. */
  saveFile(title: string, defaultName: string, data: string): Promise<string>;
  /** Opens the folder holding path in the file manager. */
  showFolder(path: string): Promise<void>;
}

export function createDialogsApi(t: Transport): DialogsApi {
  const available = t.mode === 'desktop';
  const guard = <T,>(f: () => Promise<T>) =>
    available ? f() : Promise.reject(new Error('native dialogs exist only in the Slate window'));
  return {
    available,
    openFile: (title, kind = 'any') =>
      guard(async () => {
        const u = await t.call<UploadedFile>('Dialogs', 'OpenFile', [title, kind]);
        return u?.id ? u : null;
      }),
    saveFile: (title, name, data) => guard(() => t.call<string>('Dialogs', 'SaveFile', [title, name, data])),
    showFolder: (path) => guard(() => t.call<void>('Dialogs', 'ShowFolder', [path])),
  };
}
