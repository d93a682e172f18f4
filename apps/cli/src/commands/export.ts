import { writeFile } from "node:fs/promises";
import { exportFormats, exportIssue, isExportError, isExportFormat } from "@galley/export";
import { loadIssueInput, openDataDir } from "@galley/server";
import { parseArgs } from "../args.ts";
import { CliError, type CliIo, type Command } from "../io.ts";

/** `galley export ISSUE_ID --format F --out PATH [--data DIR]`: writes one export of a stored issue. */
export const exportCommand: Command = {
  summary: "export an issue (json, html, markdown, nitf, newsml, epub, alto)",
  usage: [
    `galley export ISSUE_ID --format ${exportFormats.join("|")} --out PATH [--data DIR]`,
    "",
    "  ISSUE_ID   the issue to export, as the server lists it",
    "  --format   json (re-importable), html (static site, zip), markdown (zip), nitf (zip),",
    "             newsml (one NewsML-G2 newsMessage), epub, alto (ALTO pages + METS, zip)",
    "  --out      the file to write; - writes the bytes to standard output",
    "  --data     the server's data directory (default ./data)",
    "  Prints the written file's name and size on stderr.",
  ].join("\n"),
  async run(args: string[], io: CliIo): Promise<number> {
    const { positionals, options } = parseArgs(args, { options: ["format", "out", "data"] });
    const issueId = positionals[0];
    if (!issueId || positionals.length > 1) throw new CliError("expected exactly one ISSUE_ID", 2);
    const format = options.get("format");
    if (!format) throw new CliError("--format is required", 2);
    if (!isExportFormat(format)) {
      throw new CliError(`unknown format "${format}" (expected ${exportFormats.join(", ")})`, 2);
    }
    const out = options.get("out");
    if (!out) throw new CliError("--out is required", 2);
    const storage = openDataDir(options.get("data") ?? "data");
    let result: ReturnType<typeof exportIssue>;
    try {
      const issue = await loadIssueInput(storage, issueId, (pageId, parts) => {
        const list = parts.map((p) => `${p.where}: ${p.problem}`).join("; ");
        io.stderr(`page ${pageId}: left out what the page schema does not allow (${list})\n`);
      });
      if (!issue) throw new CliError(`no issue ${issueId} in ${options.get("data") ?? "data"}`);
      result = exportIssue(issue, format);
    } catch (error) {
      if (isExportError(error)) throw new CliError(error.message);
      throw error;
    } finally {
      await storage.close();
    }
    if (out === "-") process.stdout.write(result.bytes);
    else {
      try {
        await writeFile(out, result.bytes);
      } catch (error) {
        throw new CliError(`${out}: cannot write (${(error as NodeJS.ErrnoException).code ?? "error"})`);
      }
    }
    io.stderr(
      `wrote ${out === "-" ? "standard output" : out} (${result.filename}, ${result.bytes.length} bytes)\n`,
    );
    return 0;
  },
};
