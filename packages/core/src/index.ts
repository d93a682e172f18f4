export { InputError, type InputErrorCode, isInputError } from "./errors.ts";
export { type GeometryLayout, layoutPage } from "./geometry/layout.ts";
export {
  type GeoLine,
  type Graphic,
  type IngestedPage,
  type IngestOptions,
  ingest,
} from "./ingest/ingest.ts";
export { ingestText } from "./ingest/text.ts";
export { decodeInput, defaultMaxBytes } from "./input/decode.ts";
export { detectFormat } from "./input/detect.ts";
export { type ReconstructOptions, reconstruct } from "./reconstruct.ts";
export { collectHyphenatedWords, type JoinOptions, joinLines, lineJoint } from "./text/join.ts";
export { cjkShare, hasCjk, isCjk, isHan, textCells } from "./text/script.ts";
export type {
  Article,
  Block,
  Box,
  OtherKind,
  ReconstructedPage,
  SourceFormat,
  SourceLine,
  SourceWord,
} from "./types.ts";
