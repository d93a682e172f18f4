/** Context attached to a log line: the page, the user, the error. */
export type LogContext = Record<string, unknown>;

/** Where the server reports what it could not answer in-band. One line per event. */
export interface Logger {
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
}

/** A logger writing one line per event to standard error: `LEVEL message key=value …`. */
export function createConsoleLogger(
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const emit = (level: string, message: string, context?: LogContext) => {
    const parts = Object.entries(context ?? {}).map(([key, value]) => `${key}=${formatValue(value)}`);
    write(`${level} ${message}${parts.length ? ` ${parts.join(" ")}` : ""}\n`);
  };
  return {
    info: (message, context) => emit("info", message, context),
    warn: (message, context) => emit("warn", message, context),
    error: (message, context) => emit("error", message, context),
  };
}

/** A logger that drops everything (tests that assert on behaviour, not on logs). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

function formatValue(value: unknown): string {
  if (value instanceof Error) return JSON.stringify(value.message);
  if (typeof value === "string") return /\s|"/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}
