import { InputError } from "../errors.ts";
import { boxOfPoints, fitSlope } from "../geometry/box.ts";
import type { Box, SourceWord } from "../types.ts";
import { defaultAltoDpi } from "./alto.ts";
import { isCoordinate, readValue } from "./coordinates.ts";
import { isSpace } from "./hocr-title.ts";
import { type GeoLine, type Graphic, type IngestedPage, newGeoLine } from "./ingest.ts";
import { PageBox, PageWord } from "./records.ts";
import { describeElement, IngestWarnings } from "./warnings.ts";
import { joinWords } from "./words.ts";
import { readXml, type XmlAttributes } from "./xml-reader.ts";

/**
 * PAGE XML ingest (2010 through 2019 schemas), strict XML through `readXml`. `TextLine/@id` is the
 * line id; its text is the line's own `TextEquiv` with the lowest `index` (falling back to its
 * words'); the box comes from `Coords` (points, or the 2010 `Point` children), the slope from
 * `Baseline`. Lines keep their `TextRegion`'s id and `type` (or the Transkribus
 * `custom="structure {type:…}"`). `ReadingOrder` groups are flattened into a list of region
 * ids; image, graphic and chart regions become image regions, `SeparatorRegion` ruled lines.
 * A point that is not a usable coordinate (see `coordinates.ts`) is left out of its polygon,
 * and a page or font size that is not one is not taken; the page says so in its warnings.
 */

type Point = readonly [number, number];

interface Equiv {
  index: number;
  text: string;
  conf?: number;
}

interface Element {
  name: string;
  points?: Point[];
  equivs?: Equiv[];
  words?: SourceWord[];
  region?: { id?: string; type?: string };
  fontSize?: number;
  /** TextEquiv only: its `index` (missing sorts last) and `conf`. */
  equivIndex?: number;
  equivConf?: number;
}

interface OrderNode {
  ordered: boolean;
  children: Array<{ index: number; ref?: string; group?: OrderNode }>;
}

const imageRegions = new Set([
  "ImageRegion",
  "GraphicRegion",
  "ChartRegion",
  "MathsRegion",
  "ChemRegion",
  "MapRegion",
]);

/**
 * Parses PAGE XML into lines (document order), page size, non-text regions and the stated
 * reading order. Broken XML or a root that is not `PcGts` is an `InputError("malformed")`.
 */
export function ingestPageXml(text: string, dpi = defaultAltoDpi): IngestedPage {
  const lines: GeoLine[] = [];
  const graphics: Graphic[] = [];
  const stack: Element[] = [];
  const orderStack: OrderNode[] = [];
  let order: OrderNode | null = null;
  let root: string | null = null;
  let width: number | undefined;
  let height: number | undefined;
  let language: string | undefined;
  let unicode: string | null = null;
  let anonymous = 0;
  const warnings = new IngestWarnings();
  /** The points of `a`'s `points`, noting those that are not usable. */
  const pointsOf = (name: string, a: XmlAttributes): Point[] => {
    const points = a.get("points") ?? "";
    const out: Point[] = [];
    if (parsePoints(points, out) > 0)
      warnings.note("a point that is not a usable coordinate: left out of its polygon", () =>
        describeElement(name, [["points", points]], a.position()),
      );
    return out;
  };

  const nearest = (pick: (e: Element) => boolean): Element | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) if (pick(stack[i]!)) return stack[i];
    return undefined;
  };

  readXml(text, "PAGE XML", {
    open(name, a) {
      if (root === null) {
        root = name;
        if (name !== "PcGts")
          throw new InputError("malformed", `not PAGE XML: the root element is <${name}>`);
      }
      const el: Element = { name };
      const parent = stack[stack.length - 1];
      switch (name) {
        case "Page": {
          const w = Number(a.get("imageWidth"));
          const h = Number(a.get("imageHeight"));
          if (!isCoordinate(w) || !isCoordinate(h))
            warnings.note("a page size that is not a usable coordinate: not taken", () =>
              describeElement(
                name,
                [
                  ["imageWidth", a.get("imageWidth")],
                  ["imageHeight", a.get("imageHeight")],
                ],
                a.position(),
              ),
            );
          else if (w > 0 && h > 0) {
            width = w;
            height = h;
          }
          language = a.get("primaryLanguage") || language;
          break;
        }
        case "TextRegion": {
          el.region = {};
          const id = a.get("id");
          if (id) el.region.id = id;
          el.region.type =
            a.get("type") ||
            /structure\s*\{[^}]*type:([^;}]+)/.exec(a.get("custom") ?? "")?.[1]?.trim() ||
            undefined;
          if (!el.region.type) delete el.region.type;
          if (!language) language = a.get("primaryLanguage") || undefined;
          el.points = [];
          break;
        }
        case "TextLine":
        case "Word":
          el.points = [];
          el.equivs = [];
          if (name === "TextLine") el.words = [];
          break;
        case "Coords":
        case "Baseline":
          el.points = pointsOf(name, a);
          break;
        case "Point": {
          const x = readValue(a.get("x") ?? "");
          const y = readValue(a.get("y") ?? "");
          if (isCoordinate(x) && isCoordinate(y)) parent?.points?.push([x, y]);
          else
            warnings.note("a point that is not a usable coordinate: left out of its polygon", () =>
              describeElement(
                name,
                [
                  ["x", a.get("x")],
                  ["y", a.get("y")],
                ],
                a.position(),
              ),
            );
          break;
        }
        case "TextEquiv": {
          el.equivs = [];
          el.equivIndex = indexOf(a, Number.POSITIVE_INFINITY);
          const conf = a.get("conf");
          if (conf !== undefined && Number.isFinite(Number(conf))) el.equivConf = Number(conf);
          break;
        }
        case "Unicode":
          unicode = "";
          break;
        case "TextStyle": {
          const size = a.get("fontSize");
          const pt = size === undefined ? Number.NaN : readValue(size);
          const holder =
            parent && (parent.name === "TextLine" || parent.name === "TextRegion") ? parent : undefined;
          if (size !== undefined && !isCoordinate((pt * dpi) / 72))
            warnings.note("a font size that is not a usable size: not taken", () =>
              describeElement(name, [["fontSize", size]], a.position()),
            );
          else if (holder && pt > 0) holder.fontSize = (pt * dpi) / 72;
          break;
        }
        case "SeparatorRegion":
          el.points = [];
          break;
        case "OrderedGroup":
        case "UnorderedGroup":
        case "OrderedGroupIndexed":
        case "UnorderedGroupIndexed": {
          const node: OrderNode = { ordered: name.startsWith("Ordered"), children: [] };
          const up = orderStack[orderStack.length - 1];
          if (up) up.children.push({ index: indexOf(a, up.children.length), group: node });
          else if (!order) order = node;
          orderStack.push(node);
          break;
        }
        case "RegionRefIndexed":
        case "RegionRef": {
          const up = orderStack[orderStack.length - 1];
          const ref = a.get("regionRef");
          if (up && ref) up.children.push({ index: indexOf(a, up.children.length), ref });
          break;
        }
        default:
          if (imageRegions.has(name)) el.points = [];
      }
      if (name === "TextLine") {
        const region = nearest((e) => e.name === "TextRegion")?.region;
        const line = newGeoLine(a.get("id") || `page-line-${++anonymous}`);
        if (region?.id) line.region = region.id;
        if (region?.type) line.regionType = region.type;
        lineOf.set(el, line);
      }
      stack.push(el);
    },
    text(t) {
      if (unicode !== null) unicode += t;
    },
    close(name) {
      const el = stack.pop();
      if (!el) return;
      const parent = stack[stack.length - 1];
      switch (name) {
        case "Unicode": {
          if (parent?.name === "TextEquiv" && parent.equivs && unicode !== null) {
            const equiv: Equiv = { index: parent.equivIndex ?? Number.POSITIVE_INFINITY, text: unicode };
            if (parent.equivConf !== undefined) equiv.conf = parent.equivConf;
            parent.equivs.push(equiv);
          }
          unicode = null;
          break;
        }
        case "TextEquiv": {
          const chosen = el.equivs?.[0];
          if (chosen && parent?.equivs) parent.equivs.push(chosen);
          break;
        }
        case "Coords":
          if (parent?.points && el.points && parent.points.length === 0) parent.points.push(...el.points);
          break;
        case "Baseline": {
          const line = parent && lineOf.get(parent);
          if (line && el.points) {
            const slope = fitSlope(el.points);
            if (slope !== null) line.slope = slope;
            if (!parent.points?.length) baselineBox.set(line, boxOfPoints(el.points));
          }
          break;
        }
        case "Word": {
          const equiv = lowest(el.equivs);
          const box = boxOfPoints(el.points ?? []);
          if (equiv && parent?.words) {
            const word = new PageWord(
              equiv.text.trim(),
              box ?? new PageBox(0, 0, 0, 0),
              equiv.conf === undefined ? undefined : Math.min(1, Math.max(0, equiv.conf)),
            );
            if (word.text) parent.words.push(word);
          }
          break;
        }
        case "TextLine": {
          const line = lineOf.get(el);
          if (!line) break;
          const equiv = lowest(el.equivs);
          const words = el.words ?? [];
          line.text = (equiv?.text ?? joinWords(words.map((w) => w.text))).replace(/\s+/g, " ").trim();
          const box: Box | null = boxOfPoints(el.points ?? []) ?? baselineBox.get(line) ?? null;
          if (box) line.box = box;
          if (words.length) {
            for (const w of words) if (w.box.w === 0 && w.box.h === 0 && box) w.box = box;
            line.words = words;
          }
          const size = el.fontSize ?? nearest((e) => e.name === "TextRegion")?.fontSize;
          if (size) line.fontSize = size;
          if (line.text) lines.push(line);
          break;
        }
        case "SeparatorRegion": {
          const box = boxOfPoints(el.points ?? []);
          if (box) graphics.push({ kind: "separator", box });
          break;
        }
        case "OrderedGroup":
        case "UnorderedGroup":
        case "OrderedGroupIndexed":
        case "UnorderedGroupIndexed":
          orderStack.pop();
          break;
        default:
          if (imageRegions.has(name)) {
            const box = boxOfPoints(el.points ?? []);
            if (box) graphics.push({ kind: "image", box });
          }
      }
    },
  });
  if (root === null) throw new InputError("malformed", "not PAGE XML: no root element");
  if (lines.length === 0)
    throw new InputError("malformed", "the PAGE XML has no text lines (TextLine/TextEquiv)");
  const page: IngestedPage = { format: "page", lines, graphics };
  if (width !== undefined && height !== undefined) {
    page.width = width;
    page.height = height;
  }
  const flat = order ? flattenOrder(order) : [];
  if (flat.length) page.readingOrder = flat;
  if (language) page.language = language;
  const found = warnings.list();
  if (found.length) page.warnings = found;
  return page;
}

const lineOf = new WeakMap<Element, GeoLine>();
const baselineBox = new WeakMap<GeoLine, Box | null>();

/**
 * Adds to `out` the `x,y` pairs of a `points` attribute (separated by white space; a pair's
 * values after the second are ignored), as `Number` reads them, and returns how many tokens
 * were left out: those that are not two usable coordinates (see `coordinates.ts`). Read in
 * place, without splitting: coordinates are most of a PAGE file.
 */
function parsePoints(points: string, out: Point[]): number {
  const n = points.length;
  let bad = 0;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(points.charCodeAt(i))) i++;
    const start = i;
    let comma = -1;
    let second = -1;
    for (; i < n; i++) {
      const c = points.charCodeAt(i);
      if (c === 0x2c) {
        if (comma < 0) comma = i;
        else if (second < 0) second = i;
      } else if (isSpace(c)) break;
    }
    if (i === start) continue;
    const x = comma < 0 ? Number.NaN : readValue(points.slice(start, comma));
    const y = comma < 0 ? Number.NaN : readValue(points.slice(comma + 1, second < 0 ? i : second));
    if (isCoordinate(x) && isCoordinate(y)) out.push([x, y]);
    else bad++;
  }
  return bad;
}

function indexOf(a: XmlAttributes, fallback: number): number {
  const index = a.get("index");
  const n = Number(index);
  return index !== undefined && Number.isFinite(n) ? n : fallback;
}

/** The equivalent with the lowest `index` (PAGE's preferred reading). */
function lowest(equivs: readonly Equiv[] | undefined): Equiv | undefined {
  let best: Equiv | undefined;
  for (const e of equivs ?? []) if (!best || e.index < best.index) best = e;
  return best;
}

function flattenOrder(node: OrderNode): string[] {
  const children = node.ordered ? [...node.children].sort((a, b) => a.index - b.index) : node.children;
  const out: string[] = [];
  for (const c of children) {
    if (c.ref) out.push(c.ref);
    if (c.group) out.push(...flattenOrder(c.group));
  }
  return out;
}
