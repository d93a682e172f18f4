import { pageFragmentName, pageSchema, roleOf } from "@galley/doc";
import type { Node } from "prosemirror-model";
import { type Command, EditorState, TextSelection } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import {
  initProseMirrorDoc,
  prosemirrorToYXmlFragment,
  updateYFragment,
  ySyncPluginKey,
} from "y-prosemirror";
import * as Y from "yjs";
import { article, bylineSpan, doc, kicker, p, type TaggedNode } from "../builder.ts";
import { setBlockRole } from "./set-block-role.ts";

/**
 * A role change loses nothing another editor types at the same moment. Two replicas of a page,
 * each written the way y-prosemirror's binding writes a ProseMirror change into its Y.Doc
 * (`updateYFragment` with the binding's metadata, origin `ySyncPluginKey`): one changes a
 * block's role while the other types into that block; after exchanging updates both hold the
 * typed text and the new role.
 */

interface Replica {
  ydoc: Y.Doc;
  fragment: Y.XmlFragment;
}

function replicas(start: TaggedNode): [Replica, Replica] {
  const origin = new Y.Doc();
  prosemirrorToYXmlFragment(start, origin.getXmlFragment(pageFragmentName));
  const update = Y.encodeStateAsUpdate(origin);
  const make = (): Replica => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, update);
    return { ydoc, fragment: ydoc.getXmlFragment(pageFragmentName) };
  };
  return [make(), make()];
}

/** The replica's page, read as the binding reads it. */
function read(replica: Replica): Node {
  return initProseMirrorDoc(replica.fragment, pageSchema).doc;
}

/**
 * Runs `change` on the replica's current page with the caret at `caret`, and writes the result
 * into its Y.Doc: a command (it must apply) or typed text.
 */
function edit(replica: Replica, caret: (page: Node) => number, change: Command | { type: string }): void {
  const { doc: page, meta } = initProseMirrorDoc(replica.fragment, pageSchema);
  const state = EditorState.create({ doc: page, selection: TextSelection.create(page, caret(page)) });
  let next: Node | null = null;
  if (typeof change === "function") {
    change(state, (tr) => {
      next = state.apply(tr).doc;
    });
  } else next = state.apply(state.tr.insertText(change.type)).doc;
  if (!next) throw new Error("the command did not apply");
  const changed: Node = next;
  replica.ydoc.transact(() => updateYFragment(replica.ydoc, replica.fragment, changed, meta), ySyncPluginKey);
}

/** Typing `text` at the caret. */
const type = (text: string) => ({ type: text });

/** Sends each replica what the other has and it lacks. */
function exchange(a: Replica, b: Replica): void {
  const toB = Y.encodeStateAsUpdate(a.ydoc, Y.encodeStateVector(b.ydoc));
  const toA = Y.encodeStateAsUpdate(b.ydoc, Y.encodeStateVector(a.ydoc));
  Y.applyUpdate(b.ydoc, toB);
  Y.applyUpdate(a.ydoc, toA);
}

/** Position at the end of the first block of the first article. */
const endOfFirstBlock = (page: Node) => 2 + page.child(0).child(0).content.size;
const startOfFirstBlock = () => 2;

describe("setBlockRole with concurrent typing", () => {
  it("promotes a paragraph to headline while another editor types into it: both survive", () => {
    const [alice, bob] = replicas(
      doc(article({ id: "a1" }, p({ lines: ["5"] }, "City council"), p("Body."))),
    );
    const element = (alice.fragment.get(0) as Y.XmlElement).get(0);

    edit(alice, startOfFirstBlock, setBlockRole("headline"));
    edit(bob, endOfFirstBlock, type(" votes"));
    exchange(alice, bob);

    // The role changed on the same Yjs element: nothing was replaced.
    expect((alice.fragment.get(0) as Y.XmlElement).get(0)).toBe(element);
    for (const replica of [alice, bob]) {
      const block = read(replica).child(0).child(0);
      expect(roleOf(block)).toBe("headline");
      expect(block.textContent).toBe("City council votes");
      expect(block.attrs.lines).toEqual(["5"]);
    }
    expect(read(alice).toJSON()).toEqual(read(bob).toJSON());
  });

  it("keeps typing that goes on before and after the role change arrives", () => {
    const [alice, bob] = replicas(doc(article({ id: "a1" }, kicker("Election"), p("Results."))));
    edit(bob, endOfFirstBlock, type(" 2026"));
    edit(alice, startOfFirstBlock, setBlockRole("paragraph"));
    exchange(alice, bob);
    edit(bob, endOfFirstBlock, type(":"));
    edit(alice, startOfFirstBlock, type("The "));
    exchange(alice, bob);

    for (const replica of [alice, bob]) {
      const block = read(replica).child(0).child(0);
      expect(roleOf(block)).toBe("paragraph");
      expect(block.textContent).toBe("The Election 2026:");
    }
  });

  it("removes the inline spans of a promoted paragraph and keeps text typed inside them", () => {
    const [alice, bob] = replicas(doc(article({ id: "a1" }, p("Sunny. ", bylineSpan("By Ann")))));
    edit(alice, startOfFirstBlock, setBlockRole("subheadline"));
    edit(bob, endOfFirstBlock, type(" Lee"));
    exchange(alice, bob);

    for (const replica of [alice, bob]) {
      const block = read(replica).child(0).child(0);
      expect(roleOf(block)).toBe("subheadline");
      expect(block.textContent).toBe("Sunny. By Ann Lee");
    }
    expect(read(alice).toJSON()).toEqual(read(bob).toJSON());
  });

  it("undoing the role change brings the old role back and keeps the other editor's text", () => {
    const [alice, bob] = replicas(doc(article({ id: "a1" }, p("City council"), p("Body."))));
    const undo = new Y.UndoManager(alice.fragment, { trackedOrigins: new Set([ySyncPluginKey]) });
    edit(alice, startOfFirstBlock, setBlockRole("headline"));
    edit(bob, endOfFirstBlock, type(" votes"));
    exchange(alice, bob);
    undo.undo();
    exchange(alice, bob);

    for (const replica of [alice, bob]) {
      const block = read(replica).child(0).child(0);
      expect(roleOf(block)).toBe("paragraph");
      expect(block.textContent).toBe("City council votes");
    }
  });
});
