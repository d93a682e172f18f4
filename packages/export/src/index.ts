export { type ExportFormat, type ExportResult, exportFormats, type IssueInput, type IssuePage } from "./types.ts";
