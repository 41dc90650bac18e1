// 报送指南: one ZIP of every reporting department's monthly template (XLSX with the 完成状态 drop-down, and CSV UTF-8
// with BOM) for the period after the latest one reported (or last month when nothing is reported yet). One loader
// for all departments keeps the site build fast; `luoshi template` makes any other department/period.
import { strToU8, zipSync } from "fflate";
import { todayIso } from "../../dist/src/deadline.js";
import { warehousePath } from "../../dist/src/paths.js";
import { openCurrentWarehouse, setAsOf } from "../../dist/src/warehouse.js";
import { buildTemplate, defaultTemplatePeriod, owedMonths, reportingDepartments, templateCsv, templateFileName, templateXlsx, TemplateError } from "../../dist/src/template.js";

// A fixed timestamp (local-time fields): the same warehouse gives the same bytes.
const mtime = new Date(2017, 0, 1, 0, 0, 0);

try {
  const wh = await openCurrentWarehouse(warehousePath());
  try {
    const today = process.env.LUOSHI_AS_OF || todayIso();
    await setAsOf(wh.connection, today); // the figures known that day (the templates' last reported values)
    const period = await defaultTemplatePeriod(wh.connection, today);
    const dir = `报送模板-${period}`;
    // earlier months a department still owes (never sent, or every row sent back): said beside its template, which is for `period`
    // (keyed by the name each template is made for: the full name of a name two cities' departments bear)
    const owed = await owedMonths(wh.connection, period);
    const months = (list) => (list.length > 3 ? `${list.slice(0, 3).join("、")} 等 ${list.length} 个月` : list.join("、"));
    const owes = (name) => (owed.has(name) ? `；另欠 ${months(owed.get(name))} 的报送（luoshi template --department ${name} --period ${owed.get(name)[0]} 生成）` : "");
    const files = {};
    const listed = [];
    for (const d of await reportingDepartments(wh.connection)) {
      let t;
      try {
        t = await buildTemplate(wh.connection, { department: d.department, period });
      } catch (e) {
        // a department of a policy whose targets start later (another policy in the same warehouse): nothing owed yet
        if (!(e instanceof TemplateError && e.startsIn !== null)) throw e;
        listed.push(`${d.department}：指标自 ${e.startsIn} 起报送，本期无需报送`);
        continue;
      }
      if (t.rows.length === 0) continue; // nothing owed: every target finished earlier
      files[`${dir}/XLSX/${templateFileName(t, "xlsx")}`] = [templateXlsx(t), { level: 0 }]; // already deflated
      files[`${dir}/CSV/${templateFileName(t, "csv")}`] = strToU8(templateCsv(t));
      listed.push(`${t.department}：${t.rows.length} 个指标${owes(t.department)}`);
    }
    const readme = [
      `月度进展报送模板（统计期 ${period}）`,
      "",
      "每个报送单位一份，XLSX 与 CSV 内容相同，任选其一填写后报送：",
      "- 请勿改动表头和前三列（报送单位、指标编码、统计期）；",
      "- 「累计完成值」只填数字，单位见「单位」列；「完成状态」只能填 未启动、推进中 或 已完成；",
      "- 「（参考）」各列仅供参考，载入时忽略；",
      "- XLSX 模板设有工作表保护（无密码）：只能在浅黄色格、「单位」列和表下的空行中填写；确需改动时在「审阅」中撤销工作表保护；",
      "- CSV 为带 BOM 的 UTF-8，可直接用 Excel 打开、另存时请选择“CSV UTF-8”。",
      "完整的格式与错误代码见站点“使用指南 → 报送指南”。",
      "",
      ...listed,
      "",
    ].join("\r\n");
    files[`${dir}/说明.txt`] = strToU8("\uFEFF" + readme);
    process.stdout.write(zipSync(files, { mtime }));
  } finally {
    wh.close();
  }
} catch (e) {
  console.error(`数据加载器失败：${e.message}`);
  process.exit(1);
}
