import {
  attributeProblem,
  isAllowedChild,
  isPageElementName,
  markProblem,
  pageFragmentName,
  pageMetaName,
} from "@galley/doc";
import * as Y from "yjs";
import { type DecodedUpdate, missingDependency } from "./dependencies.ts";

/** What the gate says of a client's update. */
export type GateVerdict =
  /** Valid: store it (and then `repair`, when it left an article without blocks). */
  | { kind: "accepted"; repair: Uint8Array | null }
  /** Not allowed by the page schema; the gate must be `reset` before it is used again. */
  | { kind: "refused"; reason: string }
  /** It builds on changes the server does not have (yet): hold it until they arrive. */
  | { kind: "incomplete"; missing: string };

/** An origin marking the gate's own transactions. */
const gateOrigin = Symbol("schema-gate");

/**
 * Checks every update a client sends against the page schema before it is stored or relayed.
 *
 * The gate keeps a shadow copy of the page: the loaded doc plus every update accepted but not yet
 * applied to it. A candidate update is applied to the shadow and each struct it added is checked
 * where it landed: an element under the page or an article must be an allowed `article` or
 * `block`, a block holds only `Y.XmlText`, text holds only strings and known marks, attributes
 * take only the values `@galley/doc`'s rules allow, and nothing else of the doc (the `page` map,
 * any other shared type) is written by a client at all. Only what the update touched is read, so
 * the check costs about what applying the update costs, whatever the size of the page.
 *
 * Updates that are each valid can still combine into an invalid page: two editors moving the last
 * two blocks out of one article at the same moment leave it without blocks (the only rule of the
 * schema a merge can break). The gate accepts such an update and returns a repair — the deletion
 * of the emptied article — to be stored right after it.
 */
export class SchemaGate {
  private shadow: Y.Doc;

  constructor(state: Uint8Array) {
    this.shadow = shadowOf(state, []);
  }

  /**
   * Checks `update` (decoded as `decoded`) against the state accepted so far. Accepted, it
   * becomes part of that state; refused, the shadow holds it and must be `reset`.
   */
  admit(update: Uint8Array, decoded: DecodedUpdate): GateVerdict {
    const missing = missingDependency(decoded, stateVector(this.shadow));
    if (missing) return { kind: "incomplete", missing };
    const store = this.shadow.store;
    const hadPending = store.pendingStructs !== null || store.pendingDs !== null;
    const report = this.apply(update);
    if (!hadPending && (store.pendingStructs !== null || store.pendingDs !== null))
      return { kind: "refused", reason: "the change depends on changes the server does not have" };
    if (report.problems.length > 0) {
      const more = report.problems.length > 1 ? ` (and ${report.problems.length - 1} more)` : "";
      return { kind: "refused", reason: `${report.problems[0]}${more}` };
    }
    return { kind: "accepted", repair: this.repair(report.emptied) };
  }

  /**
   * Follows an update that was checked elsewhere (by another server process, relayed over the
   * bus): applies it to the shadow and returns a repair when it, combined with what this process
   * accepted, left an article without blocks.
   */
  follow(update: Uint8Array): Uint8Array | null {
    return this.repair(this.apply(update).emptied);
  }

  /** Rebuilds the shadow from the loaded doc's `state` and the accepted updates not yet applied to it. */
  reset(state: Uint8Array, pending: readonly Uint8Array[]): void {
    this.shadow.destroy();
    this.shadow = shadowOf(state, pending);
  }

  /** Releases the shadow. */
  destroy(): void {
    this.shadow.destroy();
  }

  private apply(update: Uint8Array): { problems: string[]; emptied: Y.XmlElement[] } {
    let report: { problems: string[]; emptied: Y.XmlElement[] } = { problems: [], emptied: [] };
    const inspect = (transaction: Y.Transaction) => {
      report = inspectTransaction(transaction, this.shadow);
    };
    this.shadow.once("afterTransaction", inspect);
    try {
      Y.applyUpdate(this.shadow, update, gateOrigin);
    } catch (error) {
      report.problems.push(`the update does not apply (${(error as Error).message})`);
    } finally {
      this.shadow.off("afterTransaction", inspect);
    }
    return report;
  }

  private repair(emptied: Y.XmlElement[]): Uint8Array | null {
    if (emptied.length === 0) return null;
    let repair: Uint8Array | null = null;
    const capture = (update: Uint8Array) => {
      repair ??= update;
    };
    this.shadow.on("update", capture);
    this.shadow.transact((transaction) => {
      for (const article of emptied) article._item?.delete(transaction);
    }, gateOrigin);
    this.shadow.off("update", capture);
    return repair;
  }
}

/** Each client's next clock in `doc` (what `Y.encodeStateVector` encodes). */
function stateVector(doc: Y.Doc): Map<number, number> {
  const state = new Map<number, number>();
  for (const [client, structs] of doc.store.clients) {
    const last = structs[structs.length - 1];
    if (last) state.set(client, last.id.clock + last.length);
  }
  return state;
}

function shadowOf(state: Uint8Array, pending: readonly Uint8Array[]): Y.Doc {
  const shadow = new Y.Doc();
  // The two types the page is made of, so that updates attach to them as to the loaded doc.
  shadow.getXmlFragment(pageFragmentName);
  shadow.getMap(pageMetaName);
  Y.applyUpdate(shadow, state, gateOrigin);
  for (const update of pending) Y.applyUpdate(shadow, update, gateOrigin);
  return shadow;
}

/** Checks every struct a transaction added, and finds the articles it left without blocks. */
function inspectTransaction(
  transaction: Y.Transaction,
  shadow: Y.Doc,
): { problems: string[]; emptied: Y.XmlElement[] } {
  const problems: string[] = [];
  const emptied: Y.XmlElement[] = [];
  const fragment = shadow.getXmlFragment(pageFragmentName);
  const meta = shadow.getMap(pageMetaName);
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after === before) continue;
    const structs = shadow.store.clients.get(client) ?? [];
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i];
      if (!(struct instanceof Y.Item) || struct.deleted) continue;
      const problem = itemProblem(struct, fragment, meta);
      if (problem) problems.push(problem);
      else if (isArticle(struct) && (struct.content as Y.ContentType).type._length === 0)
        problems.push("an article without blocks");
    }
  }
  for (const type of transaction.changed.keys()) {
    if (
      type instanceof Y.XmlElement &&
      type.nodeName === "article" &&
      !type._item?.deleted &&
      type._length === 0
    )
      emptied.push(type);
  }
  return { problems, emptied };
}

function isArticle(item: Y.Item): boolean {
  return (
    item.parentSub === null &&
    item.content instanceof Y.ContentType &&
    item.content.type instanceof Y.XmlElement &&
    item.content.type.nodeName === "article"
  );
}

/** Why a new item may not stand where it landed, or null when it may. */
function itemProblem(item: Y.Item, fragment: Y.XmlFragment, meta: Y.Map<unknown>): string | null {
  const parent = item.parent;
  const content = item.content;
  if (parent === fragment) {
    if (item.parentSub !== null) return "the page fragment takes no attributes";
    return elementProblem(content, "page");
  }
  if (parent === meta) return "the page's own attributes are written only by the server";
  if (parent instanceof Y.XmlElement && parent.constructor === Y.XmlElement) {
    const name = parent.nodeName;
    if (!isPageElementName(name)) return `a change inside unknown element "${name}"`;
    if (item.parentSub !== null) {
      if (!(content instanceof Y.ContentAny) || content.arr.length !== 1)
        return `${name} ${item.parentSub} must be a plain value`;
      return attributeProblem(name, item.parentSub, content.arr[0]);
    }
    if (name === "article") return elementProblem(content, "article");
    const isText = content instanceof Y.ContentType && content.type.constructor === Y.XmlText;
    return isText ? null : `${describeContent(content)} inside a block (only text may stand there)`;
  }
  if (parent instanceof Y.XmlText && parent.constructor === Y.XmlText) {
    const holder = parent._item?.parent;
    if (!(holder instanceof Y.XmlElement) || holder.nodeName !== "block") return "text outside any block";
    if (item.parentSub !== null) return "text takes no attributes";
    if (content instanceof Y.ContentString) return null;
    if (content instanceof Y.ContentFormat) return markProblem(content.key, content.value);
    return `${describeContent(content)} inside text (only characters and marks may stand there)`;
  }
  return "a change outside the page (only the prosemirror fragment may be written)";
}

function elementProblem(content: Y.Item["content"], parent: "page" | "article"): string | null {
  if (!(content instanceof Y.ContentType) || content.type.constructor !== Y.XmlElement)
    return `${describeContent(content)} inside ${parent === "page" ? "the page" : "an article"}`;
  const name = (content.type as Y.XmlElement).nodeName;
  if (!isPageElementName(name)) return `unknown element "${name}"`;
  if (!isAllowedChild(parent, name)) return `${name} inside ${parent === "page" ? "the page" : "an article"}`;
  return null;
}

function describeContent(content: Y.Item["content"]): string {
  if (content instanceof Y.ContentType) {
    const type = content.type;
    if (type instanceof Y.XmlElement) return `element "${type.nodeName}"`;
    if (type instanceof Y.XmlText) return "text";
    return "a shared type";
  }
  if (content instanceof Y.ContentString) return "text";
  if (content instanceof Y.ContentEmbed) return "an embed";
  if (content instanceof Y.ContentFormat) return "formatting";
  return "a value";
}
