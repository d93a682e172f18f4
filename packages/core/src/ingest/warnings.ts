/**
 * What ingest read but could not take as written, reported on the page (`IngestedPage.warnings`,
 * then `ReconstructedPage.warnings`) rather than taken quietly. Occurrences of one problem are
 * counted into one line, which names the first: a page with a thousand damaged boxes gets one
 * warning, not a thousand.
 */
export class IngestWarnings {
  private readonly found = new Map<string, { count: number; first: string }>();

  /**
   * Notes one occurrence of `problem` (one sentence saying what was found and what ingest did,
   * the same for every occurrence); `first()` describes this occurrence (the markup, its
   * position) and is called only for the first.
   */
  note(problem: string, first: () => string): void {
    const seen = this.found.get(problem);
    if (seen) seen.count++;
    else this.found.set(problem, { count: 1, first: first() });
  }

  /** One line per problem, in the order first met: "problem (N×, first …)". */
  list(): string[] {
    return [...this.found].map(([problem, { count, first }]) => `${problem} (${count}×, first ${first})`);
  }
}

/**
 * `<name a="…" b="…"> at line:col L:C`, for a warning's first occurrence: the element with the
 * attributes that matter (absent ones left out, long values cut), and where it stands.
 */
export function describeElement(
  name: string,
  attributes: ReadonlyArray<readonly [string, string | undefined]>,
  position: string,
): string {
  const shown = attributes.flatMap(([n, v]) =>
    v === undefined ? [] : [` ${n}=${JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v)}`],
  );
  return `<${name}${shown.join("")}> at ${position}`;
}
