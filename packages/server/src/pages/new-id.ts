import { randomBytes } from "node:crypto";

/** A short random id with a one-letter kind prefix: `p-…` pages, `i-…` issues, `j-…` jobs (12 base-32 characters). */
export function newId(prefix: string): string {
  const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
  const bytes = randomBytes(12);
  let id = "";
  for (const b of bytes) id += alphabet[b & 31];
  return `${prefix}-${id}`;
}
