import { exportCommand } from "./commands/export.ts";
import { importCommand } from "./commands/import.ts";
import { reconstructCommand } from "./commands/reconstruct.ts";
import { serveCommand } from "./commands/serve.ts";
import { tokenCommand } from "./commands/token.ts";
import { CliError, type CliIo, type Command } from "./io.ts";

/** The sub-commands, by name. Each lives in `commands/<name>.ts`. */
const commands: Record<string, Command> = {
  reconstruct: reconstructCommand,
  serve: serveCommand,
  token: tokenCommand,
  import: importCommand,
  export: exportCommand,
};

/** Runs `galley ARGS…` and returns the exit code; errors are one line on stderr, never a stack. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    const which = rest[0] ? commands[rest[0]] : undefined;
    io.stdout(which ? `${which.usage}\n` : helpText());
    return name ? 0 : 2;
  }
  const command = commands[name];
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

function helpText(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`);
  return `usage: galley <command> [options]\n\n${lines.join("\n")}\n\nRun "galley help <command>" for a command's options.\n`;
}
