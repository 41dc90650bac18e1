// 报送自查 page: the reference data `luoshi ingest` checks a monthly file against (ingestLookup in src/monthly.ts):
// published targets (unit, kind, counting start, reporting departments), department aliases → canonical name, and
// each target's goal and the figure 已完成 must reach (the review flags; a rate's `signed` is in its target).
import { ingestLookup } from "../../dist/src/monthly.js";
import { JUMP_VALUE_SQL, RISES_SQL } from "../../dist/src/drops.js";
import { ingestContext } from "../../dist/src/ingest/browser.js";
import { warehousePath } from "../../dist/src/paths.js";
import { openCurrentWarehouse, query } from "../../dist/src/warehouse.js";

try {
  const wh = await openCurrentWarehouse(warehousePath());
  try {
    // The as-of date does not change the reference data; the page supplies its own.
    const { ctx, targets, aliases: candidates, identities } = await ingestLookup(wh.connection, "2000-01-01");
    const aliases = (await query(wh.connection, `SELECT a.alias FROM department_aliases a`)).rows;
    // per target, as src/drops.ts reads them: a quantity's value (a jump, a figure ten times the one before it, is
    // flagged when its increase reaches it), and whether its figure is meant to rise (not a ceiling, nor a goal below
    // its baseline: a fall is flagged)
    const trend = new Map((await query(wh.connection, `SELECT code, ${JUMP_VALUE_SQL} AS jump_value, ${RISES_SQL} AS rises FROM raw.targets`)).rows
      .map((r) => [String(r.code), [r.jump_value === null ? null : Number(r.jump_value), r.rises === true]]));
    const data = {
      targets: Object.fromEntries([...ctx.targets].sort(([a], [b]) => (a < b ? -1 : 1))),
      aliases: Object.fromEntries([...candidates].sort(([a], [b]) => (a < b ? -1 : 1))),
      review: Object.fromEntries([...targets].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, t]) => [code, [t.goal, t.doneFloor, ...(trend.get(code) ?? [null, true]), t.doneCeiling, t.fallingRate, t.increment, t.averaged]])),
      // (only when policies use one name for different departments: a city's names are not another's)
      ...(identities ? { identities } : {}),
      ...(ctx.retiredCodes ? { retired: [...ctx.retiredCodes].sort() } : {}),
    };
    // Every alias, as written and with spaces and full-width brackets, resolves in the page as in `luoshi ingest`,
    // for the reporters of every target too (a name several policies use for different departments).
    const page = ingestContext(data, "2000-01-01");
    const reporterLists = [undefined, ...new Set([...ctx.targets.values()].map((t) => t.reportingDepartments))];
    for (const { alias } of aliases) {
      for (const name of [String(alias), ` ${alias} `, String(alias).replace(/\(/g, "（").replace(/\)/g, "）")]) {
        for (const reporters of reporterLists) {
          if (page.resolveDepartment(name, reporters) !== ctx.resolveDepartment(name, reporters)) throw new Error(`部门名称「${name}」在页面中的解析与 luoshi ingest 不一致`);
        }
      }
    }
    process.stdout.write(JSON.stringify(data));
  } finally {
    wh.close();
  }
} catch (e) {
  console.error(`数据加载器失败：${e.message}`);
  process.exit(1);
}
