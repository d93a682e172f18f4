/** Cursor colours: distinct, dark enough for white name labels, 6-digit hex (y-prosemirror's format). */
export const userColors = [
  "#d1495b",
  "#2457c5",
  "#2e9d4f",
  "#8e44ad",
  "#e67e22",
  "#16a085",
  "#c0392b",
  "#34495e",
] as const;

/** A stable colour for a user name, so someone keeps their colour across reloads. */
export function colorForUser(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return userColors[hash % userColors.length]!;
}
