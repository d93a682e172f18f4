/**
 * Composes plain-text OCR streams of newspaper pages with their ground truth, for the text
 * path's accuracy fixtures. A stream is what OCR of a single-column reading gives: wrapped
 * lines at each article's measure, titles before or after their bodies, bylines and datelines
 * in the conventions of Chinese and English papers, captions with credits, furniture and jump
 * lines, optional double spacing (every line followed by a blank one, like the seed page),
 * lost or kept paragraph indents, and hyphenated English.
 */
import type { GroundTruth, GroundTruthArticle } from "@galley/training";
import { seededRandom } from "./compose-page.ts";

/** One story's text. */
export interface StreamStory {
  kicker?: string;
  headline: string;
  deck?: string;
  paragraphs: string[];
}

/** A pool of stories and captions in one language. */
export interface StreamPool {
  source: string;
  articles: StreamStory[];
  captions: string[];
}

/** How one stream page is set. */
export interface StreamSpec {
  id: string;
  lang: "zh" | "en";
  /** Titles before their bodies, or after them (as on the seed page). */
  order: "first" | "after";
  /**
   * Double: a blank line after every line; single: blank lines only where `gaps` puts them and
   * around titles; tight: no blank line at all (an OCR export that keeps none).
   */
  spacing: "single" | "double" | "tight";
  /** Blank lines between paragraphs and between title groups (single spacing only). */
  gaps: boolean;
  /** Paragraph indents kept as leading spaces, or lost. */
  indent: "kept" | "lost";
  /** Spaces between CJK and digits, as OCR often inserts them. */
  digitSpaces: boolean;
  furniture: boolean;
  jumps: boolean;
  captions: boolean;
  hyphenate: boolean;
  stories: number;
  seed: number;
}

const zhNames = [
  "王建国",
  "李华",
  "张明远",
  "刘洋",
  "陈静",
  "赵晓峰",
  "周敏",
  "孙丽",
  "马超",
  "黄磊",
  "郭婷",
  "何平",
];
const zhCities = ["北京", "上海", "太原", "郑州", "成都", "杭州", "武汉", "西安"];
const zhPapers = ["晨光日报", "滨江晚报", "科技农村报", "北方商报"];
const enNames = [
  "MARY ADAMS",
  "JAMES ORTIZ",
  "LUCY CHEN",
  "DAVID PARK",
  "ANA SOUZA",
  "TOM BAKER",
  "NORA HALE",
];
const enCities = ["SPRINGFIELD", "WASHINGTON", "BOSTON", "DENVER", "PORTLAND, Ore.", "AUSTIN, Texas"];
const enPapers = ["THE MORNING LEDGER", "THE VALLEY TRIBUNE", "EVENING STAR"];
const closers = "，。、；：？！”’）》」』,.;:?!)";

/** The composed stream and its ground truth. */
export interface ComposedStream {
  text: string;
  gt: GroundTruth;
}

function cells(ch: string): number {
  return /[\u3000-\u9fff\uff00-\uffef“”‘’—…]/.test(ch) ? 1 : 0.5;
}

/** Wraps CJK text at `measure` cells, never starting a line with closing punctuation. */
function wrapCjk(text: string, measure: number, firstIndent: number): string[] {
  const lines: string[] = [];
  let line = "";
  let width = firstIndent;
  for (const ch of text) {
    const w = cells(ch);
    if (width + w > measure && line && !closers.includes(ch)) {
      lines.push(line);
      line = "";
      width = 0;
    }
    line += ch;
    width += w;
  }
  if (line) lines.push(line);
  return lines;
}

/** Wraps Latin text at `measure` characters, hyphenating long words when asked. */
function wrapLatin(
  text: string,
  measure: number,
  firstIndent: number,
  hyphenate: boolean,
  rnd: () => number,
): string[] {
  const lines: string[] = [];
  let line = "";
  let limit = measure - firstIndent;
  for (const word of text.split(/\s+/)) {
    const room = limit - (line ? line.length + 1 : 0);
    if (word.length <= room) {
      line = line ? `${line} ${word}` : word;
      continue;
    }
    if (hyphenate && /^[a-z]{8,}[,.;]?$/.test(word) && room >= 5 && rnd() < 0.7) {
      const cut = Math.min(room - 1, word.length - 4);
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

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)]!;
}

function spaceDigits(text: string): string {
  return text.replace(/(?<=[\u4e00-\u9fff])(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%])(?=[\u4e00-\u9fff])/g, " ");
}

/** Composes one stream page from a pool (see `StreamSpec`). */
export function composeStream(spec: StreamSpec, pool: StreamPool): ComposedStream {
  const rnd = seededRandom(spec.seed);
  const zh = spec.lang === "zh";
  const out: string[] = [];
  const gt: GroundTruth = { page: `${spec.id}.txt`, format: "text", captions: [], other: [], articles: [] };
  const double = spec.spacing === "double";
  const emit = (text: string): number => {
    out.push(text);
    if (double) out.push("");
    return double ? out.length - 1 : out.length;
  };
  const gap = () => {
    if (spec.spacing === "single" && spec.gaps && out.length && out.at(-1) !== "") out.push("");
  };
  const hardGap = () => {
    if (spec.spacing === "single" && out.length && out.at(-1) !== "") out.push("");
  };

  if (spec.furniture) {
    const head = zh
      ? [
          pick(rnd, zhPapers),
          `2025年3月${10 + Math.floor(rnd() * 18)}日 星期${pick(rnd, ["一", "二", "三", "四", "五"])}`,
          `第${2 + Math.floor(rnd() * 7)}版`,
        ]
      : [
          `A${2 + Math.floor(rnd() * 7)}`,
          pick(rnd, enPapers),
          `THURSDAY, MARCH ${10 + Math.floor(rnd() * 18)}, 2025`,
        ];
    for (const h of head) {
      gt.other!.push({ lines: [emit(h)] });
      hardGap();
    }
  }

  const stories = [...pool.articles].sort(() => rnd() - 0.5).slice(0, spec.stories);
  stories.forEach((story, k) => {
    const article: GroundTruthArticle = {
      id: `A${k + 1}`,
      body: [],
      paragraphStarts: [],
      dateline: null,
      byline: null,
    };
    const measure = zh ? 13 + Math.floor(rnd() * 11) : 30 + Math.floor(rnd() * 18);
    const titleMeasure = zh ? 9 + Math.floor(rnd() * 8) : 22 + Math.floor(rnd() * 14);
    const reporter = zh ? pick(rnd, zhNames) : pick(rnd, enNames);
    const datelineStyle = rnd();
    let dateline = "";
    if (zh) {
      const city = pick(rnd, zhCities);
      const day = `${1 + Math.floor(rnd() * 12)}月${1 + Math.floor(rnd() * 28)}日`;
      if (datelineStyle < 0.3) dateline = `本报讯（记者 ${reporter}）`;
      else if (datelineStyle < 0.5) dateline = `本报${city}${day}讯（记者 ${reporter}）`;
      else if (datelineStyle < 0.7) dateline = `新华社${city}${day}电`;
      else if (datelineStyle < 0.85) dateline = `${pick(rnd, zhPapers)}讯`;
    } else if (datelineStyle < 0.7) dateline = `${pick(rnd, enCities)}${rnd() < 0.3 ? " (AP)" : ""} —`;
    if (dateline) article.dateline = dateline;
    const bylineStyle = rnd();
    const bylineInText = zh && !dateline.includes("记者") && bylineStyle < 0.5;
    const bylineLine = zh
      ? !bylineInText && !dateline.includes("记者") && bylineStyle < 0.8
        ? `本报记者 ${reporter}`
        : null
      : bylineStyle < 0.6
        ? `By ${reporter}`
        : bylineStyle < 0.8
          ? `${reporter
              .split(" ")
              .map((w) => w[0] + w.slice(1).toLowerCase())
              .join(" ")}, Staff Writer`
          : null;

    const emitTitle = () => {
      const groups: [keyof GroundTruthArticle, string][] = [];
      if (story.kicker && rnd() < 0.8) groups.push(["kicker", story.kicker]);
      groups.push(["headline", story.headline]);
      if (story.deck && rnd() < 0.7) groups.push(["subheadline", story.deck]);
      for (const [role, text] of groups) {
        const wrapped = zh
          ? wrapCjk(text, titleMeasure + (role === "headline" ? 0 : 4), 0)
          : wrapLatin(text, titleMeasure + (role === "headline" ? 0 : 12), 0, false, rnd);
        const ids: number[] = [];
        wrapped.forEach((t, i) => {
          if (double && i > 0) out.pop();
          ids.push(emit(t));
        });
        (article as unknown as Record<string, number[]>)[role] = ids;
        gap();
        if (double || !spec.gaps) hardGap();
      }
      if (bylineLine && (spec.order === "first" || !zh)) {
        article.bylineLines = [emit(bylineLine)];
        article.byline = bylineLine;
        gap();
      }
    };

    const emitBody = () => {
      story.paragraphs.forEach((raw, p) => {
        let text = raw;
        if (p === 0 && dateline) text = zh ? `${dateline}${text}` : `${dateline} ${text}`;
        const last = p === story.paragraphs.length - 1;
        if (last && bylineInText) {
          const credit = bylineStyle < 0.25 ? ` ${reporter}` : `（记者 ${reporter}）`;
          text += credit;
          article.byline = credit.trim();
        }
        if (zh && spec.digitSpaces) text = spaceDigits(text);
        const indent = spec.indent === "kept" ? (zh ? 2 : 3) : zh ? 2 : 0;
        const wrapped = zh
          ? wrapCjk(text, measure, indent)
          : wrapLatin(text, measure, indent, spec.hyphenate, rnd);
        wrapped.forEach((t, i) => {
          const lead = i === 0 && spec.indent === "kept" ? (zh ? "　　" : "   ") : "";
          const id = emit(lead + t);
          article.body.push(id);
          if (i === 0) article.paragraphStarts!.push(id);
        });
        if (!last) gap();
      });
      if (zh && bylineLine && spec.order === "after") {
        hardGap();
        article.bylineLines = [emit(bylineLine.replace("本报记者 ", ""))];
        article.byline = bylineLine.replace("本报记者 ", "");
      }
    };

    hardGap();
    if (spec.order === "first") {
      emitTitle();
      hardGap();
      emitBody();
    } else {
      emitBody();
      hardGap();
      emitTitle();
    }
    if (spec.jumps && spec.order === "first" && rnd() < 0.4) {
      hardGap();
      article.jump = [
        emit(
          zh ? `（下转第${2 + Math.floor(rnd() * 6)}版）` : `Continued on Page A${2 + Math.floor(rnd() * 9)}`,
        ),
      ];
    }
    gt.articles.push(article);
    if (spec.captions && rnd() < 0.4 && pool.captions.length) {
      hardGap();
      const cap = pick(rnd, pool.captions);
      const credited = zh
        ? `${cap}（${pick(rnd, zhNames)} 摄）`
        : `${cap} (Photo by ${pick(rnd, ["Jane Ruiz", "Ken Ito", "Sam Cole"])})`;
      const wrapped = zh
        ? wrapCjk(credited, 10 + Math.floor(rnd() * 6), 0)
        : wrapLatin(credited, 26, 0, false, rnd);
      gt.captions!.push({ lines: wrapped.map((t) => emit(t)) });
    }
  });
  if (spec.furniture && zh) {
    hardGap();
    gt.other!.push({ lines: [emit(`责任编辑：${pick(rnd, zhNames)}`)] });
  }
  return { text: `${out.join("\n")}\n`, gt };
}
