import { isExpired, isRole, issueToken, openDataDir, roles, type TokenRecord } from "@galley/server";
import { parseArgs } from "../args.ts";
import { CliError, type CliIo, type Command } from "../io.ts";

/**
 * `galley token create|list|revoke`: create prints a new access token and nothing else; list
 * prints the unexpired tokens (never a secret); revoke removes one by its id, with the browser
 * sessions started with it.
 */
export const tokenCommand: Command = {
  summary: "create, list or revoke tokens (viewer, editor or admin; for one issue or all)",
  usage: [
    "galley token create --role viewer|editor|admin [--issue ID] [--name NAME] [--data DIR]",
    "galley token list [--all] [--data DIR]",
    "galley token revoke ID [--data DIR]",
    "",
    "  create    prints a new access token on standard output; only its SHA-256 is stored",
    "    --role    what the token may do: viewer reads, editor also edits, admin also manages",
    "    --issue   limit the token to one issue (default: every issue)",
    "    --name    who holds it, shown to other editors",
    "  list      one line a token: id, kind, role, issue, name, created, expires, last used",
    "    --all     expired tokens too",
    "  revoke    removes the token with that id (from list) and the sessions started with it;",
    "            a running server refuses it from its next request on",
    "  --data    the server's data directory (default ./data)",
  ].join("\n"),
  async run(args: string[], io: CliIo): Promise<number> {
    const { positionals, options, flags } = parseArgs(args, {
      options: ["role", "issue", "name", "data"],
      flags: ["all"],
    });
    const [action, ...rest] = positionals;
    if (action === "create" && rest.length === 0) return create(options, io);
    if (action === "list" && rest.length === 0) return list(options, flags.has("all"), io);
    if (action === "revoke" && rest.length === 1) return revoke(options, rest[0]!, io);
    throw new CliError('expected "token create", "token list" or "token revoke ID"', 2);
  },
};

async function create(options: Map<string, string>, io: CliIo): Promise<number> {
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
}

async function list(options: Map<string, string>, all: boolean, io: CliIo): Promise<number> {
  const storage = openDataDir(options.get("data") ?? "data");
  try {
    const tokens = (await storage.listTokens()).filter((t) => all || !isExpired(t));
    const rows = [
      ["ID", "KIND", "ROLE", "ISSUE", "NAME", "CREATED", "EXPIRES", "LAST USED"],
      ...tokens.map(row),
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows)
      io.stdout(
        `${r
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join("  ")
          .trimEnd()}\n`,
      );
    return 0;
  } finally {
    await storage.close();
  }
}

async function revoke(options: Map<string, string>, id: string, io: CliIo): Promise<number> {
  const storage = openDataDir(options.get("data") ?? "data");
  try {
    const sessions = (await storage.listTokens()).filter((t) => t.parentId === id).length;
    const revoked = await storage.revokeToken(id);
    if (!revoked) throw new CliError(`no token ${id} (see galley token list)`);
    const what = `${revoked.kind} token ${id} (${revoked.role}${revoked.name ? `, ${revoked.name}` : ""})`;
    io.stderr(
      `revoked ${what}${sessions ? ` and ${sessions} session${sessions > 1 ? "s" : ""} started with it` : ""}\n`,
    );
    return 0;
  } finally {
    await storage.close();
  }
}

function row(t: TokenRecord): string[] {
  const day = (iso: string | null) => (iso ? iso.slice(0, 16).replace("T", " ") : "-");
  return [
    t.id,
    t.kind,
    t.role,
    t.issueId ?? "*",
    t.name ?? "-",
    day(t.createdAt),
    day(t.expiresAt),
    day(t.lastUsedAt),
  ];
}
