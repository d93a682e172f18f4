import type { BrowserContext } from "playwright-core";
import { launchChromium } from "../support/chromium.ts";

/** A rendered element with the line boxes of its text, in page pixels. */
export interface RenderedElement {
  id: string;
  role: string;
  art: string | null;
  text: string;
  /** Dateline span text printed at the start of a paragraph, when there is one. */
  dateline?: string;
  /** One [x0, y0, x1, y1] per printed line. */
  rects: Array<[number, number, number, number]>;
}

/** What rendering one page produced. */
export interface RenderedPage {
  width: number;
  height: number;
  layout: { ncols: number; colWidth: number; gap: number; margin: number; colX: Array<[number, number]> };
  elements: RenderedElement[];
  png: Buffer;
  halfPng: Buffer;
}

/** Starts Debian's Chromium with a fresh profile (mkdtemp); `close` also removes the profile. */
export async function startBrowser(): Promise<{ browser: BrowserContext; close: () => Promise<void> }> {
  const { context, close } = await launchChromium("galley-render-", {
    viewport: { width: 2400, height: 1200 },
  });
  return { browser: context, close };
}

/** Browser-side: the layout grid and every `[data-role]` element's line boxes. */
const collectScript = `
    const root = document.getElementById("page");
    const ncols = Number(root.dataset.ncols);
    const colWidth = Number(root.dataset.colw);
    const gap = Number(root.dataset.gap);
    const colX = [];
    for (let i = 0; i < ncols; i++) colX.push([90 + i * (colWidth + gap), 90 + i * (colWidth + gap) + colWidth]);
    const lineRects = (el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const rows = [];
      for (const r of Array.from(range.getClientRects())) {
        if (r.width < 1 || r.height < 1) continue;
        const y0 = r.top + window.scrollY;
        const same = rows.find((q) => Math.abs(q[1] - y0) < 4 && r.left < q[2] + 6 && r.right > q[0] - 6);
        if (same) {
          same[0] = Math.min(same[0], r.left);
          same[2] = Math.max(same[2], r.right);
          same[3] = Math.max(same[3], r.bottom + window.scrollY);
        } else rows.push([r.left, y0, r.right, r.bottom + window.scrollY]);
      }
      return rows.map((q) => q.map((v) => Math.round(v * 10) / 10));
    };
    const elements = Array.from(document.querySelectorAll("[data-role]")).map((el) => {
      const h = el;
      const role = h.dataset.role ?? "";
      let rects;
      if (role === "photo") {
        const b = h.getBoundingClientRect();
        rects = [[b.left, b.top + window.scrollY, b.right, b.bottom + window.scrollY]];
      } else rects = lineRects(h);
      const dl = h.querySelector(".dl")?.textContent ?? undefined;
      return { id: h.id, role, art: h.dataset.art ?? null, text: h.textContent ?? "", rects, ...(dl ? { dateline: dl } : {}) };
    });
    return { width: 2400, height: Math.ceil(root.getBoundingClientRect().height), layout: { ncols, colWidth, gap, margin: 90, colX }, elements };
  `;

/** Renders `html` 2400 px wide; returns element line boxes and the page at full and half size. */
export async function renderPage(browser: BrowserContext, html: string): Promise<RenderedPage> {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 2400, height: 1200 });
  await page.setContent(html, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  // Passed as source text: the TypeScript loader would otherwise inject helpers the page lacks.
  const data = (await page.evaluate(`(() => {${collectScript}})()`)) as Omit<RenderedPage, "png" | "halfPng">;
  await page.setViewportSize({ width: 2400, height: data.height });
  const png = await page.screenshot({ fullPage: true, type: "png" });
  // The repository keeps the page at 50 %: let the browser scale the full-size screenshot down.
  await page.setViewportSize({ width: 1200, height: Math.ceil(data.height / 2) });
  await page.setContent(
    `<body style="margin:0"><img style="display:block;width:1200px" src="data:image/png;base64,${png.toString("base64")}"></body>`,
    { waitUntil: "load" },
  );
  const halfPng = await page.screenshot({ fullPage: true, type: "png" });
  await page.close();
  return { ...data, png, halfPng };
}
