import { describe, expect, it } from 'vitest';
import { localInputToRFC3339, utcInput } from './format';

describe('a typed UTC time', () => {
  it('reads a 24-hour clock with a space or a T, with or without seconds', () => {
    expect(utcInput('2026-06-10 13:00')).toBe('2026-06-10T13:00');
    expect(utcInput(' 2026-06-10T23:59 ')).toBe('2026-06-10T23:59');
    expect(utcInput('2026-06-10 00:00:30')).toBe('2026-06-10T00:00:30');
    expect(utcInput('2024-02-29 12:00')).toBe('2024-02-29T12:00');
  });

  it('refuses what is not a time: a day a month lacks, 24:00, a 12-hour clock, a missing zero', () => {
    for (const v of ['2026-02-30 10:00', '2025-02-29 12:00', '2026-06-10 24:00', '2026-06-10 1:00 PM', '2026-6-10 13:00', '2026-06-10', '13:00', '']) {
      expect(utcInput(v), v).toBeNull();
    }
  });

  it('goes to the server as RFC 3339 in UTC; text that is not a time goes as typed, for the server to name', () => {
    expect(localInputToRFC3339('2026-06-10 13:00')).toBe('2026-06-10T13:00:00Z');
    expect(localInputToRFC3339('2026-06-10T13:00:30')).toBe('2026-06-10T13:00:30Z');
    expect(localInputToRFC3339('soon')).toBe('soon');
    expect(localInputToRFC3339('')).toBe('');
  });
});
