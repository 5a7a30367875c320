/** After every entry is settled: links between the namespaces, and a check of version order across Box's cards. */
import { normalizeKey } from './boxNames';
import { cardProblem, listOrEmpty, said } from './intern';
import type { CardDiagnostic, ModelEntry } from './types';

/**
 * Links declared in front matter (resolved through aliases), and by name (`azure__openai__gpt_4o_mini` ↔ `gpt-4o-mini`),
 * both ways. Each model's links are gathered in a set, once (a list searched for every link would make a card of
 * 100,000 links, or 10,000 cards linking to one model, quadratic); a model is not linked to itself, nor twice to another.
 */
export function linkModels(models: readonly ModelEntry[], resolve: (name: string) => string): void {
  const byName = new Map(models.map((m) => [m.name, m]));
  const vendorByKey = new Map<string, ModelEntry>();
  for (const m of models) if (m.namespace === 'vendor') vendorByKey.set(normalizeKey(m.name), m);
  const gathered = new Map<ModelEntry, Set<string>>();
  const linksOf = (m: ModelEntry): Set<string> => {
    let set = gathered.get(m);
    if (!set) gathered.set(m, (set = new Set()));
    return set;
  };
  // 1. Each model's own links first, in the order declared, each under the name of the model it leads to.
  const declared = new Map<ModelEntry, ModelEntry[]>();
  for (const m of models) {
    if (!m.links.length) continue;
    const own = linksOf(m);
    const others: ModelEntry[] = [];
    for (const l of m.links) {
      const other = byName.get(l) ?? byName.get(resolve(l));
      if (other === m) continue;
      own.add(other ? other.name : l);
      if (other) others.push(other);
    }
    declared.set(m, others);
  }
  // 2. The other way, and by name, model by model.
  const link = (a: ModelEntry, b: ModelEntry) => {
    linksOf(a).add(b.name);
    linksOf(b).add(a.name);
  };
  for (const m of models) {
    for (const other of declared.get(m) ?? []) linksOf(other).add(m.name);
    if (m.namespace !== 'box' || m.status === 'retired') continue;
    const model = m.name.replace(/^[a-z]+__(?:openai__)?/, '');
    const v = vendorByKey.get(model) ?? vendorByKey.get(model.replace(/^gpt_(o\d)/, '$1'));
    if (v) link(m, v);
  }
  // New lists rather than changed ones: an entry without links shares one frozen empty list.
  for (const [m, set] of gathered) m.links = listOrEmpty([...set]);
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

/** A live Box model of a versioned family, with its place in the registry's order. */
interface Member {
  model: ModelEntry;
  version: number[];
  release: string;
  order: number;
}

/**
 * A newer version of a family released before an older one is almost always
 * a card copied from another and not updated (Box's Claude 4 Opus card once
 * carried Claude 3 Sonnet's dates). Reported once per card, as information,
 * naming the older version with the latest release among those released after
 * it (dates compared at the precision both have).
 *
 * Each family is sorted by version once and walked from the oldest, keeping the
 * latest release of each length (a year, a month, a day) seen so far: at a fixed
 * length, a release later than the card's beats every earlier one of that length.
 * A folder of 10,000 versions of one family costs a sort, not 100 million comparisons.
 */
export function checkVersionOrder(models: ModelEntry[], diagnostics: CardDiagnostic[]): void {
  const families = new Map<string, Member[]>();
  let order = 0;
  for (const model of models) {
    const release = model.facts.releaseDate?.value;
    if (model.namespace !== 'box' || model.status === 'retired' || !release) continue;
    const fv = familyVersion(model.name);
    if (!fv) continue;
    let members = families.get(fv.family);
    if (!members) families.set(fv.family, (members = []));
    members.push({ model, version: fv.version, release, order: order++ });
  }
  const found: Array<{ a: Member; older: Member }> = [];
  for (const members of families.values()) {
    const byVersion = members.sort((x, y) => compareVersions(x.version, y.version) || x.order - y.order);
    const latest = new Map<number, Member>();
    for (let i = 0; i < byVersion.length; ) {
      let j = i + 1;
      while (j < byVersion.length && compareVersions(byVersion[j].version, byVersion[i].version) === 0) j++;
      for (let k = i; k < j; k++) {
        const a = byVersion[k];
        let older: Member | null = null;
        for (const [length, b] of latest) {
          const n = Math.min(a.release.length, length);
          if (a.release.slice(0, n) < b.release.slice(0, n) && (!older || b.release > older.release)) older = b;
        }
        if (older) found.push({ a, older });
      }
      // Versions equal to each other are not older than each other: added once the group is judged.
      for (let k = i; k < j; k++) {
        const b = byVersion[k];
        const best = latest.get(b.release.length);
        if (!best || b.release > best.release || (b.release === best.release && b.order < best.order)) latest.set(b.release.length, b);
      }
      i = j;
    }
  }
  found.sort((x, y) => x.a.order - y.a.order);
  for (const { a, older } of found) {
    const src = a.model.facts.releaseDate!.source;
    diagnostics.push(cardProblem(src.file, src, 'info', 'card-conflict', said('version-order', a.model.name, a.version.join('.'), a.release, older.model.name, older.release), []));
  }
}
