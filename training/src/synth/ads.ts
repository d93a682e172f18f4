import type { GroundTruth } from "../ground-truth.ts";
import type { Dice } from "./random.ts";

/**
 * Pages of nothing but advertisements, listings and price tables, as plain-text OCR streams,
 * in English, French, Dutch and Chinese: training material for the `other` decision (truth:
 * every line is `other`). Each ad opens with a capitalised call ("FOR SALE. —", "À VENDRE",
 * "TE KOOP", "招聘") and runs on with words drawn from real text of its language, prices,
 * addresses and numbers, wrapped to a column measure; ads are set with or without blank
 * lines between them, some pages with a heading.
 */

/** The words and calls of one language. */
export interface AdLanguage {
  name: string;
  cjk: boolean;
  calls: string[];
  headings: string[];
  /** Running text of the language (words are drawn from it). */
  words: string[];
  price: (d: Dice) => string;
  address: (d: Dice) => string;
}

/** One generated page: its text and its truth. */
export interface AdPage {
  name: string;
  text: string;
  gt: GroundTruth;
}

/** Generates one ads-only page. */
export function adPage(d: Dice, lang: AdLanguage, n: number): AdPage {
  const measure = lang.cjk ? d.int(12, 22) : d.int(32, 56);
  const blank = d.next() < 0.6;
  const lines: string[] = [];
  if (d.next() < 0.5) {
    lines.push(d.pick(lang.headings));
    if (blank) lines.push("");
  }
  const ads = d.int(6, 16);
  for (let k = 0; k < ads; k++) {
    const parts = [d.pick(lang.calls)];
    const length = d.int(8, 40);
    for (let w = 0; w < length; w++) {
      const r = d.next();
      if (r < 0.1) parts.push(lang.price(d));
      else if (r < 0.16) parts.push(lang.address(d));
      else parts.push(d.pick(lang.words));
    }
    lines.push(...wrap(parts, measure, lang.cjk));
    if (blank) lines.push("");
  }
  const text = `${lines.join("\n")}\n`;
  const ids = lines.map((l, i) => (l.trim() ? i + 1 : 0)).filter((i) => i > 0);
  return {
    name: `ads-${lang.name}-${n}.txt`,
    text,
    gt: {
      page: `ads-${lang.name}-${n}.txt`,
      format: "text",
      articles: [],
      captions: [],
      other: [{ lines: ids }],
    },
  };
}

function wrap(parts: readonly string[], measure: number, cjk: boolean): string[] {
  const out: string[] = [];
  let line = "";
  for (const p of parts) {
    const next = line ? (cjk ? line + p : `${line} ${p}`) : p;
    if ([...next].length > measure && line) {
      out.push(line);
      line = p;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}
