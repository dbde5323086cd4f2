// One definition as a form: the kind's fields, client-side checks, Apply's
// problems at the field they name, and the rest above the buttons.
import { Fragment, useMemo, useState } from 'react';
import { useApi } from '../../api';
import { type DefinitionDoc, type DefinitionProblem, parseProblems } from '../../api/workspace';
import { Actions, Button, Field, Notice } from '../imports/controls';
import { type FieldDef, type FormValues, type KindInfo, type Refs, buildDoc, describeProblem, formValues, mapProblems, noun } from './schema';
import { errorOf } from '../../state/useLoad';


export function DefinitionForm({
  info,
  doc,
  isNew,
  refs,
  onSaved,
  onCancel,
}: {
  info: KindInfo;
  doc: DefinitionDoc;
  isNew: boolean;
  refs: Refs;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const [values, setValues] = useState<FormValues>(() => formValues(info, doc));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [other, setOther] = useState<DefinitionProblem[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const title = isNew ? `New ${noun(info)}` : `Edit ${noun(info)} ${doc.metadata.name}`;
  const kept = useMemo(() => (info.yamlOnly ?? []).filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], doc.spec) !== undefined), [info, doc]);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    setOther([]);
    const { doc: next, errors: local } = buildDoc(info, doc, values);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    const name = next.metadata.name;
    try {
      const r = await api.definitions.apply(`${info.kind}/${name} (form)`, JSON.stringify(next, null, 2));
      const id = `${info.kind}/${name}`;
      onSaved(r.created.includes(id) ? `${id} created.` : r.updated.includes(id) ? `${id} saved.` : `${id} was already like this; nothing changed.`);
    } catch (err) {
      const msg = errorOf(err).message;
      const problems = parseProblems(msg);
      if (problems.length === 0) {
        setFormError(msg);
      } else {
        const m = mapProblems(info, name, problems);
        // a message for a field the form hides now (a one-off's start on a recurring window) goes with the rest
        const hidden = info.fields.filter((f) => f.showIf && !f.showIf(values) && m.fields[f.path]);
        for (const f of hidden) {
          m.other.push({ file: '', document: 1, line: 0, kind: info.kind, name, field: f.path, message: m.fields[f.path] });
          delete m.fields[f.path];
        }
        setErrors(m.fields);
        setOther(m.other);
        if (Object.keys(m.fields).length > 0) {
          // take the keyboard to the first field with a message
          requestAnimationFrame(() => document.querySelector<HTMLElement>('.def-form [aria-invalid="true"]')?.focus());
        }
      }
    } finally {
      setSaving(false);
    }
  }

  const count = Object.keys(errors).length + other.length;
  return (
    <section className="card panel def-editor" aria-labelledby="def-form-title">
      <div className="panel__head">
        <div>
          <h2 className="panel__title" id="def-form-title">
            {title}
          </h2>
          <p className="panel__sub">{info.lede}</p>
        </div>
      </div>
      <form className="def-form" onSubmit={save} noValidate aria-labelledby="def-form-title">
        {info.fields.map((f) =>
          f.showIf && !f.showIf(values) ? null : (
          <Fragment key={f.path}>
          {f.section && <h3 className="def-form__section">{f.section}</h3>}
          <FormField
            f={f}
            refs={refs}
            value={values[f.path] ?? ''}
            error={errors[f.path]}
            disabled={f.path === 'metadata.name' && !isNew}
            onChange={(v) => setValues((old) => ({ ...old, [f.path]: v }))}
          />
          </Fragment>
          ),
        )}
        <div className="def-form__wide">
          {kept.length > 0 && (
            <p className="field__hint def-form__kept">
              Kept as they are: {kept.map((k) => `spec.${k}`).join(', ')}. Edit those in the YAML view.
            </p>
          )}
          {count > 0 && (
            <Notice tone="error" title={`Not saved: ${count === 1 ? 'one problem' : `${count} problems`}. Nothing was changed.`}>
              {other.length > 0 && (
                <ul className="def-problems">
                  {other.map((p, i) => (
                    <li key={i}>{describeProblem(p)}</li>
                  ))}
                </ul>
              )}
              {Object.keys(errors).length > 0 && <p>See the messages at the fields.</p>}
            </Notice>
          )}
          {formError && (
            <Notice tone="error" title="Not saved">
              {formError}
            </Notice>
          )}
          <Actions>
            <Button onClick={onCancel}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={saving}>
              {saving ? 'Saving…' : isNew ? `Create ${noun(info)}` : 'Save changes'}
            </Button>
          </Actions>
        </div>
      </form>
    </section>
  );
}

function FormField({
  f,
  refs,
  value,
  error,
  disabled,
  onChange,
}: {
  f: FieldDef;
  refs: Refs;
  value: string;
  error?: string;
  disabled?: boolean;
  onChange: (v: string) => void;
}) {
  const multi = f.type === 'textarea' || f.type === 'holidays' || f.type === 'creditTiers' || f.type === 'earnBack';
  const hint = disabled ? 'A definition keeps its name; create a new one to rename.' : f.hint;
  return (
    <Field label={f.required ? `${f.label} *` : f.label} hint={hint} error={error} className={f.wide || f.type === 'holidays' ? 'def-form__wide' : undefined}>
      {(p) => {
        if (f.type === 'select') {
          const opts = typeof f.options === 'function' ? f.options(refs) : (f.options ?? []);
          const all = value && !opts.includes(value) ? [value, ...opts] : opts;
          return (
            <select {...p} className="select" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
              <option value="">{f.required ? '— choose —' : '(none)'}</option>
              {all.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          );
        }
        if (multi) {
          return <textarea {...p} className="textarea" value={value} rows={f.type === 'holidays' ? 4 : 3} disabled={disabled} onChange={(e) => onChange(e.target.value)} />;
        }
        return (
          <input
            {...p}
            className="input"
            inputMode={f.type === 'number' ? 'decimal' : undefined}
            value={value}
            disabled={disabled}
            spellCheck={false}
            onChange={(e) => onChange(e.target.value)}
          />
        );
      }}
    </Field>
  );
}
