import { describe, expect, it, vi } from 'vitest';
import { createApi } from './client';
import { base64ToBytes, bytesToBase64 } from './files';
import { jobFraction, waitForJob, type Job } from './jobs';
import { fakeTransport } from '../features/imports/fakeTransport';

describe('files', () => {
  it('round-trips bytes through base64, also past one String.fromCharCode batch', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    const b64 = bytesToBase64(bytes);
    expect(Buffer.from(b64, 'base64').equals(Buffer.from(bytes))).toBe(true);
    expect(base64ToBytes(b64)).toEqual(bytes);
  });
});

describe('imports.upload', () => {
  it('sends the file in chunks, then the later chunks by id', async () => {
    const received: Uint8Array[] = [];
    const { transport, calls } = fakeTransport({
      'Imports.Upload': (c: { id?: string; offset: number; data: string; size?: number; name?: string }) => {
        received.push(base64ToBytes(c.data));
        const got = received.reduce((n, r) => n + r.length, 0);
        return { id: 'u1', name: 'big.csv', path: '/tmp/u1/big.csv', size: 9 << 20, received: got, complete: got === 9 << 20 };
      },
    });
    const api = createApi(transport);
    const file = new File([new Uint8Array(9 << 20).fill(65)], 'big.csv');
    const progress = vi.fn();
    const u = await api.imports.upload(file, progress);
    expect(u.complete).toBe(true);
    const sent = calls('Imports.Upload').map(([c]) => ({ ...(c as object), data: undefined }));
    expect(sent).toEqual([
      { name: 'big.csv', size: 9 << 20, offset: 0, data: undefined },
      { id: 'u1', name: '', size: 9 << 20, offset: 4 << 20, data: undefined },
      { id: 'u1', name: '', size: 9 << 20, offset: 8 << 20, data: undefined },
    ]);
    expect(progress).toHaveBeenLastCalledWith(9 << 20, 9 << 20);
  });
});

describe('jobs', () => {
  it('polls a job until it ends and reports every state', async () => {
    const states: Job[] = [
      { id: 3, kind: 'import', title: 't', owner: 'ana', state: 'running', done: 10, total: 100, started: '' },
      { id: 3, kind: 'import', title: 't', owner: 'ana', state: 'running', done: 60, total: 100, started: '' },
      { id: 3, kind: 'import', title: 't', owner: 'ana', state: 'done', done: 100, total: 100, started: '', result: { batch: 7 } },
    ];
    const { transport, calls } = fakeTransport({ 'Jobs.Get': () => states.shift() });
    const seen: number[] = [];
    const final = await waitForJob(createApi(transport).jobs, 3, (j) => seen.push(j.done), { sleep: async () => {} });
    expect(final.state).toBe('done');
    expect(final.result).toEqual({ batch: 7 });
    expect(seen).toEqual([10, 60, 100]);
    expect(calls('Jobs.Get')).toEqual([[3], [3], [3]]);
    expect(jobFraction({ done: 5, total: 0, state: 'running' })).toBeNull();
    expect(jobFraction({ done: 50, total: 200, state: 'running' })).toBe(0.25);
  });

  it('native dialogs refuse in the browser, call Go in the window', async () => {
    const browser = createApi(fakeTransport({}).transport);
    expect(browser.dialogs.available).toBe(false);
    await expect(browser.dialogs.openFile('x')).rejects.toThrow(/only in the Slate window/);
    const picked = { id: 'u9', name: 'x.csv', size: 3, received: 3, complete: true, local: '/home/ana/x.csv' };
    let answer: unknown = picked;
    const { transport, calls } = fakeTransport({ 'Dialogs.OpenFile': () => answer, 'Dialogs.SaveFile': () => '/home/ana/r.xlsx' }, 'desktop');
    const win = createApi(transport);
    expect(await win.dialogs.openFile('Pick', 'data')).toEqual(picked);
    expect(calls('Dialogs.OpenFile')).toEqual([['Pick', 'data']]);
    answer = { id: '', name: '', size: 0, received: 0, complete: false };
    expect(await win.dialogs.openFile('Pick')).toBeNull(); // cancelled
    expect(await win.dialogs.saveFile('Save', 'r.xlsx', 'UEs=')).toBe('/home/ana/r.xlsx');
    expect(calls('Dialogs.SaveFile')).toEqual([['Save', 'r.xlsx', 'UEs=']]);
  });
});
