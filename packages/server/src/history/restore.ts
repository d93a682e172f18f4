import { pageFragmentName, readPageFromYDoc } from "@galley/doc";
import { updateYFragment } from "y-prosemirror";
import * as Y from "yjs";

/**
 * The change that makes `current` hold what the version state `versionState` holds, as one Yjs
 * update on top of `current` (nothing of the history is undone, so other editors converge on it
 * like on any edit). Computed as the editor writes a page — y-prosemirror's diff of the
 * fragment against the version's page — so text is changed where it differs, not replaced
 * wholesale. Null when the page already holds the version.
 */
export function restoreUpdate(current: Y.Doc, versionState: Uint8Array): Uint8Array | null {
  const version = new Y.Doc();
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(version, versionState);
    const target = readPageFromYDoc(version);
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(current));
    let update: Uint8Array | null = null;
    scratch.on("update", (u: Uint8Array) => {
      update = u;
    });
    scratch.transact(() => {
      updateYFragment(scratch, scratch.getXmlFragment(pageFragmentName), target, {
        mapping: new Map(),
        isOMark: new Map(),
      });
    });
    return update;
  } finally {
    version.destroy();
    scratch.destroy();
  }
}
