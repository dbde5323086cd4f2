import { describe, expect, it } from 'vitest';
import type { ServiceSummary } from '../../api';
import { countTypes, filterServices, groupByBusinessUnit } from './group';

const svc = (name: string, businessUnit: string, types: string[] = []): ServiceSummary => ({
  name,
  displayName: name.toUpperCase(),
  businessUnit,
  productLine: '',
  owner: '',
  criticality: '',
  slts: types.map((type, i) => ({
    name: `${name}-${i}`,
    displayName: '',
    type,
    indicator: 'ratio',
    objective: '',
    period: '',
    owner: '',
    feed: '',
    supplier: '',
    tiers: [],
  })),
});

describe('groupByBusinessUnit', () => {
  it('sorts units by name with services without a unit last', () => {
    const g = groupByBusinessUnit([svc('b', 'Retail'), svc('x', ''), svc('a', 'Retail'), svc('c', 'Finance')]);
    expect(g.map((x) => x.businessUnit)).toEqual(['Finance', 'Retail', '']);
    expect(g[1].services.map((s) => s.name)).toEqual(['a', 'b']);
  });
});

describe('countTypes', () => {
  it('counts SLA, OLA, UC and anything else', () => {
    expect(countTypes([svc('a', 'R', ['SLA', 'UC', 'sla']), svc('b', 'R', ['OLA', 'XLA'])])).toEqual({
      SLA: 2,
      OLA: 1,
      UC: 1,
      other: 1,
    });
  });
});

describe('filterServices', () => {
  it('keeps a whole service when the service matches', () => {
    expect(filterServices([svc('pay', 'R', ['SLA', 'OLA'])], 'PAY')[0].slts).toHaveLength(2);
  });
  it('returns everything for an empty query', () => {
    const all = [svc('a', 'R')];
    expect(filterServices(all, '  ')).toBe(all);
  });
});
