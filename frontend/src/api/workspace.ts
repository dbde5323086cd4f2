// app.Workspace: the definitions (services, SLTs, calendars, …) as documents and
// as YAML, apply (all or nothing, with every problem located) and delete.
import type { Transport } from './transport';
import { invoke } from './call';
import type { ApplyResult, Document, Meta } from './generated/wire';

export type { ApplyResult };

export const KINDS = ['Service', 'SLT', 'Calendar', 'MaintenanceWindow', 'Contract', 'Supplier', 'Feed'] as const;
export type DefinitionKind = (typeof KINDS)[number];

/** domain.Meta: a definition's name and words about it. */
export type DefinitionMeta = Meta;

/**
 * app.Document: one definition in its envelope, as `slate apply` reads it
 * (the manifest language's casing); the spec's shape depends on the kind.
 */
export type DefinitionDoc = Omit<Document, 'spec' | 'metadata'> & {
  metadata: DefinitionMeta;
  // biome-ignore lint/suspicious/noExplicitAny: the spec's shape depends on the kind
  spec: Record<string, any>;
};

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
      (await invoke(t, 'Workspace.Definitions', kind, name)).map((d) => ({
        ...d,
        metadata: d.metadata ?? { name: '' },
        spec: (d.spec ?? {}) as DefinitionDoc['spec'],
      })),
    definitionsYAML: (kind = '', name = '') => invoke(t, 'Workspace.DefinitionsYAML', kind, name),
    apply: (file, text) => invoke(t, 'Workspace.Apply', file, text),
    delete: async (kind, name) => {
      await invoke(t, 'Workspace.Delete', kind, name);
    },
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
