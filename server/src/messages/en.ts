/** The messages in English. */
import { formatSize, NAME_PROBLEM_TEXT } from './format';
import type { Messages, Written } from './index';

const n = (x: number) => x.toLocaleString('en-US');

function written(w: Written | null): string {
  if (!w) return '';
  if (w.kind === 'slip') return ` (Written "${w.text}": ${w.snapshot ? `no snapshot of ${w.snapshot.family} is dated ${w.snapshot.date}` : 'a misspelling'}.)`;
  return w.kind === 'card-misspelling' ? ` (Written "${w.text}", a misspelling seen in model cards.)` : ` (Written "${w.text}", an alias of it.)`;
}

export const EN: Messages = {
  unknownModel(text, snapshot, suggestions) {
    const why = snapshot ? ` No snapshot of ${snapshot.family} is dated ${snapshot.date}.` : '';
    const did = suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    return `"${text}" is not a known model name.${why}${did}`;
  },
  nameFormat(text, meant, why) {
    const how = 'alias' in why ? 'is a misspelling seen in model cards' : why.problems.length ? `breaks the naming rules: ${why.problems.map((p) => EN.nameProblem(p)).join('; ')}` : 'is not spelled as the API expects';
    return `"${text}" ${how}. The API name is "${meant}".`;
  },
  nameProblem: (p) => NAME_PROBLEM_TEXT[p.kind]['en']('sep' in p ? p.sep : ''),

  retired(name, how, date, use, w) {
    const verb = how === 'renamed' ? 'was renamed' : how === 'legacy' ? 'is a legacy name no longer accepted' : 'was retired';
    return `"${name}" ${verb}${date ? ` on ${date}` : ''}.${use ? ` Use "${use}".` : ''}${written(w)}`;
  },
  deprecated(name, since, until, use, w) {
    return `"${name}" is deprecated${since ? ` since ${since}` : ''}; it still works${until ? ` until ${until}` : ' but will be removed'}.${use ? ` Plan a move to "${use}".` : ''}${written(w)}`;
  },
  wrongPurpose(name, slot, example) {
    return slot === 'embeddings'
      ? `"${name}" is a chat model, but this is an embeddings slot; it needs an embeddings model such as "${example}".`
      : `"${name}" is an embeddings model, but this slot needs a chat model.`;
  },
  tokenLimit(key, value, name, limit) {
    const max = limit.exact ? `${n(limit.stated)} tokens` : `${limit.written} tokens, at most ${n(limit.bound)}`;
    return `${key} is ${n(value)}, above the maximum output of "${name}" (${max}${limit.origin ? `, per ${limit.origin}` : ''}).`;
  },
  tooLarge: (max) => `Model Lens skipped this file: it is larger than modelLens.maxFileSize (${max} bytes).`,
  minified: () => 'Model Lens skipped this file: it looks minified or generated.',
  capped: (max) => `Model Lens shows the first ${n(max)} problems of this file (modelLens.maxProblems).`,
  fixTokenLimit: (max) => `Set to the model's maximum, ${n(max)}`,
  fixSuccessor: (name) => `Replace with the successor "${name}"`,
  fixSpelling: (name) => `Fix the spelling: "${name}"`,
  fixReplace: (current, name) => `Replace "${current}" with "${name}"`,
  fixIgnore: (code) => `Ignore ${code} on this line`,
  fixAll: (count) => `Fix all Model Lens problems (${count})`,
  allowName: (name) => `Allow "${name}" in this project (.model-lens.json)`,
  allowCommand: () => 'Allow model name',
  noFolderToAllow: () => 'Model Lens: open a folder to allow a name in its .model-lens.json.',
  configNotJson: (error) => `.model-lens.json is not valid JSON here (${error}); the file is not used until it is.`,
  configNotObject: () => '.model-lens.json holds one object of settings, such as { "allow": ["my-deployment"] }.',
  configUnknownKey: (key, keys) => `"${key}" is not a Model Lens setting; the file takes ${keys.join(', ')}.`,
  configRepeated: (key) => `"${key}" is given twice; the last one is used.`,
  configList: (key) => `"${key}" is a list of strings (names or globs).`,
  configListEntry: (key) => `Each entry of "${key}" is a string.`,
  configNumber: (key, unit) => `"${key}" is a number of ${unit}, at least 1.`,
  configRules: () => '"rules" maps rule codes to severities, such as { "unknown-model": "error" }.',
  configRuleCode: (code, codes) => `"${code}" is not a rule code; the codes are ${codes.join(', ')}.`,
  configSeverity: (severities) => `A rule's severity is one of ${severities.join(', ')}.`,
  notice(x) {
    switch (x.kind) {
      case 'files':
        return `${x.scope}: stopped after ${n(x.limit)} files`;
      case 'entries':
        return `${x.scope}: stopped after ${n(x.limit)} folder entries`;
      case 'depth':
        return `${x.scope}: did not look more than ${x.limit} folders deep`;
      case 'time':
        return `stopped loading cards and catalogues after ${x.ms / 1000} s`;
      case 'root':
        return `${x.scope}: ${x.file} is the root of a file system, which is not searched for cards`;
      case 'system':
        return `skipped ${x.file}: nothing under ${x.root} is read`;
      case 'special':
        return `skipped ${x.file}: not a regular file`;
      case 'binary':
        return `skipped ${x.file}: not a text file`;
      case 'unreadable':
        return `skipped ${x.file}: cannot be read (${x.code})`;
      case 'too-big':
        return `skipped ${x.file}: ${formatSize(x.size)} is over the ${formatSize(x.limit)} limit for a ${x.what}`;
    }
  },
  moreNotices: (count) => `${n(count)} more files or limits not listed`,
  settingTooLong: (setting, count, max) => `modelLens.${setting}: ${n(count)} ${count === 1 ? 'entry is' : 'entries are'} longer than ${n(max)} characters and ignored.`,
  settingTooMany: (setting, count, kept) => `modelLens.${setting}: only the first ${n(kept)} of ${n(count)} entries are used.`,
};
