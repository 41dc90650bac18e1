/**
 * Writing small .xlsx workbooks by hand: one sheet of inline-string and number cells, a few fixed styles, zipped with
 * fflate (no Node built-ins: the 报送自查 page bundles it too). Used for the report templates (src/template.ts) and the
 * rejects file sent back to a department (src/ingest/rejects.ts). Text cells stay text in Excel: 2016-12 is not turned
 * into a date, =1+1 is not run.
 */
import { strToU8, zipSync } from "fflate";
import { columnLetter } from "./ingest/table.js";

/** Excel's limit of characters in a cell. */
export const CELL_MAX = 32_767;

/** Excel's limit of rows in a sheet. */
export const SHEET_MAX_ROWS = 1_048_576;

/**
 * Text as XML character data: markup escaped, a carriage return as a reference (an XML parser turns a bare one into a
 * line feed), and the characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF) shown as
 * U+FFFD, so that a file with a stray control character still opens.
 */
export const xml = (s: string) =>
  s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/\r/g, "&#13;");


/**
 * Cell styles (indexes into cellXfs below). input, inputText and spareText are unlocked: on a protected sheet
 * (xlsxWorkbook's `protect`) they are the only cells that can be typed in.
 */
export const STYLE = { plain: 0, title: 1, header: 2, text: 3, reference: 4, referenceHeader: 5, note: 6, input: 7, inputText: 8, spareText: 9 } as const;

const STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="4"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><b/><sz val="14"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><sz val="10"/><color rgb="FF595959"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>
<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFF9E6"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color rgb="FFBFBFBF"/></left><right style="thin"><color rgb="FFBFBFBF"/></right><top style="thin"><color rgb="FFBFBFBF"/></top><bottom style="thin"><color rgb="FFBFBFBF"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="10">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
<xf numFmtId="49" fontId="3" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>
<xf numFmtId="0" fontId="1" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>
<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="0" fontId="0" fillId="4" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyProtection="1"><protection locked="0"/></xf>
<xf numFmtId="49" fontId="0" fillId="4" borderId="1" xfId="0" applyNumberFormat="1" applyFill="1" applyBorder="1" applyProtection="1"><protection locked="0"/></xf>
<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyProtection="1"><protection locked="0"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

const workbookXml = (sheet: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets><sheet name="${xml(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;

const coreXml = (title: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xml(title)}</dc:title><dc:creator>luoshi</dc:creator></cp:coreProperties>`;

/** Fixed zip timestamp (local time fields, so the bytes do not depend on the time zone): same input → same file. */
const ZIP_MTIME = new Date(2017, 0, 1, 0, 0, 0);

export type Cell = { value: string | number; style: number } | null;

export function cellXml(ref: string, cell: Cell): string {
  if (cell === null) return "";
  if (cell.value === "") return `<c r="${ref}" s="${cell.style}"/>`;
  if (typeof cell.value === "number") return `<c r="${ref}" s="${cell.style}"><v>${cell.value}</v></c>`;
  // Excel reads _xHHHH_ in a text as the character U+HHHH: a literal one is written with its underscore escaped
  const text = cell.value.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_"); // (a lookahead: _x0041_x0042_ holds two)
  return `<c r="${ref}" s="${cell.style}" t="inlineStr"><is><t xml:space="preserve">${xml(text)}</t></is></c>`;
}


/**
 * A workbook of one sheet. `rows`: cells from A1 on (null: no cell); `widths`: column widths in characters;
 * `sheetViews`, `after`: SpreadsheetML placed before <sheetFormatPr> and after <sheetData> (a frozen pane, data
 * validations); `protect`: the sheet protected, its unlocked cells (STYLE) the only ones to type in. The same input
 * gives the same bytes.
 */
export function xlsxWorkbook(options: { sheet: string; title: string; rows: Cell[][]; widths: number[]; sheetViews?: string; after?: string; protect?: boolean }): Uint8Array {
  const { rows, widths } = options;
  let columns = Math.max(1, widths.length);
  for (const r of rows) if (r.length > columns) columns = r.length; // (a loop: spreading a million rows overflows the stack)
  if (rows.length > SHEET_MAX_ROWS) throw new RangeError(`${rows.length} rows: a sheet holds at most ${SHEET_MAX_ROWS}`);
  const lastColumn = columnLetter(columns - 1);
  const sheetRows = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((c, i) => cellXml(`${columnLetter(i)}${r + 1}`, c)).join("")}</row>`)
    .join("");
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<dimension ref="A1:${lastColumn}${Math.max(1, rows.length)}"/>` +
    (options.sheetViews ?? "") +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>` +
    `<sheetData>${sheetRows}</sheetData>` +
    // (protected without a password, as Excel's 审阅 → 保护工作表 does it: only unlocked cells take input; columns and
    // rows may still be resized; 撤销工作表保护 lifts it)
    (options.protect ? `<sheetProtection sheet="1" objects="1" scenarios="1" formatCells="0" formatColumns="0" formatRows="0"/>` : "") +
    (options.after ?? "") +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `</worksheet>`;
  const file = (s: string): [Uint8Array, { mtime: Date }] => [strToU8(s), { mtime: ZIP_MTIME }];
  return zipSync({
    "[Content_Types].xml": file(CONTENT_TYPES),
    "_rels/.rels": file(ROOT_RELS),
    "docProps/core.xml": file(coreXml(options.title)),
    "xl/workbook.xml": file(workbookXml(options.sheet)),
    "xl/_rels/workbook.xml.rels": file(WORKBOOK_RELS),
    "xl/styles.xml": file(STYLES_XML),
    "xl/worksheets/sheet1.xml": file(sheet),
  }, { level: 6 });
}
