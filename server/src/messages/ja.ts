/** The messages in Japanese. */
import { formatSize, NAME_PROBLEM_TEXT } from './format';
import type { Messages, Written } from './index';

const n = (x: number) => x.toLocaleString('ja-JP');

function written(w: Written | null): string {
  if (!w) return '';
  if (w.kind === 'slip') return `（「${w.text}」と書かれています: ${w.snapshot ? `${w.snapshot.family} に ${w.snapshot.date} 付けのスナップショットはありません` : '綴りの誤り'}。）`;
  return w.kind === 'card-misspelling' ? `（「${w.text}」と書かれています。モデルカードに見られる誤記です。）` : `（「${w.text}」と書かれています。その別名です。）`;
}

export const JA: Messages = {
  unknownModel(text, snapshot, suggestions) {
    const why = snapshot ? `${snapshot.family} に ${snapshot.date} 付けのスナップショットはありません。` : '';
    const did = suggestions.length ? `${suggestions.map((s) => `「${s}」`).join('、')}のことですか？` : '';
    return `「${text}」は既知のモデル名ではありません。${why}${did}`;
  },
  nameFormat(text, meant, why) {
    const how = 'alias' in why ? 'はモデルカードに見られる誤記です' : why.problems.length ? `は命名規則に反しています: ${why.problems.map((p) => JA.nameProblem(p)).join('、')}` : 'は API が受け付ける綴りではありません';
    return `「${text}」${how}。API 名は「${meant}」です。`;
  },
  nameProblem: (p) => NAME_PROBLEM_TEXT[p.kind]['ja']('sep' in p ? p.sep : ''),

  retired(name, how, date, use, w) {
    const when = date ? `${date} に` : '';
    const verb = how === 'renamed' ? `${when}名前が変わりました` : how === 'legacy' ? '以前の名前で、もう受け付けられません' : `${when}提供が終了しました`;
    return `「${name}」は${verb}。${use ? `「${use}」を使ってください。` : ''}${written(w)}`;
  },
  deprecated(name, since, until, use, w) {
    return `「${name}」は${since ? `${since} から` : ''}非推奨です。${until ? `${until} まで` : '削除されるまでは'}動作します。${use ? `「${use}」への移行を計画してください。` : ''}${written(w)}`;
  },
  wrongPurpose(name, slot, example) {
    return slot === 'embeddings'
      ? `「${name}」はチャットモデルですが、ここは埋め込みモデルの場所です。「${example}」などの埋め込みモデルが必要です。`
      : `「${name}」は埋め込みモデルですが、ここにはチャットモデルが必要です。`;
  },
  tokenLimit(key, value, name, limit) {
    const max = limit.exact ? `${n(limit.stated)} トークン` : `${limit.written} トークン、最大 ${n(limit.bound)}`;
    return `${key} は ${n(value)} で、「${name}」の最大出力（${max}${limit.origin ? `、${limit.origin} による` : ''}）を超えています。`;
  },
  tooLarge: (max) => `Model Lens はこのファイルを検査しませんでした: modelLens.maxFileSize（${max} バイト）より大きいファイルです。`,
  minified: () => 'Model Lens はこのファイルを検査しませんでした: 圧縮または生成されたファイルのようです。',
  capped: (max) => `Model Lens はこのファイルの最初の ${n(max)} 件の問題を表示しています（modelLens.maxProblems）。`,
  fixTokenLimit: (max) => `モデルの最大値 ${n(max)} にする`,
  fixSuccessor: (name) => `後継の「${name}」に置き換える`,
  fixSpelling: (name) => `綴りを直す: 「${name}」`,
  fixReplace: (current, name) => `「${current}」を「${name}」に置き換える`,
  fixIgnore: (code) => `この行の ${code} を無視する`,
  fixAll: (count) => `Model Lens の問題をすべて直す（${count} 件）`,
  allowName: (name) => `「${name}」をこのプロジェクトで許可する（.model-lens.json）`,
  allowCommand: () => 'モデル名を許可',
  noFolderToAllow: () => 'Model Lens: 名前を .model-lens.json で許可するには、フォルダーを開いてください。',
  configNotJson: (error) => `.model-lens.json のこの位置は正しい JSON ではありません（${error}）。直すまでこのファイルは使われません。`,
  configNotObject: () => '.model-lens.json には設定のオブジェクトを 1 つ書きます（例: { "allow": ["my-deployment"] }）。',
  configUnknownKey: (key, keys) => `「${key}」は Model Lens の設定ではありません。使えるキーは ${keys.join('、')} です。`,
  configRepeated: (key) => `「${key}」が 2 回書かれています。後のものが使われます。`,
  configList: (key) => `「${key}」は文字列（名前または glob）のリストです。`,
  configListEntry: (key) => `「${key}」の各項目は文字列です。`,
  configNumber: (key, unit) => `「${key}」は 1 以上の${unit === 'bytes' ? 'バイト数' : '問題の件数'}です。`,
  configRules: () => '「rules」はルールのコードから重大度への対応です（例: { "unknown-model": "error" }）。',
  configRuleCode: (code, codes) => `「${code}」はルールのコードではありません。コードは ${codes.join('、')} です。`,
  configSeverity: (severities) => `ルールの重大度は ${severities.join('、')} のいずれかです。`,
  notice(x) {
    switch (x.kind) {
      case 'files':
        return `${x.scope}: ${n(x.limit)} ファイルで読み込みを止めました`;
      case 'entries':
        return `${x.scope}: フォルダーの項目 ${n(x.limit)} 件で読み込みを止めました`;
      case 'depth':
        return `${x.scope}: ${x.limit} 階層より深いフォルダーは見ていません`;
      case 'time':
        return `${x.ms / 1000} 秒でカードとカタログの読み込みを止めました`;
      case 'root':
        return `${x.scope}: ${x.file} はファイルシステムのルートなので、カードを探しません`;
      case 'system':
        return `${x.file} をスキップしました: ${x.root} の下は読みません`;
      case 'special':
        return `${x.file} をスキップしました: 通常のファイルではありません`;
      case 'binary':
        return `${x.file} をスキップしました: テキストファイルではありません`;
      case 'unreadable':
        return `${x.file} をスキップしました: 読み込めません（${x.code}）`;
      case 'too-big':
        return `${x.file} をスキップしました: ${formatSize(x.size)} で、${x.what === 'card' ? 'カード' : 'カタログ'}の上限 ${formatSize(x.limit)} を超えています`;
    }
  },
  moreNotices: (count) => `ほかに ${n(count)} 件のファイルまたは上限（一覧にはありません）`,
  settingTooLong: (setting, count, max) => `modelLens.${setting}: ${n(max)} 文字より長い ${n(count)} 件の項目は無視されます。`,
  settingTooMany: (setting, count, kept) => `modelLens.${setting}: ${n(count)} 件のうち最初の ${n(kept)} 件だけを使います。`,
};
