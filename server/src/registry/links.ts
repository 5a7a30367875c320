/** After every entry is settled: links between the namespaces, and a check of version order across Box's cards. */
import { normalizeKey } from './boxNames';
import { cardProblem, said } from './intern';
import type { CardDiagnostic, ModelEntry } from './types';

/** Links declared in front matter (resolved through aliases), and by name (`azure__openai__gpt_4o_mini` ↔ `gpt-4o-mini`). */
export function linkModels(models: readonly ModelEntry[], resolve: (name: string) => string): void {
  const byName = new Map(models.map((m) => [m.name, m]));
  const vendorByKey = new Map<string, ModelEntry>();
  for (const m of models) if (m.namespace === 'vendor') vendorByKey.set(normalizeKey(m.name), m);
  const link = (a: ModelEntry, b: ModelEntry) => {
    if (a === b) return;
    // New lists rather than pushes: an entry without links shares one frozen empty list.
    if (!a.links.includes(b.name)) a.links = [...a.links, b.name];
    if (!b.links.includes(a.name)) b.links = [...b.links, a.name];
  };
  for (const m of models) {
    for (const l of [...m.links]) {
      const other = byName.get(l) ?? byName.get(resolve(l));
      if (other) {
        m.links = m.links.map((x) => (x === l ? other.name : x));
        link(m, other);
      }
    }
    if (m.namespace !== 'box' || m.status === 'retired') continue;
    const model = m.name.replace(/^[a-z]+__(?:openai__)?/, '');
    const v = vendorByKey.get(model) ?? vendorByKey.get(model.replace(/^gpt_(o\d)/, '$1'));
    if (v) link(m, v);
  }
}

/** `claude_4_5_haiku` → family `claude`, version [4, 5]; null when no version follows the family word. */
function familyVersion(name: string): { family: string; version: number[] } | null {
  const m = /^[a-z]+__(?:openai__)?([a-z]+)((?:_\d+)+)(?:[a-z]*)(?:_|$)/.exec(name);
  if (!m) return null;
  return { family: m[1], version: m[2].split('_').filter(Boolean).map(Number) };
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/**
 * A newer version of a family released before an older one is almost always
 * a card copied from another and not updated (Box's Claude 4 Opus card once
 * carried Claude 3 Sonnet's dates). Reported once per card, as information.
 */
export function checkVersionOrder(models: ModelEntry[], diagnostics: CardDiagnostic[]): void {
  const live = models.filter((m) => m.namespace === 'box' && m.status !== 'retired' && m.facts.releaseDate?.value);
  for (const a of live) {
    const fa = familyVersion(a.name);
    if (!fa) continue;
    const ra = a.facts.releaseDate!.value!;
    let older: ModelEntry | null = null;
    for (const b of live) {
      const fb = familyVersion(b.name);
      if (!fb || fb.family !== fa.family || compareVersions(fa.version, fb.version) <= 0) continue;
      const rb = b.facts.releaseDate!.value!;
      const n = Math.min(ra.length, rb.length);
      if (ra.slice(0, n) < rb.slice(0, n) && (!older || rb > older.facts.releaseDate!.value!)) older = b;
    }
    if (!older) continue;
    const src = a.facts.releaseDate!.source;
    diagnostics.push(cardProblem(src.file, src, 'info', 'card-conflict', said('version-order', a.name, fa.version.join('.'), ra, older.name, older.facts.releaseDate!.value ?? ''), []));
  }
}

