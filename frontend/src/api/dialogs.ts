// app.Dialogs: native file dialogs and the file manager, in the desktop window only.
import type { Transport } from './transport';
import type { FileData } from './files';

export interface DialogsApi {
  /** True in the window; in the browser the UI uploads and downloads instead. */
  readonly available: boolean;
  /** A file to open ('' when cancelled); kind "data" offers CSV/XLSX first. */
  openFile(title: string, kind?: 'data' | 'any'): Promise<string>;
  /** Where to save ('' when cancelled). */
  saveFile(title: string, defaultName: string): Promise<string>;
  /** A picked file's bytes (exception evidence). */
  readFile(path: string): Promise<FileData>;
  /** Writes bytes (base64) to a path chosen with saveFile. */
  writeFile(path: string, data: string): Promise<void>;
  /** Opens the folder holding path in the file manager. */
  showFolder(path: string): Promise<void>;
}

export function createDialogsApi(t: Transport): DialogsApi {
  const available = t.mode === 'desktop';
  const guard = <T,>(f: () => Promise<T>) =>
    available ? f() : Promise.reject(new Error('native dialogs exist only in the Slate window'));
  return {
    available,
    openFile: (title, kind = 'any') => guard(() => t.call<string>('Dialogs', 'OpenFile', [title, kind])),
    saveFile: (title, name) => guard(() => t.call<string>('Dialogs', 'SaveFile', [title, name])),
    readFile: (path) => guard(() => t.call<FileData>('Dialogs', 'ReadFile', [path])),
    writeFile: (path, data) => guard(() => t.call<void>('Dialogs', 'WriteFile', [path, data])),
    showFolder: (path) => guard(() => t.call<void>('Dialogs', 'ShowFolder', [path])),
  };
}
