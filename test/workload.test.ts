import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "../src/build.js";
import { openWarehouse, query, type Warehouse } from "../src/warehouse.js";
import { copyData } from "./support/fixtures.js";

let wh: Warehouse;
const rows = async (sql: string, params: string[] = []) => (await query(wh.connection, sql, params)).rows;

beforeAll(async () => {
  const fixture = copyData();
  const db = join(fixture.dir, "w.duckdb");
  await buildWarehouse({ data: fixture.data, db });
  wh = await openWarehouse(db);
  return () => wh.close();
});

describe("department workload", () => {
  // Counted by hand from the annex (after corrections, gaps filled from the body).
  it.each([
    // 市经信局 leads rows 1,2,4,5,6,9,10,11,13,15,16,19–25,27–29,31–33,35–39 and cooperates on rows 3, 7, 12, 17
    ["市经信局", 29, 4],
    // 市科技局 leads rows 2, 8, 23, 26, 34 and cooperates on rows 1, 12, 32
    ["市科技局", 5, 3],
    // 市金融办 leads rows 15, 16, 35 and cooperates on rows 17, 18
    ["市金融办", 3, 2],
  ])("%s leads %i rows and cooperates on %i", async (name, led, cooperated) => {
    const [w] = await rows("SELECT rows_led, rows_cooperated FROM department_workload WHERE name = $1", [name]);
    expect(w).toEqual({ rows_led: led, rows_cooperated: cooperated });
  });

  it("scores lead above cooperation and splits a row between co-leads", async () => {
    // row 16 has four co-leads: each carries 1/4 of the lead weight; 市国资办 has nothing else
    const [gzb] = await rows("SELECT workload_score FROM department_workload WHERE name = '市国资办'");
    expect(gzb!.workload_score).toBe(0.25);
    const [weights] = await rows("SELECT lead_weight, coop_weight FROM workload_weights");
    expect(weights!.lead_weight).toBeGreaterThan(weights!.coop_weight as number);
  });

  it("shows the group 各镇(街道、园区) as one department, not its members", async () => {
    const [group] = await rows("SELECT rows_led, is_group FROM department_workload WHERE name = '各镇(街道、园区)'");
    expect(group).toEqual({ rows_led: 1, is_group: true });
    const [members] = await rows("SELECT count(*) AS n FROM department_workload d JOIN group_members g ON g.member_id = d.department_id WHERE d.rows_total > 0 AND d.name NOT IN ('周巷镇', '观海卫镇', '附海镇')");
    expect(members!.n).toBe(0);
  });
});

describe("department network", () => {
  it("has exactly the lead–coop and co-lead pairs derived from task_departments", async () => {
    const assignments = await rows("SELECT task_id, department_id, role FROM task_departments WHERE accountable");
    const pairs = new Map<string, Set<string>>();
    const byTask = new Map<string, typeof assignments>();
    for (const a of assignments) byTask.set(a.task_id as string, [...(byTask.get(a.task_id as string) ?? []), a]);
    for (const [task, list] of byTask) {
      const leads = list.filter((a) => a.role === "lead").map((a) => a.department_id as string);
      const coops = list.filter((a) => a.role === "coop").map((a) => a.department_id as string);
      const add = (x: string, y: string) => {
        if (x === y) return;
        const key = [x, y].sort().join(" ");
        pairs.set(key, (pairs.get(key) ?? new Set()).add(task));
      };
      for (const l of leads) for (const c of coops) add(l, c);
      for (const a of leads) for (const b of leads) if (a < b) add(a, b);
    }
    const expected = Object.fromEntries([...pairs].map(([k, tasks]) => [k, tasks.size]));
    const edges = await rows("SELECT department_a, department_b, weight FROM department_edges");
    const actual = Object.fromEntries(edges.map((e) => [`${e.department_a} ${e.department_b}`, e.weight]));
    expect(actual).toEqual(expected);
  });

  it("makes 市经信局 the largest hub", async () => {
    const ranked = await rows("SELECT name FROM department_centrality ORDER BY weighted_degree DESC, degree DESC");
    expect(ranked[0]!.name).toBe("市经信局");
    const [top] = await rows("SELECT name FROM department_centrality ORDER BY betweenness DESC LIMIT 1");
    expect(top!.name).toBe("市经信局");
  });

  it("lists the rows that need the most departments", async () => {
    const [row] = await rows("SELECT row_no, departments FROM task_department_counts ORDER BY departments DESC, row_no LIMIT 1");
    expect(row).toEqual({ row_no: 9, departments: 7 }); // item (八): six leads + 附海镇
  });
});
