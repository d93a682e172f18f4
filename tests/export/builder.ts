import { type Block, type Box, joinLines, type SourceLine } from "@galley/core";
import type { ArticleStatus, EditedArticle, EditedPage } from "@galley/doc";
import type { IssueInput, IssuePage } from "@galley/export";

/**
 * A small builder for test issues, so each test reads like the issue it exports:
 * `issue("Daily", "2024-05-01", page(1, "en", article({ headline: "Hi", body: ["…"] })))`.
 * Text is cut into source lines of about `lineCells` characters (at spaces, or anywhere in
 * CJK), joined back with the core's rules, and given line ids and, with `geometry`, boxes.
 */

/** A dateline or byline: text on a line of its own, or `inline` inside the first/last body line. */
export type SpanSpec = string | { text: string; inline: "start" | "end" };

/** What one test article holds. */
export interface ArticleSpec {
  kicker?: string;
  headline?: string;
  subheadline?: string;
  dateline?: SpanSpec;
  byline?: SpanSpec;
  body: string[];
  captions?: string[];
  status?: ArticleStatus;
}

/** Page options. */
export interface PageSpec {
  language?: string;
  geometry?: boolean;
  section?: string;
  lineCells?: number;
}

/** An article spec (identity, for readability at the call site). */
export function article(spec: ArticleSpec): ArticleSpec {
  return spec;
}

function cut(text: string, size: number): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while ([...rest].length > size) {
    const chars = [...rest];
    const head = chars.slice(0, size).join("");
    const space = head.lastIndexOf(" ");
    const at = space > size / 3 ? space : head.length;
    out.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) out.push(rest);
  return out;
}

class PageBuilder {
  lines: SourceLine[] = [];
  private y = 80;
  constructor(
    private readonly spec: PageSpec,
    private readonly column: () => number,
  ) {}

  block(text: string, size = this.spec.lineCells ?? 30): Block {
    const texts = cut(text, size);
    const ids = texts.map((t) => this.line(t));
    return { text: joinLines(texts), lines: ids, confidence: 0.9 };
  }

  private line(text: string): string {
    const id = this.spec.geometry ? `line_${this.lines.length + 1}` : String(this.lines.length + 1);
    const line: SourceLine = { id, text };
    if (this.spec.geometry) {
      const x = 100 + this.column() * 1200;
      const box: Box = { x, y: this.y, w: Math.min(1100, text.length * 22), h: 40 };
      let wx = x;
      line.box = box;
      line.words = text.split(" ").map((w) => {
        const word = { text: w, box: { x: wx, y: this.y, w: w.length * 20, h: 40 }, conf: 0.93 };
        wx += (w.length + 1) * 20;
        return word;
      });
      this.y += 50;
    }
    this.lines.push(line);
    return id;
  }
}

function span(spec: SpanSpec | undefined, b: PageBuilder, body: Block[]): Block | null {
  if (spec === undefined) return null;
  if (typeof spec === "string") return b.block(spec, 200);
  const target = spec.inline === "start" ? body[0] : body.at(-1);
  const line = spec.inline === "start" ? target?.lines[0] : target?.lines.at(-1);
  if (!line) throw new RangeError("an inline span needs a body paragraph");
  return { text: spec.text, lines: [line], inline: spec.inline };
}

/** One page of the issue; `number` is the printed page number. */
export function page(number: number, spec: PageSpec, ...articles: ArticleSpec[]): IssuePage {
  let current = 0;
  const b = new PageBuilder(spec, () => current);
  const columns: Block[] = [
    { text: "", lines: [] },
    { text: "", lines: [] },
  ];
  const edited: EditedPage = {
    source: { format: "text", lineCount: 0, ...(spec.language ? { language: spec.language } : {}) },
    columns: [],
    articles: [],
    captions: [],
    other: [],
  };
  if (spec.section) edited.other.push({ ...b.block(spec.section, 200), kind: "section" });
  articles.forEach((a, i) => {
    current = i % 2;
    const kicker = a.kicker ? b.block(a.kicker, 200) : null;
    const headline = a.headline ? b.block(a.headline) : null;
    const subheadline = a.subheadline ? b.block(a.subheadline) : null;
    const before = [a.dateline, a.byline].map((s) => (typeof s === "string" ? s : undefined));
    const dateline = typeof a.dateline === "string" ? span(before[0], b, []) : null;
    const byline = typeof a.byline === "string" ? span(before[1], b, []) : null;
    const paragraphs = a.body.map((p) => b.block(p));
    const result: EditedArticle = {
      id: `a${i + 1}`,
      kicker,
      headline,
      subheadline,
      dateline: dateline ?? (typeof a.dateline === "object" ? span(a.dateline, b, paragraphs) : null),
      byline: byline ?? (typeof a.byline === "object" ? span(a.byline, b, paragraphs) : null),
      paragraphs,
      confidence: 0.8,
      status: a.status ?? "needs-review",
    };
    const col = columns[current]!;
    col.lines.push(...[kicker, headline, subheadline, ...paragraphs].flatMap((x) => x?.lines ?? []));
    edited.articles.push(result);
    for (const c of a.captions ?? []) edited.captions.push({ ...b.block(c, 200), article: result.id });
  });
  edited.other.push({ ...b.block(`— ${number} —`, 200), kind: "folio" });
  edited.columns = columns.filter((c) => c.lines.length > 0);
  edited.source.lineCount = b.lines.length;
  if (spec.geometry) {
    edited.source.width = 2480;
    edited.source.height = Math.max(3508, ...b.lines.map((l) => (l.box ? l.box.y + l.box.h + 100 : 0)));
  }
  return { id: `page-${number}`, number, page: edited, lines: b.lines };
}

/** An issue of the given pages. */
export function issue(
  title: string,
  date: string,
  language: string | undefined,
  ...pages: IssuePage[]
): IssueInput {
  return { id: "issue-1", title, date, ...(language ? { language } : {}), pages };
}
