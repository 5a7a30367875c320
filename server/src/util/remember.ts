/**
 * Answers remembered by text. Keys and values repeat (a config file names the same few models thousands of
 * times), so a scan asks the same question of the same string again and again. The table is emptied when full:
 * memory stays bounded whatever the input, and the answers are the function's own.
 */
export function rememberByText<T>(answer: (text: string) => T, size = 4096): (text: string) => T {
  let known = new Map<string, T>();
  return (text: string): T => {
    const hit = known.get(text);
    if (hit !== undefined || known.has(text)) return hit as T;
    const value = answer(text);
    // Long texts are rare and seldom repeat: not kept.
    if (text.length <= 256) {
      if (known.size >= size) known = new Map();
      known.set(text, value);
    }
    return value;
  };
}
