import { pageFragmentName } from "@galley/doc";
import * as Y from "yjs";
import type { Replay } from "./replay.ts";

/**
 * What changed on a page between two of its states (a version, or the reconstruction as it came
 * out of OCR, and now), per article, with who changed it. Blocks are followed by their Yjs
 * element; a block the editor moved (which deletes it in one place and inserts it in another)
 * is recognised by its source line ids (`lines`), so it counts as moved, not as deleted text
 * plus new text. `by` is the user name of the editor whose stored change did it (null: the
 * server's own change, e.g. a repair).
 */
export interface PageDiff {
  /** The state compared against: the history entry it ends with. */
  from: { seq: number; at: string };
  /** The state compared: the page's last history entry. */
  to: { seq: number; at: string };
  /** Everyone whose stored changes lie between the two, in order of their first change. */
  authors: string[];
  /** The articles that changed, in the page's order now (removed ones after them). */
  articles: ArticleDiff[];
  /** How many articles did not change at all. */
  unchanged: number;
  /** Changes to blocks that stand outside any article (captions, furniture). */
  outside: BlockChanges;
}

/** What changed in one article. */
export interface ArticleDiff extends BlockChanges {
  /** The article's `id` attribute. */
  id: string;
  /** `added`: the article is new (a split, when `splitFrom` names where its blocks were). `removed`: gone (a merge, when `mergedInto` names where its blocks went). */
  change: "added" | "removed" | "changed";
  splitFrom: string[];
  mergedInto: string[];
  /** Title blocks (kicker, headline, subheadline) whose text changed, or that came or went. */
  titles: TitleChange[];
  /** The article's editorial status, when it changed. */
  status: { before: string; after: string; by: string | null } | null;
}

/** Changes to the blocks of one article (or of the page outside articles). */
export interface BlockChanges {
  /** Blocks that came in from another article or left for one: the article's boundary moved. */
  boundaries: BoundaryChange[];
  /** Blocks that moved within the article. */
  moved: BlockRef[];
  /** Blocks whose role changed. */
  roles: RoleChange[];
  /** Blocks whose text changed, or that were written anew or deleted. */
  text: TextChange[];
}

/** A block as it stands (or, removed, last stood). */
export interface BlockRef {
  /** Source line ids: where its words came from in the OCR. */
  lines: string[];
  role: string;
  text: string;
}

/** A block that moved across an article boundary; `from`/`to` are article ids (null: outside any article). */
export interface BoundaryChange {
  block: BlockRef;
  from: string | null;
  to: string | null;
  by: string | null;
}

/** A block's role before and after. */
export interface RoleChange {
  block: BlockRef;
  before: string;
  after: string;
  by: string | null;
}

/**
 * A block's text before and after, as runs: `same` text, `insert`ed and `delete`d text in
 * order (the `same` and `delete` runs make `before`, the `same` and `insert` runs `after`).
 */
export interface TextChange {
  block: BlockRef;
  kind: "edited" | "added" | "removed";
  before: string;
  after: string;
  runs: TextRun[];
}

/** One run of a text diff. */
export interface TextRun {
  type: "same" | "insert" | "delete";
  text: string;
  by: string | null;
}

/** A title block's text before and after (null: the article had no such title then). */
export interface TitleChange {
  role: string;
  before: string | null;
  after: string | null;
}

const titleRoles = ["kicker", "headline", "subheadline"];

/** A block as it stood at one snapshot. */
interface BlockAt {
  item: Y.Item;
  element: Y.XmlElement;
  article: ArticleAt | null;
  attrs: Record<string, unknown>;
  text: string;
  index: number;
}

/** An article as it stood at one snapshot. */
interface ArticleAt {
  item: Y.Item;
  element: Y.XmlElement;
  id: string;
  attrs: Record<string, unknown>;
  blocks: BlockAt[];
}

interface PageAt {
  articles: ArticleAt[];
  outside: BlockAt[];
  blocks: Map<Y.Item, BlockAt>;
}

/** Compares the replay's two states (see `PageDiff`). */
export function diffPage(replay: Replay): PageDiff {
  const { doc, from, to, attribution } = replay;
  const before = readAt(doc, from);
  const after = readAt(doc, to);
  // Blocks deleted in one place and inserted in another with the same source lines: moved.
  const removed = [...before.blocks.values()].filter((b) => !after.blocks.has(b.item));
  const added = [...after.blocks.values()].filter((b) => !before.blocks.has(b.item));
  const movedFrom = new Map<BlockAt, BlockAt>();
  const movedTo = new Set<BlockAt>();
  for (const block of added) {
    const key = linesKey(block);
    if (!key) continue;
    const origin = removed.find((r) => !movedTo.has(r) && linesKey(r) === key);
    if (!origin) continue;
    movedFrom.set(block, origin);
    movedTo.add(origin);
  }
  const previousOf = (block: BlockAt) => before.blocks.get(block.item) ?? movedFrom.get(block) ?? null;
  const beforeArticles = new Map(before.articles.map((a) => [a.item, a]));
  const afterArticles = new Map(after.articles.map((a) => [a.item, a]));
  const articles: ArticleDiff[] = [];
  let unchanged = 0;
  for (const article of after.articles) {
    const previous = beforeArticles.get(article.item) ?? null;
    const diff = emptyArticle(article.id, previous ? "changed" : "added");
    collect(diff, article.blocks, previous?.blocks ?? [], article, previousOf, movedTo, replay);
    if (previous) {
      diff.titles = titleChanges(previous.blocks, article.blocks);
      if (previous.attrs.status !== article.attrs.status)
        diff.status = {
          before: String(previous.attrs.status ?? ""),
          after: String(article.attrs.status ?? ""),
          by: attribution.insertedBy(article.element._map.get("status")?.id ?? article.item.id),
        };
    } else {
      diff.titles = titleChanges([], article.blocks);
      diff.splitFrom = unique(diff.boundaries.map((b) => b.from).filter((id): id is string => id !== null));
    }
    if (isEmpty(diff)) unchanged++;
    else articles.push(diff);
  }
  for (const article of before.articles) {
    if (afterArticles.has(article.item)) continue;
    const diff = emptyArticle(article.id, "removed");
    for (const block of article.blocks) {
      const next = [...movedFrom].find(([, origin]) => origin === block)?.[0];
      if (next) diff.mergedInto.push(...(next.article ? [next.article.id] : []));
      else diff.text.push(wholeText(block, "removed", attribution.deletedBy(block.item.id)));
    }
    diff.mergedInto = unique(diff.mergedInto);
    diff.titles = titleChanges(article.blocks, []);
    articles.push(diff);
  }
  const outside = emptyChanges();
  collect(outside, after.outside, before.outside, null, previousOf, movedTo, replay);
  return {
    from: { seq: replay.fromEntry.seq, at: replay.fromEntry.at },
    to: { seq: replay.toEntry.seq, at: replay.toEntry.at },
    authors: replay.authors,
    articles,
    unchanged,
    outside,
  };
}

/** Compares the blocks of one article (or of the outside) now with their previous states. */
function collect(
  changes: BlockChanges,
  blocks: BlockAt[],
  previousBlocks: BlockAt[],
  article: ArticleAt | null,
  previousOf: (block: BlockAt) => BlockAt | null,
  movedTo: Set<BlockAt>,
  replay: Replay,
): void {
  const { attribution } = replay;
  const articleId = article?.id ?? null;
  const kept: BlockAt[] = [];
  for (const block of blocks) {
    const previous = previousOf(block);
    if (!previous) {
      changes.text.push(wholeText(block, "added", attribution.insertedBy(block.item.id)));
      continue;
    }
    const sameElement = previous.item === block.item;
    const mover = sameElement ? null : attribution.insertedBy(block.item.id);
    if ((previous.article?.item ?? null) !== (article?.item ?? null))
      changes.boundaries.push({
        block: refOf(block),
        from: previous.article?.id ?? null,
        to: articleId,
        by: mover,
      });
    else if (!sameElement) changes.moved.push(refOf(block));
    else kept.push(block);
    if (previous.attrs.role !== block.attrs.role)
      changes.roles.push({
        block: refOf(block),
        before: String(previous.attrs.role ?? ""),
        after: String(block.attrs.role ?? ""),
        by: sameElement ? attribution.insertedBy(block.element._map.get("role")?.id ?? block.item.id) : mover,
      });
    if (previous.text !== block.text)
      changes.text.push(
        sameElement ? editedText(block, previous, replay) : rewrittenText(block, previous, mover),
      );
  }
  // Blocks that were here and are gone, not moved elsewhere (a Yjs element never changes parent:
  // one still visible is still here).
  for (const previous of previousBlocks) {
    if (movedTo.has(previous) || isVisible(previous.item, replay.to)) continue;
    changes.text.push(wholeText(previous, "removed", attribution.deletedBy(previous.item.id)));
  }
  // Blocks kept in place whose order changed among themselves.
  const order = kept.map((b) => previousBlocks.indexOf(previousOf(b)!));
  for (let i = 1; i < order.length; i++) {
    if (order[i]! < order[i - 1]!) changes.moved.push(refOf(kept[i]!));
  }
}

/** The text runs of a block kept in place, from Yjs: who inserted and who deleted each run. */
function editedText(block: BlockAt, previous: BlockAt, replay: Replay): TextChange {
  const runs: TextRun[] = [];
  for (const child of block.element.toArray()) {
    if (!(child instanceof Y.XmlText)) continue;
    const delta = child.toDelta(replay.to, replay.from, (type: "added" | "removed", id: Y.ID) => ({
      type,
      user: id.client,
      by: type === "added" ? replay.attribution.insertedBy(id) : replay.attribution.deletedBy(id),
    })) as { insert: unknown; attributes?: { ychange?: { type: string; by: string | null } } }[];
    for (const op of delta) {
      if (typeof op.insert !== "string") continue;
      const change = op.attributes?.ychange;
      const type = change?.type === "added" ? "insert" : change?.type === "removed" ? "delete" : "same";
      pushRun(runs, { type, text: op.insert, by: type === "same" ? null : (change?.by ?? null) });
    }
  }
  return { block: refOf(block), kind: "edited", before: previous.text, after: block.text, runs };
}

/** A moved block's text before and after: the common start and end kept, the middle replaced by the mover. */
function rewrittenText(block: BlockAt, previous: BlockAt, by: string | null): TextChange {
  const a = previous.text;
  const b = block.text;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end])
    end++;
  const runs: TextRun[] = [];
  pushRun(runs, { type: "same", text: a.slice(0, start), by: null });
  pushRun(runs, { type: "delete", text: a.slice(start, a.length - end), by });
  pushRun(runs, { type: "insert", text: b.slice(start, b.length - end), by });
  pushRun(runs, { type: "same", text: a.slice(a.length - end), by: null });
  return { block: refOf(block), kind: "edited", before: a, after: b, runs };
}

function wholeText(block: BlockAt, kind: "added" | "removed", by: string | null): TextChange {
  const run: TextRun = { type: kind === "added" ? "insert" : "delete", text: block.text, by };
  return {
    block: refOf(block),
    kind,
    before: kind === "added" ? "" : block.text,
    after: kind === "added" ? block.text : "",
    runs: block.text ? [run] : [],
  };
}

function pushRun(runs: TextRun[], run: TextRun): void {
  if (!run.text) return;
  const last = runs.at(-1);
  if (last && last.type === run.type && last.by === run.by) last.text += run.text;
  else runs.push({ ...run });
}

function titleChanges(before: BlockAt[], after: BlockAt[]): TitleChange[] {
  const changes: TitleChange[] = [];
  for (const role of titleRoles) {
    const textOf = (blocks: BlockAt[]) => {
      const texts = blocks.filter((b) => b.attrs.role === role).map((b) => b.text);
      return texts.length ? texts.join("\n") : null;
    };
    const was = textOf(before);
    const now = textOf(after);
    if (was !== now) changes.push({ role, before: was, after: now });
  }
  return changes;
}

/** The page as it stood at `snapshot`: articles with their blocks, and the blocks outside. */
function readAt(doc: Y.Doc, snapshot: Y.Snapshot): PageAt {
  const page: PageAt = { articles: [], outside: [], blocks: new Map() };
  const fragment = doc.getXmlFragment(pageFragmentName);
  const addBlock = (item: Y.Item, article: ArticleAt | null, index: number) => {
    const element = (item.content as Y.ContentType).type as Y.XmlElement;
    const block: BlockAt = {
      item,
      element,
      article,
      attrs: element.getAttributes(snapshot) as Record<string, unknown>,
      text: textAt(element, snapshot),
      index,
    };
    page.blocks.set(item, block);
    return block;
  };
  for (const item of childrenAt(fragment, snapshot)) {
    const element = (item.content as Y.ContentType).type;
    if (!(element instanceof Y.XmlElement)) continue;
    if (element.nodeName === "article") {
      const attrs = element.getAttributes(snapshot) as Record<string, unknown>;
      const article: ArticleAt = { item, element, id: String(attrs.id ?? ""), attrs, blocks: [] };
      childrenAt(element, snapshot).forEach((child, index) => {
        if ((child.content as Y.ContentType).type instanceof Y.XmlElement)
          article.blocks.push(addBlock(child, article, index));
      });
      page.articles.push(article);
    } else if (element.nodeName === "block") page.outside.push(addBlock(item, null, page.outside.length));
  }
  return page;
}

function childrenAt(type: Y.XmlFragment | Y.XmlElement, snapshot: Y.Snapshot): Y.Item[] {
  const items: Y.Item[] = [];
  for (let item = type._start; item !== null; item = item.right) {
    if (item.content instanceof Y.ContentType && isVisible(item, snapshot)) items.push(item);
  }
  return items;
}

function textAt(element: Y.XmlElement, snapshot: Y.Snapshot): string {
  let text = "";
  for (const item of childrenAt(element, snapshot)) {
    const type = (item.content as Y.ContentType).type;
    if (!(type instanceof Y.XmlText)) continue;
    for (const op of type.toDelta(snapshot) as { insert: unknown }[])
      if (typeof op.insert === "string") text += op.insert;
  }
  return text;
}

function isVisible(item: Y.Item, snapshot: Y.Snapshot): boolean {
  return (snapshot.sv.get(item.id.client) ?? 0) > item.id.clock && !Y.isDeleted(snapshot.ds, item.id);
}

function linesKey(block: BlockAt): string | null {
  const lines = block.attrs.lines;
  return Array.isArray(lines) && lines.length > 0 ? lines.join("\u0000") : null;
}

function refOf(block: BlockAt): BlockRef {
  const lines = Array.isArray(block.attrs.lines) ? (block.attrs.lines as unknown[]).map(String) : [];
  return { lines, role: String(block.attrs.role ?? ""), text: block.text };
}

function emptyChanges(): BlockChanges {
  return { boundaries: [], moved: [], roles: [], text: [] };
}

function emptyArticle(id: string, change: ArticleDiff["change"]): ArticleDiff {
  return { id, change, splitFrom: [], mergedInto: [], titles: [], status: null, ...emptyChanges() };
}

function isEmpty(diff: ArticleDiff): boolean {
  return (
    diff.change === "changed" &&
    diff.boundaries.length + diff.moved.length + diff.roles.length + diff.text.length + diff.titles.length ===
      0 &&
    diff.status === null
  );
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
