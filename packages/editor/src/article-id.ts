/**
 * A fresh article id for an article an editor creates (by splitting one). Random rather than
 * counted so that two editors splitting at the same time never mint the same id:
 * `a-` followed by 8 base-36 characters (~41 bits).
 */
export function newArticleId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  let out = "a-";
  for (const byte of bytes) out += (byte % 36).toString(36);
  return out;
}
