import { type BlockRole, blockRoles, pageFragmentName, pageSchema } from "@galley/doc";
import type { Node } from "prosemirror-model";
import { type Command, EditorState, TextSelection } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { prosemirrorToYXmlFragment, updateYFragment, yXmlFragmentToProseMirrorRootNode } from "y-prosemirror";
import * as Y from "yjs";
import { article, doc, headline, p } from "./builder.ts";
import { mergeArticleWithPrevious } from "./commands/merge-article.ts";
import { moveArticleDown, moveArticleUp } from "./commands/move-article.ts";
import { moveBlockToNextArticle, moveBlockToPreviousArticle } from "./commands/move-block.ts";
import { setArticleStatus } from "./commands/set-article-status.ts";
import { setBlockRole } from "./commands/set-block-role.ts";
import { splitArticle } from "./commands/split-article.ts";
import { joinParagraphs, splitParagraph } from "./commands/split-paragraph.ts";

/**
 * Editors running the page commands at the same time converge. Each replica is a Y.Doc written
 * the way y-prosemirror's binding writes (`updateYFragment`); a seeded random generator picks
 * commands, carets and the order and timing in which updates reach the others (held back,
 * reordered). At the end every replica holds the same, schema-valid page.
 */

/** mulberry32: a small seeded generator, so a failing seed can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const commands: [string, Command][] = [
  ["split article", splitArticle],
  ["merge article", mergeArticleWithPrevious],
  ["move block up", moveBlockToPreviousArticle],
  ["move block down", moveBlockToNextArticle],
  ["move article up", moveArticleUp],
  ["move article down", moveArticleDown],
  ["split paragraph", splitParagraph],
  ["join paragraphs", joinParagraphs],
  ["approve", setArticleStatus("approved")],
  ...blockRoles.map((role: BlockRole): [string, Command] => [`role ${role}`, setBlockRole(role)]),
];

interface Replica {
  ydoc: Y.Doc;
  inbox: Uint8Array[];
}

const remote = Symbol("remote");

function read(replica: Replica): Node {
  return yXmlFragmentToProseMirrorRootNode(replica.ydoc.getXmlFragment(pageFragmentName), pageSchema);
}

/** One editing step on `replica`: typing (half the time) or a random command at a random caret. */
function edit(replica: Replica, next: () => number): void {
  const page = read(replica);
  const blocks: number[] = [];
  page.descendants((node, pos) => {
    if (node.isTextblock) blocks.push(pos);
    return !node.isTextblock;
  });
  if (blocks.length === 0) return;
  const pos = blocks[Math.floor(next() * blocks.length)]!;
  const size = page.nodeAt(pos)!.content.size;
  const caret = pos + 1 + Math.floor(next() * (size + 1));
  const state = EditorState.create({ doc: page, selection: TextSelection.create(page, caret) });
  let result: Node | null = null;
  if (next() < 0.5) result = state.apply(state.tr.insertText("xy", caret)).doc;
  else {
    const [, command] = commands[Math.floor(next() * commands.length)]!;
    command(state, (tr) => {
      result = state.apply(tr).doc;
    });
  }
  if (result) {
    const changed = result;
    replica.ydoc.transact(() => {
      updateYFragment(replica.ydoc, replica.ydoc.getXmlFragment(pageFragmentName), changed, {
        mapping: new Map(),
        isOMark: new Map(),
      });
    });
  }
}

function deliver(replica: Replica, count: number, next: () => number): void {
  for (let i = 0; i < count && replica.inbox.length > 0; i++) {
    // Not always the oldest: the network reorders.
    const at = Math.floor(next() * replica.inbox.length);
    const [update] = replica.inbox.splice(at, 1);
    Y.applyUpdate(replica.ydoc, update!, remote);
  }
}

function simulate(seed: number, replicas: number, steps: number): Node[] {
  const next = random(seed);
  const start = doc(
    article({ id: "a1" }, headline("One"), p("alpha beta"), p("gamma")),
    article({ id: "a2" }, headline("Two"), p("delta"), p("epsilon zeta")),
    article({ id: "a3" }, p("eta"), p("theta iota")),
  );
  const origin = new Y.Doc();
  prosemirrorToYXmlFragment(start, origin.getXmlFragment(pageFragmentName));
  const first = Y.encodeStateAsUpdate(origin);
  const all: Replica[] = [];
  for (let i = 0; i < replicas; i++) {
    const replica: Replica = { ydoc: new Y.Doc(), inbox: [] };
    Y.applyUpdate(replica.ydoc, first, remote);
    replica.ydoc.on("update", (update: Uint8Array, from: unknown) => {
      if (from === remote) return;
      for (const other of all) if (other !== replica) other.inbox.push(update);
    });
    all.push(replica);
  }
  for (let step = 0; step < steps; step++) {
    const replica = all[Math.floor(next() * all.length)]!;
    if (next() < 0.6) edit(replica, next);
    deliver(replica, Math.floor(next() * 4), next);
  }
  // Everything arrives in the end (several rounds: reading may repair and send more).
  for (let round = 0; round < 5; round++) {
    for (const replica of all) deliver(replica, Number.POSITIVE_INFINITY, next);
    for (const replica of all) read(replica);
  }
  return all.map(read);
}

describe("concurrent page commands", () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`converge on one valid page (seed ${seed})`, () => {
      const pages = simulate(seed, 3, 120);
      for (const page of pages) {
        page.check();
        expect(page.toJSON()).toEqual(pages[0]!.toJSON());
      }
    });
  }
});
