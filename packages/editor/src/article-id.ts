/**
 * Random ids the editor mints: article ids for articles it creates (by splitting one) and the
 * marks that pair the two halves of a cut block. Random rather than counted so that two editors
 * working at the same time never mint the same id: a prefix followed by 8 base-36 characters
 * (~41 bits).
 */
function randomId(prefix: string): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  let out = prefix;
  for (const byte of bytes) out += (byte % 36).toString(36);
  return out;
}

/** A fresh article id: `a-` and 8 base-36 characters. */
export function newArticleId(): string {
  return randomId("a-");
}

/** A fresh cut mark (see `cutBlock`): `c-` and 8 base-36 characters. */
export function newCutId(): string {
  return randomId("c-");
}
