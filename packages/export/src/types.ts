import type { SourceFormat, SourceLine } from "@galley/core";
import type { EditedPage } from "@galley/doc";

/** The export formats, by the name the CLI, the API and the UI use. */
export const exportFormats = ["json", "html", "markdown", "nitf", "newsml", "epub", "alto"] as const;

/** One of `exportFormats`. */
export type ExportFormat = (typeof exportFormats)[number];

/** One page of an issue as the exporters read it: the page as edited, in the contract. */
export interface IssuePage {
  id: string;
  /** Printed page number, 1-based. */
  number: number;
  /** The page as currently edited (articles carry their editorial status). */
  page: EditedPage;
  /** The source's lines with geometry, when the server could ingest the stored source. */
  lines?: SourceLine[];
  /** Pixel size of the page image, when the page came with one. */
  image?: { width: number; height: number; contentType: string; bytes?: Uint8Array };
  /**
   * The original OCR upload, byte for byte, when the caller has it. The JSON export carries it
   * so that a re-import is complete (the source can be re-ingested and scored again).
   */
  source?: IssueSource;
}

/** An OCR upload as stored: its format and bytes. */
export interface IssueSource {
  format: SourceFormat;
  /** MIME type of the upload, when it was given. */
  contentType?: string;
  bytes: Uint8Array;
}

/** A whole issue as the exporters read it. */
export interface IssueInput {
  id: string;
  title: string;
  /** Publication date, ISO `YYYY-MM-DD`. */
  date: string;
  /** The paper's name ("科学导报"), when known. */
  publication?: string;
  /** Language of the issue (BCP 47, e.g. "zh-CN", "en"), when known. */
  language?: string;
  pages: IssuePage[];
}

/** One exported artefact: a single file or a zip archive. */
export interface ExportResult {
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

/** Options every exporter accepts. */
export interface ExportOptions {
  /**
   * The moment of the export, written where a format requires one (EPUB `dcterms:modified`,
   * NewsML-G2 `versionCreated`, METS `CREATEDATE`) and as the zip entries' time. Default: now.
   * Pass a fixed date for byte-identical output.
   */
  now?: Date;
}
