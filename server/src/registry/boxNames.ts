/**
 * Box AI API naming rules: `<provider>__<model>`, two underscores after the
 * provider (Azure: `azure__openai__<model>`), the model part in lower case
 * with single underscores and no hyphens or dots.
 */

const BOX_PROVIDERS: readonly string[] = ['azure', 'aws', 'google', 'ibm', 'openai', 'xai'];

const PROVIDER_START = new RegExp(`^(?:${BOX_PROVIDERS.join('|')})[_\\-.]`, 'i');

/** A name that starts with a Box provider and a separator (`azure__…`, `aws_…`, `Google-…`). */
export function hasBoxProviderPrefix(name: string): boolean {
  return PROVIDER_START.test(name);
}

/** The key used for normalised lookups: lower case, every run of `_`, `-`, `.` or space folded to one `_`. */
export function normalizeKey(name: string): string {
  return name.toLowerCase().replace(/[\s_.\-]+/g, '_').replace(/^_|_$/g, '');
}

/** The spelling the naming rules give a Box name, or null when it has no provider prefix. */
export function canonicalBoxSpelling(name: string): string | null {
  if (!hasBoxProviderPrefix(name)) return null;
  const parts = normalizeKey(name).split('_').filter(Boolean);
  const provider = parts.shift();
  if (!provider || parts.length === 0) return null;
  if (provider === 'azure' && parts[0] === 'openai' && parts.length > 1) {
    return `azure__openai__${parts.slice(1).join('_')}`;
  }
  return `${provider}__${parts.join('_')}`;
}

/** One way a Box name breaks the naming rules; `sep` is the separator written where two underscores belong. */
export type NameProblem =
  | { kind: 'upper-case' | 'hyphens' | 'dots' | 'double-underscore' | 'characters' | 'edge-underscore' }
  | { kind: 'provider-separator' | 'openai-separator'; sep: string };

/** What is wrong with a Box name's spelling (empty when it follows the rules). */
export function boxNameProblems(name: string): NameProblem[] {
  const problems: NameProblem[] = [];
  if (!hasBoxProviderPrefix(name)) return problems;
  if (/[A-Z]/.test(name)) problems.push({ kind: 'upper-case' });
  const m = /^([A-Za-z]+)([_\-.]+)(.*)$/.exec(name);
  if (!m) return problems;
  const [, provider, sep] = m;
  let rest = m[3];
  if (sep !== '__') problems.push({ kind: 'provider-separator', sep });
  if (provider.toLowerCase() === 'azure') {
    const az = /^(openai)([_\-.]+)(.*)$/i.exec(rest);
    if (az) {
      if (az[2] !== '__') problems.push({ kind: 'openai-separator', sep: az[2] });
      rest = az[3];
    }
  }
  if (/[-]/.test(rest)) problems.push({ kind: 'hyphens' });
  if (/[.]/.test(rest)) problems.push({ kind: 'dots' });
  if (/__/.test(rest)) problems.push({ kind: 'double-underscore' });
  if (/[^A-Za-z0-9_.\-]/.test(rest)) problems.push({ kind: 'characters' });
  if (/^_|_$/.test(rest)) problems.push({ kind: 'edge-underscore' });
  return problems;
}
