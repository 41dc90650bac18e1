import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { warehousePath } from "../src/paths.js";

const USAGE = `用法：luoshi template --department 报送单位 --period YYYY-MM [--format xlsx|csv] [--out 文件|-] [--db FILE]
  生成某报送单位某统计期的月度报送模板：每个由该单位报送的指标一行（部门组的成员单位各自报送），
  列依次为 报送单位、指标编码、统计期、累计完成值、单位、完成状态、进展情况、填报人、填报日期，
  右侧为参考列（指标、目标与时限、填写说明、上次报送的统计期与数值，载入时忽略）。
  --format 默认 xlsx（完成状态带下拉列表）；csv 为带 BOM 的 UTF-8。
  --out 默认 “<单位>-<统计期>-报送模板.<格式>”，写到当前目录；“-” 写到标准输出。
退出码：0 成功；3 仓库繁忙或不存在；64 用法错误（含单位不在部门字典中、不报送任何指标）。`;

/** `luoshi template`: writes one department's monthly report template. */
export async function templateCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      department: { type: "string" }, period: { type: "string" }, format: { type: "string", default: "xlsx" },
      out: { type: "string" }, db: { type: "string" }, help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.department || !values.period) {
    console.error(`请给出 --department 和 --period，例如：luoshi template --department 市经信局 --period 2017-10\n\n${USAGE}`);
    return 64;
  }
  const format = values.format!.toLowerCase();
  if (format !== "xlsx" && format !== "csv") {
    console.error(`--format 只能是 xlsx 或 csv，收到：${values.format}`);
    return 64;
  }
  const { openWarehouse } = await import("../src/warehouse.js");
  const { buildTemplate, templateCsv, templateFileName, templateXlsx, TemplateError } = await import("../src/template.js");
  const wh = await openWarehouse(warehousePath(values.db), { readOnly: true });
  let template;
  try {
    template = await buildTemplate(wh.connection, { department: values.department, period: values.period });
  } catch (e) {
    if (e instanceof TemplateError) {
      console.error(e.message);
      return 64;
    }
    throw e;
  } finally {
    wh.close();
  }
  const bytes = format === "csv" ? Buffer.from(templateCsv(template), "utf8") : templateXlsx(template);
  const out = values.out ?? templateFileName(template, format);
  if (out === "-") process.stdout.write(bytes);
  else writeFileSync(out, bytes);
  const prior = template.rows.filter((r) => r.last_period !== null).length;
  console.error(`已生成${out === "-" ? "" : ` ${out}`}：${template.department}，统计期 ${template.period}，指标 ${template.rows.length} 个（其中 ${prior} 个附上次报送值）`);
  return 0;
}
