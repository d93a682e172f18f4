import type { EditorState } from "prosemirror-state";
import { relativePositionToAbsolutePosition, ySyncPluginKey } from "y-prosemirror";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { findArticle } from "./blocks.ts";
import type { Presence } from "./view/status-bar.ts";

/**
 * Everyone on the page from awareness states that carry a `user` with a name: the local user
 * first, then the others by name.
 */
export function presenceOf(awareness: Awareness, selfId: number): Presence[] {
  const people: Presence[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = state.user as { name?: string; color?: string } | undefined;
    if (!user?.name) return;
    people.push({ clientId, name: user.name, color: user.color ?? "#999999", isSelf: clientId === selfId });
  });
  return people.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
}

/**
 * Who is where: the id of the article each person's cursor is in (from the `cursor` field
 * y-prosemirror's cursor plugin keeps in awareness, relative positions in the shared document).
 * People without a cursor, or with one outside any article, are left out. The local user's
 * place is read from `state` itself.
 */
export function articlesOfPeople(
  state: EditorState,
  awareness: Awareness,
  selfId: number,
): Map<number, string> {
  const out = new Map<number, string>();
  const sync = ySyncPluginKey.getState(state) as
    | { type: Y.XmlFragment; binding: { mapping: Map<Y.AbstractType<unknown>, unknown> } | null; doc: Y.Doc }
    | undefined;
  awareness.getStates().forEach((aw, clientId) => {
    let pos: number | null = null;
    if (clientId === selfId) pos = state.selection.head;
    else {
      const cursor = aw.cursor as { head?: unknown } | null | undefined;
      if (!cursor?.head || !sync?.binding) return;
      pos = relativePositionToAbsolutePosition(
        sync.doc,
        sync.type,
        Y.createRelativePositionFromJSON(cursor.head),
        sync.binding.mapping as never,
      );
    }
    if (pos === null || pos < 0 || pos > state.doc.content.size) return;
    const article = findArticle(state.doc.resolve(pos));
    if (article) out.set(clientId, article.node.attrs.id as string);
  });
  return out;
}
