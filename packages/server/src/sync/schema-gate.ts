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

/** A client's update waiting to be checked; `sender` groups the updates of one connection. */
export interface Candidate {
  update: Uint8Array;
  decoded: DecodedUpdate;
  sender: unknown;
}

/** What the gate says of a batch of candidates (indices into it). */
export interface BatchVerdict {
  /** Valid: store these, in this order (then `repair`, when they left an article without blocks). */
  accepted: number[];
  /** Not allowed by the page schema, with the reason; every later candidate of the same sender is left out too. */
  refused: Map<number, string>;
  /** They build on changes the server does not have (yet): hold them until those arrive. */
  incomplete: Map<number, string>;
  repair: Uint8Array | null;
}

/** An origin marking the gate's own transactions. */
const gateOrigin = Symbol("schema-gate");

/**
 * Checks every update a client sends against the page schema before it is stored or relayed.
 *
 * Typing — updates that only insert and delete characters in the text of blocks — is checked
 * against the loaded doc itself, applying nothing. For anything else the gate keeps a shadow copy
 * of the page (the doc plus what the gate accepted since), built the first time it is needed. The updates that arrived together
 * (one event-loop turn, one group commit) are applied to the shadow in one transaction, and each
 * struct they added is checked where it landed: an element under the page or an article must be
 * an allowed `article` or `block`, a block holds only `Y.XmlText`, text holds only strings and
 * known marks, attributes take only the values `@galley/doc`'s rules allow, and nothing else of
 * the doc (the `page` map, any other shared type) is written by a client at all. Only what the
 * updates added is read, so the check costs about what applying them to the doc costs, whatever
 * the size of the page. A struct that breaks a rule is traced to the update that carried it; that update is
 * refused (with every later one of its sender), the shadow rebuilt, and the rest checked again.
 *
 * Updates that are each valid can still combine into an invalid page: two editors moving the last
 * two blocks out of one article at the same moment leave it without blocks (the only rule of the
 * schema a merge can break). The gate accepts them and returns a repair — the deletion of the
 * emptied article — to be stored right after them.
 */
export class SchemaGate {
  /** The shadow, built when first needed: a page that is only typed on never has one. */
  private built: Y.Doc | null = null;
  /** Accepted updates of text only, not applied to the shadow yet (see `catchUp`). */
  private owed: Uint8Array[] = [];

  /**
   * `doc` is the loaded page (what has been stored and applied); `pending` gives the server's
   * own repairs accepted but not applied to it yet.
   */
  constructor(
    private readonly doc: Y.Doc,
    private readonly pending: () => readonly Uint8Array[] = () => [],
  ) {}

  /** Whether the gate holds a shadow copy of the page now (a page's second copy in memory). */
  get hasShadow(): boolean {
    return this.built !== null;
  }

  /** The shadow: the doc plus what the gate accepted since (built from the doc when first asked for). */
  private get shadow(): Y.Doc {
    this.built ??= shadowOf(this.source());
    return this.built;
  }

  /**
   * Checks `candidates` (in arrival order) against the state accepted so far; the accepted ones
   * become part of that state.
   */
  check(candidates: readonly Candidate[]): BatchVerdict {
    const verdict: BatchVerdict = { accepted: [], refused: new Map(), incomplete: new Map(), repair: null };
    // Without a shadow, what was accepted before is in the doc by now (a batch is checked only
    // after the one before it was applied or forgotten): nothing is owed.
    if (!this.built) this.owed = [];
    // Typing: characters inserted into and deleted from the text of blocks, checked against the
    // doc itself without applying anything (the shadow takes them when it is next needed).
    if (isTextOnly(candidates, this.doc)) {
      this.owed.push(...candidates.map((c) => c.update));
      verdict.accepted = candidates.map((_, i) => i);
      return verdict;
    }
    this.catchUp();
    // Next: everything applies, in full, and breaks no rule.
    const all = this.apply(candidates.map((c) => c.update));
    if (!all.failed && all.problems.length === 0 && candidates.every((c) => this.integrated(c.decoded))) {
      verdict.accepted = candidates.map((_, i) => i);
      verdict.repair = this.repair(all.emptied);
      return verdict;
    }
    // Otherwise, one dependency and one rule at a time, from a fresh shadow.
    this.reset();
    const excluded = new Set<unknown>();
    for (;;) {
      const open = candidates.map((_, i) => i).filter((i) => !excluded.has(candidates[i]!.sender));
      verdict.incomplete.clear();
      const ready = this.readyToApply(candidates, open, verdict.incomplete);
      const outcome =
        ready.length > 1 ? this.applyBatch(candidates, ready) : this.applyOneByOne(candidates, ready);
      if (outcome.refused.size === 0) {
        verdict.accepted = ready;
        verdict.repair = this.repair(outcome.emptied);
        return verdict;
      }
      this.reset();
      for (const [i, reason] of outcome.refused) {
        verdict.refused.set(i, reason);
        excluded.add(candidates[i]!.sender);
      }
    }
  }

  /**
   * Follows an update that was checked elsewhere (by another server process, relayed over the
   * bus) once the doc applied it in `transaction`: returns a repair when it, combined with what
   * this process accepted, left an article without blocks.
   */
  follow(update: Uint8Array, transaction: Y.Transaction): Uint8Array | null {
    if (!this.built) {
      // Without a shadow, everything accepted here since it was dropped is typing, which empties
      // no article: only the relayed update can have, and the doc's own transaction tells.
      if (!emptiedArticles(transaction).length) return null;
      this.catchUp();
      return this.repair(emptyArticlesOf(this.shadow));
    }
    this.catchUp();
    return this.repair(this.apply([update]).emptied);
  }

  /**
   * Drops the shadow, to be rebuilt from the loaded doc when next needed — when the doc holds
   * what the gate accepted, or after the doc failed to store what the gate accepted (then that
   * is forgotten).
   */
  reset(): void {
    this.built?.destroy();
    this.built = null;
    this.owed = [];
  }

  private source(): Uint8Array {
    const state = Y.encodeStateAsUpdate(this.doc);
    const pending = this.pending();
    return pending.length === 0 ? state : Y.mergeUpdates([state, ...pending]);
  }

  /** Applies the text-only updates accepted since the shadow was last used, in one transaction. */
  private catchUp(): void {
    if (this.owed.length === 0) return;
    const owed = this.owed;
    this.owed = [];
    this.shadow.transact(() => {
      for (const update of owed) Y.applyUpdate(this.shadow, update, gateOrigin);
    }, gateOrigin);
  }

  /** Releases the shadow. */
  destroy(): void {
    this.built?.destroy();
    this.built = null;
  }

  /**
   * The candidates among `open` whose dependencies are known (to the shadow, or to a candidate
   * before them), in order; the others go to `incomplete`.
   */
  private readyToApply(
    candidates: readonly Candidate[],
    open: number[],
    incomplete: Map<number, string>,
  ): number[] {
    const state = stateVector(this.shadow);
    const ready: number[] = [];
    let waiting = open;
    for (let progress = true; progress && waiting.length > 0; ) {
      progress = false;
      const still: number[] = [];
      for (const i of waiting) {
        const decoded = candidates[i]!.decoded;
        const missing = missingDependency(decoded, state);
        if (missing) {
          incomplete.set(i, missing);
          still.push(i);
          continue;
        }
        incomplete.delete(i);
        extendState(state, decoded);
        ready.push(i);
        progress = true;
      }
      waiting = still;
    }
    return ready;
  }

  private applyBatch(candidates: readonly Candidate[], ready: number[]): Outcome {
    const outcome = this.apply(ready.map((i) => candidates[i]!.update));
    if (outcome.problems.length === 0 && !outcome.failed)
      return { refused: new Map(), emptied: outcome.emptied };
    // Trace each problem to the first candidate that carries its struct; an anomaly that names
    // no struct (an update that does not apply) is found by checking them one by one.
    const refused = new Map<number, string>();
    for (const { id, reason } of outcome.problems) {
      const at = id ? ready.find((i) => carries(candidates[i]!.decoded, id)) : undefined;
      if (at !== undefined && !refused.has(at)) refused.set(at, reason);
    }
    if (refused.size > 0) return { refused, emptied: [] };
    this.reset();
    return this.applyOneByOne(candidates, ready);
  }

  private applyOneByOne(candidates: readonly Candidate[], ready: number[]): Outcome {
    const emptied: Y.XmlElement[] = [];
    for (const i of ready) {
      const outcome = this.apply([candidates[i]!.update]);
      const problem =
        outcome.failed ??
        outcome.problems[0]?.reason ??
        (this.integrated(candidates[i]!.decoded)
          ? undefined
          : "the change depends on changes the server does not have");
      if (problem) {
        const more = outcome.problems.length > 1 ? ` (and ${outcome.problems.length - 1} more)` : "";
        return { refused: new Map([[i, `${problem}${more}`]]), emptied: [] };
      }
      emptied.push(...outcome.emptied);
    }
    return { refused: new Map(), emptied };
  }

  /** Whether every struct of `decoded` is part of the shadow now (none left pending). */
  private integrated(decoded: DecodedUpdate): boolean {
    const store = this.shadow.store;
    return decoded.structs.every(
      (s) => s instanceof Y.Skip || Y.getState(store, s.id.client) >= s.id.clock + s.length,
    );
  }

  /** Applies `updates` to the shadow in one transaction and inspects what they added. */
  private apply(updates: readonly Uint8Array[]): Applied {
    let report: Applied = { problems: [], emptied: [], failed: null };
    const store = this.shadow.store;
    const hadPending = store.pendingStructs !== null || store.pendingDs !== null;
    const inspect = (transaction: Y.Transaction) => {
      report = { ...inspectTransaction(transaction, this.shadow), failed: report.failed };
    };
    this.shadow.once("afterTransaction", inspect);
    try {
      this.shadow.transact(() => {
        for (const update of updates) Y.applyUpdate(this.shadow, update, gateOrigin);
      }, gateOrigin);
    } catch (error) {
      report.failed = `the update does not apply (${(error as Error).message})`;
    } finally {
      this.shadow.off("afterTransaction", inspect);
    }
    if (!hadPending && (store.pendingStructs !== null || store.pendingDs !== null))
      report.failed ??= "the change depends on changes the server does not have";
    return report;
  }

  private repair(emptied: Y.XmlElement[]): Uint8Array | null {
    const live = emptied.filter((article) => !article._item?.deleted && article._length === 0);
    if (live.length === 0) return null;
    let repair: Uint8Array | null = null;
    const capture = (update: Uint8Array) => {
      repair ??= update;
    };
    this.shadow.on("update", capture);
    this.shadow.transact((transaction) => {
      for (const article of live) article._item?.delete(transaction);
    }, gateOrigin);
    this.shadow.off("update", capture);
    return repair;
  }
}

/** A problem found in a transaction, with the id of the struct that has it (if any). */
interface Problem {
  id: Y.ID | null;
  reason: string;
}

interface Applied {
  problems: Problem[];
  emptied: Y.XmlElement[];
  /** Set when the updates did not apply (or left structs pending). */
  failed: string | null;
}

interface Outcome {
  refused: Map<number, string>;
  emptied: Y.XmlElement[];
}

/** Whether a decoded update carries the struct `id`. */
function carries(decoded: DecodedUpdate, id: Y.ID): boolean {
  return decoded.structs.some(
    (s) =>
      !(s instanceof Y.Skip) &&
      s.id.client === id.client &&
      s.id.clock <= id.clock &&
      id.clock < s.id.clock + s.length,
  );
}

/** Extends `state` by the structs of `decoded` that continue it (after `missingDependency` said none is missing). */
function extendState(state: Map<number, number>, decoded: DecodedUpdate): void {
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    if (clock <= (state.get(client) ?? 0))
      state.set(client, Math.max(state.get(client) ?? 0, clock + struct.length));
  }
}

/**
 * Whether the candidates only insert characters into (and delete characters from) the text of
 * blocks, with every reference known: then they break no rule, and nothing needs applying to
 * tell. Read against the doc and the candidates' own new characters; anything else — an
 * element, an attribute, a mark, a deletion of anything but characters, a gap — says false, and
 * the shadow decides.
 */
function isTextOnly(candidates: readonly Candidate[], doc: Y.Doc): boolean {
  const store = doc.store;
  const known = stateVector(doc);
  const created = new Map<number, { from: number; to: number; text: Y.XmlText }[]>();
  const inDoc = (id: Y.ID) => id.clock < Y.getState(store, id.client);
  const textOf = (id: Y.ID): Y.XmlText | null => {
    for (const range of created.get(id.client) ?? [])
      if (range.from <= id.clock && id.clock < range.to) return range.text;
    if (!inDoc(id)) return null;
    const neighbour = Y.getItem(store, id);
    if (!(neighbour instanceof Y.Item) || neighbour.parentSub !== null) return null;
    return neighbour.parent instanceof Y.XmlText ? neighbour.parent : null;
  };
  for (const { decoded } of candidates) {
    for (const struct of decoded.structs) {
      if (!(struct instanceof Y.Item)) return false;
      if (!(struct.content instanceof Y.ContentString) || struct.parentSub !== null) return false;
      const { client, clock } = struct.id;
      const next = known.get(client) ?? 0;
      if (clock > next) return false;
      let text: Y.XmlText | null = null;
      const parent = struct.parent as unknown;
      if (parent instanceof Y.ID) {
        if (!inDoc(parent)) return false;
        const holder = Y.getItem(store, parent);
        const type =
          holder instanceof Y.Item && holder.content instanceof Y.ContentType ? holder.content.type : null;
        text = type instanceof Y.XmlText ? type : null;
      } else if (parent === null) {
        text = struct.origin ? textOf(struct.origin) : struct.rightOrigin ? textOf(struct.rightOrigin) : null;
      }
      if (!text || text.constructor !== Y.XmlText) return false;
      const block = text._item?.parent;
      if (!(block instanceof Y.XmlElement) || block.nodeName !== "block") return false;
      const ranges = created.get(client) ?? [];
      ranges.push({ from: clock, to: clock + struct.length, text });
      created.set(client, ranges);
      known.set(client, Math.max(next, clock + struct.length));
    }
    for (const [client, deletions] of decoded.ds.clients) {
      const structs = store.clients.get(client) ?? [];
      const docEnd = Y.getState(store, client);
      for (const { clock, len } of deletions) {
        if (clock + len > (known.get(client) ?? 0)) return false;
        const end = Math.min(clock + len, docEnd);
        if (clock >= end) continue;
        for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < end; i++) {
          const deleted = structs[i]!;
          if (deleted instanceof Y.Item && !deleted.deleted && !(deleted.content instanceof Y.ContentString))
            return false;
        }
      }
    }
  }
  return true;
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

function shadowOf(state: Uint8Array): Y.Doc {
  const shadow = new Y.Doc();
  // The two types the page is made of, so that updates attach to them as to the loaded doc.
  shadow.getXmlFragment(pageFragmentName);
  shadow.getMap(pageMetaName);
  Y.applyUpdate(shadow, state, gateOrigin);
  return shadow;
}

/** Checks every struct a transaction added, and finds the articles it left without blocks. */
function inspectTransaction(
  transaction: Y.Transaction,
  shadow: Y.Doc,
): { problems: Problem[]; emptied: Y.XmlElement[] } {
  const problems: Problem[] = [];
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
      if (problem) problems.push({ id: struct.id, reason: problem });
      else if (isArticle(struct) && (struct.content as Y.ContentType).type._length === 0)
        problems.push({ id: struct.id, reason: "an article without blocks" });
    }
  }
  emptied.push(...emptiedArticles(transaction));
  return { problems, emptied };
}

/** The articles a transaction changed that are left without blocks (and not deleted). */
function emptiedArticles(transaction: Y.Transaction): Y.XmlElement[] {
  const emptied: Y.XmlElement[] = [];
  for (const type of transaction.changed.keys()) {
    if (isEmptyArticle(type)) emptied.push(type);
  }
  return emptied;
}

/** Every article of a page left without blocks. */
function emptyArticlesOf(doc: Y.Doc): Y.XmlElement[] {
  return doc
    .getXmlFragment(pageFragmentName)
    .toArray()
    .filter((child): child is Y.XmlElement => isEmptyArticle(child));
}

function isEmptyArticle(type: unknown): type is Y.XmlElement {
  return (
    type instanceof Y.XmlElement && type.nodeName === "article" && !type._item?.deleted && type._length === 0
  );
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
