import { describe, expect, it } from 'vitest';
import { against, bound, compact, count, money, number, objective, pValue, percent, points, quantity, share, target, times } from './format';

// The same cases as internal/plain/plain_test.go: the UI and the CLI, the pack
// and the API's sentences print the same figure the same way.
describe('format (mirrors internal/plain)', () => {
  it('numbers: three significant digits, at most four decimals, no exponent', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [298.018, '298'],
      [13500, '13,500'],
      [1.193e6, '1,193,000'],
      [1.7989417989417973, '1.8'],
      [2.0999999999999996, '2.1'],
      [4.285714285714282, '4.29'],
      [0.002561, '0.0026'],
      [-0.0207, '-0.0207'],
      [0.00001, '< 0.0001'],
      [-1234567.8, '-1,234,568'],
    ];
    for (const [v, want] of cases) expect(number(v)).toBe(want);
    expect(number(null)).toBe('–');
    expect(quantity(298.018, 'ms')).toBe('298 ms');
    expect(count(565990)).toBe('565,990');
  });

  it('shares: three decimals, never 100% for less than all', () => {
    expect(percent(0.996439393939394)).toBe('99.644%');
    expect(percent(1)).toBe('100.000%');
    expect(percent(0.9999996)).toBe('99.999%');
    expect(percent(0.0000001)).toBe('< 0.001%');
    expect(percent(0.99995, 1)).toBe('99.9%');
    expect(share(0.95)).toBe('95%');
    expect(points(-0.0000133)).toBe('-0.0013 pp');
  });

  it('targets as written, objectives with ≥ ≤', () => {
    expect(target(0.999, true)).toBe('99.9%');
    expect(target(0.99995, true)).toBe('99.995%');
    expect(target(1200, false, 'ms')).toBe('1,200 ms');
    expect(objective('>=', 0.99, true)).toBe('≥ 99%');
    expect(objective('<=', 450, false, 'ms')).toBe('≤ 450 ms');
  });

  it('an attainment beside its target never reads as the target', () => {
    expect(against(298.018, 450, false, 'ms')).toBe('298 ms');
    expect(against(450.3, 450, false, 'ms')).toBe('450.3 ms');
    expect(against(449.99999, 450, false, 'ms')).toBe('449.9999 ms');
    expect(against(0.9899999, 0.99, true)).toBe('98.9999%');
    expect(against(0.98999, 0.99, true)).toBe('98.999%');
    expect(against(0.9999999, 0.9999, true)).toBe('99.999%');
  });

  it('a bound keeps the periods it came from meeting it', () => {
    expect(bound(0.9940779577182406, '>=', true)).toBe('≥ 99.407%');
    expect(bound(0.9940779577182406, '<=', true)).toBe('≤ 99.408%');
    expect(bound(0.29, '>=', true)).toBe('≥ 29%');
    expect(bound(334.555, '<=', false, 'ms')).toBe('≤ 335 ms');
  });

  it('p-values, money, rates, axes', () => {
    expect(pValue(2.8e-203)).toBe('< 0.0001');
    expect(pValue(0.01353)).toBe('0.0135');
    expect(pValue(1)).toBe('1');
    expect(money(1950, 'EUR')).toBe('1,950.00 EUR');
    expect(times(1.8378378378378364)).toBe('1.84×');
    expect(compact(795200)).toBe('795k');
    expect(compact(1193000)).toBe('1.19M');
  });

  it('never an exponent nor more than four decimals', () => {
    for (let e = -12; e <= 12; e++) {
      for (const m of [1, 1.0000000000000002, 2.0999999999999996, 9.999999, 3.14159265]) {
        const v = m * 10 ** e;
        for (const s of [number(v), number(-v), percent(v / 1e6), target(v, false), pValue(v / 1e12), against(v, v * 1.0000001, false)]) {
          expect(s).not.toMatch(/\d[eE][+-]?\d/);
          expect(s).not.toMatch(/\.\d{5,}/);
        }
      }
    }
  });
});
