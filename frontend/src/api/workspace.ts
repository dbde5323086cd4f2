// app.Workspace: the definitions (services, SLTs, calendars, …) as documents and
// as YAML, apply (all or nothing, with every problem located) and delete.
import type { Transport } from './transport';

export const KINDS = ['Service', 'SLT', 'Calendar', 'MaintenanceWindow', 'Contract', 'Supplier', 'Feed'] as const;
export type DefinitionKind = (typeof KINDS)[number];

/** domain.Meta */
export interface DefinitionMeta {
  name: string;
  displayName?: string;
  description?: string;
}

/** manifest.Doc: one definition in its envelope; spec depends on the kind. */
export interface DefinitionDoc {
  apiVersion: string;
  kind: DefinitionKind | (string & {});
  metadata: DefinitionMeta;
  // biome-ignore lint/suspicious/noExplicitAny: the spec's shape depends on the kind
  spec: Record<string, any>;
}

/** app.ApplyResult: "Kind/name" ids. */
export interface ApplyResult {
  created: string[];
  updated: string[];
  unchanged: string[];
}

/** One problem of a refused apply (parsed from the Go message, see parseProblems). */
export interface DefinitionProblem {
  file: string;
  /** 1-based document of the applied text; 0 when the problem is in a stored definition. */
  document: number;
  line: number;
  kind: string;
  name: string;
  /** Field path such as spec.objective.target; '' when about the whole document. */
  field: string;
  message: string;
}

export interface WorkspaceDefsApi {
  /** Definitions of one kind ('' = every kind), optionally one name. */
  definitions(kind?: string, name?: string): Promise<DefinitionDoc[]>;
  /** The same as multi-document YAML, which apply reads back. */
  definitionsYAML(kind?: string, name?: string): Promise<string>;
  /** Validates and stores every document of the text, or none (the error lists every problem). */
  apply(file: string, text: string): Promise<ApplyResult>;
  /** Deletes a definition; refused while another one refers to it. */
  delete(kind: string, name: string): Promise<void>;
}

export function createWorkspaceDefsApi(t: Transport): WorkspaceDefsApi {
  return {
    definitions: async (kind = '', name = '') =>
      ((await t.call<DefinitionDoc[] | null>('Workspace', 'Definitions', [kind, name])) ?? []).map((d) => ({
        ...d,
        metadata: d.metadata ?? { name: '' },
        spec: d.spec ?? {},
      })),
    definitionsYAML: (kind = '', name = '') => t.call<string>('Workspace', 'DefinitionsYAML', [kind, name]),
    apply: async (file, text) => {
      const r = await t.call<ApplyResult>('Workspace', 'Apply', [file, text]);
      return { created: r?.created ?? [], updated: r?.updated ?? [], unchanged: r?.unchanged ?? [] };
    },
    delete: (kind, name) => t.call<void>('Workspace', 'Delete', [kind, name]),
  };
}

// A refused apply's message is "N problem(s), nothing was changed:" and one line
// per problem, written by manifest.Problem.Error():
//   [file: ]document D (line L) Kind/name: [field: ]message
const LINE = /^(?:(.*): )?document (\d+) \(line (\d+)\) (\S+): (.*)$/;
const FIELD = /^((?:apiVersion|kind|metadata|spec)(?:[.[][\w.[\]-]*)?): (.*)$/;

/** parseProblems turns a refused apply's message into located problems ([] when it is not one). */
export function parseProblems(message: string): DefinitionProblem[] {
  const out: DefinitionProblem[] = [];
  for (const raw of message.split('\n')) {
    const m = LINE.exec(raw.trim());
    if (!m) continue;
    const [, file = '', doc, line, id, rest] = m;
    const slash = id.indexOf('/');
    const kind = slash >= 0 ? id.slice(0, slash) : id === 'document' ? '' : id;
    const name = slash >= 0 ? id.slice(slash + 1) : '';
    const f = FIELD.exec(rest);
    out.push({
      file,
      document: Number(doc),
      line: Number(line),
      kind,
      name,
      field: f ? f[1] : '',
      message: f ? f[2] : rest,
    });
  }
  return out;
}
