/** A small glob matcher (`*`, `**`, `?`, `{a,b}`, `[abc]`) for settings: no dependency, no backtracking blow-up. */

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const hit = cache.get(glob);
  if (hit) return hit;
  let re = '';
  let inGroup = 0;
  // Braces count as alternatives only when they balance; otherwise they are ordinary characters.
  const braces = (glob.match(/\{/g)?.length ?? 0) === (glob.match(/\}/g)?.length ?? 0);
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches any number of folders, `**` at the end anything.
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:[^/]*(?:/|$))*' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{' && braces) {
      inGroup++;
      re += '(?:';
    } else if (c === '}' && inGroup) {
      inGroup--;
      re += ')';
    } else if (c === ',' && inGroup) re += '|';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end > i) {
        re += `[${glob.slice(i + 1, end).replace(/\\/g, '\\\\').replace(/^!/, '^')}]`;
        i = end;
      } else re += '\\[';
    } else re += c.replace(/[.+^$()|\\{}]/g, '\\$&');
  }

  let rx: RegExp;
  try {
    rx = new RegExp(`^${re}$`);
  } catch {
    // An unbalanced `{` or a range such as `[z-a]`: match the pattern literally instead of failing.
    rx = new RegExp(`^${glob.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  }
  if (cache.size > 500) cache.clear();
  cache.set(glob, rx);
  return rx;
}

/** Does a path (with `/` separators) match a glob? Globs without a slash match the base name anywhere. */
export function matchGlob(glob: string, path: string): boolean {
  const p = path.replace(/\\/g, '/');
  if (!glob.includes('/')) {
    const base = p.slice(p.lastIndexOf('/') + 1);
    return globToRegExp(glob).test(base) || globToRegExp(glob).test(p);
  }
  return globToRegExp(glob.replace(/^\.\//, '')).test(p) || globToRegExp(glob).test(p);
}

/** The folder part of a glob before its first wildcard: where a search must start. */
export function globBase(glob: string): string {
  const parts = glob.replace(/\\/g, '/').split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (/[*?{[]/.test(part)) break;
    fixed.push(part);
  }
  return fixed.join('/');
}

export function hasMagic(glob: string): boolean {
  return /[*?{[]/.test(glob);
}
