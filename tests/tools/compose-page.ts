/**
 * Composes newspaper-like HTML pages for the rendered fixtures: a running head, rows of
 * article modules on a column grid (kicker, headline sized by its span, deck, byline before or
 * after the headline, dateline opening the body, body in CSS columns, photos with captions,
 * jump lines), rules between rows and a footer line. Every element that ground truth needs
 * carries `data-role` (and `data-art`), so `render-page.ts` can record its boxes.
 */

/** One story's text (see `texts/*.json`). */
export interface StoryText {
  kicker?: string;
  headline: string;
  deck?: string;
  paragraphs: string[];
}

/** The text pool of one language. */
export interface TextPool {
  source: string;
  articles: StoryText[];
  captions: string[];
}

/** One article module on the grid. */
export interface ModuleSpec {
  story: number;
  span: number;
  bodyCols: number;
  kicker: boolean;
  deck: boolean;
  byline: "before" | "after" | "none";
  dateline: boolean;
  photo: "top" | "body" | "none";
  jump: boolean;
  paragraphs: number;
}

/** A page: language, grid and rows of modules. */
export interface PageSpec {
  id: string;
  lang: "zh" | "en";
  ncols: number;
  rows: ModuleSpec[][];
}

/** A small deterministic random generator (mulberry32), so a seed always gives the same page. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lays out a random page: rows filled with modules of random spans until the stories run out. */
export function randomPage(id: string, lang: "zh" | "en", pool: TextPool, seed: number): PageSpec {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  // Tesseract runs CJK lines together across gutters of narrow columns: keep Chinese pages to 4–5.
  const ncols = lang === "zh" ? pick([4, 5, 5]) : pick([4, 5, 5, 6]);
  const order = pool.articles.map((_, i) => i).sort(() => rnd() - 0.5);
  const rows: ModuleSpec[][] = [];
  let next = 0;
  const nrows = pick([2, 3, 3]);
  for (let r = 0; r < nrows && next < order.length; r++) {
    const row: ModuleSpec[] = [];
    let left = ncols;
    while (left > 0 && next < order.length) {
      const span =
        r === nrows - 1 && row.length === 0 && rnd() < 0.3 ? left : Math.min(left, pick([1, 1, 2, 2, 3]));
      const story = pool.articles[order[next]!]!;
      const paragraphs = Math.max(
        1,
        Math.min(story.paragraphs.length, span === 1 ? 2 : 2 + Math.floor(rnd() * 3)),
      );
      row.push({
        story: order[next++]!,
        span,
        bodyCols: span >= 3 && rnd() < 0.3 ? span - 1 : span,
        kicker: !!story.kicker && rnd() < 0.8,
        deck: !!story.deck || (span >= 2 && rnd() < 0.2),
        byline: pick(["after", "after", "before", "none"]),
        dateline: rnd() < 0.6,
        photo: span >= 2 && rnd() < 0.35 ? "top" : span === 1 && rnd() < 0.2 ? "body" : "none",
        jump: rnd() < 0.25,
        paragraphs,
      });
      left -= span;
    }
    rows.push(row);
  }
  return { id, lang, ncols, rows };
}

const enNames = [
  "MARY ADAMS",
  "JOHN T. WELLS",
  "PRIYA NAIR",
  "ROBERT KLEIN",
  "ANA SOUZA",
  "DAVID OKAFOR",
  "LUCY CHEN",
];
const zhNames = ["王建国", "李华", "张明远", "刘洋", "陈静", "赵晓峰", "周敏"];
const enPlaces = ["WASHINGTON", "HOUSTON", "KENNEDY SPACE CENTER, Fla.", "PASADENA, Calif.", "CLEVELAND"];
const zhPlaces = ["北京", "郑州", "成都", "长沙", "杭州"];

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The page's HTML; `pool` holds the stories the modules point at. */
export function composePage(spec: PageSpec, pool: TextPool, seed: number): string {
  const rnd = seededRandom(seed * 7 + 1);
  const zh = spec.lang === "zh";
  const gap = 44;
  const colW = (2220 - gap * (spec.ncols - 1)) / spec.ncols;
  const serif = zh ? "'Noto Serif CJK SC', serif" : "'Liberation Serif', 'DejaVu Serif', serif";
  const sans = zh ? "'Noto Sans CJK SC', sans-serif" : "'Liberation Sans', sans-serif";
  const bodySize = zh ? 30 : 29;
  let caption = 0;
  let name = 0;
  const css = `html,body{margin:0;background:#fff}
#page{width:2400px;box-sizing:border-box;padding:60px 90px 80px;font-family:${serif};color:#141414}
.runhead{display:flex;justify-content:space-between;align-items:baseline;border-bottom:5px double #222;padding-bottom:12px;margin-bottom:8px;font-family:${sans};font-size:30px;font-weight:bold}
.row{display:flex;gap:${gap}px;border-top:3px solid #333;padding-top:26px;margin-top:26px;align-items:flex-start}
.row:first-of-type{border-top:none}
.mod{flex:none}
.kicker{font-family:${sans};font-size:${zh ? 32 : 28}px;font-weight:bold;margin:0 0 10px}
.hl{font-family:${sans};font-weight:900;line-height:1.16;margin:0 0 14px}
.deck{font-family:${sans};line-height:1.3;margin:0 0 14px}
.byline{font-family:${sans};font-size:26px;font-weight:bold;margin:0 0 14px}
.body{column-gap:${gap}px;column-fill:balance;font-size:${bodySize}px;line-height:${zh ? 1.55 : 1.4};text-align:justify}
.body p{margin:0;text-indent:${zh ? "2em" : "1.4em"};${zh ? "" : "hyphens:auto;"}}
.fig{margin:0 0 18px;break-inside:avoid}
.photo{background:linear-gradient(135deg,#777,#aaa 60%,#666);width:100%}
.cap{font-family:${sans};font-size:${zh ? 25 : 24}px;line-height:1.35;margin-top:10px;text-align:justify}
.jump{font-family:${sans};font-size:25px;font-weight:bold;text-align:right;margin-top:10px}
.foot{display:flex;justify-content:space-between;border-top:2px solid #333;margin-top:40px;padding-top:10px;font-family:${sans};font-size:24px}`;
  const runhead = zh
    ? [
        ["f-paper", "科技农村报"],
        ["f-section", pickOf(rnd, ["要闻", "综合", "三农"])],
        ["f-date", "2018年2月5日 星期一"],
        ["f-pno", `第${1 + Math.floor(rnd() * 8)}版`],
      ]
    : [
        ["f-pno", `A${1 + Math.floor(rnd() * 9)}`],
        ["f-paper", "THE WEEKLY TRIBUNE"],
        ["f-date", "MONDAY, SEPTEMBER 4, 2000"],
        ["f-section", pickOf(rnd, ["NATION", "SCIENCE", "AEROSPACE"])],
      ];
  const parts: string[] = [];
  parts.push(
    `<div class="runhead">${runhead.map(([id, t]) => `<span id="${id}" data-role="furniture">${esc(t!)}</span>`).join("")}</div>`,
  );
  let art = 0;
  for (const row of spec.rows) {
    const mods: string[] = [];
    for (const m of row) {
      art++;
      const a = `A${art}`;
      const story = pool.articles[m.story]!;
      const width = colW * m.span + gap * (m.span - 1);
      const hlSize = zh ? [0, 44, 60, 72, 80, 84, 88][m.span]! : [0, 42, 56, 68, 76, 80, 84][m.span]!;
      const out: string[] = [];
      const byName = zh ? zhNames[name++ % zhNames.length]! : enNames[name++ % enNames.length]!;
      const byText = zh
        ? `本报记者 ${byName}`
        : rnd() < 0.7
          ? `By ${byName}`
          : `${titleCase(byName)}, Staff Writer`;
      const byline = `<div class="byline" id="${a}-byline" data-role="byline" data-art="${a}">${esc(byText)}</div>`;
      if (m.byline === "before") out.push(byline);
      if (m.kicker && story.kicker)
        out.push(
          `<div class="kicker" id="${a}-kicker" data-role="kicker" data-art="${a}">${esc(story.kicker)}</div>`,
        );
      out.push(
        `<h2 class="hl" id="${a}-headline" data-role="headline" data-art="${a}" style="font-size:${hlSize}px">${esc(story.headline)}</h2>`,
      );
      if (m.deck) {
        const deck = story.deck ?? story.paragraphs[0]!.split(zh ? "，" : ", ")[0]!;
        out.push(
          `<div class="deck" id="${a}-deck" data-role="deck" data-art="${a}" style="font-size:${zh ? 36 : 34}px">${esc(deck)}</div>`,
        );
      }
      if (m.byline === "after") out.push(byline);
      const figure = (inBody: boolean) => {
        const text = pool.captions[caption++ % pool.captions.length]!;
        const h = inBody ? 260 : 340 + Math.floor(rnd() * 120);
        return `<div class="fig"><div class="photo" data-role="photo" data-art="${a}" style="height:${h}px"></div><div class="cap" id="${a}-cap" data-role="caption" data-art="${a}">${esc(text)}</div></div>`;
      };
      if (m.photo === "top") out.push(figure(false));
      const paras = story.paragraphs.slice(0, m.paragraphs).map((p, i) => {
        let text = esc(p);
        if (i === 0 && m.dateline) {
          const place = zh ? zhPlaces[art % zhPlaces.length]! : enPlaces[art % enPlaces.length]!;
          const dl = zh
            ? rnd() < 0.5
              ? `本报${place}2月${1 + (art % 28)}日讯（记者 ${byName}）`
              : `新华社${place}2月${1 + (art % 28)}日电`
            : `${place} —`;
          text = `<span class="dl">${esc(dl)}</span>${zh ? "" : " "}${text}`;
        }
        return `<p id="${a}-p${i + 1}" data-role="para" data-art="${a}">${text}</p>`;
      });
      const fig = m.photo === "body" ? figure(true) : "";
      out.push(`<div class="body" style="column-count:${m.bodyCols}">${fig}${paras.join("")}</div>`);
      if (m.jump) {
        const jump = zh ? `（下转第${2 + (art % 7)}版）` : `Continued on Page A${2 + (art % 9)}`;
        out.push(`<div class="jump" id="${a}-jump" data-role="jump" data-art="${a}">${esc(jump)}</div>`);
      }
      mods.push(`<div class="mod art" style="width:${width}px" data-art="${a}">${out.join("")}</div>`);
    }
    parts.push(`<div class="row">${mods.join("")}</div>`);
  }
  const foot = zh
    ? [
        ["f-edit", "责任编辑：王芳"],
        ["f-design", "版式设计：李明"],
      ]
    : [
        ["f-web", "www.weeklytribune.example"],
        ["f-folio", "THE WEEKLY TRIBUNE · PAGE A3"],
      ];
  parts.push(
    `<div class="foot">${foot.map(([id, t]) => `<span id="${id}" data-role="furniture">${esc(t!)}</span>`).join("")}</div>`,
  );
  return `<!DOCTYPE html><html lang="${zh ? "zh-CN" : "en"}"><head><meta charset="utf-8"><title>${spec.id}</title><style>${css}</style></head><body><div id="page" data-ncols="${spec.ncols}" data-colw="${colW}" data-gap="${gap}">${parts.join("")}</div></body></html>`;
}

function pickOf<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}
