/** Monthly progress reports: reading and row validation (pure; the warehouse integration builds on this API). */
export { readMonthlyFile, DEFAULT_MAX_BYTES, type MonthlyFileInput, type MonthlyFileResult, type FileInfo, type ReadOptions } from "./read.js";
export {
  validateRows,
  validateRowsInChunks,
  checkRow,
  duplicateKeyIssues,
  findTargetCode,
  type IngestContext,
  type IngestTarget,
  type TargetKind,
  type ValidRow,
  type Reject,
  type RowIssue,
  type RowCells,
  type RowOptions,
  type ValidateOptions,
  type ValidateHooks,
} from "./rules.js";
export {
  parseValue,
  convertUnit,
  parsePeriod,
  checkPeriod,
  parseStatus,
  parseReportDate,
  normalizeCell,
  unitDef,
  STATUS_WORDS,
  YEAR_RANGE,
  type ReportedValue,
  type Status,
  type DateCellOptions,
} from "./values.js";
export { monthlyRowSchema, parserSchema, valueCell, statusCell, periodCell, reportDateCell, type IssueParams } from "./schemas.js";
export { FLAG_ONLY_ROW_CODES, INGEST_ERROR_CODES, fileError, rowMessage, type FileError, type FileErrorCode, type RowErrorCode, type IngestErrorCode, type Parsed } from "./codes.js";
export { sniffBytes, decodeText, looksLikeGbText, type Sniffed, type TextEncoding } from "./decode.js";
export { readXlsxGrid, excelSerialToIsoDate, dateCellText, numberCellText, type Grid, type XlsxGrid } from "./xlsx.js";
export { readTable, parseCsvGrid, headerField, columnLetter, COLUMNS, COLUMN_NAME, REQUIRED_FIELDS, HEADER_SCAN_ROWS, type Field, type Table, type TableRow, type MappedColumn, type ColumnDef, type CsvGrid } from "./table.js";
