/**
 * The monthly-report parsers and row check as zod schemas, for callers that validate with zod themselves: string in,
 * parsed value out, issues carrying `params: { code }` (the stable error code) and the Chinese message. The readers
 * call the parsers (values.ts) and checkRow (rules.ts) directly; these schemas wrap the very same functions, so a
 * schema and a reader give the same verdict and message (test/ingest-values.test.ts). A module of its own so that
 * `luoshi ingest` does not load zod at start-up.
 */
import { z } from "zod";
import { type Parsed, type RowErrorCode } from "./codes.js";
import { checkRow, type IngestContext, type RowCells, type RowOptions, type ValidRow } from "./rules.js";
import { COLUMN_NAME, type Field } from "./table.js";
import { parsePeriod, parseReportDate, parseStatus, parseValue, type DateCellOptions } from "./values.js";

/** The params every ingest issue carries. */
export type IssueParams = { code: RowErrorCode };

/** Wraps a parser as a zod schema whose failures are custom issues with `params.code`. */
export function parserSchema<T>(parse: (text: string) => Parsed<T>) {
  return z.string().transform((text, ctx): T => {
    const r = parse(text);
    if (r.ok) return r.value;
    ctx.addIssue({ code: "custom", message: r.message, params: { code: r.code } satisfies IssueParams, input: text });
    return z.NEVER;
  });
}

export const valueCell = parserSchema(parseValue);
export const statusCell = parserSchema(parseStatus);
export const periodCell = (options: DateCellOptions = {}) => parserSchema((t) => parsePeriod(t, options));
export const reportDateCell = (options: DateCellOptions = {}) => parserSchema((t) => parseReportDate(t, options));

/**
 * One row as a zod schema, for callers that validate rows themselves: input is the trimmed cell text per field,
 * output the accepted row; issues are custom issues with `path: [field]` and `params: { code, value }`.
 * (Duplicate keys span rows and are checked by `validateRows`.)
 */
export function monthlyRowSchema(ctx: IngestContext, options: RowOptions = {}) {
  const cell = z.string().default("");
  const shape = {
    department: cell,
    targetCode: cell,
    period: cell,
    value: cell,
    unit: cell,
    status: cell,
    note: cell,
    reporter: cell,
    reportedAt: cell,
  } satisfies Record<Field, typeof cell>;
  const fieldOfColumn = new Map(Object.entries(COLUMN_NAME).map(([f, name]) => [name, f]));
  return z.object(shape).transform((cells, zctx): Omit<ValidRow, "sourceRow"> => {
    const trimmed = Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, v.trim()])) as RowCells;
    const result = checkRow(trimmed, ctx, options);
    if (result.ok) return result.row;
    for (const i of result.issues) {
      const field = i.column === null ? null : fieldOfColumn.get(i.column);
      zctx.addIssue({
        code: "custom",
        message: i.message,
        path: field ? [field] : [],
        params: { code: i.code, value: i.value } satisfies IssueParams & { value: string | null },
        input: i.value,
      });
    }
    return z.NEVER;
  });
}
