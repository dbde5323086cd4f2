// The definitions as YAML: edit and apply (all or nothing); each problem names
// its document and line, and a click puts the cursor on that line.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../api';
import { useSession } from '../../state/session';
import { type DefinitionProblem, parseProblems } from '../../api/workspace';
import { Actions, Button, Field, Notice } from '../imports/controls';
import { KIND_INFO, KIND_ORDER, describeProblem } from './schema';
import { errorOf } from '../../state/useLoad';

const FILE = 'workspace.yaml';

/** The line a problem points at: its document's line, or "line N" in a YAML syntax message. */
export function problemLine(p: DefinitionProblem): number {
  if (p.line > 0) return p.line;
  const m = /line (\d+)/.exec(p.message);
  return m ? Number(m[1]) : 0;
}

export function YamlView({ initialKind, onApplied }: { initialKind: string; onApplied: () => void }) {
  const api = useApi();
  const { can } = useSession();
  const [scope, setScope] = useState(initialKind);
  const [text, setText] = useState<string | null>(null);
  const [loaded, setLoaded] = useState('');
  const [loadError, setLoadError] = useState<Error | null>(null);
  const [problems, setProblems] = useState<DefinitionProblem[]>([]);
  const [applyError, setApplyError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [applying, setApplying] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);

  const load = useCallback(
    async (k: string) => {
      setLoadError(null);
      setProblems([]);
      setApplyError(null);
      try {
        const y = await api.definitions.definitionsYAML(k, '');
        setText(y);
        setLoaded(y);
      } catch (e) {
        setLoadError(errorOf(e));
      }
    },
    [api],
  );
  useEffect(() => {
    load(scope);
  }, [load, scope]);

  async function apply() {
    if (text === null) return;
    setApplying(true);
    setProblems([]);
    setApplyError(null);
    setResult(null);
    try {
      const r = await api.definitions.apply(FILE, text);
      const parts = [`${r.created.length} created`, `${r.updated.length} updated`, `${r.unchanged.length} unchanged`];
      setResult(`Applied: ${parts.join(', ')}.${[...r.created, ...r.updated].length ? ` (${[...r.created, ...r.updated].join(', ')})` : ''}`);
      setLoaded(text);
      onApplied();
    } catch (e) {
      const msg = errorOf(e).message;
      const ps = parseProblems(msg);
      if (ps.length) setProblems(ps);
      else setApplyError(msg);
    } finally {
      setApplying(false);
    }
  }

  function goToLine(line: number) {
    const ta = area.current;
    if (!ta || line <= 0 || text === null) return;
    const lines = text.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    const end = start + (lines[line - 1]?.length ?? 0);
    ta.focus();
    ta.setSelectionRange(start, end);
    const lh = Number.parseFloat(getComputedStyle(ta).lineHeight) || 18;
    ta.scrollTop = Math.max(0, (line - 4) * lh);
  }

  const dirty = text !== null && text !== loaded;
  const lineCount = text === null ? 0 : text.split('\n').length;
  return (
    <section className="card panel def-yaml" aria-labelledby="yaml-title">
      <div className="panel__head">
        <div>
          <h2 className="panel__title" id="yaml-title">
            Definitions as YAML
          </h2>
          <p className="panel__sub">
            The same text <code>slate apply -f</code> reads. Apply stores every document or none; documents left out of the text are not deleted.
          </p>
        </div>
      </div>
      <div className="toolbar">
        <Field label="Show">
          {(p) => (
            <select
              {...p}
              className="select"
              value={scope}
              onChange={(e) => {
                if (dirty && !window.confirm('Discard the changes to the YAML?')) return;
                setScope(e.target.value);
              }}
            >
              <option value="">Every kind</option>
              {KIND_ORDER.map((k) => (
                <option key={k} value={k}>
                  {KIND_INFO[k].plural}
                </option>
              ))}
            </select>
          )}
        </Field>
        <span className="muted def-yaml__meta">{text === null ? '' : `${lineCount} lines${dirty ? ' · edited' : ''}`}</span>
      </div>
      {problems.length > 0 && (
        <div id="yaml-problems">
          <Notice tone="error" title={`Not applied: ${problems.length === 1 ? 'one problem' : `${problems.length} problems`}. Nothing was changed.`}>
            <ul className="def-problems">
              {problems.map((p, i) => {
                const line = problemLine(p);
                const where = p.document > 0 ? `Document ${p.document}${line ? `, line ${line}` : ''}` : 'A stored definition';
                return (
                  <li key={i}>
                    {line > 0 ? (
                      <button type="button" className="linkish" onClick={() => goToLine(line)}>
                        {where}
                      </button>
                    ) : (
                      <span className="def-problems__where">{where}</span>
                    )}
                    {' — '}
                    {describeProblem(p)}
                  </li>
                );
              })}
            </ul>
          </Notice>
        </div>
      )}
      {applyError && (
        <Notice tone="error" title="Not applied">
          {applyError}
        </Notice>
      )}
      {result && <Notice tone="success">{result}</Notice>}
      {loadError ? (
        <Notice tone="error" title="The YAML could not be loaded">
          {loadError.message}
        </Notice>
      ) : (
        <>
          <label className="visually-hidden" htmlFor="def-yaml-text">
            YAML of the definitions
          </label>
          <textarea
            id="def-yaml-text"
            ref={area}
            className="textarea def-yaml__text"
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            wrap="off"
            value={text ?? ''}
            disabled={text === null}
            aria-invalid={problems.length > 0 || undefined}
            aria-describedby={problems.length ? 'yaml-problems' : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setResult(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey) {
                // two spaces, as YAML wants; Escape then Tab leaves the editor
                if ((e.currentTarget.dataset.escaped ?? '') === '1') return;
                e.preventDefault();
                const ta = e.currentTarget;
                const s = ta.selectionStart;
                const v = ta.value;
                setText(`${v.slice(0, s)}  ${v.slice(ta.selectionEnd)}`);
                requestAnimationFrame(() => ta.setSelectionRange(s + 2, s + 2));
              }
              e.currentTarget.dataset.escaped = e.key === 'Escape' ? '1' : '';
            }}
          />
          <p className="field__hint">Tab indents by two spaces; press Escape, then Tab, to leave the editor.</p>
        </>
      )}
      {can('Workspace/Apply') && (
        <Actions>
          <Button onClick={() => load(scope)} disabled={!dirty || applying}>
            Discard changes
          </Button>
          <Button variant="primary" onClick={apply} disabled={text === null || applying}>
            {applying ? 'Applying…' : 'Apply'}
          </Button>
        </Actions>
      )}
    </section>
  );
}
