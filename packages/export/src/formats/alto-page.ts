import type { Box } from "@galley/core";
import type { PageLayout } from "../model/page-layout.ts";
import { escapeAttr, escapeText } from "../text/xml-escape.ts";

/** IDs of what one ALTO page holds, for the METS that points into it. */
export interface AltoIds {
  /** TextBlock ID of each laid-out block, same order as `PageLayout.blocks`. */
  blocks: string[];
  /** TextLine ID of each source line id (first line that stands for it). */
  lines: Map<string, string>;
}

function px(n: number): number {
  return n > 0 ? Math.round(n) : 0;
}

function pos(box: Box): string {
  return `HPOS="${px(box.x)}" VPOS="${px(box.y)}" WIDTH="${px(box.w)}" HEIGHT="${px(box.h)}"`;
}

/** What an ALTO page needs besides its layout. */
export interface AltoPageInfo {
  /** Prefix of every ID in the file ("P3"), also the Page ID. */
  prefix: string;
  /** Physical position of the page in the issue, 1-based. */
  physicalNumber: number;
  /** The printed page number. */
  printedNumber: number;
  /** Page image file name (or the page id) for `sourceImageInformation`. */
  fileName: string;
  language: string;
}

/**
 * Writes one ALTO 4.4 page: `Description` (pixel units, the source image name, and a
 * `Processing` step saying the text is Galley's corrected reconstruction and, when so, that
 * some coordinates are synthetic), then `Layout/Page/PrintSpace` with one `TextBlock` per
 * laid-out block, one `TextLine` per line and `String`/`SP` per word (`WC` when the source
 * gave a confidence). IDs are "{prefix}_TB{n}", "{prefix}_TL{n}", "{prefix}_S{n}".
 */
export function altoPage(layout: PageLayout, info: AltoPageInfo): { xml: string; ids: AltoIds } {
  const { prefix } = info;
  const ids: AltoIds = { blocks: [], lines: new Map() };
  let lineNo = 0;
  let stringNo = 0;
  // Plain loops and one string: this runs for every word of the issue.
  let body = "";
  for (let b = 0; b < layout.blocks.length; b++) {
    const block = layout.blocks[b]!;
    const blockId = `${prefix}_TB${b + 1}`;
    ids.blocks.push(blockId);
    body += `<TextBlock ID="${blockId}" ${pos(block.box)}>\n`;
    for (const line of block.lines) {
      const lineId = `${prefix}_TL${++lineNo}`;
      if (line.sourceId !== null && !ids.lines.has(line.sourceId)) ids.lines.set(line.sourceId, lineId);
      body += `<TextLine ID="${lineId}" ${pos(line.box)}>`;
      const last = line.words.length - 1;
      for (let i = 0; i <= last; i++) {
        const w = line.words[i]!;
        const conf = w.conf !== undefined ? ` WC="${Math.min(1, Math.max(0, w.conf)).toFixed(2)}"` : "";
        body += `<String ID="${prefix}_S${++stringNo}" CONTENT="${escapeAttr(w.text)}" ${pos(w.box)}${conf}/>`;
        if (i < last) body += "<SP/>";
      }
      body += "</TextLine>\n";
    }
    body += "</TextBlock>\n";
  }
  const note = layout.synthetic
    ? "Text corrected in Galley; lines without geometry in the source are placed on a synthetic grid (coordinates are not measured)."
    : "Text corrected in Galley; coordinates from the OCR source.";
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#" xmlns:xlink="http://www.w3.org/1999/xlink"` +
    ` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
    ` xsi:schemaLocation="http://www.loc.gov/standards/alto/ns-v4# http://www.loc.gov/standards/alto/v4/alto-4-4.xsd"` +
    ` SCHEMAVERSION="4.4">\n<Description>\n<MeasurementUnit>pixel</MeasurementUnit>\n` +
    `<sourceImageInformation>\n<fileName>${escapeText(info.fileName)}</fileName>\n</sourceImageInformation>\n` +
    `<Processing ID="${prefix}_PROC1">\n<processingStepDescription>${escapeText(note)}</processingStepDescription>\n` +
    `<processingSoftware>\n<softwareName>Galley</softwareName>\n</processingSoftware>\n</Processing>\n</Description>\n` +
    `<Layout>\n<Page ID="${prefix}" PHYSICAL_IMG_NR="${info.physicalNumber}" PRINTED_IMG_NR="${info.printedNumber}"` +
    ` WIDTH="${Math.round(layout.width)}" HEIGHT="${Math.round(layout.height)}" LANG="${escapeAttr(info.language)}">\n` +
    `<PrintSpace HPOS="0" VPOS="0" WIDTH="${Math.round(layout.width)}" HEIGHT="${Math.round(layout.height)}">\n` +
    `${body}</PrintSpace>\n</Page>\n</Layout>\n</alto>\n`;
  return { xml, ids };
}
