import { type FeatureMatrix, type PageReading, pageFeatures, readPage } from "@galley/core/model";
import type { CorpusPage } from "./corpus.ts";
import { type LineLabels, labelLines } from "./labels.ts";

/** A corpus page read once: its reading, features and labels (none depend on the model). */
export interface ReadPage {
  page: CorpusPage;
  reading: PageReading;
  features: FeatureMatrix;
  labels: LineLabels;
}

/** Reads every page of a corpus. */
export function readCorpus(pages: readonly CorpusPage[]): ReadPage[] {
  return pages.map((page) => {
    const reading = readPage(page.input, { format: page.format });
    const features = pageFeatures(reading);
    const labels = labelLines(
      page.gt,
      reading.stream.map((l) => l.id),
    );
    return { page, reading, features, labels };
  });
}

/**
 * How much one line of a page weighs in fitting: real pages `realWeight` (also when read by
 * Tesseract), fixtures 1, generated
 * pages `generatedWeight` (0.3: they teach one thing, and a model that leans on them learns
 * their shape instead — with a page-length feature and full weight, any short plain page read
 * as an ad page).
 */
export function lineWeight(page: CorpusPage, realWeight: number, generatedWeight = 0.3): number {
  if (page.real) return realWeight;
  return page.paper.startsWith("generated") ? generatedWeight : 1;
}
