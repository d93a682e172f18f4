/**
 * Writes the house-style text-stream fixtures (`tests/fixtures/text/house-*.txt` with
 * `.gt.json`): whole pages set in the conventions of papers the composed `stream-*` pages do
 * not cover — 人民日报/新华社 pages with 引题, 主题 and 副题, reporters inside the dateline and
 * "本报记者 X" over the body, headline-after pages (Chinese and English, double-spaced, with
 * blank lines between articles only, and with no blank lines at all), a wire page
 * with "By X" / "Associated Press" bylines and "From Page A1" jumps, a British page with
 * datelines inside the first sentence, and a page whose two columns were read in alternating
 * blocks. Independent of `compose-stream.ts`: its own wrapping, its own page recipes.
 * Run: `npx tsx tests/tools/make-house-fixtures.ts`. Deterministic: seeded, same files each run.
 * To check that the rules generalise, write variants of some pages at other seeds elsewhere:
 * `npx tsx tests/tools/make-house-fixtures.ts --only house-en-after-double --seed 7 --out /tmp/v`
 * (the page is named `<name>-s<seed>`; a variant is not a fixture until it is committed).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GroundTruth, GroundTruthArticle } from "@galley/training";
import { seededRandom } from "./compose-page.ts";

interface Story {
  kicker?: string;
  headline: string;
  deck?: string;
  paragraphs: string[];
}
interface Pool {
  source: string;
  articles: Story[];
  captions: string[];
}

const here = dirname(fileURLToPath(import.meta.url));
const zh = JSON.parse(readFileSync(join(here, "texts", "house-zh.json"), "utf8")) as Pool;
const en = JSON.parse(readFileSync(join(here, "texts", "house-en.json"), "utf8")) as Pool;
const zhHant = JSON.parse(readFileSync(join(here, "texts", "house-zh-hant.json"), "utf8")) as Pool;
const enIn = JSON.parse(readFileSync(join(here, "texts", "house-en-in.json"), "utf8")) as Pool;

/** The composers' seeded generator (mulberry32): the same seed gives the same page. */
const random = seededRandom;

const noLineStart = "，。、；：？！”’）》」』,.;:?!)%";
const cellWidth = (ch: string) => (/[\u2e80-\u9fff\uff00-\uffef“”‘’—…]/.test(ch) ? 1 : 0.5);

/** CJK text broken at `measure` cells; a closing mark never opens a line (it hangs on the one before). */
function wrapCjk(text: string, measure: number, indent: number): string[] {
  const lines: string[] = [];
  let line = "";
  let width = indent;
  for (const ch of text) {
    const w = cellWidth(ch);
    if (width + w > measure && line && !noLineStart.includes(ch)) {
      lines.push(line);
      line = "";
      width = 0;
    }
    line += ch;
    width += w;
  }
  if (line) lines.push(line);
  // OCR keeps no space at either end of a line.
  return lines.map((l) => l.trim()).filter((l) => l);
}

/** A title broken into lines of about equal width, none wider than `measure`: titles are set to fit. */
function wrapBalanced(text: string, measure: number, cjk: boolean): string[] {
  const width = [...text].reduce((w, ch) => w + (cjk ? cellWidth(ch) : 1), 0);
  // A CJK title breaks where it has a space, and is otherwise set on one line if it nearly fits.
  if (cjk && text.includes(" ") && width > measure) return text.split(" ");
  if (cjk && width <= measure * 1.4) return [text];
  const n = Math.ceil(width / measure);
  if (n <= 1) return [text];
  const even = Math.ceil(width / n) + (cjk ? 0 : 4);
  return cjk ? wrapCjk(text, Math.min(measure, even), 0) : wrapLatin(text, Math.min(measure, even), false);
}

/** Latin text broken at `measure` characters; long words split with a hyphen when `hyphenate`. */
function wrapLatin(text: string, measure: number, hyphenate: boolean, indent = 0): string[] {
  const lines: string[] = [];
  let line = "";
  let limit = measure - indent;
  for (const word of text.split(/\s+/)) {
    const room = limit - (line ? line.length + 1 : 0);
    if (word.length <= room) {
      line = line ? `${line} ${word}` : word;
      continue;
    }
    // A compound breaks after its own hyphen; a long plain word at a vowel-consonant seam.
    const compound = word.indexOf("-");
    if (hyphenate && compound > 1 && compound + 1 <= room) {
      lines.push(`${line ? `${line} ` : ""}${word.slice(0, compound + 1)}`);
      line = word.slice(compound + 1);
      limit = measure;
      continue;
    }
    if (hyphenate && /^[a-z]{7,}[,.;]?$/.test(word) && room >= 4) {
      let cut = Math.min(room - 1, word.length - 3);
      while (cut >= 3 && !/[aeiou][^aeiou]/.test(word.slice(cut - 1, cut + 1))) cut--;
      if (cut >= 3) {
        lines.push(`${line ? `${line} ` : ""}${word.slice(0, cut)}-`);
        line = word.slice(cut);
        limit = measure;
        continue;
      }
    }
    if (line) lines.push(line);
    line = word;
    limit = measure;
  }
  if (line) lines.push(line);
  return lines;
}

type Role = "kicker" | "headline" | "subheadline" | "byline" | "body" | "jump";
/** One line of an article as it will be printed, with what it is. */
interface Entry {
  text: string;
  role: Role;
  paraStart?: boolean;
  /** A blank line before it, where the page's spacing keeps such blank lines. */
  gap?: "title" | "paragraph";
}

/** How one article is set. */
interface ArticleSpec {
  story: Story;
  order: "first" | "after";
  /** A label set as the kicker instead of the story's own ("ANALYSIS"); false drops the kicker. */
  kicker?: string | false;
  deck?: boolean;
  dateline?: string;
  /** A byline on lines of its own: over the body (title first) or under it (title after). */
  bylineLines?: string[];
  /** A credit closing the last paragraph ("（记者 孙丽）", " 王波"). */
  bylineEnd?: string;
  jumpBefore?: string;
  jumpAfter?: string;
  measure: number;
  titleMeasure: number;
  paragraphs?: number;
}

/** How the page is set. */
interface PageStyle {
  lang: "zh" | "en";
  /**
   * none: no blank lines; articles: between articles (and around furniture and captions) only;
   * titles: also around titles; all: also between paragraphs; double: after every line.
   */
  blanks: "none" | "articles" | "titles" | "all" | "double";
  /** Blank lines between kicker, headline and deck. */
  titleGaps: boolean;
  indent: "kept" | "lost";
  hyphenate: boolean;
}

/** A page under construction: its lines and its ground truth. */
class Page {
  readonly out: string[] = [];
  readonly gt: GroundTruth;
  private articles = 0;
  constructor(
    public name: string,
    readonly style: PageStyle,
  ) {
    this.gt = { page: `${name}.txt`, format: "text", captions: [], other: [], articles: [] };
  }

  /** Names a variant page (another seed): its file and its ground truth's page. */
  rename(name: string): void {
    this.name = name;
    this.gt.page = `${name}.txt`;
  }

  private emit(text: string): number {
    this.out.push(text);
    const id = this.out.length;
    if (this.style.blanks === "double") this.out.push("");
    return id;
  }

  /** A blank line where the page keeps blank lines of this kind. */
  private blank(kind: "block" | "title" | "paragraph"): void {
    const b = this.style.blanks;
    const keep =
      b === "all" ||
      (b === "titles" && kind !== "paragraph") ||
      ((b === "double" || b === "articles") && kind === "block");
    if (keep && this.out.length && this.out.at(-1) !== "") this.out.push("");
  }

  furniture(...lines: string[]): void {
    this.blank("block");
    for (const l of lines) this.gt.other!.push({ lines: [this.emit(l)] });
  }

  caption(text: string, measure: number): void {
    this.blank("block");
    const lines = this.style.lang === "zh" ? wrapCjk(text, measure, 0) : wrapLatin(text, measure, false);
    this.gt.captions!.push({ lines: lines.map((l) => this.emit(l)) });
  }

  /** The entries of one article: title group and body, in the order the spec sets them. */
  entries(spec: ArticleSpec): { title: Entry[]; body: Entry[] } {
    const zhPage = this.style.lang === "zh";
    const s = spec.story;
    const title: Entry[] = [];
    // Headlines are set to fit, in lines of about equal width; kickers and decks fill their measure.
    const wrapTitle = (text: string, role: Role, measure: number) =>
      role === "headline" || zhPage ? wrapBalanced(text, measure, zhPage) : wrapLatin(text, measure, false);
    const group = (text: string, role: Role, measure: number) => {
      wrapTitle(text, role, measure).forEach((t, i) => {
        title.push({
          text: t,
          role,
          ...(i === 0 && title.length && this.style.titleGaps ? { gap: "title" } : {}),
        });
      });
    };
    const kicker = spec.kicker === false ? undefined : (spec.kicker ?? s.kicker);
    if (kicker) group(kicker, "kicker", spec.titleMeasure + 6);
    group(s.headline, "headline", spec.titleMeasure);
    if (spec.deck !== false && s.deck) group(s.deck, "subheadline", spec.titleMeasure + (zhPage ? 6 : 14));
    const body: Entry[] = [];
    if (spec.jumpBefore) body.push({ text: spec.jumpBefore, role: "jump" });
    if (spec.bylineLines && spec.order === "first")
      for (const b of spec.bylineLines) body.push({ text: b, role: "byline" });
    const paragraphs = s.paragraphs.slice(0, spec.paragraphs ?? s.paragraphs.length);
    paragraphs.forEach((raw, p) => {
      let text = raw;
      // A CJK dateline without a credit is set off from the text by a space ("本报讯 记者从…");
      // one in brackets ("【本報訊】", "〔記者X／台北報導〕") runs on into it.
      const join = !zhPage || !/[）】〕]$/.test(spec.dateline ?? "") ? " " : "";
      if (p === 0 && spec.dateline) text = `${spec.dateline}${join}${text}`;
      if (p === paragraphs.length - 1 && spec.bylineEnd) text += spec.bylineEnd;
      const kept = this.style.indent === "kept";
      const wrapped = zhPage
        ? wrapCjk(text, spec.measure, 2)
        : wrapLatin(text, spec.measure, this.style.hyphenate, kept ? 2 : 0);
      wrapped.forEach((t, i) => {
        const lead = i === 0 && kept ? (zhPage ? "　　" : "  ") : "";
        body.push({
          text: lead + t,
          role: "body",
          ...(i === 0 ? { paraStart: true } : {}),
          ...(i === 0 && p > 0 ? { gap: "paragraph" as const } : {}),
        });
      });
    });
    if (spec.bylineLines && spec.order === "after")
      for (const b of spec.bylineLines) body.push({ text: b, role: "byline" });
    return { title, body };
  }

  /** Writes entries, recording each line in `article`. */
  private write(entries: readonly Entry[], article: GroundTruthArticle): void {
    for (const e of entries) {
      if (e.gap) this.blank(e.gap);
      if (e.role === "jump") this.blank("block");
      const id = this.emit(e.text);
      const list = (key: "kicker" | "headline" | "subheadline" | "bylineLines" | "jump") => {
        const l = (article[key] ?? []) as number[];
        l.push(id);
        article[key] = l;
      };
      if (e.role === "body") {
        article.body.push(id);
        if (e.paraStart) article.paragraphStarts!.push(id);
      } else if (e.role === "byline") list("bylineLines");
      else list(e.role);
      if (e.role === "jump") this.blank("block");
    }
  }

  private newArticle(spec: ArticleSpec): GroundTruthArticle {
    const a: GroundTruthArticle = {
      id: `A${++this.articles}`,
      body: [],
      paragraphStarts: [],
      kicker: null,
      headline: null,
      subheadline: null,
      dateline: spec.dateline ?? null,
      byline: spec.bylineLines?.join(" ") ?? spec.bylineEnd?.trim() ?? null,
    };
    this.gt.articles.push(a);
    return a;
  }

  article(spec: ArticleSpec): void {
    const a = this.newArticle(spec);
    const { title, body } = this.entries(spec);
    this.blank("block");
    if (spec.order === "first") {
      this.write(title, a);
      this.blank("title");
      this.write(body, a);
    } else {
      this.write(body, a);
      this.blank("title");
      this.write(title, a);
    }
    if (spec.jumpAfter) {
      this.blank("block");
      this.write([{ text: spec.jumpAfter, role: "jump" }], a);
    }
  }

  /**
   * Two articles set side by side, read as OCR reads a page band by band: the first's title
   * and opening lines, then the second's, then the first's next block, and so on.
   */
  sideBySide(first: ArticleSpec, second: ArticleSpec, band: number): void {
    const a = this.newArticle(first);
    const b = this.newArticle(second);
    const ea = this.entries(first);
    const eb = this.entries(second);
    const chunks = (e: { title: Entry[]; body: Entry[] }) => {
      const out: Entry[][] = [[...e.title, ...e.body.slice(0, band)]];
      for (let i = band; i < e.body.length; i += band) out.push(e.body.slice(i, i + band));
      return out;
    };
    const ca = chunks(ea);
    const cb = chunks(eb);
    for (let k = 0; k < Math.max(ca.length, cb.length); k++) {
      for (const [chunk, article] of [
        [ca[k], a],
        [cb[k], b],
      ] as const) {
        if (!chunk) continue;
        this.blank("block");
        const titleEnd = chunk.findIndex((e) => e.role === "body" || e.role === "byline");
        if (k === 0 && titleEnd > 0) {
          this.write(chunk.slice(0, titleEnd), article);
          this.blank("title");
          this.write(chunk.slice(titleEnd), article);
        } else this.write(chunk, article);
      }
    }
  }

  text(): string {
    while (this.out.at(-1) === "") this.out.pop();
    return `${this.out.join("\n")}\n`;
  }
}

const Z = zh.articles;
const E = en.articles;
const span = (rnd: () => number, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

/** 人民日报 style: headline first with 引题 and 副题, 新华社 datelines with reporters, 本报记者 over the body. */
function zhRenmin(seed = 101): Page {
  const rnd = random(seed);
  const p = new Page("house-zh-renmin", {
    lang: "zh",
    blanks: "titles",
    titleGaps: false,
    indent: "lost",
    hyphenate: false,
  });
  p.furniture("华夏日报", "2024年11月29日 星期五", "要闻", "第4版");
  const m = () => span(rnd, 15, 21);
  const t = () => span(rnd, 11, 16);
  p.article({
    story: Z[0]!,
    order: "first",
    dateline: "新华社北京11月28日电（记者 张晓东 李敏）",
    measure: m(),
    titleMeasure: 18,
  });
  p.caption(`${zh.captions[0]}（新华社记者 李响 摄）`, 12);
  p.article({
    story: Z[1]!,
    order: "first",
    bylineLines: ["本报记者 赵文博"],
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: Z[3]!,
    order: "first",
    dateline: "本报讯（记者 王雪松）",
    measure: m(),
    titleMeasure: t(),
    jumpAfter: "（下转第2版）",
  });
  p.article({
    story: Z[6]!,
    order: "first",
    dateline: "本报北京11月28日讯（记者 刘畅）",
    measure: m(),
    titleMeasure: t(),
  });
  p.article({ story: Z[8]!, order: "first", bylineLines: ["本报评论员"], measure: m(), titleMeasure: t() });
  p.article({
    story: Z[4]!,
    order: "first",
    dateline: "新华社西安11月28日电（记者 孙一鸣）",
    measure: m(),
    titleMeasure: t(),
  });
  p.caption(`${zh.captions[2]}新华社发（王平 摄）`, 13);
  p.furniture("责任编辑：陈静", "版式设计：刘洋");
  return p;
}

/** Titles after their bodies, no blank lines at all, reporters' credits closing the last paragraph. */
function zhAfterTight(seed = 102): Page {
  const rnd = random(seed);
  const p = new Page("house-zh-after-tight", {
    lang: "zh",
    blanks: "none",
    titleGaps: false,
    indent: "kept",
    hyphenate: false,
  });
  p.furniture("2024年11月29日 星期五", "第3版 综合新闻");
  const m = () => span(rnd, 14, 20);
  const t = () => span(rnd, 10, 15);
  p.article({
    story: Z[2]!,
    order: "after",
    dateline: "本报讯",
    bylineEnd: "（记者 孙丽 通讯员 王强）",
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: Z[5]!,
    order: "after",
    dateline: "本报讯",
    bylineEnd: "（记者 马超）",
    measure: m(),
    titleMeasure: t(),
  });
  p.caption(`${zh.captions[3]}（本报记者 马超 摄）`, 11);
  p.article({
    story: Z[7]!,
    order: "after",
    dateline: "本报南昌11月27日讯",
    bylineLines: ["周敏 黄磊"],
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: Z[9]!,
    order: "after",
    dateline: "本报讯",
    bylineEnd: " 郭婷",
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: Z[6]!,
    order: "after",
    dateline: "本报讯",
    bylineEnd: "（记者 何平）",
    measure: m(),
    titleMeasure: t(),
    kicker: false,
  });
  p.furniture("责任编辑：李华");
  return p;
}

/** 新华社 wire page: headline first, titles set apart, digits spaced off by OCR, a continued story, kept indents. */
function zhXinhua(seed = 103): Page {
  const rnd = random(seed);
  const p = new Page("house-zh-xinhua", {
    lang: "zh",
    blanks: "all",
    titleGaps: true,
    indent: "lost",
    hyphenate: false,
  });
  p.furniture("4 国内新闻", "2024年11月29日");
  const m = () => span(rnd, 16, 24);
  const t = () => span(rnd, 12, 18);
  p.article({
    story: Z[2]!,
    order: "first",
    dateline: "新华社上海11月28日电（记者 陈刚）",
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: Z[4]!,
    order: "first",
    jumpBefore: "（上接第1版）",
    kicker: false,
    measure: m(),
    titleMeasure: t(),
    paragraphs: 2,
  });
  p.article({
    story: Z[7]!,
    order: "first",
    dateline: "新华社南昌11月28日电",
    bylineLines: ["新华社记者 黄海 刘丹"],
    measure: m(),
    titleMeasure: t(),
  });
  p.caption(`${zh.captions[1]}新华社记者 黄海 摄`, 14);
  p.article({
    story: Z[9]!,
    order: "first",
    dateline: "本报讯（通讯员 张强 记者 李娜）",
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: Z[5]!,
    order: "first",
    bylineLines: ["文/图 本报记者 何平"],
    measure: m(),
    titleMeasure: t(),
    jumpAfter: "（下转第6版）",
  });
  p.article({
    story: Z[0]!,
    order: "first",
    dateline: "新华社北京11月28日电",
    kicker: false,
    measure: m(),
    titleMeasure: t(),
  });
  p.furniture("本版责编：王蕾 版式：赵楠");
  return p;
}

/** US wire style: kicker labels, two-line bylines with the agency, (AP) datelines, page jumps both ways. */
function enWire(seed = 201): Page {
  const rnd = random(seed);
  const p = new Page("house-en-wire", {
    lang: "en",
    blanks: "titles",
    titleGaps: false,
    indent: "lost",
    hyphenate: true,
  });
  p.furniture("A4 | THE DAILY COURIER | FRIDAY, NOVEMBER 29, 2024", "NATION & WORLD");
  const m = () => span(rnd, 32, 42);
  const t = () => span(rnd, 24, 34);
  p.article({
    story: E[0]!,
    order: "first",
    bylineLines: ["By JANE DOE", "Associated Press"],
    dateline: "WASHINGTON (AP) —",
    measure: m(),
    titleMeasure: t(),
    jumpAfter: "Continued on Page A6",
  });
  p.article({
    story: E[1]!,
    order: "first",
    bylineLines: ["By MARK RIVERA and ELLEN CHO", "Associated Press"],
    dateline: "CHICAGO (AP) —",
    measure: m(),
    titleMeasure: t(),
  });
  p.caption(`${en.captions[0]} (Photo: Getty Images)`, 28);
  p.article({
    story: E[8]!,
    order: "first",
    bylineLines: ["By Sarah Klein", "Staff Writer"],
    measure: m(),
    titleMeasure: t(),
  });
  p.caption(`${en.captions[1]} (AP Photo/Carlos Vega)`, 30);
  p.article({
    story: E[5]!,
    order: "first",
    dateline: "PASADENA, Calif. —",
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: E[7]!,
    order: "first",
    kicker: "BUSINESS",
    bylineLines: ["By Omar Haddad", "Bloomberg"],
    dateline: "NEW YORK —",
    measure: m(),
    titleMeasure: t(),
  });
  p.article({ story: E[4]!, order: "first", jumpBefore: "From Page A1", measure: m(), titleMeasure: t() });
  p.furniture("A4 THE DAILY COURIER");
  return p;
}

/** British broadsheet: no blank lines, "By X, Political Editor" bylines, dateline in the first sentence, hyphenation. */
function enUk(seed = 202): Page {
  const rnd = random(seed);
  const p = new Page("house-en-uk", {
    lang: "en",
    blanks: "none",
    titleGaps: false,
    indent: "kept",
    hyphenate: true,
  });
  p.furniture("8 NEWS", "The Courier Friday 29 November 2024");
  const m = () => span(rnd, 34, 44);
  const t = () => span(rnd, 26, 36);
  p.article({
    story: E[3]!,
    order: "first",
    bylineLines: ["By Jane Holloway, Health Editor"],
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: E[2]!,
    order: "first",
    bylineLines: ["By Thomas Reid"],
    measure: m(),
    titleMeasure: 24,
  });
  p.caption(`${en.captions[2]} Photograph: Family handout`, 30);
  p.article({
    story: E[4]!,
    order: "first",
    bylineLines: ["Laura Bennett, Local Government Correspondent"],
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: E[6]!,
    order: "first",
    kicker: "FOOTBALL",
    bylineLines: ["By Daniel Price, Chief Sports Writer"],
    measure: m(),
    titleMeasure: t(),
  });
  p.caption(`${en.captions[3]} Photograph: Mike Egerton/PA`, 32);
  p.article({
    story: E[7]!,
    order: "first",
    bylineLines: ["By Rachel Moore, Business Editor"],
    measure: m(),
    titleMeasure: t(),
    deck: false,
  });
  p.furniture("Page 8");
  return p;
}

/** A page whose columns were read in alternating blocks (two stories side by side), blank lines between blocks. */
function enColumns(): Page {
  const p = new Page("house-en-columns", {
    lang: "en",
    blanks: "all",
    titleGaps: true,
    indent: "lost",
    hyphenate: false,
  });
  p.furniture("B2 METRO", "SUNDAY, DECEMBER 1, 2024");
  p.article({
    story: E[8]!,
    order: "first",
    bylineLines: ["By Sarah Klein"],
    dateline: "SPRINGFIELD —",
    measure: 40,
    titleMeasure: 44,
  });
  p.sideBySide(
    { story: E[4]!, order: "first", bylineLines: ["By Laura Bennett"], measure: 30, titleMeasure: 26 },
    { story: E[5]!, order: "first", dateline: "PASADENA, Calif. —", measure: 30, titleMeasure: 26 },
    6,
  );
  p.article({
    story: E[6]!,
    order: "first",
    bylineLines: ["By Daniel Price"],
    measure: 36,
    titleMeasure: 30,
  });
  p.article({
    story: E[2]!,
    order: "first",
    kicker: "OBITUARY",
    measure: 36,
    titleMeasure: 30,
    paragraphs: 3,
  });
  return p;
}

/** English titles after bodies, every line followed by a blank one (as the seed page is set). */
function enAfterDouble(seed = 204): Page {
  const rnd = random(seed);
  const p = new Page("house-en-after-double", {
    lang: "en",
    blanks: "double",
    titleGaps: false,
    indent: "lost",
    hyphenate: true,
  });
  p.furniture("PAGE 3", "MONDAY, DECEMBER 2, 2024");
  const m = () => span(rnd, 30, 40);
  const t = () => span(rnd, 22, 30);
  p.article({
    story: E[1]!,
    order: "after",
    dateline: "DES MOINES, Iowa —",
    bylineLines: ["By Ellen Cho"],
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: E[5]!,
    order: "after",
    bylineLines: ["By Priya Shah, Science Writer"],
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: E[0]!,
    order: "after",
    kicker: false,
    dateline: "WASHINGTON —",
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: E[8]!,
    order: "after",
    bylineLines: ["By Sarah Klein"],
    measure: m(),
    titleMeasure: t(),
  });
  p.article({ story: E[6]!, order: "after", measure: m(), titleMeasure: t() });
  return p;
}

/**
 * English titles after their bodies, single-spaced, a blank line only between articles: the
 * title sits tight under the body it closes, kickers and decks included.
 */
function enAfterSpaced(seed = 205): Page {
  const rnd = random(seed);
  const p = new Page("house-en-after-spaced", {
    lang: "en",
    blanks: "articles",
    titleGaps: false,
    indent: "lost",
    hyphenate: false,
  });
  p.furniture("B2 WORLD", "TUESDAY, DECEMBER 3, 2024");
  const m = () => span(rnd, 36, 46);
  const t = () => span(rnd, 24, 32);
  p.article({
    story: E[3]!,
    order: "after",
    dateline: "LONDON —",
    bylineLines: ["By Jane Holloway, Health Editor"],
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: E[0]!,
    order: "after",
    dateline: "WASHINGTON (AP) —",
    bylineLines: ["By JANE DOE", "Associated Press"],
    measure: m(),
    titleMeasure: t(),
  });
  p.article({ story: E[4]!, order: "after", measure: m(), titleMeasure: t() });
  p.caption(`${en.captions[1]} (AP Photo/Carlos Vega)`, 30);
  p.article({
    story: E[7]!,
    order: "after",
    kicker: "BUSINESS",
    bylineLines: ["By Omar Haddad"],
    dateline: "NEW YORK —",
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: E[2]!,
    order: "after",
    bylineLines: ["By Thomas Reid"],
    measure: m(),
    titleMeasure: t(),
  });
  return p;
}

/** English titles after their bodies with no blank line anywhere, kept indents, hyphenation. */
function enAfterTight(seed = 206): Page {
  const rnd = random(seed);
  const p = new Page("house-en-after-tight", {
    lang: "en",
    blanks: "none",
    titleGaps: false,
    indent: "kept",
    hyphenate: true,
  });
  p.furniture("12 NATIONAL", "The Courier Monday 2 December 2024");
  const m = () => span(rnd, 32, 42);
  const t = () => span(rnd, 22, 30);
  p.article({
    story: E[5]!,
    order: "after",
    dateline: "PASADENA, Calif. —",
    bylineLines: ["By Priya Shah, Science Writer"],
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: E[1]!,
    order: "after",
    dateline: "DES MOINES, Iowa —",
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: E[6]!,
    order: "after",
    kicker: "FOOTBALL",
    bylineLines: ["By Daniel Price"],
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: E[8]!,
    order: "after",
    bylineLines: ["By Sarah Klein", "Staff Writer"],
    measure: m(),
    titleMeasure: t(),
  });
  p.article({ story: E[3]!, order: "after", measure: m(), titleMeasure: t(), deck: false });
  return p;
}

const H = zhHant.articles;
const I = enIn.articles;

/**
 * A Taiwan paper, headline first: 民國 dates in the running head, 第A6版 folios, CNA datelines
 * in brackets ("（中央社記者X台北28日電）"), "記者X／台北報導" over the body or bracketed at the start
 * of the first paragraph ("〔記者X／高雄報導〕"), "（圖／記者X攝）" credits, 責任編輯.
 */
function zhHantFirst(seed = 111): Page {
  const rnd = random(seed);
  const p = new Page("house-zh-hant-first", {
    lang: "zh",
    blanks: "titles",
    titleGaps: false,
    indent: "lost",
    hyphenate: false,
  });
  p.furniture("中華民國113年11月28日 星期四", "第A6版 生活新聞");
  const m = () => span(rnd, 15, 21);
  const t = () => span(rnd, 11, 16);
  p.article({
    story: H[0]!,
    order: "first",
    dateline: "（中央社記者陳怡君台北28日電）",
    measure: m(),
    titleMeasure: t(),
  });
  p.caption(`${zhHant.captions[0]}（圖／記者林志明攝）`, 12);
  p.article({
    story: H[1]!,
    order: "first",
    bylineLines: ["記者林志明／台北報導"],
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: H[2]!,
    order: "first",
    dateline: "〔記者黃淑芬／澎湖報導〕",
    measure: m(),
    titleMeasure: t(),
  });
  p.caption(`${zhHant.captions[2]}（圖／海洋保育署提供）`, 13);
  p.article({
    story: H[5]!,
    order: "first",
    bylineLines: ["記者張家豪／南投報導"],
    measure: m(),
    titleMeasure: t(),
    jumpAfter: "（下轉A8版）",
  });
  p.furniture("責任編輯：王美玲");
  return p;
}

/**
 * A Hong Kong paper, titles after their bodies: 【本報訊】 and 本報北京…訊 datelines, credits
 * closing the last paragraph, "圖：" captions, a folio "A12 港聞", blank lines between articles only.
 */
function zhHantAfter(seed = 112): Page {
  const rnd = random(seed);
  const p = new Page("house-zh-hant-after", {
    lang: "zh",
    blanks: "articles",
    titleGaps: false,
    indent: "kept",
    hyphenate: false,
  });
  p.furniture("2024年11月28日 星期四", "A12 港聞");
  const m = () => span(rnd, 14, 20);
  const t = () => span(rnd, 10, 15);
  p.article({ story: H[3]!, order: "after", dateline: "【本報訊】", measure: m(), titleMeasure: t() });
  p.article({
    story: H[4]!,
    order: "after",
    dateline: "本報訊",
    bylineEnd: "（記者 李嘉欣）",
    measure: m(),
    titleMeasure: t(),
  });
  p.caption(`圖：${zhHant.captions[1]}（本報記者 何俊傑 攝）`, 12);
  p.article({
    story: H[0]!,
    order: "after",
    dateline: "新華社北京11月27日電（記者 周文傑）",
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: H[2]!,
    order: "after",
    dateline: "本報台北11月28日訊",
    bylineLines: ["本報記者 吳詠詩"],
    measure: m(),
    titleMeasure: t(),
  });
  p.furniture("責任編輯：鄭家明");
  return p;
}

/**
 * An Indian paper: "NEW DELHI:" datelines with a colon, agency and service bylines on their own
 * line ("Express News Service", "HT Correspondent", "PTI"), a running head with the city edition.
 */
function enIndia(seed = 211): Page {
  const rnd = random(seed);
  const p = new Page("house-en-india", {
    lang: "en",
    blanks: "titles",
    titleGaps: false,
    indent: "lost",
    hyphenate: false,
  });
  p.furniture("NEW DELHI, THURSDAY, NOVEMBER 28, 2024", "6 NATION");
  const m = () => span(rnd, 32, 42);
  const t = () => span(rnd, 24, 34);
  p.article({
    story: I[0]!,
    order: "first",
    bylineLines: ["Express News Service"],
    dateline: "NEW DELHI:",
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: I[1]!,
    order: "first",
    bylineLines: ["HT Correspondent"],
    dateline: "MUMBAI:",
    measure: m(),
    titleMeasure: t(),
  });
  p.caption(`${enIn.captions[1]} PHOTO: R. SENTHIL KUMAR`, 30);
  p.article({
    story: I[2]!,
    order: "first",
    bylineLines: ["PTI"],
    dateline: "CHENNAI:",
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: I[3]!,
    order: "first",
    bylineLines: ["By Rohan Mehta"],
    dateline: "KOLKATA:",
    measure: m(),
    titleMeasure: t(),
  });
  p.article({
    story: I[4]!,
    order: "first",
    bylineLines: ["Staff Reporter"],
    dateline: "BENGALURU, Nov. 27:",
    measure: m(),
    titleMeasure: t(),
  });
  return p;
}

/**
 * Pages the accuracy test prints but does not hold in its averages, with the reason: styles the
 * rules do not read well enough yet (see `tests/fixtures/text/SOURCES.md`).
 */
const printedOnly: Record<string, string> = {
  "house-en-columns":
    "two stories read band by band, their blocks alternating: a plain stream holds no evidence of which column a block came from, so the rules run each block into its neighbour",
};

const arg = (flag: string) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const only = arg("--only");
const seedArg = arg("--seed");
const seed = seedArg === undefined ? undefined : Number(seedArg);
const recipes: [string, (seed?: number) => Page][] = [
  ["house-zh-renmin", zhRenmin],
  ["house-zh-after-tight", zhAfterTight],
  ["house-zh-xinhua", zhXinhua],
  ["house-en-wire", enWire],
  ["house-en-uk", enUk],
  ["house-en-columns", enColumns],
  ["house-en-after-double", enAfterDouble],
  ["house-en-after-spaced", enAfterSpaced],
  ["house-en-after-tight", enAfterTight],
  ["house-zh-hant-first", zhHantFirst],
  ["house-zh-hant-after", zhHantAfter],
  ["house-en-india", enIndia],
];
const pages = recipes
  .filter(([name]) => !only || only.split(",").includes(name))
  .map(([name, make]) => {
    const page = make(seed);
    if (seed !== undefined) page.rename(`${name}-s${seed}`);
    return page;
  });
const dir = arg("--out") ?? join(here, "..", "fixtures", "text");
mkdirSync(dir, { recursive: true });
for (const page of pages) {
  const text = page.text();
  writeFileSync(join(dir, `${page.name}.txt`), text);
  const gt = {
    ...page.gt,
    style: page.style,
    note: "Composed by tests/tools/make-house-fixtures.ts",
    ...(printedOnly[page.name] ? { printedOnly: printedOnly[page.name] } : {}),
  };
  writeFileSync(join(dir, `${page.name}.gt.json`), `${JSON.stringify(gt, null, 1)}\n`);
  console.log(page.name, text.split("\n").length, "lines", page.gt.articles.length, "articles");
}
