import { isRole, issueToken, openDataDir, roles } from "@galley/server";
import { parseArgs } from "../args.ts";
import { CliError, type CliIo, type Command } from "../io.ts";

/** `galley token create --role R [--issue ID] [--name NAME] [--data DIR]`: prints a new access token and nothing else. */
export const tokenCommand: Command = {
  summary: "create an access token (viewer, editor or admin; for one issue or all)",
  usage: [
    "galley token create --role viewer|editor|admin [--issue ID] [--name NAME] [--data DIR]",
    "",
    "  --role    what the token may do: viewer reads, editor also edits, admin also manages",
    "  --issue   limit the token to one issue (default: every issue)",
    "  --name    who holds it, shown to other editors",
    "  --data    the server's data directory (default ./data)",
    "  Prints the token on standard output; only its SHA-256 is stored.",
  ].join("\n"),
  async run(args: string[], io: CliIo): Promise<number> {
    const { positionals, options } = parseArgs(args, { options: ["role", "issue", "name", "data"] });
    if (positionals[0] !== "create" || positionals.length !== 1)
      throw new CliError('expected "token create"', 2);
    const role = options.get("role");
    if (!isRole(role)) throw new CliError(`--role must be one of ${roles.join(", ")}`, 2);
    const issueId = options.get("issue") ?? null;
    const name = options.get("name") ?? null;
    const storage = openDataDir(options.get("data") ?? "data");
    try {
      if (issueId && !(await storage.getIssue(issueId)))
        throw new CliError(`no issue ${issueId} in this data directory`);
      const { token } = await issueToken(storage, { role, issueId, ...(name ? { name, user: name } : {}) });
      io.stdout(`${token}\n`);
      return 0;
    } finally {
      await storage.close();
    }
  },
};
