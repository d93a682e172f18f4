export { ExportError, type ExportErrorCode, isExportError } from "./errors.ts";
export { checkExportable, exportIssue, isExportFormat } from "./export-issue.ts";
export { exportJson, issueJsonFormat, issueJsonVersion } from "./formats/json.ts";
export { parseIssueJson } from "./formats/json-parse.ts";
export {
  type ExportFormat,
  type ExportOptions,
  type ExportResult,
  exportFormats,
  type IssueInput,
  type IssuePage,
  type IssueSource,
} from "./types.ts";
