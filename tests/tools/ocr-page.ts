import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Tesseract's three outputs of one recognition. */
export interface OcrOutputs {
  hocr: string;
  alto: string;
  txt: string;
  engine: string;
}

/**
 * OCRs `image` once with Tesseract (`--psm 3`, 300 dpi), writing hOCR, ALTO and txt from the
 * same recognition next to `outBase` (`outBase.hocr`, `.xml`, `.txt`).
 */
export async function ocrPage(image: string, outBase: string, lang: string): Promise<OcrOutputs> {
  const args = [image, outBase, "-l", lang, "--psm", "3", "--dpi", "300", "hocr", "alto", "txt"];
  await run("tesseract", args, { maxBuffer: 16 * 1024 * 1024 });
  const [hocr, alto, txt] = await Promise.all([
    readFile(`${outBase}.hocr`, "utf8"),
    readFile(`${outBase}.xml`, "utf8"),
    readFile(`${outBase}.txt`, "utf8"),
  ]);
  const { stdout } = await run("tesseract", ["--version"]);
  const version = stdout.split("\n")[0]?.trim() ?? "tesseract";
  return { hocr, alto, txt, engine: `${version} --psm 3 --dpi 300 -l ${lang}` };
}
