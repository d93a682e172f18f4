import type { Node } from "prosemirror-model";
import * as Y from "yjs";
import {
  attributeProblem,
  describe,
  isAllowedChild,
  isPageElementName,
  markProblem,
  type PageElementName,
  pageAttributeProblem,
} from "./page-rules.ts";
import { pageSchema } from "./schema.ts";
import { pageFragmentName, pageMetaName } from "./ydoc-names.ts";

/** A part of a stored page that the page schema does not allow, left out when the page is read. */
export interface SetAsidePart {
  /** Where it was: `page`, `page child 3`, `article a2 › child 1`, `page attribute format` … */
  where: string;
  /** What is wrong with it. */
  problem: string;
  /** Its text, when it held any (at most `setAsideTextChars` characters). */
  text?: string;
}

/** A Y.Doc read as a page: what is valid, what was set aside, and how to remove the rest. */
export interface PageInspection {
  /** The page without the parts set aside; always valid for `pageSchema` (`check()` passes). */
  doc: Node;
  setAside: SetAsidePart[];
  /** The Yjs items whose deletion removes every part set aside from the Y.Doc itself. */
  repair: Y.Item[];
}

/** How much of a set-aside part's text is kept in its report. */
export const setAsideTextChars = 200;

interface JsonNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  text?: string;
  marks?: { type: string; attrs: Record<string, unknown> }[];
}

/**
 * Reads the page a Y.Doc holds, tolerantly: whatever the page schema and its rules
 * (`page-rules.ts`) do not allow — an element of an unknown name, text outside a block, an
 * article inside an article or without blocks, an embed in text, an unknown mark, an attribute
 * value out of its range, a shared type other than `prosemirror` and `page` — is left out and
 * reported, never thrown. The rest reads exactly as y-prosemirror would read it.
 */
export function inspectPage(ydoc: Y.Doc): PageInspection {
  const out: PageInspection = { doc: pageSchema.topNodeType.create(), setAside: [], repair: [] };
  const setAside = (where: string, problem: string, item: Y.Item | null, text = "") => {
    out.setAside.push({ where, problem, ...(text ? { text: text.slice(0, setAsideTextChars) } : {}) });
    if (item) out.repair.push(item);
  };
  const attrs = readPageAttributes(ydoc.getMap(pageMetaName), setAside);
  const fragment = ydoc.getXmlFragment(pageFragmentName);
  for (const item of mapItems(fragment))
    setAside("page", `the page has no attribute "${item.parentSub}"`, item);
  const content: JsonNode[] = [];
  let index = 0;
  for (const item of listItems(fragment)) {
    const where = `page child ${++index}`;
    const node = readElement(item, "page", where, setAside);
    if (node) content.push(node);
  }
  for (const [name, type] of ydoc.share) {
    if (name === pageFragmentName || name === pageMetaName) continue;
    for (const item of [...listItems(type), ...mapItems(type)])
      setAside(`shared type "${name}"`, "not part of a page", item, textOf(item));
  }
  out.doc = pageSchema.nodeFromJSON({ type: "page", attrs, content });
  out.doc.check();
  return out;
}

type SetAside = (where: string, problem: string, item: Y.Item | null, text?: string) => void;

function readPageAttributes(meta: Y.Map<unknown>, setAside: SetAside): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  for (const item of listItems(meta)) setAside("page attributes", "a list where a map belongs", item);
  for (const item of mapItems(meta)) {
    const key = item.parentSub!;
    const value = itemValue(item);
    const problem = pageAttributeProblem(key, value);
    if (problem) setAside(`page attribute ${key}`, problem, item);
    else attrs[key] = value;
  }
  return attrs;
}

function readElement(item: Y.Item, parent: string, where: string, setAside: SetAside): JsonNode | null {
  const type = item.content instanceof Y.ContentType ? item.content.type : null;
  if (!(type instanceof Y.XmlElement) || type.constructor !== Y.XmlElement) {
    const what =
      type instanceof Y.XmlText ? "text outside any block" : `${kindOf(item)} where a node belongs`;
    setAside(where, what, item, textOf(item));
    return null;
  }
  const name = type.nodeName;
  if (!isPageElementName(name)) {
    setAside(where, `unknown element "${name}"`, item, textOf(item));
    return null;
  }
  if (!isAllowedChild(parent, name)) {
    setAside(where, `${name} inside ${parent}`, item, textOf(item));
    return null;
  }
  const attrs = readAttributes(type, name, where, setAside);
  const here = name === "article" && typeof attrs.id === "string" && attrs.id ? `article ${attrs.id}` : where;
  const content: JsonNode[] = [];
  let index = 0;
  for (const child of listItems(type)) {
    const childWhere = `${here} › child ${++index}`;
    if (name === "block") content.push(...readText(child, childWhere, setAside));
    else {
      const node = readElement(child, name, childWhere, setAside);
      if (node) content.push(node);
    }
  }
  if (name === "article" && content.length === 0) {
    setAside(here, "article without blocks", item, textOf(item));
    return null;
  }
  return { type: name, attrs, content };
}

function readAttributes(
  element: Y.XmlElement,
  name: PageElementName,
  where: string,
  setAside: SetAside,
): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  for (const item of mapItems(element)) {
    const key = item.parentSub!;
    const value = itemValue(item);
    const problem = attributeProblem(name, key, value);
    if (problem) setAside(where, problem, item);
    else if (value !== null) attrs[key] = value;
  }
  return attrs;
}

/** The text nodes of one child of a block: it must be a Y.XmlText of strings and known marks. */
function readText(item: Y.Item, where: string, setAside: SetAside): JsonNode[] {
  const text = item.content instanceof Y.ContentType ? item.content.type : null;
  if (!(text instanceof Y.XmlText)) {
    setAside(where, `${kindOf(item)} inside a block`, item, textOf(item));
    return [];
  }
  for (const attribute of mapItems(text)) setAside(where, "an attribute on text", attribute);
  const nodes: JsonNode[] = [];
  const marks = new Map<string, Record<string, unknown>>();
  for (let n = text._start; n !== null; n = n.right) {
    if (n.deleted) continue;
    if (n.content instanceof Y.ContentString) {
      if (n.content.str === "") continue;
      const node: JsonNode = { type: "text", text: n.content.str };
      if (marks.size > 0) node.marks = [...marks].map(([type, attrs]) => ({ type, attrs }));
      nodes.push(node);
    } else if (n.content instanceof Y.ContentFormat) {
      const { key, value } = n.content;
      const problem = markProblem(key, value);
      if (problem) setAside(where, problem, n);
      else if (value === null) marks.delete(key);
      else marks.set(key, value as Record<string, unknown>);
    } else setAside(where, `${kindOf(n)} inside text`, n, textOf(n));
  }
  return nodes;
}

/** What every Yjs shared type has: a list part and a map part. */
interface SharedType {
  _start: Y.Item | null;
  _map: Map<string, Y.Item>;
}

/** The live (not deleted) items of a type's list part. */
function listItems(type: SharedType): Y.Item[] {
  const items: Y.Item[] = [];
  for (let n = type._start; n !== null; n = n.right) if (!n.deleted) items.push(n);
  return items;
}

/** The live items holding a type's map part (attributes of an element, keys of a map). */
function mapItems(type: SharedType): Y.Item[] {
  return [...type._map.values()].filter((item) => !item.deleted);
}

/** The value a map item holds (what `Y.Map.get` would answer). */
function itemValue(item: Y.Item): unknown {
  const content = item.content.getContent();
  return content[content.length - 1];
}

function kindOf(item: Y.Item): string {
  const content = item.content;
  if (content instanceof Y.ContentType) return typeName(content.type);
  if (content instanceof Y.ContentString) return "text";
  if (content instanceof Y.ContentEmbed) return "an embed";
  if (content instanceof Y.ContentFormat) return "formatting";
  return `a value ${describe(content.getContent()[0])}`;
}

function typeName(type: SharedType): string {
  if (type instanceof Y.XmlElement) return `element "${type.nodeName}"`;
  if (type instanceof Y.XmlText) return "text";
  if (type instanceof Y.XmlHook) return "an XML hook";
  if (type instanceof Y.XmlFragment) return "a fragment";
  if (type instanceof Y.Text) return "a shared text";
  if (type instanceof Y.Map) return "a map";
  if (type instanceof Y.Array) return "a list";
  return "a shared type";
}

/** The text an item holds, itself or anywhere below it. */
function textOf(item: Y.Item): string {
  let text = "";
  const visit = (n: Y.Item): void => {
    if (n.deleted || text.length >= setAsideTextChars) return;
    if (n.content instanceof Y.ContentString) text += n.content.str;
    else if (n.content instanceof Y.ContentType) {
      for (let c = n.content.type._start; c !== null; c = c.right) visit(c);
    }
  };
  visit(item);
  return text;
}
