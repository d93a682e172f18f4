export {
  type BatchOptions,
  type BatchProgress,
  type BatchResult,
  formatProgressBar,
  listPages,
  reconstructBatch,
} from "./batch.ts";
export { defaultMaxPixels, type ImageSize, readImageSize } from "./image-size.ts";
export { detectImageType, type ImageType } from "./image-type.ts";
export { isOcrError, languagePackage, OcrError, type OcrErrorCode } from "./ocr-error.ts";
export {
  checkPixels,
  type OcrProgress,
  type Recognized,
  type RecognizeOptions,
  recognizeImage,
} from "./recognize.ts";
export { listLanguages, type RunOptions, runTesseract } from "./tesseract.ts";
