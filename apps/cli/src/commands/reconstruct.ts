import { readFile, stat, writeFile } from "node:fs/promises";
import { defaultMaxBytes, isInputError, reconstruct, type SourceFormat } from "@galley/core";
import { parseArgs } from "../args.ts";
import { CliError, type CliIo, type Command } from "../io.ts";

const formats: SourceFormat[] = ["text", "hocr", "alto", "page"];

/** `galley reconstruct FILE [--format F] [--out OUT.json]`: prints the reconstruction contract's JSON. */
export const reconstructCommand: Command = {
  summary: "reconstruct one OCR page (text, hOCR, ALTO, PAGE) into articles, as JSON",
  usage: [
    "galley reconstruct FILE [--format text|hocr|alto|page] [--out OUT.json] [--digits keep|normalize]",
    "",
    "  FILE        the OCR page; - reads standard input",
    "  --format    the input format (detected from the content when not given)",
    "  --out       write the JSON here instead of standard output",
    "  --digits    keep (default) or normalize the spaces OCR puts between CJK and digits",
    `  Inputs over ${defaultMaxBytes / 1024 / 1024} MB are refused.`,
  ].join("\n"),
  async run(args: string[], io: CliIo): Promise<number> {
    const { positionals, options } = parseArgs(args, { options: ["format", "out", "digits"] });
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new CliError("expected exactly one FILE", 2);
    const format = options.get("format");
    if (format !== undefined && !formats.includes(format as SourceFormat)) {
      throw new CliError(`unknown format "${format}" (expected ${formats.join(", ")})`, 2);
    }
    const digits = options.get("digits") ?? "keep";
    if (digits !== "keep" && digits !== "normalize") throw new CliError(`--digits must be keep or normalize`, 2);
    const bytes = await readInput(file);
    let page: ReturnType<typeof reconstruct>;
    try {
      page = reconstruct(bytes, {
        ...(format ? { format: format as SourceFormat } : {}),
        digitSpacing: digits,
      });
    } catch (error) {
      if (isInputError(error)) throw new CliError(`${file}: ${error.message}`);
      throw error;
    }
    const json = `${JSON.stringify(page, null, 2)}\n`;
    const out = options.get("out");
    if (out) await writeFile(out, json);
    else io.stdout(json);
    return 0;
  },
};

async function readInput(file: string): Promise<Uint8Array> {
  if (file === "-") {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).byteLength;
      if (size > defaultMaxBytes) throw new CliError(`standard input is over the limit of ${defaultMaxBytes / 1024 / 1024} MB`);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch {
    throw new CliError(`${file}: no such file`);
  }
  if (info.isDirectory()) throw new CliError(`${file}: is a directory`);
  if (info.size > defaultMaxBytes) {
    throw new CliError(
      `${file}: the input is ${(info.size / 1024 / 1024).toFixed(1)} MB, over the limit of ${defaultMaxBytes / 1024 / 1024} MB`,
    );
  }
  return readFile(file);
}
