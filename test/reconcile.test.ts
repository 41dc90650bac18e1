import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { classify } from "../src/reconcile.js";
import { buildWarehouse } from "../src/build.js";
import { openWarehouse, query } from "../src/warehouse.js";
import { copyData } from "./support/fixtures.js";

describe("classifying a body/annex difference", () => {
  it.each([
    ["选拔10名左右年轻骨干", "选拔10名以上年轻骨干", "number"],
    ["总规模扩大至20亿元以上。", "总规模扩大至20亿元。", "number"],
    ["定时通报进展情况", "每半个月通报进展情况", "frequency"],
    ["邀请省领导讲座", "邀请省人大领导讲座", "wording"],
  ])("%s / %s → %s", (body, annex, kind) => {
    expect(classify(body, annex).kind).toBe(kind);
  });
  it("keeps the differing passages for highlighting", () => {
    expect(JSON.parse(classify("邀请省领导", "邀请省人大领导").segments)).toEqual([
      { side: "both", text: "邀请省" }, { side: "annex", text: "人大" }, { side: "both", text: "领导" },
    ]);
  });
});

describe("the Cixi document's body/annex differences", () => {
  let rows: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const f = copyData();
    const db = join(f.dir, "w.duckdb");
    await buildWarehouse({ data: f.data, db });
    const wh = await openWarehouse(db);
    rows = (await query(wh.connection, "SELECT item_label, row_no, kind, body_text, annex_text FROM discrepancies")).rows;
    wh.close();
  });
  const find = (item: string, kind: string) => rows.filter((r) => r.item_label === item && r.kind === kind);

  it("lists about twenty, each with its texts", () => {
    expect(rows.length).toBeGreaterThanOrEqual(18);
    expect(rows.length).toBeLessThanOrEqual(24);
  });
  it.each([
    ["(十二)", "number", "10名左右", "10名以上"],
    ["(十五)", "number", "20亿元以上", "20亿元。"],
    ["(十三)", "wording", "工作要点", "实施方案"],
    ["(十)", "verb", "培育", "打造"],
    ["(十一)", "wording", "省领导", "省人大领导"],
    ["(三十三)", "frequency", "定时", "每半个月"],
  ])("item %s: %s (%s / %s)", (item, kind, body, annex) => {
    const [d] = find(item, kind);
    expect(String(d!.body_text)).toContain(body);
    expect(String(d!.annex_text)).toContain(annex);
  });
  it("finds the department differences of items (二十二) and (二十五)", () => {
    expect(find("(二十二)", "department_missing_in_body")[0]).toMatchObject({ row_no: 26, annex_text: "市商务局（牵头）" });
    expect(find("(二十五)", "department_missing_in_annex")[0]).toMatchObject({ body_text: "市互联网办公室（配合）" });
  });
});
