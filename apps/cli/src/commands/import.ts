import { readFile } from "node:fs/promises";
import { isExportError, parseIssueJson } from "@galley/export";
import { importIssue, isConflictError, openDataDir } from "@galley/server";
import { parseArgs } from "../args.ts";
import { CliError, type CliIo, type Command } from "../io.ts";

/** `galley import FILE.json [--data DIR]`: re-creates an issue exported as JSON; prints its id. */
export const importCommand: Command = {
  summary: "re-import an issue exported with --format json",
  usage: [
    "galley import FILE.json [--data DIR]",
    "",
    "  FILE.json  an issue exported by `galley export ISSUE --format json`",
    "  --data     the server's data directory (default ./data)",
    "  Prints the issue id. The issue and its page ids must not exist in the data directory.",
  ].join("\n"),
  async run(args: string[], io: CliIo): Promise<number> {
    const { positionals, options } = parseArgs(args, { options: ["data"] });
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new CliError("expected exactly one FILE.json", 2);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch {
      throw new CliError(`${file}: cannot read the file`);
    }
    let issue: ReturnType<typeof parseIssueJson>;
    try {
      issue = parseIssueJson(bytes);
    } catch (error) {
      if (isExportError(error)) throw new CliError(`${file}: ${error.message}`);
      throw error;
    }
    const storage = openDataDir(options.get("data") ?? "data");
    try {
      const { issueId, pages } = await importIssue(storage, issue);
      io.stderr(`imported issue ${issueId} "${issue.title}" with ${pages} page${pages === 1 ? "" : "s"}\n`);
      io.stdout(`${issueId}\n`);
      return 0;
    } catch (error) {
      if (isConflictError(error) || error instanceof RangeError)
        throw new CliError(`${file}: ${error.message}`);
      throw error;
    } finally {
      await storage.close();
    }
  },
};
