/** The JSON shapes of the command line: models as the registry holds them (with 1-based places), diagnostics with 1-based lines and columns. */
import type { CardDiagnostic, FactRecord, Lang, ModelEntry, Severity, SourceRef } from '../registry';

interface JsonSource {
  file: string;
  line: number;
  column: number;
}

/** A model entry as JSON: every field of the entry, with its places made 1-based and its facts flattened. */
type JsonModel = Omit<ModelEntry, 'sources' | 'facts' | 'conflicts'> & {
  sources: JsonSource[];
  facts: Record<string, { value: unknown; raw: Partial<Record<Lang, string>>; file: string; line: number }>;
  conflicts: Array<{ field: string; values: Array<{ value: string; raw: string; file: string; line: number }> }>;
};

export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  suggestions: string[];
  /** In a notebook: the cell (1-based) and the line and column within it; `line` and `column` are the notebook file's. */
  cell?: number;
  cellLine?: number;
  cellColumn?: number;
}

const src = (s: SourceRef): JsonSource => ({ file: s.file, line: s.line + 1, column: s.column + 1 });

export function toJsonModel(m: ModelEntry): JsonModel {
  const { sources, facts, conflicts, ...rest } = m;
  const flat: JsonModel['facts'] = {};
  for (const [k, f] of Object.entries(facts) as Array<[string, FactRecord<unknown> | undefined]>) {
    if (f) flat[k] = { value: f.value, raw: f.raw, file: f.source.file, line: f.source.line + 1 };
  }
  return {
    ...rest,
    sources: sources.map(src),
    facts: flat,
    conflicts: conflicts.map((c) => ({
      field: c.field,
      values: c.values.map((v) => ({ value: v.value, raw: v.raw, file: v.source.file, line: v.source.line + 1 })),
    })),
  };
}

/** A problem at a place (0-based), from a card or from a check. */
type LocatedProblem = Omit<CardDiagnostic, 'code'> & { code: string };

export function toJsonDiagnostic(d: LocatedProblem): JsonDiagnostic {
  return {
    file: d.file,
    line: d.line + 1,
    column: d.column + 1,
    endLine: d.endLine + 1,
    endColumn: d.endColumn + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
    suggestions: d.suggestions,
  };
}
