// 报送指南 page data, from the reader's own code (never retyped): the stable error codes with their Chinese meaning,
// the columns and their aliases, the status words, units and limits; and, from the warehouse, the departments whose
// templates are in templates.zip (same period as that loader).
import { COLUMNS, DEFAULT_MAX_BYTES, FLAG_ONLY_ROW_CODES, HEADER_SCAN_ROWS, INGEST_ERROR_CODES, REQUIRED_FIELDS, STATUS_WORDS, YEAR_RANGE } from "../../dist/src/ingest/index.js";
import { UNITS } from "../../dist/src/targets/units.js";
import { todayIso } from "../../dist/src/deadline.js";
import { warehousePath } from "../../dist/src/paths.js";
import { openCurrentWarehouse, setAsOf } from "../../dist/src/warehouse.js";
import { siteExamples } from "../../dist/src/examples.js";
import { buildTemplate, defaultTemplatePeriod, REFERENCE_COLUMNS, reportingDepartments, STATUS_CHOICES, TemplateError, latestReportedPeriod } from "../../dist/src/template.js";

const STATUS_LABEL = { not_started: "未启动", in_progress: "推进中", done: "已完成" };

try {
  const wh = await openCurrentWarehouse(warehousePath());
  try {
    const today = process.env.LUOSHI_AS_OF || todayIso();
    await setAsOf(wh.connection, today); // the figures known that day (the templates' last reported values)
    const period = await defaultTemplatePeriod(wh.connection, today);
    const departments = [];
    for (const d of await reportingDepartments(wh.connection)) {
      let owed, startsIn = null;
      try {
        owed = (await buildTemplate(wh.connection, { department: d.department, period })).rows.length;
      } catch (e) {
        // a department of a policy whose targets start later (another policy in the same warehouse): nothing owed yet
        if (!(e instanceof TemplateError && e.startsIn !== null)) throw e;
        [owed, startsIn] = [0, e.startsIn];
      }
      departments.push({ department: d.department, via_group: d.via_group, targets: d.targets, policies: d.policies, owed, starts_in: startsIn });
    }
    const rows = async (sql) => (await wh.connection.runAndReadAll(sql)).getRowObjectsJS();
    const latest = { p: await latestReportedPeriod(wh.connection, today) };
    // How often each row code occurs among the rejected rows in the warehouse (the demo data uses most of them).
    const seen = Object.fromEntries((await rows("SELECT code, count(*)::INTEGER AS n FROM rejects GROUP BY code")).map((r) => [r.code, r.n]));
    const [files] = await rows("SELECT count(*)::INTEGER AS files, count(*) FILTER (WHERE original_name LIKE '示例%')::INTEGER AS samples FROM receipts");
    process.stdout.write(JSON.stringify({
      codes: {
        file: Object.entries(INGEST_ERROR_CODES.file).map(([code, message]) => ({ code, message })),
        // (a code that only flags now, E_BAD_DATE, listed only for the rejects an earlier version stored)
        row: Object.entries(INGEST_ERROR_CODES.row).map(([code, message]) => ({ code, message, rejected: seen[code] ?? 0 }))
          .filter((c) => !FLAG_ONLY_ROW_CODES.includes(c.code) || c.rejected > 0),
      },
      columns: COLUMNS.map((c) => ({ name: c.name, aliases: [...c.aliases, ...(c.weakAliases ?? [])], required: REQUIRED_FIELDS.includes(c.field), field: c.field })),
      status: Object.entries(STATUS_WORDS).map(([key, words]) => ({ key, label: STATUS_LABEL[key], words })),
      status_choices: STATUS_CHOICES,
      money_units: UNITS.filter((u) => u.category === "money" && u.baseUnit === "万元").map((u) => ({ unit: u.unit, factor: u.factor })),
      header_scan_rows: HEADER_SCAN_ROWS,
      max_bytes: DEFAULT_MAX_BYTES,
      year_range: YEAR_RANGE,
      reference_columns: REFERENCE_COLUMNS,
      templates: { period, latest_period: latest?.p ?? null, departments,
        // (several policies: the table names each department's policies by their document numbers)
        policies: await rows("SELECT policy_id, doc_number, title FROM policies ORDER BY issued_date DESC, policy_id") },
      receipts: files,
      // (the examples the page gives: this warehouse's own codes and departments)
      examples: await siteExamples(wh.connection),
    }));
  } finally {
    wh.close();
  }
} catch (e) {
  console.error(`数据加载器失败：${e.message}`);
  process.exit(1);
}
