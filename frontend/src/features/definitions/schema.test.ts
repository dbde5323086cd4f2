import { describe, expect, it } from 'vitest';
import { parseProblems } from '../../api/workspace';
import { KIND_INFO, buildDoc, fieldFor, formValues, mapProblems, setPath } from './schema';
import { problemLine } from './YamlView';

const refused = `3 problem(s), nothing was changed:
SLT/x (form): document 1 (line 1) SLT/x: spec.objective.target: 1.2 is outside 0..1 for the ratio indicator (write 99.5% as 0.995)
SLT/x (form): document 1 (line 1) SLT/x: spec.service: refers to Service "nope", which does not exist
document 0 (line 0) Contract/c1: spec.slt: refers to SLT "x", which is not a share
workspace.yaml: document 2 (line 0) document: not valid YAML: line 9: did not find expected node content`;

describe('Apply problems', () => {
  it('parses every line of a refused apply', () => {
    const ps = parseProblems(refused);
    expect(ps).toHaveLength(4);
    expect(ps[0]).toEqual({
      file: 'SLT/x (form)', document: 1, line: 1, kind: 'SLT', name: 'x', field: 'spec.objective.target',
      message: '1.2 is outside 0..1 for the ratio indicator (write 99.5% as 0.995)',
    });
    expect(ps[2]).toMatchObject({ file: '', document: 0, kind: 'Contract', name: 'c1', field: 'spec.slt' });
    expect(ps[3]).toMatchObject({ document: 2, kind: '', field: '', message: 'not valid YAML: line 9: did not find expected node content' });
    expect(problemLine(ps[3])).toBe(9);
    expect(parseProblems('database in use')).toEqual([]);
  });

  it('puts problems at the form field they name, the rest apart', () => {
    const m = mapProblems(KIND_INFO.SLT, 'x', parseProblems(refused));
    expect(m.fields['spec.objective.target']).toBe('1.2 is outside 0..1 for the ratio indicator (write 99.5% as 0.995)');
    expect(m.fields['spec.service']).toBe('Service refers to Service "nope", which does not exist.');
    expect(m.other.map((p) => p.kind)).toEqual(['Contract', '']);
  });

  it('finds the field for nested and indexed paths', () => {
    expect(fieldFor(KIND_INFO.Calendar, 'spec.hours.mon[1]')).toBe('spec.hours.mon');
    expect(fieldFor(KIND_INFO.Contract, 'spec.creditTiers[0].credit')).toBe('spec.creditTiers');
    expect(fieldFor(KIND_INFO.SLT, 'spec.indicator')).toBe('spec.indicator.kind');
    expect(fieldFor(KIND_INFO.SLT, 'spec.objectiveX')).toBeNull();
    expect(fieldFor(KIND_INFO.SLT, 'spec.tiers[0].target')).toBeNull();
  });
});

describe('forms and documents', () => {
  it('round-trips a document, keeping what the form does not show', () => {
    const doc = {
      apiVersion: 'slate/v1', kind: 'SLT', metadata: { name: 's', displayName: 'S' },
      spec: { service: 'a', type: 'SLA', period: 'month', indicator: { kind: 'ratio' }, objective: { target: 0.99 }, escalation: [{ level: 1, authority: 'boss' }] },
    };
    const v = formValues(KIND_INFO.SLT, doc);
    expect(v['spec.objective.target']).toBe('0.99');
    const { doc: out, errors } = buildDoc(KIND_INFO.SLT, doc, { ...v, 'spec.objective.target': '0,995', 'metadata.displayName': '' });
    expect(errors).toEqual({});
    expect(out.spec.objective.target).toBe(0.995);
    expect(out.metadata.displayName).toBeUndefined();
    expect(out.spec.escalation).toEqual([{ level: 1, authority: 'boss' }]);
    expect(doc.spec.objective.target).toBe(0.99); // the original is untouched
  });

  it('reports bad numbers, required fields and bad tier lines in plain words', () => {
    const { errors } = buildDoc(KIND_INFO.Contract, { apiVersion: '', kind: 'Contract', metadata: { name: '' }, spec: {} }, {
      'metadata.name': 'c', 'spec.chargePerPeriod': 'lots', 'spec.creditTiers': '0.99 5\n0.95',
    });
    expect(errors['spec.chargePerPeriod']).toMatch(/Write a number/);
    expect(errors['spec.supplier']).toBe('Supplier is required.');
    expect(errors['spec.creditTiers']).toBe('Line 2: write two numbers, below and credit.');
  });

  it('reads lists, holidays and tiers', () => {
    const { doc } = buildDoc(KIND_INFO.Calendar, { apiVersion: '', kind: 'Calendar', metadata: { name: '' }, spec: {} }, {
      'metadata.name': 'c', 'spec.timeZone': 'UTC', 'spec.hours.mon': '08:00-12:00, 13:00-17:00', 'spec.holidays': '2026-12-25 Christmas\n2026-12-26',
    });
    expect(doc.spec.hours).toEqual({ mon: ['08:00-12:00', '13:00-17:00'] });
    expect(doc.spec.holidays).toEqual([{ date: '2026-12-25', name: 'Christmas' }, { date: '2026-12-26' }]);
  });

  it('drops objects left empty', () => {
    const o = { spec: { recurrence: { freq: 'daily' } } };
    setPath(o, 'spec.recurrence.freq', undefined);
    expect(o.spec).toEqual({});
  });
});
