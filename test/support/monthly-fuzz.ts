/**
 * Random monthly report files of the kinds departments send, against a synthetic policy (bench/synth.ts): varied
 * headers (aliases, order, missing or extra columns, units in the header, title rows), cells in every accepted and
 * many rejected forms, duplicate keys, footer and blank rows, short and long rows, quoting, BOM, CRLF, other
 * delimiters. Deterministic per seed. Used to hold the bulk reader to the JavaScript reader's verdicts.
 */
import iconv from "iconv-lite";
import { rng, type SynthPolicy, type SynthTarget } from "../../bench/synth.js";
import { COUNT_UNITS } from "../../src/ingest/review.js";

type Pick = <T>(xs: readonly T[]) => T;

const HEADER_NAMES: Record<string, readonly string[]> = {
  department: ["报送单位", "填报单位", "department"],
  targetCode: ["指标编码", "指标代码", "code", "target_code"],
  period: ["统计期", "统计期间", "period"],
  value: ["累计完成值", "累计完成", "value"],
  unit: ["单位", "计量单位", "uom"],
  status: ["完成状态", "status"],
  note: ["进展情况", "note"],
  reporter: ["填报人", "reporter"],
  reportedAt: ["填报日期", "report_date"],
};

export type FuzzOptions = {
  rows?: number;
  /** Only plain cells, no footer rows, no short or long rows. */
  plainOnly?: boolean;
  /** Whether the file may hold a blank line among its rows or a stray quote (which only the JavaScript reader reads). Default true. */
  breakStructure?: boolean;
};

export type FuzzFile = { name: string; text: string; bytes: Uint8Array };

/** One random report. `previous` (rows of an earlier file) makes a correction file: some keys again, changed or not. */
export function fuzzMonthlyFile(p: SynthPolicy, seed: number, options: FuzzOptions = {}, previous: string[][] = []): FuzzFile & { rows: string[][] } {
  const random = rng(seed);
  const pick: Pick = (xs) => xs[Math.floor(random() * xs.length)]!;
  const chance = (x: number) => random() < x;
  const plain = options.plainOnly ?? false;
  const breakStructure = !plain && (options.breakStructure ?? true);

  // header
  const fields = ["department", "targetCode", "period", "value", "unit", "status", "note", "reporter", "reportedAt"];
  let columns = fields.filter((f) => !["unit", "status", "note", "reporter", "reportedAt"].includes(f) || !chance(0.12));
  if (!columns.includes("value") && !columns.includes("status")) columns.push("status");
  if (chance(0.2)) columns = columns.sort(() => random() - 0.5);
  const names = columns.map((f) => (chance(0.7) ? HEADER_NAMES[f]![0]! : pick(HEADER_NAMES[f]!)));
  const valueAt = columns.indexOf("value");
  let headerUnit: string | null = null;
  if (valueAt >= 0 && chance(0.08)) {
    headerUnit = pick(["万元", "亿元", "家", "万家"]);
    names[valueAt] = `${names[valueAt]}（${headerUnit}）`;
  }
  const extra = chance(0.15) ? pick(["序号", "备注说明", ""]) : null;
  if (extra !== null) {
    const at = Math.floor(random() * (names.length + 1));
    names.splice(at, 0, extra);
    columns.splice(at, 0, "extra");
  }

  const lines: string[][] = [];
  if (chance(0.2)) lines.push([pick(["江东省重点任务月度进展表", "填报单位：省商务厅", "2025年度"])]);
  if (chance(0.1)) lines.push([""]);
  lines.push(names);

  const keys: { target: SynthTarget; department: SynthPolicy["departments"][number] }[] = [];
  for (const target of p.targets) for (const department of target.reporters) keys.push({ target, department });
  const n = options.rows ?? 5 + Math.floor(random() * 40);
  const dataRows: string[][] = [];
  const period = () => `${2015 + Math.floor(random() * 11)}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}`;
  for (let r = 0; r < n; r++) {
    let cells: Record<string, string>;
    if (previous.length > 0 && chance(0.6)) {
      const before = pick(previous);
      cells = Object.fromEntries(fields.map((f, i) => [f, before[i] ?? ""]));
      if (chance(0.5) && /^\d+(\.\d+)?$/.test(cells.value!)) cells.value = String(Number(cells.value) + pick([-5, 1, 10, 0.5]));
    } else if (dataRows.length > 0 && chance(0.06)) {
      // a duplicate key, maybe spelled differently
      const twin = dataRows[Math.floor(random() * dataRows.length)]!;
      cells = Object.fromEntries(fields.map((f, i) => [f, twin[i] ?? ""]));
      if (chance(0.5)) cells.note = "更正后重报";
      if (chance(0.3)) {
        const d = p.departments.find((x) => x.name === cells.department);
        if (d) cells.department = d.fullName;
      }
    } else {
      const k = pick(keys);
      const t = k.target;
      cells = { department: k.department.name, targetCode: t.code, period: period(), value: "", unit: "", status: "", note: "", reporter: pick(["张三", "李四", "王五"]), reportedAt: "" };
      const [y, m] = cells.period!.split("-").map(Number) as [number, number];
      cells.reportedAt = `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
      if (t.kind === "milestone") cells.status = pick(["未启动", "推进中", "已完成"]);
      else {
        // (a percentage now and then past 100: asked about by both readers; drawn from the same one number, so that the
        // files of every seed stay as they were)
        const v = t.unit === "%" ? ((share) => (share > 0.95 ? share * 5000 : share * 100))(random()).toFixed(pick([0, 1, 2])) : COUNT_UNITS.includes(t.unit) ? String(Math.round(random() * t.value * 1.2))
          : String(Math.round(random() * t.value * 12) / 10);
        cells.value = v;
        if (chance(0.6)) cells.unit = t.unit;
        if (chance(0.1)) cells.status = "推进中";
      }
      // (a cumulative figure in the note: the value's own, or another, which both readers flag)
      if (chance(0.3)) cells.note = pick(["按计划推进", "项目已开工", "受天气影响略有滞后", `本月推进顺利，累计${cells.value}${t.unit ?? ""}`, `累计完成${Number(cells.value) + 3}${t.unit ?? ""}`]);
      if (!plain) mutate(cells, t, k.department, p, pick, chance);
    }
    dataRows.push(fields.map((f) => cells[f] ?? ""));
  }
  for (const row of dataRows) {
    const line = columns.map((f) => (f === "extra" ? (chance(0.05) ? "x" : "") : row[fields.indexOf(f)]!));
    if (!plain && chance(0.04)) while (line.length > 0 && line[line.length - 1] === "") line.pop(); // a short row
    if (!plain && chance(0.02)) line.push(pick(["", "多余"])); // a long row
    lines.push(line);
    if (breakStructure && chance(0.01)) lines.push([]); // a blank line inside the data
  }
  if (!plain && chance(0.15)) lines.push([pick(["合计", "备注：以上数据为初步统计", "填报单位（盖章）："])]);
  if (!plain && chance(0.15)) lines.push(columns.map(() => ""));
  if (!plain && chance(0.1)) lines.push(names.slice()); // the header repeated

  const delimiter = chance(0.85) ? "," : pick(["\t", ";"]);
  const newline = chance(0.6) ? "\n" : "\r\n";
  const quote = (s: string) => {
    if (s.includes('"') || s.includes(delimiter) || s.includes("\n") || s.includes("\r") || (chance(0.03) && s !== "")) return `"${s.replace(/"/g, '""')}"`;
    return s;
  };
  let text = lines.map((l) => l.map(quote).join(delimiter)).join(newline);
  if (chance(0.8)) text += newline;
  if (chance(0.1)) text += newline; // trailing blank line
  if (breakStructure && chance(0.02)) text = text.replace(/按计划推进/, '"上规"企业'); // a stray quote
  // as Excel saves "CSV" on Chinese Windows (GBK, no BOM) or "Unicode text" (UTF-16LE with BOM); else UTF-8, with or without BOM
  const encoding = chance(0.1) ? "gb18030" : chance(0.05) ? "utf-16le" : "utf-8";
  const bom = encoding === "utf-16le" || (encoding === "utf-8" && chance(0.3)) ? "\uFEFF" : "";
  const bytes = encoding === "utf-8" ? new TextEncoder().encode(bom + text) : new Uint8Array(iconv.encode(bom + text, encoding));
  return { name: `fuzz-${seed}.csv`, text: bom + text, bytes, rows: dataRows };
}

/** Cells in other forms, right and wrong. */
function mutate(cells: Record<string, string>, t: SynthTarget, d: SynthPolicy["departments"][number], p: SynthPolicy, pick: Pick, chance: (x: number) => boolean): void {
  if (chance(0.1)) cells.department = pick([d.fullName, d.alias, ` ${d.name} `, `${d.name}（盖章）`, "某某办", "", pick(p.departments).name, `${d.name}\u3000`, `${d.name}\u200b`]);
  if (chance(0.06)) cells.targetCode = pick([t.code.toLowerCase(), t.code.replace(/-/g, "—"), "BP-999-99", "", "合计", "指标编码", ` ${t.code}`, `="${t.code}"`, `${t.code}\u200b`]);
  if (chance(0.12)) {
    const [y, m] = cells.period!.split("-") as [string, string];
    cells.period = pick([`${y}年${Number(m)}月`, `${y}${m}`, `${y}/${m}`, `${y}.1`, `${y}-13`, `${y}-${m}-15`, "2026-03", "2014-12", "", ` ${y}-${m}`,
      `'${y}-${m}`, `${y}年第四季度`, `${y}-${Number(m)}`]);
  }
  if (chance(0.25) && t.kind !== "milestone") {
    const base = cells.value || "12";
    cells.value = pick([
      `${base}${t.unit}`, `${base}0`, `0${base}`, "1,234", "12,345.5", `${base}万`, `-${base}`, "待统计", "", `${Number(base) * 1000}`,
      "0.85", "85%", `${base}（${t.unit || "家"}）`, "4 50", `="${base}"`, "1234567890123", "0.0000001", `${base}万元`, `${base}亿元`, `${base}元`, "nan", ` ${base} `,
      `${base}.000`, "1e3", "12.", ".5", `${base}个`, "0", `${base}\u200b`,
    ]);
  }
  if (chance(0.1)) cells.unit = pick(["", t.unit, "家", "万元", "abc", ` ${t.unit} `, "%", `万${t.unit}`, "万家"]);
  if (chance(0.1)) cells.status = pick(["", "未开始", "进行中", "完成", "已完成。", "进展顺利", " 推进中", "推进\u200b中"]);
  if (chance(0.1)) cells.note = pick(["一期已完成, 二期推进中", '含新增"专精特新"企业', "第一行\n第二行", "=1+1", "'备注", "有空格 ", "", "已落实；待验收", "已\u200b落实", "\u2060待验收"]);
  if (chance(0.05)) cells.reporter = pick(["", " 张三", "=李四", "'王五", "张\u200d三"]);
  if (chance(0.12)) {
    const [y, m, dd] = cells.reportedAt!.split("-").map(Number) as [number, number, number];
    cells.reportedAt = pick([`${y}年${m}月${dd}日`, `${y}/${m}/${dd}`, `${y}-02-30`, "", "2027-01-05", "2014-01-05", `${y}${String(m).padStart(2, "0")}${String(dd).padStart(2, "0")}`,
      `${y}-${m}-${dd}`, ` ${cells.reportedAt}`, `${cells.reportedAt} 09:30`, "昨天"]);
  }
}
