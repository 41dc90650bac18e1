import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { classify, reconcile } from "../src/reconcile.js";
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

describe("matching a body sentence with the annex", () => {
  const item = { policy_id: "p", item_id: "p.i1", title: "推进平台建设", body_text: "" };
  const row = (n: number, content: string) => ({ task_id: `p.r${n}`, item_id: "p.i1", title_cell: "", content });
  const texts = (body: string, ...rows: string[]) =>
    reconcile([{ ...item, body_text: body }], rows.map((c, i) => row(i + 1, c)), [], []).map((d) => [d.kind, d.task_id, d.annex_text]);

  it("takes a sentence the annex splits at ；, or over two rows, as the one sentence it is (no difference, nothing missing)", () => {
    expect(texts("全年培训专业人才1000人次，引进高层次人才50名。", "全年培训专业人才1000人次；引进高层次人才50名。")).toEqual([]);
    expect(texts("6月底前出台实施细则，年内培育省级平台2个。", "6月底前出台实施细则。", "年内培育省级平台2个。")).toEqual([]);
  });
  it("compares such a sentence whole when it differs, and names the first row", () => {
    expect(texts("6月底前出台实施细则，年内培育省级平台2个。", "6月底前出台实施细则。", "年内培育省级平台3个。")).toEqual([
      ["number", "p.r1", "6月底前出台实施细则。年内培育省级平台3个。"],
    ]);
  });
  it("still says what the annex adds or leaves out", () => {
    expect(texts("出台实施细则。", "出台实施细则。", "建立联席会议制度。")).toEqual([["missing_in_body", "p.r2", "建立联席会议制度。"]]);
    expect(texts("出台实施细则。建立联席会议制度。", "出台实施细则。")).toEqual([["missing_in_annex", null, ""]]);
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
