import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { defaultMaxBytes, isInputError, reconstruct, type SourceFormat } from "@galley/core";
import {
  detectImageType,
  formatProgressBar,
  isOcrError,
  listPages,
  type OcrProgress,
  recognizeImage,
  reconstructBatch,
} from "@galley/ocr";
import { parseArgs } from "../args.ts";
import { CliError, type CliIo, type Command } from "../io.ts";

const formats: SourceFormat[] = ["text", "hocr", "alto", "page"];

/** `galley reconstruct FILE [--format F] [--out OUT.json]`: prints the reconstruction contract's JSON. */
export const reconstructCommand: Command = {
  summary: "reconstruct one OCR page (text, hOCR, ALTO, PAGE) or page image into articles, as JSON",
  usage: [
    "galley reconstruct FILE [--format text|hocr|alto|page] [--out OUT.json] [--digits keep|normalize] [--lang chi_sim+eng]",
    "galley reconstruct --batch DIR --out OUTDIR [--lang chi_sim+eng]",
    "",
    "  FILE        the OCR page, or a page image (PNG, JPEG, TIFF) to OCR with Tesseract first; - reads standard input",
    "  --lang      Tesseract languages for images (default chi_sim+eng)",
    "  --batch     reconstruct every page (images and OCR files) in DIR into OUTDIR/NAME.json, with a progress bar",
    "  --format    the input format (detected from the content when not given)",
    "  --out       write the JSON here instead of standard output",
    "  --digits    keep (default) or normalize the spaces OCR puts between CJK and digits",
    `  Inputs over ${defaultMaxBytes / 1024 / 1024} MB are refused.`,
  ].join("\n"),
  async run(args: string[], io: CliIo): Promise<number> {
    const { positionals, options } = parseArgs(args, {
      options: ["format", "out", "digits", "lang", "batch"],
    });
    const lang = options.get("lang") ?? "chi_sim+eng";
    const batch = options.get("batch");
    if (batch !== undefined) return runBatch(batch, options.get("out"), lang, positionals, io);
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new CliError("expected exactly one FILE", 2);
    const format = options.get("format");
    if (format !== undefined && !formats.includes(format as SourceFormat)) {
      throw new CliError(`unknown format "${format}" (expected ${formats.join(", ")})`, 2);
    }
    const digits = options.get("digits") ?? "keep";
    if (digits !== "keep" && digits !== "normalize")
      throw new CliError(`--digits must be keep or normalize`, 2);
    let bytes = await readInput(file);
    if (detectImageType(bytes)) {
      bytes = new TextEncoder().encode(await ocrImage(file, bytes, lang, io));
      if (format !== undefined && format !== "hocr")
        throw new CliError(`${file}: an image is read as hOCR, not ${format}`, 2);
    }
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

/** OCRs a page image to hOCR, reporting Tesseract's stages on stderr. */
async function ocrImage(file: string, bytes: Uint8Array, lang: string, io: CliIo): Promise<string> {
  const onProgress = (p: OcrProgress) => {
    if (p.stage !== "done") io.stderr(`galley reconstruct: ${file}: ${p.stage} (tesseract -l ${lang})\n`);
  };
  try {
    return (await recognizeImage(bytes, { lang, onProgress })).hocr;
  } catch (error) {
    if (isOcrError(error)) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}

/** `--batch DIR --out OUTDIR`: every page in DIR, a progress bar on stderr, failures listed at the end. */
async function runBatch(
  dir: string,
  out: string | undefined,
  lang: string,
  rest: string[],
  io: CliIo,
): Promise<number> {
  if (rest.length) throw new CliError("--batch takes a directory, not FILE arguments", 2);
  if (!out) throw new CliError("--batch needs --out OUTDIR", 2);
  let files: string[];
  try {
    files = await listPages(dir);
  } catch {
    throw new CliError(`${dir}: not a readable directory`);
  }
  if (files.length === 0) throw new CliError(`${dir}: no page files (images, .hocr, .xml, .txt)`);
  await mkdir(out, { recursive: true });
  const tty = process.stderr.isTTY === true;
  let last = "";
  const result = await reconstructBatch(files, out, {
    lang,
    onProgress: (p) => {
      const bar = formatProgressBar(p);
      if (tty) io.stderr(`\r${bar.padEnd(last.length)}`);
      // Without a terminal, one line per tenth of the batch (and each image's OCR start) is enough.
      else if (
        p.ocr?.stage === "recognizing" ||
        (!p.ocr && (p.done === p.total || p.done % Math.max(1, Math.round(p.total / 10)) === 0))
      ) {
        io.stderr(`${bar}\n`);
      }
      last = bar;
    },
  });
  if (tty) io.stderr("\n");
  for (const f of result.failed) io.stderr(`galley reconstruct: ${f.file}: ${f.message}\n`);
  io.stderr(
    `galley reconstruct: ${result.written.length} pages written to ${out}, ${result.failed.length} failed\n`,
  );
  return result.failed.length ? 1 : 0;
}

async function readInput(file: string): Promise<Uint8Array> {
  if (file === "-") {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).byteLength;
      if (size > defaultMaxBytes)
        throw new CliError(`standard input is over the limit of ${defaultMaxBytes / 1024 / 1024} MB`);
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
