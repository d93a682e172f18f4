/** Where a command writes: stdout carries results only, stderr messages and progress. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** A CLI failure with a one-line message and an exit code; never printed with a stack. */
export class CliError extends Error {
  override name = "CliError";
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** One `galley` sub-command: parses its own arguments, calls one function, prints. */
export interface Command {
  /** One line for `galley help`. */
  summary: string;
  /** Usage text for `galley help CMD` and for argument errors. */
  usage: string;
  run: (args: string[], io: CliIo) => Promise<number>;
}
