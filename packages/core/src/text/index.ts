/**
 * `@galley/core/text`: the script and line-joining rules on their own, for code that runs in
 * the browser (the editor keeps a block's line ids and text in step with them). The package's
 * main entry also holds the OCR readers (saxes, htmlparser2) and the reconstruction, which the
 * browser never runs: it receives the reconstruction, not the OCR file. Importing this entry
 * keeps them out of a bundle whatever the bundler makes of the main one.
 */
export { collectHyphenatedWords, type JoinOptions, joinLines, lineJoint } from "./join.ts";
export { cjkShare, hasCjk, isCjk, isHan, textCells } from "./script.ts";
