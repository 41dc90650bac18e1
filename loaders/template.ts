import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { warehousePath } from "../src/paths.js";
import { outputProblem, parseArgsError } from "./args.js";

const USAGE = `用法：luoshi template --department 报送单位 --period YYYY-MM [--format xlsx|csv] [--out 文件|-] [--all] [--db FILE | --data DIR]
  生成某报送单位某统计期的月度报送模板：该单位本期应报的每个指标一行（部门组的成员单位各自报送；
  此前已报“已完成”或已达到目标值的指标、完成时限已过的常态化任务不再列出，--all 则全部列出），
  列依次为 报送单位、指标编码、统计期、累计完成值、单位、完成状态、进展情况、填报人、填报日期，
  右侧为参考列（指标、目标与时限、填写说明、上次报送的统计期与数值，载入时忽略）。
  --format 默认按 --out 的扩展名（.xlsx 或 .csv），否则 xlsx（完成状态带下拉列表）；csv 为带 BOM 的 UTF-8。
  --out 默认 “<单位>-<统计期>-报送模板.<格式>”，写到当前目录；“-” 写到标准输出。
退出码：0 成功；3 仓库繁忙或不存在；64 用法错误（含单位不在部门字典中、不报送任何指标、统计期早于该单位各指标的起算月份、--format 与 --out 的扩展名矛盾）。`;

/** `luoshi template`: writes one department's monthly report template. */
export async function templateCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        department: { type: "string" }, period: { type: "string" }, format: { type: "string" },
        out: { type: "string" }, db: { type: "string" }, data: { type: "string" }, all: { type: "boolean" }, help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    const usage = parseArgsError(e);
    if (usage === null) throw e;
    console.error(`${usage}\n\n${USAGE}`);
    return 64;
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.department || !values.period) {
    console.error(`请给出 --department 和 --period，例如：luoshi template --department 市经信局 --period 2017-10\n\n${USAGE}`);
    return 64;
  }
  // the format asked for, else the one the --out name ends with, else xlsx; a name ending with the other one is refused
  const named = values.out?.match(/\.(xlsx|csv)$/i)?.[1]?.toLowerCase() ?? null;
  const format = values.format?.toLowerCase() ?? named ?? "xlsx";
  if (format !== "xlsx" && format !== "csv") {
    console.error(`--format 只能是 xlsx 或 csv，收到：${values.format}`);
    return 64;
  }
  if (named !== null && named !== format) {
    console.error(`--out ${values.out} 的扩展名是 .${named}，而格式为 ${format}：请让两者一致（或不写 --format，按扩展名决定）`);
    return 64;
  }
  if (values.out !== undefined && values.out !== "-") {
    const problem = await outputProblem(values.out, [".xlsx", ".csv"]);
    if (problem !== null) {
      console.error(`--out ${values.out} 无法写入：${problem}`);
      return 64;
    }
  }
  if (values.out === "-" && format === "xlsx" && process.stdout.isTTY) {
    console.error("--out - 会把 Excel 工作簿（二进制）写到终端：请重定向到文件（luoshi template … --out - > 模板.xlsx），或用 --format csv");
    return 64;
  }
  const { openCurrentWarehouse } = await import("../src/warehouse.js");
  const { buildTemplate, templateCsv, templateFileName, templateXlsx, TemplateError } = await import("../src/template.js");
  const wh = await openCurrentWarehouse(warehousePath(values.db, values.data));
  let template;
  try {
    template = await buildTemplate(wh.connection, { department: values.department, period: values.period, all: values.all });
  } catch (e) {
    if (e instanceof TemplateError) {
      console.error(e.message);
      return 64;
    }
    throw e;
  } finally {
    wh.close();
  }
  if (template.rows.length === 0) {
    console.error(`${template.department} 在 ${template.period} 没有应报的指标：${omittedText(template)}均不再报送（用 --all 生成含全部指标的模板）`);
    return 0;
  }
  const bytes = format === "csv" ? Buffer.from(templateCsv(template), "utf8") : templateXlsx(template);
  const out = values.out ?? templateFileName(template, format);
  if (out === "-") process.stdout.write(bytes);
  else writeFileSync(out, bytes);
  const prior = template.rows.filter((r) => r.last_period !== null).length;
  const omitted = template.omittedDone + template.omittedEnded > 0 ? `；${omittedText(template)}未列出（--all 列出）` : "";
  console.error(`已生成${out === "-" ? "" : ` ${out}`}：${template.department}，统计期 ${template.period}，指标 ${template.rows.length} 个（其中 ${prior} 个附上次报送值${omitted}）`);
  return 0;
}

/** 此前已完成的 2 个、期限已过的常态化任务 1 个: what the template leaves out, and why. */
function omittedText(t: { omittedDone: number; omittedEnded: number }): string {
  return [t.omittedDone > 0 ? `此前已完成的 ${t.omittedDone} 个` : null, t.omittedEnded > 0 ? `期限已过的常态化任务 ${t.omittedEnded} 个` : null]
    .filter((x) => x !== null).join("、");
}
