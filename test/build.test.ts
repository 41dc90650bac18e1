// Several policies in one warehouse (src/build.ts): each read and checked on its own, ids scoped by policy, and a
// target code meaning one target in the whole warehouse (monthly files name targets by code alone).
import { spawnSync } from "node:child_process";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aliasClashes, buildWarehouse, checkFailureText, deadlineDisagreements, mergedByName, readAllPolicies, sameNameDepartments } from "../src/build.js";
import { InputRejected } from "../src/errors.js";
import { loadMonthlyFile } from "../src/monthly.js";
import { buildTemplate, owedMonths, reportingDepartments } from "../src/template.js";
import { openWarehouse, query, runChecks, setAsOf } from "../src/warehouse.js";
import { strFromU8, unzipSync } from "fflate";
import { PACKAGE_ROOT } from "../src/paths.js";
import { copyData, edit, POLICY } from "./support/fixtures.js";

/** data/ with a second policy, a copy of the first under another id (and, unless `prefix` is null, another prefix). */
function twoPolicies(prefix: string | null) {
  const f = copyData();
  const second = join(f.data, "policies", "copy-2018-01");
  cpSync(f.policyDir, second, { recursive: true });
  edit(second, "policy.csv", `\n${POLICY},`, "\ncopy-2018-01,");
  if (prefix !== null) {
    edit(second, "policy.csv", ",CX75,", `,${prefix},`);
    edit(second, "targets.csv", /CX75-/g, `${prefix}-`);
  }
  return f;
}

describe("deadlines", () => {
  it("a deadline_date that differs from the date its deadline_text reads as is said (it wins); a text read as no date is not compared", () => {
    const f = copyData();
    expect(deadlineDisagreements(readAllPolicies(f.data).tables)).toEqual([]);
    edit(f.policyDir, "tasks.csv", "胡志远 霍建君,年内,2017-12-31,101", "胡志远 霍建君,年内,2018-12-31,101");
    const { tables, errors } = readAllPolicies(f.data);
    expect(errors).toEqual([]);
    expect(deadlineDisagreements(tables)).toEqual([{ policy_id: POLICY, row_no: 1, deadline_text: "年内", deadline_date: "2018-12-31", read_as: "2017-12-31" }]);
    expect(tables[0]!.tasks.find((t) => t.row_no === 1)?.deadline_date).toBe("2018-12-31");
    edit(f.policyDir, "tasks.csv", "胡志远 霍建君,年内,2018-12-31,101", "胡志远 霍建君,长期坚持,2018-12-31,101");
    expect(deadlineDisagreements(readAllPolicies(f.data).tables)).toEqual([]);
  });
});

describe("several policies", () => {
  it("rejects a target prefix already used by another policy, naming both", () => {
    const { errors } = readAllPolicies(twoPolicies(null).data);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "E_DUPLICATE_ID", column: "target_prefix", value: "CX75" });
    expect(errors[0]!.message).toContain(POLICY);
    expect(errors[0]!.file).toContain("copy-2018-01");
  });

  it("says the prefix clash first even when the policy's registry is rejected for it (codes of its old prefix)", () => {
    const f = twoPolicies("CX76");
    // the copy's prefix set back to the first policy's, its targets.csv still on the old one
    edit(join(f.data, "policies", "copy-2018-01"), "policy.csv", ",CX76,", ",CX75,");
    const { errors } = readAllPolicies(f.data);
    expect(errors.length).toBeGreaterThan(1);
    expect(errors[0]).toMatchObject({ code: "E_DUPLICATE_ID", column: "target_prefix", value: "CX75" });
    expect(errors[0]!.message).toContain(`已由政策 ${POLICY} 使用`);
  });

  it("says which departments of the same name have different full names in two policies (two departments; a template asks for the full name)", () => {
    const f = twoPolicies("CX76");
    expect(sameNameDepartments(readAllPolicies(f.data).tables)).toEqual([]);
    edit(join(f.data, "policies", "copy-2018-01"), "departments.csv", "jxj,市经信局,慈溪市经济和信息化局,", "jxj,市经信局,余姚市经济和信息化局,");
    expect(sameNameDepartments(readAllPolicies(f.data).tables)).toEqual([
      { name: "市经信局", policies: [{ policy_id: POLICY, full_name: "慈溪市经济和信息化局" }, { policy_id: "copy-2018-01", full_name: "余姚市经济和信息化局" }] },
    ]);
  });

  it("says which departments of the same name are taken for one because one policy leaves the full name out", () => {
    const f = twoPolicies("CX76");
    expect(mergedByName(readAllPolicies(f.data).tables)).toEqual([]);
    edit(join(f.data, "policies", "copy-2018-01"), "departments.csv", "czj,市财政局,慈溪市财政局,", "czj,市财政局,,");
    expect(mergedByName(readAllPolicies(f.data).tables)).toEqual([
      { name: "市财政局", policies: [{ policy_id: POLICY, full_name: "慈溪市财政局" }, { policy_id: "copy-2018-01", full_name: "" }] },
    ]);
  });

  it("says which name of a department in one policy is another department's alias in another", () => {
    const f = twoPolicies("CX76");
    expect(aliasClashes(readAllPolicies(f.data).tables)).toEqual([]);
    // the copy names its 市经信局 by the full form the first policy lists as an alias, and keeps 市经信局 as its alias
    edit(join(f.data, "policies", "copy-2018-01"), "departments.csv", "jxj,市经信局,慈溪市经济和信息化局,municipal_bureau,慈溪市经信局|市经济和信息化局,",
      "jxj,市经济和信息化局,慈溪市经济和信息化局,municipal_bureau,慈溪市经信局|市经信局,");
    const { tables, errors } = readAllPolicies(f.data);
    expect(errors).toEqual([]);
    expect(aliasClashes(tables)).toEqual([
      { name: "市经济和信息化局", policy_id: "copy-2018-01", other_policy_id: POLICY, other_name: "市经信局" },
      { name: "市经信局", policy_id: POLICY, other_policy_id: "copy-2018-01", other_name: "市经济和信息化局" },
    ]);
  });

  it("says which departments of other names are taken for one through a shared alias while a full name is missing", async () => {
    const f = twoPolicies("CX76");
    // the copy's 市经信局 renamed 市经济和信息化局 (an alias of the first's 市经信局), its full name left out
    edit(join(f.data, "policies", "copy-2018-01"), "departments.csv", "jxj,市经信局,慈溪市经济和信息化局,municipal_bureau,慈溪市经信局|市经济和信息化局,",
      "jxj,市经济和信息化局,,municipal_bureau,市经信局,");
    const db = join(f.dir, "w.duckdb");
    const summary = await buildWarehouse({ data: f.data, db });
    expect(summary.mergedByAlias).toEqual([{ name: "市经信局", departments: [
      { policy_id: POLICY, name: "市经信局", full_name: "慈溪市经济和信息化局" },
      { policy_id: "copy-2018-01", name: "市经济和信息化局", full_name: "" },
    ] }]);
    // with the same full name in both, a renamed bureau of one city: nothing to say
    edit(join(f.data, "policies", "copy-2018-01"), "departments.csv", "jxj,市经济和信息化局,,", "jxj,市经济和信息化局,慈溪市经济和信息化局,");
    expect((await buildWarehouse({ data: f.data, db })).mergedByAlias).toEqual([]);
  });

  it("builds both, each id scoped by its policy, and numbers discrepancies per policy", async () => {
    const f = twoPolicies("CX76");
    const db = join(f.dir, "w.duckdb");
    await buildWarehouse({ data: f.data, db });
    const wh = await openWarehouse(db, { readOnly: true });
    try {
      const sql = async (text: string) => (await query(wh.connection, text)).rows;
      expect(await sql("SELECT policy_id, count(*) AS tasks FROM tasks GROUP BY 1 ORDER BY 1")).toEqual([
        { policy_id: POLICY, tasks: 39 },
        { policy_id: "copy-2018-01", tasks: 39 },
      ]);
      expect(await sql("SELECT count(*) AS n FROM targets WHERE NOT starts_with(target_id, policy_id || '.')")).toEqual([{ n: 0 }]);
      const firsts = await sql("SELECT policy_id, min(discrepancy_id) AS first FROM discrepancies GROUP BY 1 ORDER BY 1");
      expect(firsts).toEqual([
        { policy_id: POLICY, first: `${POLICY}.d001` },
        { policy_id: "copy-2018-01", first: "copy-2018-01.d001" },
      ]);
      // the first policy's discrepancies, texts and numbers, are those of a warehouse without the second (the roles
      // listed in the document's order, never in the order DuckDB happens to scan the tables)
      const ofFirst = `SELECT discrepancy_id, field, kind, body_text, annex_text FROM discrepancies WHERE policy_id = '${POLICY}' ORDER BY ALL`;
      const alone = copyData();
      const aloneDb = join(alone.dir, "w.duckdb");
      await buildWarehouse({ data: alone.data, db: aloneDb });
      const single = await openWarehouse(aloneDb, { readOnly: true });
      try {
        expect(await sql(ofFirst)).toEqual((await query(single.connection, ofFirst)).rows);
      } finally {
        single.close();
      }
    } finally {
      wh.close();
    }
  });

  it("a monthly row names the department of its target's policy: another city's department of the same name is not it (both readers)", async () => {
    const f = twoPolicies("CX76");
    edit(join(f.data, "policies", "copy-2018-01"), "departments.csv", "jxj,市经信局,慈溪市经济和信息化局,", "jxj,市经信局,余姚市经济和信息化局,");
    const db = join(f.dir, "w.duckdb");
    await buildWarehouse({ data: f.data, db });
    const wh = await openWarehouse(db, { readOnly: false });
    try {
      const bytes = Buffer.from(["报送单位,指标编码,统计期,累计完成值", "慈溪市经济和信息化局,CX76-06-01,2017-10,300", "余姚市经济和信息化局,CX76-06-01,2017-11,310",
        "市经信局,CX76-06-01,2017-12,320", "市经信局,CX75-06-01,2017-10,300", "余姚市经济和信息化局,CX75-06-01,2017-11,310"].join("\n") + "\n");
      const verdicts = [];
      for (const engine of ["js", "bulk"] as const) {
        const s = await loadMonthlyFile(wh.connection, { name: "jxj.csv", bytes, asOf: "2018-01-10", receivedAt: "2018-01-05 09:00:00", archiveName: null, dryRun: true, engine });
        expect(s.reader).toBe(engine);
        verdicts.push({ imported: s.imported, rejects: s.rejects.map((r) => [r.row, r.code, r.message]) });
      }
      expect(verdicts[1]).toEqual(verdicts[0]);
      expect(verdicts[0]).toEqual({
        imported: 3,
        rejects: [
          [2, "E_NOT_REPORTER", "该单位不是该指标的报送单位：「慈溪市经济和信息化局」是政策 cixi-2017-75 中的单位，与指标 CX76-06-01 所属政策 copy-2018-01 的 市经信局 不是同一单位（两者全称不同）：请由 copy-2018-01 的 市经信局 报送，或检查报送单位名称"],
          [6, "E_NOT_REPORTER", "该单位不是该指标的报送单位：「余姚市经济和信息化局」是政策 copy-2018-01 中的单位，与指标 CX75-06-01 所属政策 cixi-2017-75 的 市经信局 不是同一单位（两者全称不同）：请由 cixi-2017-75 的 市经信局 报送，或检查报送单位名称"],
        ],
      });
      // the template of a name two cities use asks for the full name, which picks the one
      await expect(buildTemplate(wh.connection, { department: "市经信局", period: "2017-10" })).rejects.toThrow(
        "报送单位“市经信局”在几份政策中是不同的单位：慈溪市经济和信息化局（cixi-2017-75）、余姚市经济和信息化局（copy-2018-01）；请用全称指明其中一个");
      const yuyao = await buildTemplate(wh.connection, { department: "余姚市经济和信息化局", period: "2017-10", all: true });
      expect(new Set(yuyao.rows.map((r) => r.policy_id))).toEqual(new Set(["copy-2018-01"]));
      // (named by its full name, in its rows and file name; the site's template set lists both cities' by theirs)
      expect(yuyao.department).toBe("余姚市经济和信息化局");
      const reporting = await reportingDepartments(wh.connection);
      const listed = reporting.map((d) => d.department);
      // (each with the policies of its targets: the site's table tells the two apart by them)
      expect(reporting.find((d) => d.department === "余姚市经济和信息化局")!.policies).toEqual(["copy-2018-01"]);
      expect(reporting.find((d) => d.department === "慈溪市经济和信息化局")!.policies).toEqual([POLICY]);
      expect(reporting.find((d) => d.department === "市科技局")!.policies).toEqual(["cixi-2017-75", "copy-2018-01"].sort());
      expect(listed).toEqual(expect.arrayContaining(["慈溪市经济和信息化局", "余姚市经济和信息化局", "市科技局"]));
      expect(listed).not.toContain("市经信局");
      // loaded, the rejected rows are meant for no department of the target's policy: the month of its same-named
      // department is not marked as sent back (written by the other city's short name too, 余姚市经信局)
      const more = Buffer.concat([bytes, Buffer.from("余姚市经信局,CX75-06-01,2017-12,330\n")]);
      for (const engine of ["js", "bulk"] as const) {
        // (the second file one line longer: the same file again would change nothing)
        const file = engine === "js" ? more : Buffer.concat([more, Buffer.from("市经信局,CX75-06-01,2017-09,290\n")]);
        const s = await loadMonthlyFile(wh.connection, { name: `jxj-${engine}.csv`, bytes: file, asOf: "2018-01-10", receivedAt: "2018-01-05 09:00:00", archiveName: null, engine });
        expect(s.rejects.map((r) => [r.row, r.code])).toEqual([[2, "E_NOT_REPORTER"], [6, "E_NOT_REPORTER"], [7, "E_NOT_REPORTER"]]);
      }
      // (the target and period each names are kept, without a department: the rejects list shows what the row was for)
      const meant = { 2: ["copy-2018-01.", "2017-10"], 6: [`${POLICY}.`, "2017-11"], 7: [`${POLICY}.`, "2017-12"] } as Record<number, [string, string]>;
      expect((await query(wh.connection, "SELECT source_row, department_id, target_id, period FROM raw.rejects ORDER BY receipt_no, source_row")).rows.map((r) =>
        [r.source_row, r.department_id, String(r.target_id).startsWith(meant[Number(r.source_row)]![0]), r.period])).toEqual(
        [2, 6, 7, 2, 6, 7].map((row) => [row, null, true, meant[row]![1]]));
      // the months each still owes are listed under the name its template is made for: each city's full name
      await setAsOf(wh.connection, "2018-01-10");
      const owed = await owedMonths(wh.connection, "2018-01");
      expect(owed.has("市经信局")).toBe(false);
      expect(owed.get("余姚市经济和信息化局")).toContain("2017-10");
      expect(owed.get("慈溪市经济和信息化局")).toContain("2017-11");
      expect(owed.get("市科技局")).toContain("2017-10");
    } finally {
      wh.close();
    }
    // the 报送情况 page's counts per policy: a file under each policy its stored or rejected rows name a target of
    // (a rejected row meant for no department of its target's policy: under that target's policy)
    const loaded = spawnSync(process.execPath, [join(PACKAGE_ROOT, "docs", "data", "reporting.json.js")], {
      env: { ...process.env, LUOSHI_DB: db, LUOSHI_DATA: f.data, LUOSHI_AS_OF: "2018-01-10" }, maxBuffer: 1 << 26,
    });
    expect(loaded.status, loaded.stderr.toString()).toBe(0);
    const page = JSON.parse(loaded.stdout.toString()) as { byPolicy: { policy_id: string | null }[]; files: { original_name: string; policy_ids: string[] }[] };
    expect(page.byPolicy.sort((a, b) => String(a.policy_id).localeCompare(String(b.policy_id)))).toEqual([
      { policy_id: POLICY, files: 2, values: 2, rejected: 4, problems: 4, corrected: 0, superseded: 0 },
      { policy_id: "copy-2018-01", files: 2, values: 2, rejected: 2, problems: 2, corrected: 0, superseded: 0 },
    ].sort((a, b) => String(a.policy_id).localeCompare(String(b.policy_id))));
    expect(page.files.map((x) => [x.original_name, x.policy_ids])).toEqual([["jxj-bulk.csv", [POLICY, "copy-2018-01"].sort()], ["jxj-js.csv", [POLICY, "copy-2018-01"].sort()]]);
  });

  it("the 报送情况 page counts a rejected row under the policy whose code prefix it writes (a mistyped code, a bad period), and each policy's later files and flags", async () => {
    const f = twoPolicies("CX76");
    const db = join(f.dir, "w.duckdb");
    await buildWarehouse({ data: f.data, db });
    const wh = await openWarehouse(db, { readOnly: false });
    try {
      const file = (lines: string[]) => Buffer.from(["报送单位,指标编码,统计期,累计完成值", ...lines].join("\n") + "\n");
      const load = (name: string, lines: string[], receivedAt: string) => loadMonthlyFile(wh.connection, { name, bytes: file(lines), asOf: "2018-03-10", receivedAt, archiveName: null });
      const first = await load("a.csv", ["市经信局,CX76-06-1,2017-10,300", "市经信局,CX75-06-01,2017.13,300", "市经信局,XX-1,2017-10,1", "市经信局,CX76-06-01,2017-09,28"], "2017-11-05 09:00:00");
      expect(first.rejects.map((r) => [r.row, r.code])).toEqual([[2, "E_UNKNOWN_CODE"], [3, "E_BAD_PERIOD"], [4, "E_UNKNOWN_CODE"]]);
      // a tenfold jump flagged at load for copy-2018-01, and a file of the first policy received after the as-of date
      await load("b.csv", ["市经信局,CX76-06-01,2017-10,3270"], "2017-11-06 09:00:00");
      await load("c.csv", ["市经信局,CX75-06-01,2017-10,300"], "2018-02-06 09:00:00");
    } finally {
      wh.close();
    }
    const loaded = spawnSync(process.execPath, [join(PACKAGE_ROOT, "docs", "data", "reporting.json.js")], {
      env: { ...process.env, LUOSHI_DB: db, LUOSHI_DATA: f.data, LUOSHI_AS_OF: "2017-12-31" }, maxBuffer: 1 << 26,
    });
    expect(loaded.status, loaded.stderr.toString()).toBe(0);
    const page = JSON.parse(loaded.stdout.toString());
    expect(page.rejects.map((r: { source_row: number; policy_id: string | null }) => [r.source_row, r.policy_id]).sort()).toEqual([[2, "copy-2018-01"], [3, POLICY], [4, null]]);
    const byPolicy = Object.fromEntries(page.byPolicy.map((r: { policy_id: string | null; rejected: number }) => [r.policy_id ?? "none", r.rejected]));
    expect(byPolicy).toEqual({ [POLICY]: 1, "copy-2018-01": 1, none: 1 });
    expect(page.flaggedAtLoad).toEqual([{ policy_id: "copy-2018-01", n: 1 }]);
    expect(page.laterByPolicy).toEqual([{ policy_id: POLICY, n: 1 }]);
    expect(page.synthetic).toEqual([]);
  });

  it("one department in several policies: the same full name under another name is one, the same name with other full names is two", async () => {
    const f = twoPolicies("CX76");
    const second = join(f.data, "policies", "copy-2018-01");
    // the copy names 市科技局 by its longer form everywhere (no alias), and its 市经信局 belongs to another city
    for (const file of ["departments.csv", "tasks.csv", "items.csv", "persons.csv", "corrections.csv"]) edit(second, file, /市科\s*技局/g, "市科学技术局");
    edit(second, "departments.csv", "jxj,市经信局,慈溪市经济和信息化局,", "jxj,市经信局,余姚市经济和信息化局,");
    const db = join(f.dir, "w.duckdb");
    await buildWarehouse({ data: f.data, db });
    const reader = await openWarehouse(db, { readOnly: true });
    try {
      const identities = (await query(reader.connection, `SELECT department_id, identity_id, name, names FROM department_identities
        WHERE department_id LIKE '%.kjj' OR department_id LIKE '%.jxj' OR department_id LIKE '%.czj' ORDER BY department_id`)).rows;
      expect(identities).toEqual([
        { department_id: "copy-2018-01.czj", identity_id: `${POLICY}.czj`, name: "市财政局", names: ["市财政局"] },
        { department_id: "copy-2018-01.jxj", identity_id: "copy-2018-01.jxj", name: "市经信局", names: ["市经信局"] },
        { department_id: "copy-2018-01.kjj", identity_id: `${POLICY}.kjj`, name: "市科技局", names: ["市科学技术局", "市科技局"].sort() },
        { department_id: `${POLICY}.czj`, identity_id: `${POLICY}.czj`, name: "市财政局", names: ["市财政局"] },
        { department_id: `${POLICY}.jxj`, identity_id: `${POLICY}.jxj`, name: "市经信局", names: ["市经信局"] },
        { department_id: `${POLICY}.kjj`, identity_id: `${POLICY}.kjj`, name: "市科技局", names: ["市科学技术局", "市科技局"].sort() },
      ].sort((a, b) => (a.department_id < b.department_id ? -1 : 1)));
      const combined = (await query(reader.connection, `SELECT name, policies FROM department_workload_combined
        WHERE name IN ('市经信局', '市科技局', '市科学技术局') ORDER BY name, policies`)).rows;
      expect(combined).toEqual([{ name: "市科技局", policies: 2 }, { name: "市经信局", policies: 1 }, { name: "市经信局", policies: 1 }]);
    } finally {
      reader.close();
    }
  });

  it("a name that is one policy's department and another's alias reports to the department of the row's target, in both readers and the template", async () => {
    // the second policy renamed 市科技局 市科学技术局 (keeping the old name as an alias); the first knows the new name as an alias
    const f = twoPolicies("CX76");
    const second = join(f.data, "policies", "copy-2018-01");
    edit(f.policyDir, "departments.csv", "kjj,市科技局,慈溪市科学技术局,municipal_bureau,,", "kjj,市科技局,慈溪市科学技术局,municipal_bureau,市科学技术局,");
    edit(second, "departments.csv", "kjj,市科技局,慈溪市科学技术局,municipal_bureau,,", "kjj,市科学技术局,慈溪市科学技术局,municipal_bureau,市科技局,");
    const db = join(f.dir, "w.duckdb");
    await buildWarehouse({ data: f.data, db });
    // the workload of every policy together: the renamed department is one (its new name is the other's alias), under
    // the name of the newest policy (issued the same day: the first by policy_id)
    const reader = await openWarehouse(db, { readOnly: true });
    try {
      const combined = async (name: string) => (await query(reader.connection,
        `SELECT policies, rows_led, rows_cooperated, workload_score, [p.policy_id FOR p IN per_policy] AS ids FROM department_workload_combined WHERE name = $1`, [name])).rows;
      const combinedNames = async (name: string) => (await query(reader.connection,
        `SELECT names, [p.name FOR p IN per_policy] AS parts FROM department_workload_combined WHERE name = $1`, [name])).rows;
      const single = async (name: string) => (await query(reader.connection,
        `SELECT rows_led, rows_cooperated, workload_score FROM department_workload WHERE policy_id = $1 AND name = $2`, [POLICY, name])).rows[0] as { rows_led: number; rows_cooperated: number; workload_score: number };
      const jxj = await single("市经信局");
      expect(await combined("市经信局")).toEqual([{ policies: 2, rows_led: 2 * jxj.rows_led, rows_cooperated: 2 * jxj.rows_cooperated,
        workload_score: Math.round(2 * jxj.workload_score * 1000) / 1000, ids: [POLICY, "copy-2018-01"].sort() }]);
      const kjj = await single("市科技局");
      expect(await combined("市科学技术局")).toEqual([]);
      expect(await combined("市科技局")).toEqual([{ policies: 2, rows_led: 2 * kjj.rows_led, rows_cooperated: 2 * kjj.rows_cooperated,
        workload_score: Math.round(2 * kjj.workload_score * 1000) / 1000, ids: [POLICY, "copy-2018-01"].sort() }]);
      expect(await combinedNames("市科技局")).toEqual([{ names: ["市科学技术局", "市科技局"].sort(), parts: ["市科技局", "市科学技术局"] }]);
    } finally {
      reader.close();
    }
    // the 部门工作量 page's data: every policy together, and an example of the split in each policy
    const loaded = spawnSync(process.execPath, [join(PACKAGE_ROOT, "docs", "data", "workload.json.js")], {
      env: { ...process.env, LUOSHI_DB: db, LUOSHI_DATA: f.data, LUOSHI_AS_OF: "2017-11-10" }, maxBuffer: 1 << 26,
    });
    expect(loaded.status, loaded.stderr.toString()).toBe(0);
    const page = JSON.parse(loaded.stdout.toString()) as { combined: { name: string; policies: number }[]; example: { policy_id: string }[] };
    expect(page.combined.find((d) => d.name === "市经信局")?.policies).toBe(2);
    expect(page.combined.filter((d) => d.name === "市科技局" || d.name === "市科学技术局").map((d) => d.policies)).toEqual([2]);
    expect(new Set(page.example.map((e) => e.policy_id))).toEqual(new Set([POLICY, "copy-2018-01"]));
    const HEADER = "报送单位,指标编码,统计期,累计完成值,单位,完成状态,进展情况,填报人,填报日期";
    for (const engine of ["js", "bulk"] as const) {
      const copy = join(f.dir, `w-${engine}.duckdb`);
      cpSync(db, copy);
      const wh = await openWarehouse(copy, { readOnly: false });
      try {
        const sql = async (text: string) => (await query(wh.connection, text)).rows;
        const [{ code }] = (await sql(`SELECT code FROM target_reporters WHERE department_name = '市科技局' ORDER BY code LIMIT 1`)) as [{ code: string }];
        const other = code.replace("CX75", "CX76");
        const load = (name: string, lines: string[]) => loadMonthlyFile(wh.connection, {
          name, bytes: Buffer.from([HEADER, ...lines].join("\n")), asOf: "2018-01-31", receivedAt: "2017-11-05 09:00:00", archiveName: null, engine,
        });
        const first = await load("a.csv", [`市科学技术局,${code},2017-10,,,推进中,,,`, `市科技局,${other},2017-10,,,推进中,,,`]);
        expect([engine, first.rejected, first.imported]).toEqual([engine, 0, 2]);
        expect(await sql("SELECT code, department_id FROM observations ORDER BY code")).toEqual([
          { code, department_id: `${POLICY}.kjj` },
          { code: other, department_id: "copy-2018-01.kjj" },
        ]);
        // the two names of one department for one target are one key: both copies rejected
        const dup = await load("b.csv", [`市科学技术局,${code},2017-11,,,推进中,,,`, `市科技局,${code},2017-11,,,推进中,,,`]);
        expect([engine, dup.rejected_by_code]).toEqual([engine, { E_DUPLICATE_KEY: 2 }]);
        // the template of a name goes to the department that bears it
        const template = await buildTemplate(wh.connection, { department: "市科学技术局", period: "2017-10", all: true });
        expect(template.department).toBe("市科学技术局");
        expect(new Set(template.rows.map((r) => r.policy_id))).toEqual(new Set(["copy-2018-01"]));
      } finally {
        wh.close();
      }
    }
  });

  it("a template spanning several policies names each target's policy (by document number, or by id when two share one)", async () => {
    for (const [docNumber, names] of [["慈政发〔2018〕1号", ["慈党办〔2017〕75号", "慈政发〔2018〕1号"]], [null, [POLICY, "copy-2018-01"]]] as const) {
      const f = twoPolicies("CX76");
      if (docNumber) edit(join(f.data, "policies", "copy-2018-01"), "policy.csv", "慈党办〔2017〕75号", docNumber);
      const db = join(f.dir, "w.duckdb");
      await buildWarehouse({ data: f.data, db });
      const wh = await openWarehouse(db);
      try {
        const template = await buildTemplate(wh.connection, { department: "市经信局", period: "2017-10", all: true });
        const byPolicy = (id: string) => template.rows.filter((r) => r.policy_id === id).map((r) => r.subject);
        expect(byPolicy(POLICY).length).toBeGreaterThan(0);
        expect(byPolicy(POLICY).every((s) => s.endsWith(`（${names[0]}）`))).toBe(true);
        expect(byPolicy("copy-2018-01").every((s) => s.endsWith(`（${names[1]}）`))).toBe(true);
      } finally {
        wh.close();
      }
    }
    // asked for by an alias only one policy knows (经信局): the same department's targets in both policies
    const two = twoPolicies("CX76");
    edit(join(two.data, "policies", "copy-2018-01"), "departments.csv", "municipal_bureau,慈溪市经信局|", "municipal_bureau,经信局|慈溪市经信局|");
    const twoDb = join(two.dir, "w.duckdb");
    await buildWarehouse({ data: two.data, db: twoDb });
    const both = await openWarehouse(twoDb);
    try {
      const byName = await buildTemplate(both.connection, { department: "市经信局", period: "2017-10", all: true });
      const byAlias = await buildTemplate(both.connection, { department: "经信局", period: "2017-10", all: true });
      expect(byAlias.department).toBe("市经信局");
      expect(new Set(byName.rows.map((r) => r.policy_id))).toEqual(new Set([POLICY, "copy-2018-01"]));
      expect(byAlias.rows.map((r) => r.code)).toEqual(byName.rows.map((r) => r.code));
    } finally {
      both.close();
    }
    // one policy: the subject alone
    const f = copyData();
    const db = join(f.dir, "w.duckdb");
    await buildWarehouse({ data: f.data, db });
    const wh = await openWarehouse(db);
    try {
      const template = await buildTemplate(wh.connection, { department: "市经信局", period: "2017-10", all: true });
      expect(template.rows.some((r) => r.subject === "实施智能化(自动化)改造项目的企业")).toBe(true);
    } finally {
      wh.close();
    }
  });

  it("the template of a name that reports nothing points to the department another policy knows it as (a renamed unit)", async () => {
    const f = twoPolicies("CX76");
    // the first policy knows 市科技局 also as 市科学技术局; the second lists a 市科学技术局 of its own that reports nothing
    edit(f.policyDir, "departments.csv", "kjj,市科技局,慈溪市科学技术局,municipal_bureau,,", "kjj,市科技局,慈溪市科学技术局,municipal_bureau,市科学技术局,");
    edit(join(f.data, "policies", "copy-2018-01"), "departments.csv", "\nkjj,", "\nxkj,市科学技术局,慈溪市科学技术协会,municipal_bureau,,false,\nkjj,");
    const db = join(f.dir, "w.duckdb");
    await buildWarehouse({ data: f.data, db });
    const wh = await openWarehouse(db);
    try {
      const error = await buildTemplate(wh.connection, { department: "市科学技术局", period: "2017-10" }).then(() => null, (e: Error) => e);
      expect(error?.message).toBe("市科学技术局 没有需要报送的指标；“市科学技术局”在另一份政策中是 “市科技局” 的别名，该单位的指标请用这一名称生成模板：luoshi template --department 市科技局 --period 2017-10");
    } finally {
      wh.close();
    }
  });

  it("the site's template loaders leave out a department whose policy starts later, and still make every other template", () => {
    // the second policy's targets count from 2017-11 and it names 市科技局 市科学技术局: in 2017-10 that department owes nothing yet
    const f = twoPolicies("CX76");
    const second = join(f.data, "policies", "copy-2018-01");
    edit(second, "targets.csv", /,2017-01-01,/g, ",2017-11-01,");
    edit(second, "departments.csv", "kjj,市科技局,慈溪市科学技术局,municipal_bureau,,", "kjj,市科学技术局,慈溪市科学技术局,municipal_bureau,市科技局,");
    const db = join(f.dir, "w.duckdb");
    return buildWarehouse({ data: f.data, db }).then(() => {
      const run = (loader: string) => spawnSync(process.execPath, [join(PACKAGE_ROOT, "docs", "data", loader)], {
        env: { ...process.env, LUOSHI_DB: db, LUOSHI_DATA: f.data, LUOSHI_AS_OF: "2017-11-10" }, maxBuffer: 1 << 26,
      });
      const codes = run("ingest-codes.json.js");
      expect(codes.status, codes.stderr.toString()).toBe(0);
      const { templates } = JSON.parse(codes.stdout.toString());
      expect(templates.period).toBe("2017-10");
      expect(templates.departments.find((d: { department: string }) => d.department === "市科学技术局")).toMatchObject({ owed: 0, starts_in: "2017-11" });
      expect(templates.departments.find((d: { department: string }) => d.department === "市经信局").owed).toBeGreaterThan(0);
      // (the page names each unit's policies by document number: the loader gives both policies with their numbers)
      expect(templates.departments.find((d: { department: string }) => d.department === "市科学技术局").policies).toEqual(["copy-2018-01"]);
      expect(templates.policies.map((p: { policy_id: string }) => p.policy_id).sort()).toEqual([POLICY, "copy-2018-01"]);
      const zip = run("templates.zip.js");
      expect(zip.status, zip.stderr.toString()).toBe(0);
      const files = Object.keys(unzipSync(new Uint8Array(zip.stdout)));
      expect(files.some((n) => n.includes("市经信局"))).toBe(true);
      expect(files.some((n) => n.includes("市科学技术局"))).toBe(false);
      expect(strFromU8(unzipSync(new Uint8Array(zip.stdout))[files.find((n) => n.endsWith("说明.txt"))!]!)).toContain("市科学技术局：指标自 2017-11 起报送，本期无需报送");
    });
  });

  it("a failed data check names the rule and each offending row, column by column (no raw JSON)", async () => {
    // (input checks stop a deadline before the issue date first: the stored row is changed to see the check's own verdict)
    const f = copyData();
    const db = join(f.dir, "w.duckdb");
    await buildWarehouse({ data: f.data, db });
    const wh = await openWarehouse(db, { readOnly: false });
    try {
      await wh.connection.run(`UPDATE raw.tasks SET deadline_date = DATE '2016-06-30' WHERE task_id = '${POLICY}.r02'`);
      const failed = (await runChecks(wh.connection)).filter((c) => c.failures.length > 0);
      expect(failed.map((c) => c.name)).toEqual(["tasks_deadline_known"]);
      const text = checkFailureText(failed[0]!);
      expect(text).toMatch(/^- tasks_deadline_known：.+；不符合的有 1 行：/);
      expect(text).toContain(`task_id = ${POLICY}.r02`);
      // (with where that row is written: the file and the cell that names it)
      expect(text).toContain(`（data/policies/${POLICY}/tasks.csv 中 row_no 为 2 的行）`);
      expect(text).not.toContain('{"');
    } finally {
      wh.close();
    }
  });

  it("a group's page data counts each member's months over all it reports, and says which members report targets of their own too", async () => {
    const f = copyData();
    const db = join(f.dir, "w.duckdb");
    // 周巷镇, a member of 各镇(街道、园区), reports CX75-06-01 in its own right (beside 市经信局)
    edit(f.policyDir, "targets.csv", "2017-01-01,,,达到450家,100,106", "2017-01-01,,市经信局、周巷镇,达到450家,100,106");
    await buildWarehouse({ data: f.data, db });
    const run = (policy: string, code: string) => spawnSync(process.execPath, [join(PACKAGE_ROOT, "docs", "departments", "[policy]", "[code].json.js"), `--policy=${policy}`, `--code=${code}`], {
      env: { ...process.env, LUOSHI_DB: db, LUOSHI_DATA: f.data, LUOSHI_AS_OF: "2017-11-10" }, maxBuffer: 1 << 26,
    });
    const loaded = run(POLICY, "gz");
    expect(loaded.status, loaded.stderr.toString()).toBe(0);
    const members = (JSON.parse(loaded.stdout.toString()) as { members: { member_name: string; own_targets: number }[] }).members;
    expect(members.filter((m) => m.own_targets > 0).map((m) => [m.member_name, m.own_targets])).toEqual([["周巷镇", 1]]);
    expect(members.length).toBeGreaterThan(10);
  });

  it("a task page's data marks the months sent back (rows rejected, not sent again) and names the last month due", async () => {
    const f = copyData();
    const db = join(f.dir, "w.duckdb");
    await buildWarehouse({ data: f.data, db });
    const wh = await openWarehouse(db, { readOnly: false });
    try {
      const bytes = Buffer.from(["报送单位,指标编码,统计期,累计完成值", "市经信局,CX75-06-01,2017-09,300", "市经信局,CX75-06-01,2017-10,三百多"].join("\n"));
      const s = await loadMonthlyFile(wh.connection, { name: "jxj.csv", bytes, asOf: "2017-12-10", receivedAt: "2017-11-03 09:00:00", archiveName: null });
      expect(s.rejects.map((r) => [r.row, r.code])).toEqual([[3, "E_NOT_A_NUMBER"]]);
    } finally {
      wh.close();
    }
    const run = (asOf: string) => spawnSync(process.execPath, [join(PACKAGE_ROOT, "docs", "tasks", "[policy]", "[row].json.js"), `--policy=${POLICY}`, "--row=r06"], {
      env: { ...process.env, LUOSHI_DB: db, LUOSHI_DATA: f.data, LUOSHI_AS_OF: asOf }, maxBuffer: 1 << 26,
    });
    const loaded = run("2017-12-10");
    expect(loaded.status, loaded.stderr.toString()).toBe(0);
    const page = JSON.parse(loaded.stdout.toString()) as { returned: { code: string; department_name: string; period: string; file: string }[]; through: string };
    expect(page.returned).toEqual([{ code: "CX75-06-01", department_name: "市经信局", period: "2017-10", file: "jxj.csv" }]);
    // (the report of 2017-11 is due early in December: by the 10th, the last month due)
    expect(page.through).toBe("2017-11");
    // a day before the file came, nothing was sent back yet
    const before = JSON.parse(run("2017-11-02").stdout.toString()) as { returned: unknown[]; through: string };
    expect(before.returned).toEqual([]);
    expect(before.through).toBe("2017-09");
  });

  it("a group with no members listed that reports a target fails the build, naming the target (else it would vanish from progress and templates)", async () => {
    const f = copyData();
    const db = join(f.dir, "w.duckdb");
    // 各镇(街道、园区) reports CX75-03-01; its membership list emptied
    edit(f.policyDir, "group_members.csv", /\ngz,[^\n]*/g, "");
    const error = await buildWarehouse({ data: f.data, db }).then(() => null, (e: Error) => e);
    expect(error?.message).toMatch(/数据检查未通过，仓库未更新/);
    expect(error?.message).toContain("targets_have_reporters");
    expect(error?.message).toContain("code = CX75-03-01");
    expect(error?.message).toContain("reporting_departments = 各镇(街道、园区)");
  });

  it("a deadline before the policy's issue date is rejected with the file, row and column (the policy dated 2020, its rows' deadlines 2017)", async () => {
    const f = twoPolicies("CX76");
    edit(join(f.data, "policies", "copy-2018-01"), "policy.csv", ",2017-09-08,2017-09-11,", ",2020-03-01,2020-03-02,");
    const error = await buildWarehouse({ data: f.data, db: join(f.dir, "w.duckdb") }).then(() => null, (e: Error) => e);
    expect(error).toBeInstanceOf(InputRejected);
    const errors = (error as InputRejected).errors;
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.code === "E_DEADLINE_BEFORE_ISSUE" && e.file.endsWith("tasks.csv") && e.row !== null)).toBe(true);
    expect(errors[0]!.message).toMatch(/完成时限 2017-\d{2}-\d{2} 早于发文日期 2020-03-01（policy\.csv）/);
  });

  it("a rank (进入全省前10位) comes down as it improves: judged at its deadline as a level to come down to, not as a limit broken now", async () => {
    const f = copyData();
    edit(f.policyDir, "tasks.csv", '"推动""家电物联网云平台""建设。"', '"推动""家电物联网云平台""建设,力争营商环境评价进入全省前10位。"');
    const write = spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), "targets", "--write", "--data", f.data], { encoding: "utf8" });
    expect(write.stdout).toMatch(/新提出 附件第 24 行 数量指标「营商环境评价全省排名」：进入前 10位（水平值）/);
    const db = join(f.dir, "w.duckdb");
    await buildWarehouse({ data: f.data, db });
    const wh = await openWarehouse(db, { readOnly: false });
    try {
      await loadMonthlyFile(wh.connection, { name: "jxj.csv", bytes: Buffer.from("报送单位,指标编码,统计期,累计完成值,单位,完成状态,进展情况,填报人,填报日期\n市经信局,CX75-24-01,2017-10,12,位,,,张三,2017-11-03"), asOf: "2017-11-10", receivedAt: "2017-11-03 10:00:00", archiveName: null });
      await setAsOf(wh.connection, "2017-11-10");
      const [rank] = (await query(wh.connection, "SELECT t.falls, t.ceiling, t.rises, p.progress_status, p.awaiting_deadline FROM target_progress p JOIN targets t USING (target_id) WHERE p.code = 'CX75-24-01'")).rows;
      expect(rank).toEqual({ falls: true, ceiling: true, rises: false, progress_status: "on_track", awaiting_deadline: true });
    } finally {
      wh.close();
    }
  });

  it("a recurring target of a row whose deadline phrase keeps the duty up after its date (10月底前启动，每季度开展) has no deadline; the row's date stays", async () => {
    const f = copyData();
    edit(f.policyDir, "tasks.csv", ",年内,2017-12-31,146", ",10月底前启动，每季度开展,,146");
    const db = join(f.dir, "w.duckdb");
    await buildWarehouse({ data: f.data, db });
    const wh = await openWarehouse(db, { readOnly: true });
    try {
      const rows = (await query(wh.connection, `SELECT t.code, t.kind, t.deadline, k.deadline_date, k.deadline_continues FROM targets t JOIN raw.tasks k USING (task_id)
        WHERE k.row_no = 38 ORDER BY t.code`)).rows;
      expect(rows.map((r) => [r.code, r.kind, r.deadline, String(r.deadline_date), r.deadline_continues])).toEqual([
        ["CX75-38-01", "recurring", null, "2017-10-31", "recurring"],
        ["CX75-38-02", "recurring", null, "2017-10-31", "recurring"],
      ]);
    } finally {
      wh.close();
    }
  });

  it("a recurring target with no date of its own, in a row whose date is another target's stated in the text, has none (4月底前印发规则，每半年召开会议)", async () => {
    const f = copyData();
    const db = join(f.dir, "w.duckdb");
    const deadlines = async () => {
      await buildWarehouse({ data: f.data, db });
      const wh = await openWarehouse(db, { readOnly: true });
      try {
        return (await query(wh.connection, `SELECT code, deadline FROM targets WHERE row_no = 21 ORDER BY code`)).rows.map((r) => [r.code, r.deadline === null ? null : String(r.deadline)]);
      } finally {
        wh.close();
      }
    };
    // (no target of the row states 年内 in its text: the row's date is every target's)
    expect(await deadlines()).toEqual([["CX75-21-01", "2017-12-31"], ["CX75-21-02", "2017-12-31"], ["CX75-21-03", "2017-12-31"]]);
    edit(f.policyDir, "targets.csv", "CX75-21-01,published,21,milestone,,,,,,,,,,省", "CX75-21-01,published,21,milestone,,,,,,,,年内,2017-12-31,省");
    expect(await deadlines()).toEqual([["CX75-21-01", "2017-12-31"], ["CX75-21-02", "2017-12-31"], ["CX75-21-03", null]]);
  });

  it("a duty of every period in a row of 每年 (每年新增工业机器人200台, 每半个月通报), or a count with no date, runs to the policy's end_date, its goal the periods to it; with none, no deadline", async () => {
    const f = copyData();
    edit(f.policyDir, "tasks.csv", ",年内,2017-12-31,133", ",每年,,133");
    edit(f.policyDir, "tasks.csv", ",年内,2017-12-31,146", ",每半个月,,146");
    edit(f.policyDir, "targets.csv", "CX75-27-02,published,27,quantity,,200,,台,台,200,increment,,,工业机器人,,", "CX75-27-02,published,27,quantity,,200,,台,台,200,increment,,,工业机器人,每年,");
    const db = join(f.dir, "w.duckdb");
    const read = async () => {
      await buildWarehouse({ data: f.data, db });
      const wh = await openWarehouse(db, { readOnly: true });
      try {
        return (await query(wh.connection, `SELECT code, deadline, goal FROM targets WHERE code IN ('CX75-27-02', 'CX75-38-01', 'CX75-38-02') ORDER BY code`)).rows
          .map((r) => [r.code, r.deadline === null ? null : String(r.deadline), r.goal === null ? null : Number(r.goal)]);
      } finally {
        wh.close();
      }
    };
    expect(await read()).toEqual([["CX75-27-02", null, null], ["CX75-38-01", null, null], ["CX75-38-02", null, null]]);
    edit(f.policyDir, "policy.csv", /^(.*)published_date,(.*)\n(.*?),2017-09-11,/, "$1published_date,end_date,$2\n$3,2017-09-11,2019-12-31,");
    // (2017, 2018 and 2019: three years of 200)
    expect(await read()).toEqual([["CX75-27-02", "2019-12-31", 600], ["CX75-38-01", "2019-12-31", null], ["CX75-38-02", "2019-12-31", null]]);
    // a count of a row with no date, and of no period (row 3: 逐步培育建设一个以上智能经济服务中心), is due by the term's end too
    const wh = await openWarehouse(db, { readOnly: true });
    try {
      expect((await query(wh.connection, "SELECT CAST(deadline AS VARCHAR) AS deadline, goal FROM targets WHERE code = 'CX75-03-01'")).rows).toEqual([{ deadline: "2019-12-31", goal: 1 }]);
    } finally {
      wh.close();
    }
    // a rate of every year (单位GDP能耗下降3% in a row of 每年: frequency 每年): due by the term's end, each year's rate
    // judged against its value (not prorated over the term, its goal its value)
    edit(f.policyDir, "targets.csv", "CX75-27-01,published,27,quantity,,100,,个,个,100,increment,,,重点技术改造项目,,", "CX75-27-01,published,27,quantity,,3,,%,%,3,increment,,,单位GDP能耗,每年,");
    await buildWarehouse({ data: f.data, db });
    const rated = await openWarehouse(db, { readOnly: true });
    try {
      expect((await query(rated.connection, "SELECT CAST(deadline AS VARCHAR) AS deadline, goal, rate, prorated FROM targets WHERE code = 'CX75-27-01'")).rows)
        .toEqual([{ deadline: "2019-12-31", goal: 3, rate: true, prorated: false }]);
    } finally {
      rated.close();
    }
    // (a rate of each quarter, 每季度增长5%, is no rate over the term: no deadline from the term's end)
    edit(f.policyDir, "targets.csv", "CX75-27-01,published,27,quantity,,3,,%,%,3,increment,,,单位GDP能耗,每年,", "CX75-27-01,published,27,quantity,,3,,%,%,3,increment,,,单位GDP能耗,每季度,");
    await buildWarehouse({ data: f.data, db });
    const quarterly = await openWarehouse(db, { readOnly: true });
    try {
      expect((await query(quarterly.connection, "SELECT deadline, prorated FROM targets WHERE code = 'CX75-27-01'")).rows).toEqual([{ deadline: null, prorated: false }]);
    } finally {
      quarterly.close();
    }
    // an end before the issue date: rejected, naming the column
    edit(f.policyDir, "policy.csv", ",2019-12-31,", ",2016-12-31,");
    const error = await buildWarehouse({ data: f.data, db }).then(() => null, (e: Error) => e);
    expect((error as InputRejected).errors).toMatchObject([{ code: "E_BAD_VALUE", column: "end_date", value: "2016-12-31" }]);
  });

  it("a count of every month or quarter with no counting_start counts from the month or quarter of the policy's issue (no period before it owed)", async () => {
    const f = copyData();
    const db = join(f.dir, "w.duckdb");
    const read = async () => {
      await buildWarehouse({ data: f.data, db });
      const wh = await openWarehouse(db, { readOnly: true });
      try {
        return (await query(wh.connection, "SELECT CAST(counting_start AS VARCHAR) AS start, goal FROM targets WHERE code = 'CX75-27-02'")).rows[0];
      } finally {
        wh.close();
      }
    };
    // 每季度 新增工业机器人200台 by 2017-12-31, the policy of 2017-09-08: the third and fourth quarters, 400
    edit(f.policyDir, "targets.csv", "工业机器人,,,2017-01-01,", "工业机器人,每季度,,,");
    expect(await read()).toEqual({ start: "2017-07-01", goal: 400 });
    // 每月: September to December, 800
    edit(f.policyDir, "targets.csv", "工业机器人,每季度,,,", "工业机器人,每月,,,");
    expect(await read()).toEqual({ start: "2017-09-01", goal: 800 });
    // a counting_start written in the registry stands (a published code keeps its meaning)
    edit(f.policyDir, "targets.csv", "工业机器人,每月,,,", "工业机器人,每月,,2017-01-01,");
    expect(await read()).toEqual({ start: "2017-01-01", goal: 2400 });
    // (a figure per person, 培训每人: averaged, its decimals expected)
    edit(f.policyDir, "targets.csv", ",工业机器人,每月,", ",工业机器人培训每人,每月,");
    await buildWarehouse({ data: f.data, db });
    const wh = await openWarehouse(db, { readOnly: true });
    try {
      expect((await query(wh.connection, "SELECT averaged FROM targets WHERE code IN ('CX75-27-02', 'CX75-27-01') ORDER BY code")).rows).toEqual([{ averaged: false }, { averaged: true }]);
    } finally {
      wh.close();
    }
  });

  it("a share to keep of such a row (年内建成，长期坚持: WIFI 全覆盖, 100%) has no deadline either: a standard to keep", async () => {
    const f = copyData();
    edit(f.policyDir, "tasks.csv", ",年内,2017-12-31,141", ",年内建成，长期坚持,,141");
    const db = join(f.dir, "w.duckdb");
    await buildWarehouse({ data: f.data, db });
    const wh = await openWarehouse(db, { readOnly: true });
    try {
      const rows = (await query(wh.connection, `SELECT t.code, t.deadline, t.standing, k.deadline_date FROM targets t JOIN raw.tasks k USING (task_id)
        WHERE k.row_no = 33 ORDER BY t.code`)).rows;
      expect(rows.map((r) => [r.code, r.deadline, r.standing, String(r.deadline_date)])).toEqual([["CX75-33-01", null, true, "2017-12-31"]]);
    } finally {
      wh.close();
    }
  });

  it("a build with a shared prefix throws InputRejected before touching the warehouse", async () => {
    const f = twoPolicies(null);
    await expect(buildWarehouse({ data: f.data, db: join(f.dir, "w.duckdb") })).rejects.toBeInstanceOf(InputRejected);
  });
});
