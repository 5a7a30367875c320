/** What both languages share: figures, and the table of naming problems in both. */
import type { NameProblem } from '../registry/boxNames';

/** A size in MB, rounded up (to a tenth below 10 MB) so that a file just over a limit never reads as the limit itself. */
export function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.ceil(mb) : Math.ceil(mb * 10) / 10} MB`;
}

/** How each way of breaking the Box naming rules is said; `sep` is what was written where two underscores belong. */
export const NAME_PROBLEM_TEXT: Record<NameProblem['kind'], Record<'en' | 'ja', (sep: string) => string>> = {
  'upper-case': { en: () => 'it has upper-case letters', ja: () => '大文字が含まれています' },
  'provider-separator': { en: (sep) => `the provider must be followed by two underscores, not "${sep}"`, ja: (sep) => `プロバイダー名の後は「${sep}」ではなくアンダースコア 2 つです` },
  'openai-separator': { en: (sep) => `"openai" in Azure names must be followed by two underscores, not "${sep}"`, ja: (sep) => `Azure の名前では「openai」の後は「${sep}」ではなくアンダースコア 2 つです` },
  hyphens: { en: () => 'the model part has hyphens', ja: () => 'モデル部分にハイフンがあります' },
  dots: { en: () => 'the model part has dots', ja: () => 'モデル部分にドットがあります' },
  'double-underscore': { en: () => 'the model part has a double underscore', ja: () => 'モデル部分に連続したアンダースコアがあります' },
  characters: { en: () => 'the model part has characters other than letters, digits and underscores', ja: () => 'モデル部分に英数字とアンダースコア以外の文字があります' },
  'edge-underscore': { en: () => 'the model part starts or ends with an underscore', ja: () => 'モデル部分がアンダースコアで始まるか終わっています' },
};
