import type { Box, SourceLine } from "@galley/core";
import type { ArticleRegion } from "@galley/editor";
import type OpenSeadragon from "openseadragon";
import type { I18n } from "../i18n/i18n.ts";
import { el } from "./dom.ts";

const svgNs = "http://www.w3.org/2000/svg";

/** Below this height on screen (CSS pixels) a printed line is taken as unreadable and zoomed to `readableLine`. */
const smallestReadable = 14;
const readableLine = 22;

/**
 * The page image, zoomable and pannable with OpenSeadragon (mouse wheel, drag, pinch, keyboard
 * when focused, and the +/−/fit buttons), with the articles drawn over it: each article's area
 * in its colour (as on its card), its headline's lines filled and numbered, and every source
 * line's box. One SVG overlay in page pixels, placed by OpenSeadragon over the whole image, so
 * it zooms with it. Clicking a line's box calls `onPickLine`, clicking elsewhere in an article's
 * area `onPickArticle`. `highlight` lights lines and centres them (zooming in when the print
 * would be too small to read); `lightArticle` lights an article's region.
 * The viewer library is loaded on first use (a chunk of its own), so the editor is not kept
 * waiting for it. The figure says `data-state` (empty, loading, ready, failed), `data-zoom`
 * (see `imageZoom`), `data-animating` while the view moves and `data-moves` (how many moves
 * have ended).
 */
export class PageImage {
  /** The viewer element. */
  readonly dom: HTMLElement;
  private readonly stage: HTMLElement;
  private readonly zoomIn: HTMLButtonElement;
  private readonly zoomOut: HTMLButtonElement;
  private readonly home: HTMLButtonElement;
  private viewer: OpenSeadragon.Viewer | null = null;
  private osd: typeof OpenSeadragon | null = null;
  private readonly svg: SVGSVGElement;
  private readonly regionLayer: SVGGElement;
  private readonly lineLayer: SVGGElement;
  private readonly lineBoxes = new Map<string, SVGRectElement>();
  private lines: SourceLine[] = [];
  private regions: ArticleRegion[] = [];
  private lit: string[] = [];
  private litArticle: string | null = null;
  private size: { width: number; height: number } | null = null;
  private destroyed = false;

  constructor(
    private readonly i18n: I18n,
    private readonly imageUrl: string,
    private readonly onPickLine: (lineId: string) => void,
    private readonly onPickArticle: (articleId: string) => void,
  ) {
    this.stage = el("div", { class: "page-viewer-stage" });
    const button = (name: string, text: string, act: () => void) => {
      const b = el("button", { type: "button", "data-zoom": name }, text);
      b.addEventListener("click", act);
      return b;
    };
    this.zoomIn = button("in", "+", () => this.zoomBy(1.5));
    this.zoomOut = button("out", "−", () => this.zoomBy(1 / 1.5));
    this.home = button("home", "⤢", () => this.viewer?.viewport.goHome());
    this.dom = el(
      "figure",
      { class: "page-viewer", "data-state": "empty" },
      el("div", { class: "page-viewer-controls" }, this.zoomIn, this.zoomOut, this.home),
      this.stage,
    );
    this.svg = document.createElementNS(svgNs, "svg");
    this.svg.setAttribute("class", "page-overlay");
    this.svg.setAttribute("preserveAspectRatio", "none");
    this.regionLayer = document.createElementNS(svgNs, "g");
    this.lineLayer = document.createElementNS(svgNs, "g");
    this.svg.append(this.regionLayer, this.lineLayer);
    this.relabel();
  }

  /** Re-labels after a language switch. */
  relabel(): void {
    this.dom.setAttribute("aria-label", this.i18n.t("image.label"));
    for (const [b, key] of [
      [this.zoomIn, "image.zoomIn"],
      [this.zoomOut, "image.zoomOut"],
      [this.home, "image.fit"],
    ] as const) {
      b.title = this.i18n.t(key);
      b.setAttribute("aria-label", this.i18n.t(key));
    }
  }

  /** Opens the image of a page `width` × `height` pixels, with its source lines' boxes. */
  async open(lines: readonly SourceLine[], width: number, height: number): Promise<void> {
    if (this.size) return;
    this.size = { width, height };
    this.lines = lines.filter((l) => l.box);
    this.svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    this.drawLines();
    this.dom.dataset.state = "loading";
    const { default: OSD } = await import("openseadragon");
    if (this.destroyed) return;
    this.osd = OSD;
    const viewer = OSD({
      element: this.stage,
      tileSources: { type: "image", url: this.imageUrl },
      // Our own buttons: OpenSeadragon's would load their images from `prefixUrl`.
      showNavigationControl: false,
      drawer: "canvas",
      gestureSettingsMouse: { clickToZoom: false, dblClickToZoom: true },
      gestureSettingsTouch: { pinchToZoom: true, flickEnabled: true },
      visibilityRatio: 0.3,
      maxZoomPixelRatio: 4,
      animationTime: 0.4,
    });
    this.viewer = viewer;
    viewer.addHandler("open", () => {
      viewer.addOverlay({
        element: this.svg as unknown as HTMLElement,
        location: new OSD.Rect(0, 0, 1, height / width),
      });
      this.dom.dataset.state = "ready";
      this.showZoom();
    });
    viewer.addHandler("open-failed", () => {
      this.dom.dataset.state = "failed";
    });
    viewer.addHandler("zoom", () => this.showZoom());
    viewer.addHandler("animation-start", () => {
      this.dom.dataset.animating = "true";
    });
    viewer.addHandler("animation-finish", () => {
      delete this.dom.dataset.animating;
      this.dom.dataset.moves = String(Number(this.dom.dataset.moves ?? 0) + 1);
      this.showZoom();
    });
    viewer.addHandler("canvas-click", (event) => {
      if (!event.quick) return;
      // Viewport units (the page is 1 wide) to the source's coordinates.
      const point = viewer.viewport.pointFromPixel(event.position);
      const hit = this.hit(point.x * width, point.y * width);
      if (!hit) return;
      event.preventDefaultAction = true;
      if (hit.lineId) this.onPickLine(hit.lineId);
      else if (hit.articleId) this.onPickArticle(hit.articleId);
    });
  }

  /** Draws the articles' regions (replacing the previous ones). */
  setRegions(regions: readonly ArticleRegion[]): void {
    this.regions = [...regions];
    const groups = regions.map((region) => {
      const g = document.createElementNS(svgNs, "g");
      g.setAttribute("class", "article-region");
      g.dataset.articleId = region.id;
      g.style.setProperty("--region", region.color);
      for (const area of region.areas) g.append(rect(area, "region-area"));
      for (const box of region.headlineBoxes) g.append(rect(box, "region-headline"));
      const anchor = region.headlineBoxes[0] ?? region.areas[0];
      if (anchor) {
        const badge = document.createElementNS(svgNs, "g");
        badge.setAttribute("class", "region-badge");
        const r = Math.max(14, Math.min(28, anchor.h * 0.6));
        const circle = document.createElementNS(svgNs, "circle");
        circle.setAttribute("cx", String(anchor.x - r * 0.2));
        circle.setAttribute("cy", String(anchor.y + r * 0.2));
        circle.setAttribute("r", String(r));
        const text = document.createElementNS(svgNs, "text");
        text.setAttribute("x", String(anchor.x - r * 0.2));
        text.setAttribute("y", String(anchor.y + r * 0.2));
        text.setAttribute("font-size", String(r * 1.2));
        text.textContent = String(region.number);
        badge.append(circle, text);
        g.append(badge);
      }
      if (region.id === this.litArticle) g.classList.add("lit");
      return g;
    });
    this.regionLayer.replaceChildren(...groups);
  }

  /** Lights an article's region (null: none). */
  lightArticle(articleId: string | null): void {
    this.litArticle = articleId;
    for (const g of this.regionLayer.children) {
      g.classList.toggle("lit", (g as SVGGElement).dataset.articleId === articleId);
    }
  }

  /** Marks `lineIds`, and centres them in the viewer (zooming in if they would be unreadable). */
  highlight(lineIds: readonly string[]): void {
    for (const id of this.lit) this.lineBoxes.get(id)?.classList.remove("lit");
    this.lit = [...lineIds];
    const boxes: Box[] = [];
    for (const id of this.lit) {
      const r = this.lineBoxes.get(id);
      r?.classList.add("lit");
      const box = this.lines.find((l) => l.id === id)?.box;
      if (box) boxes.push(box);
    }
    if (boxes.length > 0) this.centre(boxes);
  }

  /**
   * The zoom as screen pixels per image pixel (1 = the print at its scanned size): where the
   * viewer is going (the target of an animation under way).
   */
  imageZoom(): number | null {
    const viewer = this.viewer;
    return viewer ? viewer.viewport.viewportToImageZoom(viewer.viewport.getZoom(false)) : null;
  }

  /** Releases the viewer. */
  destroy(): void {
    this.destroyed = true;
    this.viewer?.destroy();
    this.viewer = null;
  }

  /**
   * Centres `boxes` (source coordinates, which may be at another scale than the image's pixels:
   * hOCR made from a larger scan) and zooms in when their first line would be less than
   * `smallestReadable` pixels high on screen. Viewport units: the page is 1 wide.
   */
  private centre(boxes: readonly Box[]): void {
    const viewer = this.viewer;
    const OSD = this.osd;
    if (!viewer || !OSD || !this.size) return;
    const unit = 1 / this.size.width;
    const x = Math.min(...boxes.map((b) => b.x));
    const right = Math.max(...boxes.map((b) => b.x + b.w));
    const first = boxes[0]!;
    const viewport = viewer.viewport;
    const screenPerUnit = viewer.container.clientWidth * viewport.getZoom();
    const onScreen = first.h * unit * screenPerUnit;
    if (onScreen < smallestReadable) {
      viewport.zoomTo(readableLine / (first.h * unit * viewer.container.clientWidth));
    }
    // The first line goes in the middle (horizontally, the middle of the block's column).
    viewport.panTo(new OSD.Point(((x + right) / 2) * unit, (first.y + first.h / 2) * unit));
  }

  private showZoom(): void {
    const zoom = this.imageZoom();
    if (zoom !== null) this.dom.dataset.zoom = zoom.toFixed(3);
  }

  private zoomBy(factor: number): void {
    const viewer = this.viewer;
    if (!viewer) return;
    viewer.viewport.zoomBy(factor);
    viewer.viewport.applyConstraints();
  }

  private drawLines(): void {
    this.lineBoxes.clear();
    this.lineLayer.replaceChildren(
      ...this.lines.map((line) => {
        const r = rect(line.box!, "line-box");
        r.dataset.lineId = line.id;
        if (this.lit.includes(line.id)) r.classList.add("lit");
        this.lineBoxes.set(line.id, r);
        return r;
      }),
    );
  }

  private hit(x: number, y: number): { lineId?: string; articleId?: string } | null {
    const inside = (b: Box) => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;
    const line = this.lines.find((l) => inside(l.box!));
    if (line) return { lineId: line.id };
    const region = this.regions.find((r) => r.areas.some(inside));
    return region ? { articleId: region.id } : null;
  }
}

function rect(box: Box, className: string): SVGRectElement {
  const r = document.createElementNS(svgNs, "rect");
  r.setAttribute("x", String(box.x));
  r.setAttribute("y", String(box.y));
  r.setAttribute("width", String(box.w));
  r.setAttribute("height", String(box.h));
  r.setAttribute("class", className);
  return r;
}
