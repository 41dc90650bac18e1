/**
 * Bytes → format and text. A file is either a workbook (.xlsx: a ZIP holding xl/workbook.xml; .xls, .xlsb, .ods and the
 * web-page tables and Excel 2003 XML systems export as “.xls”: read by converting them to .xlsx, xls.ts) or CSV text in
 * UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, or GB18030/GBK as Excel on Chinese Windows saves "CSV".
 * Nothing is decoded by guesswork: text that is not valid UTF-8 is accepted as GB18030 only when it decodes
 * without a single invalid sequence and reads like Chinese report text; anything else is rejected (E_ENCODING).
 */
import { fileError, type FileError } from "./codes.js";

/** Workbook formats read by converting them to .xlsx first (xls.ts). */
export type ConvertedFormat = "xls" | "xlsb" | "ods" | "html" | "xml";

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

export type Sniffed =
  | { kind: "xlsx" }
  /**
   * A workbook read by converting it to .xlsx (xls.ts): Excel 97–2003 (BIFF8), Excel binary (.xlsb), OpenDocument
   * (.ods, as LibreOffice and WPS save it); a web page's table or an Excel 2003 XML spreadsheet, with their text.
   */
  | { kind: "convert"; format: ConvertedFormat; text?: string; encoding?: TextEncoding }
  | { kind: "text"; text: string; encoding: TextEncoding }
  | { kind: "error"; error: FileError };

type Magic = { bytes: readonly number[]; offset?: number; what: string };

/** Known binary signatures. ZIP is handled separately (an .xlsx is a ZIP). */
const MAGIC: readonly Magic[] = [
  // (an Excel 97–2003 workbook in this container is read: compoundFileKind decides before this list is looked at)
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: "这是旧版 Office 的二进制文件，但其中没有 Excel 97–2003 工作簿（可能是 .doc、.ppt、WPS 自有格式的 .et，或文件不完整）：表格请另存为 .xlsx 或 CSV" },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: "这是 PDF 文件，请提交 .xlsx 或 CSV" },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: "这是 PNG 图片，请提交 .xlsx 或 CSV" },
  { bytes: [0xff, 0xd8, 0xff], what: "这是 JPEG 图片，请提交 .xlsx 或 CSV" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "这是 GIF 图片，请提交 .xlsx 或 CSV" },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: "这是 TIFF 图片，请提交 .xlsx 或 CSV" },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: "这是 TIFF 图片，请提交 .xlsx 或 CSV" },
  { bytes: [0x57, 0x45, 0x42, 0x50], offset: 8, what: "这是 WebP 图片，请提交 .xlsx 或 CSV" },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: "这是 RAR 压缩包，请解压后提交 .xlsx 或 CSV" },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: "这是 7z 压缩包，请解压后提交 .xlsx 或 CSV" },
  { bytes: [0x1f, 0x8b], what: "这是 gzip 压缩文件，请解压后提交 .xlsx 或 CSV" },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: "这是 RTF 文档，请提交 .xlsx 或 CSV" },
];

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The encrypted workbook's stream name as the container stores it (UTF-16LE), searched as latin1 text. */
const ENCRYPTED_PACKAGE = [..."EncryptedPackage"].map((c) => `${c}\u0000`).join("");
/** A stream name of the compound file as it stores it (UTF-16LE), searched as latin1 text. */
const utf16Name = (name: string) => [...name].map((c) => `${c}\u0000`).join("");
const BIFF8_STREAM = utf16Name("Workbook");
const BIFF5_STREAM = utf16Name("Book");
const OTHER_DOCUMENT_STREAMS = ["WordDocument", "PowerPoint Document"].map(utf16Name);
const BIFF5_WHAT = "这是 Excel 95 或更早版本的 .xls 工作簿，其中的中文无法可靠读取：请在 Excel 或 WPS 中打开后另存为 .xlsx 再提交";

/**
 * What an Office compound file (D0 CF 11 E0 …) holds: an Excel 97–2003 workbook (stream "Workbook", BIFF8, text in
 * UTF-16), an Excel 5/95 one (stream "Book", BIFF5, text in the system code page: refused rather than risk mojibake),
 * or something else (.doc, .ppt, an encrypted .xlsx).
 */
export function compoundFileKind(bytes: Uint8Array): "biff8" | "biff5" | "other" {
  // (a Word or PowerPoint file may hold a workbook of its own, a chart's data: it is still no table to read)
  if (containsAscii(bytes, ENCRYPTED_PACKAGE) || OTHER_DOCUMENT_STREAMS.some((s) => containsAscii(bytes, s))) return "other";
  if (containsAscii(bytes, BIFF8_STREAM)) return "biff8";
  // ("Book" is also the end of "Workbook": only reached when that is absent)
  if (containsAscii(bytes, BIFF5_STREAM)) return "biff5";
  return "other";
}

const ENCRYPTED_WHAT = "这是设置了打开密码（加密）的 Excel 工作簿，无法读取：请在 Excel 中打开后，在「文件 → 信息 → 保护工作簿 → 用密码进行加密」中清空密码（WPS：「文件 → 文档加密 → 密码加密」），保存为 .xlsx 再提交";

function startsWith(bytes: Uint8Array, magic: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + magic.length) return false;
  return magic.every((b, i) => bytes[offset + i] === b);
}

/** Whether the ASCII string occurs in the bytes (ZIP entry names are stored uncompressed in the archive). */
function containsAscii(bytes: Uint8Array, text: string): boolean {
  if (typeof Buffer !== "undefined") return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, "latin1");
  // In the browser (no Buffer): the same search over the bytes.
  const first = text.charCodeAt(0);
  for (let i = bytes.indexOf(first); i !== -1 && i + text.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < text.length && bytes[i + j] === text.charCodeAt(j)) j++;
    if (j === text.length) return true;
  }
  return false;
}

/** The bytes as latin1 text (each byte one character), for searching ASCII in them. */
function latin1(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 1024) text += String.fromCharCode(...bytes.subarray(i, i + 1024));
  return text;
}

function sniffZip(bytes: Uint8Array): Sniffed {
  if (containsAscii(bytes, "xl/workbook.xml")) return { kind: "xlsx" };
  if (containsAscii(bytes, "xl/workbook.bin")) return { kind: "convert", format: "xlsb" };
  if (containsAscii(bytes, "word/document.xml")) return { kind: "error", error: fileError("E_FILE_TYPE", "这是 Word 文档，请提交 .xlsx 或 CSV") };
  if (containsAscii(bytes, "content.xml") && containsAscii(bytes, "mimetype")) {
    // (the mimetype entry, stored as it is, names a text, a presentation or a drawing; a spreadsheet, or a mimetype
    // some writer compressed, is read as a spreadsheet, and its conversion says if it is none)
    if (/application\/vnd\.oasis\.opendocument\.(?:text|presentation|graphics|chart|formula|image|database)/.test(latin1(bytes.subarray(0, 4096)))) {
      return { kind: "error", error: fileError("E_FILE_TYPE", "这是 OpenDocument（WPS/LibreOffice）文档而不是电子表格，请提交 .xlsx、.ods 或 CSV") };
    }
    return { kind: "convert", format: "ods" };
  }
  // the parts of an Office file but no workbook: cut short (a copy or an upload broken off), not an archive to unpack
  if (containsAscii(bytes, "xl/") || containsAscii(bytes, "[Content_Types].xml")) {
    return { kind: "error", error: fileError("E_XLSX_INVALID", "文件不完整（像是没有复制或上传完整）；请重新保存、重新发送后再提交") };
  }
  // every whole ZIP ends with its directory (PK 05 06): without it the file was cut short, whatever it held
  if (!containsAscii(bytes.subarray(Math.max(0, bytes.length - 65_557)), "PK\u0005\u0006")) {
    return { kind: "error", error: fileError("E_XLSX_INVALID", "文件不完整（像是没有复制或上传完整）；请重新保存、重新发送后再提交") };
  }
  return { kind: "error", error: fileError("E_FILE_TYPE", "这是 ZIP 压缩包而不是 .xlsx 工作簿，请解压后提交 .xlsx 或 CSV") };
}

/** Word's line and page breaks (U+000B, U+000C), read as spaces: the only control characters text pasted into a report brings. */
export const WORD_BREAKS = /[\u000B\u000C]/g;

/** Decodes strictly; null when any byte sequence is invalid for the encoding. */
function strictDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Whether GB18030-decoded bytes read like a Chinese report. Counts the double-byte characters and requires most
 * of them to lie in GB2312 (lead byte A1–A9 or B0–F7, trail byte A1–FE), where everyday Chinese lives. Text in
 * another legacy encoding (Big5, Shift-JIS, Latin-1) read as GBK falls largely outside that range; four-byte
 * GB18030 sequences (rare scripts, CJK extension B) count as unusual too.
 */
export function looksLikeGbText(bytes: Uint8Array, text: string): boolean {
  // (a control character in text that otherwise reads as GBK is said as such, with its line, by textResult)
  if (/[\uE000-\uF8FF]/.test(text)) return false; // private use: GB18030 maps unassigned codes there
  let common = 0;
  let unusual = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const t = bytes[i + 1] ?? 0;
    if (t >= 0x30 && t <= 0x39) {
      unusual++; // four-byte sequence
      i += 4;
      continue;
    }
    const gb2312 = ((b >= 0xa1 && b <= 0xa9) || (b >= 0xb0 && b <= 0xf7)) && t >= 0xa1 && t <= 0xfe;
    if (gb2312) common++;
    else unusual++;
    i += 2;
  }
  return common + unusual > 0 && common / (common + unusual) >= 0.8;
}

/** Whether text that decoded cleanly is plausible report text (no control characters, no private-use code points). */
function plausibleText(text: string): boolean {
  return !IMPLAUSIBLE.test(text);
}

/** CONTROL or a private-use code point, in one pass over the text. */
const IMPLAUSIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uE000-\uF8FF]/;

/** Looks like UTF-16 without a BOM: many NUL bytes, all on the same parity. */
function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 === 0 ? even++ : odd++);
  const half = n / 2;
  return (even > half * 0.3 && odd === 0) || (odd > half * 0.3 && even === 0);
}

function textResult(text: string, encoding: TextEncoding): Sniffed {
  // (Word's line break inside a cell, U+000B, and its page break, U+000C, come with text pasted from it: a space)
  // (a DOS end-of-file mark, Ctrl-Z, that old programs write after the last line: not content)
  const body = text.replace(/^\uFEFF/, "").replace(WORD_BREAKS, " ").replace(/\x1A[\x1A\r\n]*$/, "");
  if (body.trim() === "") return { kind: "error", error: fileError("E_FILE_EMPTY", "文件中只有空白") };
  if (!plausibleText(body)) {
    const at = body.search(IMPLAUSIBLE);
    let line = 1;
    for (let i = body.indexOf("\n"); i !== -1 && i < at; i = body.indexOf("\n", i + 1)) line++;
    const code = `U+${body.codePointAt(at)!.toString(16).toUpperCase().padStart(4, "0")}`;
    return {
      kind: "error",
      error: fileError("E_ENCODING", `按 ${encoding} 解码后第 ${line} 行含有${/[\uE000-\uF8FF]/.test(body[at]!) ? "无法显示的私用区字符" : "控制字符"}（${code}），文件可能已损坏；` +
        "如该行有从其他软件粘贴的文字，请删去这个字符后重新保存"),
    };
  }
  const head = body.trimStart().slice(0, 400).toLowerCase();
  if (head.startsWith("<")) {
    // (a table some systems export as “.xls”: a web page holding a <table>, or Excel 2003's XML spreadsheet; read by
    // converting it, xls.ts)
    if (head.includes("urn:schemas-microsoft-com:office:spreadsheet") || /<\?mso-application\s+progid="excel\.sheet"/.test(head)) {
      return { kind: "convert", format: "xml", text: body, encoding };
    }
    if (!head.startsWith("<?xml") && /<table[\s>]/i.test(body)) return { kind: "convert", format: "html", text: body, encoding };
    const what = head.startsWith("<?xml")
      ? "这是 XML 文件，请提交 .xlsx 或 CSV"
      : "这是网页（HTML）文件，其中没有表格，请提交 .xlsx 或 CSV";
    return { kind: "error", error: fileError("E_FILE_TYPE", what) };
  }
  // MHTML: Excel's 「单个文件网页」 (.mht, often named .xls) starts with MIME headers
  if (/^mime-version:/m.test(head) && /multipart\/related/.test(body.slice(0, 2000).toLowerCase())) {
    return { kind: "error", error: fileError("E_FILE_TYPE", "这是 Excel 的“单个文件网页”（MHTML，常见于系统导出的“.xls”），请用 Excel 打开后另存为 .xlsx 或 CSV") };
  }
  return { kind: "text", text: body, encoding };
}

/**
 * Whether the bytes start like something other than text in UTF-8 or GB18030: a known binary signature, a ZIP
 * (an .xlsx among others), or a UTF-32/UTF-16 byte order mark. sniffBytes decides those before anything else.
 */
export function hasNonTextSignature(bytes: Uint8Array): boolean {
  return MAGIC.some((m) => startsWith(bytes, m.bytes, m.offset ?? 0)) || startsWith(bytes, ZIP_MAGIC) ||
    startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff]);
}

/**
 * Decides what the bytes are. Order: empty → binary signatures → ZIP/xlsx → BOMs → NUL bytes → UTF-8 → GB18030.
 */
export function sniffBytes(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { kind: "error", error: fileError("E_FILE_EMPTY") };
  // (a workbook with an opening password is stored encrypted in the old binary container: its stream is named
  // EncryptedPackage, in UTF-16)
  if (startsWith(bytes, OLE_MAGIC) && containsAscii(bytes, ENCRYPTED_PACKAGE)) return { kind: "error", error: fileError("E_FILE_TYPE", ENCRYPTED_WHAT) };
  if (startsWith(bytes, OLE_MAGIC)) {
    const kind = compoundFileKind(bytes);
    if (kind === "biff8") return { kind: "convert", format: "xls" };
    if (kind === "biff5") return { kind: "error", error: fileError("E_FILE_TYPE", BIFF5_WHAT) };
  }
  for (const m of MAGIC) {
    if (startsWith(bytes, m.bytes, m.offset ?? 0)) return { kind: "error", error: fileError("E_FILE_TYPE", m.what) };
  }
  if (startsWith(bytes, ZIP_MAGIC)) return sniffZip(bytes);

  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return { kind: "error", error: fileError("E_ENCODING", "UTF-32 编码不支持，请另存为 UTF-8") };
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = strictDecode(bytes.subarray(3), "utf-8");
    if (text === null) return { kind: "error", error: fileError("E_ENCODING", `文件标记为 UTF-8，但含有无效的 UTF-8 字节${invalidUtf8Where(bytes.subarray(3))}`) };
    return textResult(text, "utf-8-bom");
  }
  for (const [bom, encoding] of [[[0xff, 0xfe], "utf-16le"], [[0xfe, 0xff], "utf-16be"]] as const) {
    if (!startsWith(bytes, bom)) continue;
    const text = strictDecode(bytes.subarray(2), encoding);
    if (text === null) return { kind: "error", error: fileError("E_ENCODING", `文件标记为 ${encoding.toUpperCase()}，但内容无法按该编码解码`) };
    return textResult(text, encoding);
  }

  if (bytes.includes(0)) {
    if (looksLikeBomlessUtf16(bytes)) {
      return { kind: "error", error: fileError("E_ENCODING", "疑似没有字节顺序标记（BOM）的 UTF-16 文本，请另存为 UTF-8") };
    }
    return { kind: "error", error: fileError("E_FILE_TYPE", "这是二进制文件，不是 .xlsx 或 CSV 文本") };
  }

  const utf8 = strictDecode(bytes, "utf-8");
  if (utf8 !== null) return textResult(utf8, "utf-8");

  const gb = strictDecode(bytes, "gb18030");
  if (gb !== null && looksLikeGbText(bytes, gb)) return textResult(gb, "gb18030");
  return {
    kind: "error",
    error: fileError("E_ENCODING", `既不是有效的 UTF-8，也不像 GBK/GB18030 中文文本${invalidUtf8Where(bytes)}；请在 Excel 中另存为“CSV UTF-8”或 .xlsx`),
  };
}

/**
 * Where the first invalid UTF-8 sequence is, as 「（第一处无效的 UTF-8 字节在第 N 行）」, when the rest of the file is
 * UTF-8 (one note pasted from another program); "" when most of the file is not UTF-8 anyway.
 */
function invalidUtf8Where(bytes: Uint8Array): string {
  const text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes);
  const first = text.indexOf("\uFFFD");
  if (first === -1) return "";
  let invalid = 0;
  const limit = Math.max(200, text.length / 100);
  for (let i = first; i !== -1; i = text.indexOf("\uFFFD", i + 1)) if (++invalid > limit) return "";
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < first; i = text.indexOf("\n", i + 1)) line++;
  return `（第一处无效的 UTF-8 字节在第 ${line} 行）`;
}

/** Text and its encoding, or a file-level error; for callers that only accept text. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } | { error: FileError } {
  const s = sniffBytes(bytes);
  if (s.kind === "text") return { text: s.text, encoding: s.encoding };
  if (s.kind === "error") return { error: s.error };
  const what = s.kind === "xlsx" ? ".xlsx 工作簿" : s.format === "html" ? "网页表格（HTML）" : s.format === "xml" ? "Excel 2003 XML 表格" : `.${s.format} 工作簿`;
  return { error: fileError("E_FILE_TYPE", `这是${what}，不是文本文件`) };
}
