import { describe, expect, it } from 'vitest';
import type { FeedInfo, PreviewResult } from '../../api/imports';
import { cleanMapping, initialMapping, mappingErrors, resolveColumn } from './mapping';

const counts: FeedInfo = {
  name: 'req', display_name: 'req', shape: 'counts', time_zone: 'UTC', required: ['time', 'good', 'total'], optional: ['bad', 'ci'], batches: 0,
};

function preview(p: Partial<PreviewResult>): PreviewResult {
  return {
    file: 'f.csv', size: 1, format: 'csv', sheets: [], header_row: 1, header: ['Time', 'Requests', 'Errors'], samples: [],
    suggestion: { mapping: { time: 'Time', total: 'Requests', bad: 'Errors' }, missing: [], notes: [] },
    ...p,
  };
}

describe('mapping helpers', () => {
  it('resolves column references as Go does', () => {
    expect(resolveColumn('requests', ['Time', 'Requests'])).toBe('Requests');
    expect(resolveColumn('#2', ['Time', 'Requests'])).toBe('Requests');
    expect(resolveColumn('Latency (ms)', ['latency_ms'])).toBe('latency_ms');
    expect(resolveColumn('nope', ['Time'])).toBeUndefined();
  });

  it('starts from the saved mapping when the file has its columns, else the suggestion', () => {
    const saved = initialMapping(preview({ saved: { time: 'time', total: 'REQUESTS', bad: 'errors', time_layout: 'iso-local', sheet: 'x' } }));
    expect(saved).toEqual({ source: 'saved', mapping: { time: 'Time', total: 'Requests', bad: 'Errors', time_layout: 'iso-local' } });
    const other = initialMapping(preview({ saved: { time: 'Timestamp', total: 'Attempts' } }));
    expect(other.source).toBe('suggested');
    expect(other.mapping).toEqual({ time: 'Time', total: 'Requests', bad: 'Errors' });
  });

  it('reports missing and doubled columns at the field', () => {
    expect(mappingErrors({ time: 'Time', total: 'Requests', bad: 'Errors' }, counts)).toEqual({});
    const errs = mappingErrors({ time: 'Time', total: 'Time' }, counts);
    expect(errs.good).toMatch(/good count \(or the bad count\)/);
    expect(errs.total).toBe('“Time” is already the time column.');
  });

  it('sends only the feed fields', () => {
    expect(cleanMapping({ time: 'T', value: 'V', total: 'R', good: 'G', decimal_comma: false, time_layout: '' }, counts, 'Sheet1')).toEqual({
      time: 'T', good: 'G', total: 'R', sheet: 'Sheet1',
    });
  });
});
