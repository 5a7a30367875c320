/**
 * Lookups over the registry's names, cheap enough for every keystroke:
 * exact (names and aliases), normalised (case and `_`/`-`/`.` folded), by
 * prefix, and nearest names for a typo.
 */
import { hasBoxProviderPrefix, normalizeKey } from './boxNames';
import { idReadings } from './modelIds';
import type { Lookups, Match, ModelEntry, Suggestion } from './types';
import { localeOrder } from '../util/order';

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const UNDERSCORE = 95;

/**
 * Edit distance on folded names where digits matter more than letters and
 * separators matter least: `gpt_4o` and `gpt_4_1` are different models,
 * `gpt4o` and `gpt_4o` are the same one mistyped.
 */
export function nameDistance(a: string, b: string, limit = Infinity): number {
  const n = a.length;
  const m = b.length;
  const indel = (c: number): number => (c === UNDERSCORE ? 0.5 : isDigit(c) ? 2 : 1);
  let prev2 = new Float64Array(m + 1);
  let prev = new Float64Array(m + 1);
  let cur = new Float64Array(m + 1);
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1] + indel(b.charCodeAt(j - 1));
  for (let i = 1; i <= n; i++) {
    const ca = a.charCodeAt(i - 1);
    cur[0] = prev[0] + indel(ca);
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const sub = ca === cb ? 0 : isDigit(ca) || isDigit(cb) ? 2 : 1;
      let v = Math.min(prev[j - 1] + sub, prev[j] + indel(ca), cur[j - 1] + indel(cb));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && ca !== cb) {
        v = Math.min(v, prev2[j - 2] + (isDigit(ca) || isDigit(cb) ? 2 : 1));
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return rowMin;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
}

/** Letters and digits counted per name. */
const COUNTED = 36;

/** How often each letter and digit occurs in a folded name (separators are not counted), written at `out[at…at+35]`. */
function letterCounts(key: string, out: Uint8Array, at: number): void {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const slot = c >= 97 && c <= 122 ? c - 97 : isDigit(c) ? 26 + c - 48 : -1;
    if (slot >= 0) out[at + slot] = Math.min(255, out[at + slot] + 1);
  }
}

/**
 * A lower bound of {@link nameDistance} from the letters and digits alone: every edit changes at most two
 * counts and costs at least 1 (separators, which cost less, are not counted). Cheap enough to skip most
 * names before the full distance is computed.
 */
function countsBound(a: Uint8Array, b: Uint8Array, at: number): number {
  let diff = 0;
  for (let i = 0; i < COUNTED; i++) diff += Math.abs(a[i] - b[at + i]);
  return Math.ceil(diff / 2);
}

/** How far a typo may be from a name and still be suggested. */
function suggestionLimit(key: string): number {
  return Math.max(1.5, Math.min(4, key.length * 0.2));
}

export function buildLookups(models: readonly ModelEntry[]): Lookups {
  const exact = new Map<string, Match>();
  const folded = new Map<string, Match[]>();
  const keys: Array<{ key: string; entry: ModelEntry }> = [];
  const add = (entry: ModelEntry, spelling: string, viaAlias: boolean) => {
    const match: Match = { entry, spelling, viaAlias };
    if (!exact.has(spelling) || !viaAlias) exact.set(spelling, match);
    const key = normalizeKey(spelling);
    const list = folded.get(key);
    // A new list holds one match and no spare room (most keys have one).
    if (!list) folded.set(key, [match]);
    else if (!list.some((x) => x.entry === entry)) list.push(match);
    keys.push({ key, entry });
  };
  for (const e of models) add(e, e.name, false);
  for (const e of models) for (const a of e.aliases) add(e, a, true);
  // Every key's counts in one array: one index, not an object per name.
  const allCounts = new Uint8Array(keys.length * COUNTED);
  keys.forEach((k, i) => letterCounts(k.key, allCounts, i * COUNTED));

  const cache = new Map<string, Suggestion[]>();
  return {
    get: (name) => exact.get(name),
    resolve(name) {
      const match = exact.get(name);
      if (match) return { match, reading: null };
      for (const reading of idReadings(name)) {
        const inner = exact.get(reading.id);
        if (inner) return { match: inner, reading };
      }
      return undefined;
    },
    findNormalized: (name) => folded.get(normalizeKey(name)) ?? [],
    withPrefix(prefix) {
      const p = normalizeKey(prefix);
      const seen = new Set<ModelEntry>();
      for (const k of keys) if (k.key.startsWith(p)) seen.add(k.entry);
      return [...seen];
    },
    nearest(name, limit = 3) {
      const cacheKey = `${limit}\u0000${name}`;
      const hit = cache.get(cacheKey);
      if (hit) return hit;
      const key = normalizeKey(name);
      const max = suggestionLimit(key);
      const boxy = hasBoxProviderPrefix(name);
      const best = new Map<ModelEntry, number>();
      const counts = new Uint8Array(COUNTED);
      letterCounts(key, counts, 0);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (Math.abs(k.key.length - key.length) * 0.5 > max || countsBound(counts, allCounts, i * COUNTED) > max) continue;
        const d = nameDistance(key, k.key, max);
        if (d <= max && d < (best.get(k.entry) ?? Infinity)) best.set(k.entry, d);
      }
      const result = [...best]
        .map(([entry, distance]) => ({ entry, distance }))
        .sort(
          (a, b) =>
            Number(a.entry.status === 'retired') - Number(b.entry.status === 'retired') ||
            a.distance - b.distance ||
            Number((a.entry.namespace === 'box') !== boxy) - Number((b.entry.namespace === 'box') !== boxy) ||
            localeOrder(a.entry.name, b.entry.name),
        )
        .slice(0, limit);
      if (cache.size > 5000) cache.clear();
      cache.set(cacheKey, result);
      return result;
    },
  };
}
