import { CliError, type CliIo, type Command } from "./io.ts";

/**
 * The sub-commands, by name, each loaded when it runs (`commands/<name>.ts`): `galley serve`
 * never holds the exporters or the reconstruction in memory before it needs them.
 */
const commands: Record<string, () => Promise<Command>> = {
  reconstruct: async () => (await import("./commands/reconstruct.ts")).reconstructCommand,
  serve: async () => (await import("./commands/serve.ts")).serveCommand,
  token: async () => (await import("./commands/token.ts")).tokenCommand,
  import: async () => (await import("./commands/import.ts")).importCommand,
  export: async () => (await import("./commands/export.ts")).exportCommand,
};

/** Runs `galley ARGS…` and returns the exit code; errors are one line on stderr, never a stack. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    const which = rest[0] ? await commands[rest[0]]?.() : undefined;
    io.stdout(which ? `${which.usage}\n` : await helpText());
    return name ? 0 : 2;
  }
  const command = await commands[name]?.();
  if (!command) {
    io.stderr(`galley: unknown command "${name}" (try: galley help)\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`galley ${name}: ${error.message}\n`);
      if (error.exitCode === 2) io.stderr(`usage: ${command.usage.split("\n")[0]}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`galley ${name}: ${message}\n`);
    return 1;
  }
}

async function helpText(): Promise<string> {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const loaded = await Promise.all(
    Object.entries(commands).map(async ([n, load]) => [n, await load()] as const),
  );
  const lines = loaded.map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`);
  return `usage: galley <command> [options]\n\n${lines.join("\n")}\n\nRun "galley help <command>" for a command's options.\n`;
}
