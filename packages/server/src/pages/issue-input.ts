import type { SetAsidePart } from "@galley/doc";
import type { IssueInput } from "@galley/export";
import type { Storage } from "../storage/storage.ts";
import { readIssueData } from "./issue-data.ts";

/**
 * Loads an issue as the exporters read it, in the calling thread (`galley export`; the server
 * runs the interpretation in its worker pool): metadata, and every page as currently edited with
 * its source lines, its image and the original OCR upload. Content a page holds that the page
 * schema does not allow is left out and passed to `onSetAside`. Returns null when there is no
 * such issue. Throws `DocLoadError` when a page's stored state does not load.
 */
export async function loadIssueInput(
  storage: Storage,
  issueId: string,
  onSetAside: (pageId: string, parts: SetAsidePart[]) => void = () => {},
): Promise<IssueInput | null> {
  const data = await readIssueData(storage, issueId);
  if (!data) return null;
  // Loaded on first use: building documents and reading sources is most of the code.
  const { issueFromData } = await import("./issue-from-data.ts");
  return issueFromData(data, onSetAside);
}
