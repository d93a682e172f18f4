import { CliError } from "./io.ts";

/** Parsed arguments: positionals in order, `--name value` / `--name=value` options, `--flag` booleans. */
export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

/**
 * Parses `args` against the option and flag names a command accepts. Unknown options and a
 * missing option value are `CliError`s naming the offending argument.
 */
export function parseArgs(args: string[], accepts: { options?: string[]; flags?: string[] }): ParsedArgs {
  const options = new Map<string, string>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  const known = new Set(accepts.options ?? []);
  const knownFlags = new Set(accepts.flags ?? []);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (knownFlags.has(name) && eq < 0) {
      flags.add(name);
      continue;
    }
    if (!known.has(name)) throw new CliError(`unknown option --${name}`, 2);
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || (eq < 0 && value.startsWith("--")))
      throw new CliError(`--${name} needs a value`, 2);
    options.set(name, value);
  }
  return { positionals, options, flags };
}
