import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { readTaskTable } from "../src/tasktable.js";
import { copyData, edit, POLICY, REAL_DATA } from "./support/fixtures.js";

const { table, errors } = readTaskTable(join(REAL_DATA, "policies", POLICY));

/** Accountable departments of each annex row, read by hand from the document (annex, corrected; gaps filled from the body). */
const EXPECTED: Record<number, [string, string]> = {
  1: ["市经信局", "市互联网办公室 市科技局"],
  2: ["市环杭州湾创新中心 市经信局 市科技局", ""],
  3: ["各镇(街道、园区)", "市经信局"],
  4: ["市经信局", ""], 5: ["市经信局", ""], 6: ["市经信局", ""],
  7: ["市高新区 慈溪滨海经济开发区管委会", "市经信局 市规划局 市国土资源局 市商务局"],
  8: ["市科技局", ""],
  9: ["市发展改革局 市经信局 周巷镇 观海卫镇 市环杭州湾创新中心 市高新区", "附海镇"],
  10: ["市委组织部 市经信局", ""], 11: ["市经信局", ""],
  12: ["市委人才办 市人力社保局", "市科技局 市商务局 市经信局"],
  13: ["市委组织部 市经信局", ""], 14: ["市委组织部", ""],
  15: ["市经信局 市金融办 市市场监管局", ""],
  16: ["市金融办 市经信局 市国资办 市财政局", ""],
  17: ["市财政局", "市经信局 市金融办"],
  18: ["市环杭州湾创新中心", "市金融办"],
  19: ["市经信局", ""], 20: ["市经信局", ""], 21: ["市经信局", ""], 22: ["市经信局", ""],
  23: ["市科技局 市经信局", ""],
  24: ["市经信局", "市互联网办公室"],
  25: ["市环杭州湾创新中心 市经信局", "市互联网办公室"],
  26: ["市商务局 市科技局 市互联网办公室", ""],
  27: ["市经信局", ""], 28: ["市经信局 市环保局", ""], 29: ["市经信局", ""], 30: ["市商务局", ""],
  31: ["市经信局 市市场监管局", ""], 32: ["市经信局", "市科技局"], 33: ["市经信局", ""],
  34: ["市人力社保局 市科技局 市环杭州湾创新中心", ""],
  35: ["市经信局 市金融办", "市财政局"], 36: ["市经信局", ""], 37: ["市经信局", "市委宣传部"],
  38: ["市经信局 市政府督查室", ""], 39: ["市经信局", ""],
};

describe("the Cixi 2017 task table as data", () => {
  it("loads with no error: 10 chapters, 34 items, 39 annex rows", () => {
    expect(errors).toEqual([]);
    expect([table!.chapters.length, table!.items.length, table!.tasks.length]).toEqual([10, 34, 39]);
  });

  it("every row's accountable lead and cooperating departments match the document", () => {
    const names = new Map(table!.departments.map((d) => [d.department_id, d.name]));
    const actual = Object.fromEntries(
      table!.tasks.map((t) => {
        const of = (role: string) =>
          table!.taskDepartments.filter((d) => d.task_id === t.task_id && d.role === role && d.accountable).map((d) => names.get(d.department_id)).join(" ");
        return [t.row_no, [of("lead"), of("coop")]];
      }),
    );
    expect(actual).toEqual(EXPECTED);
  });

  it("a split item's body departments stay on the item, not on each of its rows", () => {
    const item2Rows = table!.tasks.filter((t) => t.item_id === `${POLICY}.i02`).map((t) => t.task_id);
    expect(item2Rows).toHaveLength(2);
    expect(table!.taskDepartments.filter((d) => item2Rows.includes(d.task_id) && d.source === "body")).toEqual([]);
    expect(table!.itemDepartments.filter((d) => d.item_id === `${POLICY}.i02`)).toHaveLength(4);
  });

  it("keeps body and annex departments side by side where they differ (item (六))", () => {
    const row7 = table!.taskDepartments.filter((d) => d.task_id === `${POLICY}.r07`);
    expect(row7.some((d) => d.department_id === `${POLICY}.jxj` && d.role === "lead" && d.source === "body" && !d.accountable)).toBe(true);
    expect(row7.some((d) => d.department_id === `${POLICY}.jxj` && d.role === "coop" && d.accountable)).toBe(true);
  });

  it("lists every OCR correction beside its verbatim text and every gap", () => {
    const byKey = new Map(table!.corrections.map((c) => [`${c.row_no}/${c.field}`, c]));
    expect(byKey.get("9/lead_departments")?.verbatim).toContain("市及版以平向");
    expect(byKey.get("9/lead_departments")?.corrected).toContain("市发展改革局");
    expect(byKey.get("19/title_cell")?.corrected).toBe('深化"四服四促"精准服务企业');
    expect(byKey.get("22/title_cell")?.verbatim).toBe("建以制运业创新中心。");
    expect(byKey.get("1/lead_departments")?.kind).toBe("gap_filled");
    expect(byKey.get("8/lead_departments")?.kind).toBe("gap_filled");
    expect(byKey.get("7/coop_departments")?.kind).toBe("gap_filled");
    expect(byKey.get("3/deadline_text")?.kind).toBe("gap_open");
    expect(byKey.get("9/coop_departments")?.kind).toBe("gap_open");
    expect(table!.tasks.find((t) => t.row_no === 3)?.deadline_date).toBeNull();
  });

  it("keeps unrestorable person names verbatim and unresolved", () => {
    const unresolved = table!.persons.filter((p) => p.status === "unresolved").map((p) => p.name).sort();
    expect(unresolved).toEqual(["沈帑松", "杨和", "鲁小利登", "黄崭", "龚激曙明"].sort());
    expect(table!.persons.filter((p) => p.status === "unresolved").every((p) => p.department_id === null)).toBe(true);
  });

  it("derives deadlines from the text and the policy date", () => {
    const deadlines = new Map(table!.tasks.map((t) => [t.row_no, t.deadline_date]));
    expect(deadlines.get(35)).toBe("2017-10-31");
    expect(deadlines.get(36)).toBe("2017-09-30");
    expect(deadlines.get(39)).toBe("2017-12-31");
  });

  it("scopes every id by the policy", () => {
    const all = [...table!.tasks.map((t) => t.task_id), ...table!.items.map((i) => i.item_id), ...table!.departments.map((d) => d.department_id)];
    expect(all.every((id) => id.startsWith(`${POLICY}.`))).toBe(true);
  });
});

describe("a department written among the cooperators of a row it leads", () => {
  it("leads it, once (its workload not counted twice), and the build is told which row", () => {
    const { policyDir } = copyData();
    edit(policyDir, "tasks.csv", "市科技局、市 商务局、市经 信局,赵录平", "市科技局、市委人才办、市 商务局、市经 信局,赵录平");
    const r = readTaskTable(policyDir);
    expect(r.errors).toEqual([]);
    expect(r.table!.leadAlsoCooperating).toEqual([{ row_no: 12, mention: "市委人才办" }]);
    const roles = r.table!.taskDepartments.filter((d) => d.task_id === `${POLICY}.r12` && d.source === "annex").map((d) => [d.department_id.split(".").at(-1), d.role]);
    expect(roles.filter(([code]) => code === "rcb")).toEqual([["rcb", "lead"]]);
    expect(roles.filter(([, role]) => role === "coop")).toHaveLength(3);
    expect(readTaskTable(copyData().policyDir).table!.leadAlsoCooperating).toEqual([]);
  });
});

describe("rejections name the file, row, column and reason", () => {
  const rejected = (mutate: (policyDir: string) => void) => {
    const { policyDir } = copyData();
    mutate(policyDir);
    return readTaskTable(policyDir);
  };

  it("unknown department", () => {
    const r = rejected((d) => edit(d, "tasks.csv", "市委宣传部,龚激红", "市委外宣办,龚激红"));
    expect(r.table).toBeNull();
    expect(r.errors).toMatchObject([{ code: "E_UNKNOWN_DEPARTMENT", file: `data/policies/${POLICY}/tasks.csv`, row: 38, column: "coop_departments", value: "市委外宣办" }]);
    expect(r.errors[0]!.message).toContain("市委外宣办");
  });

  it("a cell copied as 「市经信局牵头，市委宣传部配合」 is asked to be split into lead and cooperating departments", () => {
    const r = rejected((d) => edit(d, "tasks.csv", '",市经信局,市委宣传部,龚激红', '",市经信局牵头，市委宣传部配合,,龚激红'));
    expect(r.table).toBeNull();
    expect(r.errors.map((e) => [e.code, e.row, e.column, e.value])).toEqual([
      ["E_UNKNOWN_DEPARTMENT", 38, "lead_departments", "市经信局牵头"],
      ["E_UNKNOWN_DEPARTMENT", 38, "lead_departments", "市委宣传部配合"],
    ]);
    for (const e of r.errors) expect(e.message).toContain("牵头部门填入 lead_departments，配合部门填入 coop_departments");
    expect(r.errors[1]!.message).toContain("分工词“配合”");
  });

  it("a cell naming no department of its own (「市经信局等按职责分工负责」, 各有关部门) is asked to be written out as a gap_filled correction", () => {
    const r = rejected((d) => edit(d, "tasks.csv", '",市经信局,市委宣传部,龚激红', '",市经信局等按职责分工负责,各有关部门,龚激红'));
    expect(r.errors.map((e) => [e.code, e.row, e.column, e.value])).toEqual([
      ["E_UNKNOWN_DEPARTMENT", 38, "lead_departments", "市经信局等按职责分工负责"],
      ["E_UNKNOWN_DEPARTMENT", 38, "coop_departments", "各有关部门"],
    ]);
    expect(r.errors[0]!.message).toContain("没有写出是哪些部门：请在 corrections.csv 中为第 37 行的 lead_departments 登记一条 gap_filled 更正");
    expect(r.errors[1]!.message).toContain("第 37 行的 coop_departments");
  });

  it("a target whose sentence was edited since: says what stands there now and how to go on; a retired target keeps its old spans", () => {
    const changed = rejected((d) => edit(d, "tasks.csv", "达到450家", "达到480家"));
    expect(changed.errors).toMatchObject([{ code: "E_BAD_VALUE", row: 8, column: "annex_text", value: "达到450家" }]);
    expect(changed.errors[0]!.message).toContain("该处现在是“达到480家”，原文已改动。若指标的数值或含义变了，请把该指标的 status 改为 retired，再运行 luoshi targets --write");
    // the same text moved (a word added before it): its new place
    const moved = rejected((d) => edit(d, "tasks.csv", "达到450家", "共计达到450家"));
    expect(moved.errors[0]!.message).toContain("这段文字现在在 102–108 处，请把 annex_start、annex_end 改为 102、108");
    // (a figure now inside a longer one, 1000人次 corrected to 21000人次: the text was edited, not moved)
    const longer = rejected((d) => edit(d, "tasks.csv", "1000人次以上", "21000人次以上"));
    expect(longer.errors).toMatchObject([{ code: "E_BAD_VALUE", column: "annex_text", value: "1000人次以上" }]);
    expect(longer.errors[0]!.message).toContain("原文已改动");
    const retired = rejected((d) => {
      edit(d, "tasks.csv", "达到450家", "达到480家");
      edit(d, "targets.csv", /^CX75-06-01,published,/m, "CX75-06-01,retired,");
    });
    expect(retired.errors).toEqual([]);
  });

  it("a group member whose code is not in departments.csv says so in one sentence", () => {
    const r = rejected((d) => edit(d, "group_members.csv", "gz,hsjd,", "gz,hsjdx,"));
    expect(r.errors).toMatchObject([{ code: "E_UNKNOWN_DEPARTMENT", row: 2, column: "member_code", value: "hsjdx" }]);
    expect(r.errors[0]!.message).toBe("部门不在部门字典中：departments.csv 中没有编码为「hsjdx」的部门（此列填 departments.csv 的 code 列）");
  });

  it("duplicate id", () => {
    const r = rejected((d) => edit(d, "tasks.csv", /\n39,34,/, "\n38,34,"));
    expect(r.errors).toContainEqual(expect.objectContaining({ code: "E_DUPLICATE_ID", row: 40, column: "row_no", value: "38" }));
  });

  it("bad date", () => {
    const r = rejected((d) => edit(d, "tasks.csv", "10月底前,2017-10-31", "10月底前,2017-10-32"));
    expect(r.errors).toMatchObject([{ code: "E_BAD_DATE", row: 36, column: "deadline_date", value: "2017-10-32" }]);
  });

  it("a deadline phrase that cannot be read as a date, with no deadline_date: E_BAD_DEADLINE, asking for the date", () => {
    const r = rejected((d) => edit(d, "tasks.csv", "10月底前,2017-10-31", "尽快,"));
    expect(r.table).toBeNull();
    expect(r.errors).toMatchObject([{ code: "E_BAD_DEADLINE", file: `data/policies/${POLICY}/tasks.csv`, row: 36, column: "deadline_text", value: "尽快" }]);
    expect(r.errors[0]!.message).toContain("deadline_date");
    // line 36 of the file holds annex row 35: the message names the row as the site and targets --check do
    expect(r.errors[0]!.message).toMatch(/^无法识别的完成时限（附件第 35 行）：/);
  });

  it("a deadline of several clauses, one not read: the message names that clause", () => {
    const r = rejected((d) => edit(d, "tasks.csv", "10月底前,2017-10-31", "10月底前完成，尽快推广,"));
    expect(r.errors).toMatchObject([{ code: "E_BAD_DEADLINE", row: 36, column: "deadline_text" }]);
    expect(r.errors[0]!.message).toContain("其中“尽快推广”读不出时限（其余部分可以读出）");
  });

  it("9月前, which reads two ways, is asked about: 8月底前 or 9月底前", () => {
    const r = rejected((d) => edit(d, "tasks.csv", "10月底前,2017-10-31", "11月前,"));
    expect(r.errors).toMatchObject([{ code: "E_BAD_DEADLINE", row: 36, column: "deadline_text", value: "11月前" }]);
    expect(r.errors[0]!.message).toContain("“10月底前”或“11月底前”");
    // (in a later clause too)
    const later = rejected((d) => edit(d, "tasks.csv", "10月底前,2017-10-31", "年内完成，9月前启动,"));
    expect(later.errors).toMatchObject([{ code: "E_BAD_DEADLINE", row: 36, column: "deadline_text" }]);
    expect(later.errors[0]!.message).toContain("“9月前”既可理解为8月底前，也可理解为9月底前");
  });

  it("2018.1, maybe 2018.10 with its zero dropped by Excel, is asked about: 1 月 or 10 月 (2018.12 is read: test/deadline.test.ts)", () => {
    const r = rejected((d) => edit(d, "tasks.csv", "10月底前,2017-10-31", "2018.1,"));
    expect(r.errors).toMatchObject([{ code: "E_BAD_DEADLINE", row: 36, column: "deadline_text", value: "2018.1" }]);
    expect(r.errors[0]!.message).toContain("“2018.1”可能是“2018.10”");
    expect(r.errors[0]!.message).toContain("“2018年1月底前”或“2018年10月底前”");
  });

  it("a day the month does not have (6月31日前) is rejected saying so, not with the general examples", () => {
    const r = rejected((d) => edit(d, "tasks.csv", "10月底前,2017-10-31", "2018年6月31日前,"));
    expect(r.errors).toMatchObject([{ code: "E_BAD_DEADLINE", row: 36, column: "deadline_text", value: "2018年6月31日前" }]);
    expect(r.errors[0]!.message).toContain("“2018年6月31日”这一天不存在（6月只有 30 天）：多半是指月底（2018年6月底前）");
  });

  it("a published_date before the issued_date (the two swapped?) is rejected, naming both", () => {
    const r = rejected((d) => edit(d, "policy.csv", ",2017-09-08,2017-09-11,", ",2017-09-11,2017-09-08,"));
    expect(r.errors).toMatchObject([{ code: "E_BAD_VALUE", column: "published_date", value: "2017-09-08" }]);
    expect(r.errors[0]!.message).toContain("发布日期 2017-09-08 早于发文日期 issued_date 2017-09-11");
  });

  it("a deadline read in the policy's year before it was issued (2017-09-08): E_DEADLINE_BEFORE_ISSUE, naming the phrase", () => {
    const r = rejected((d) => edit(d, "tasks.csv", "10月底前,2017-10-31", "6月底前,"));
    expect(r.errors).toMatchObject([{ code: "E_DEADLINE_BEFORE_ISSUE", row: 36, column: "deadline_text", value: "6月底前" }]);
    expect(r.errors[0]!.message).toContain("2017-06-30");
    expect(r.errors[0]!.message).toContain("按发文当年换算；如指次年");
    // a deadline that names its year is no month to read in another year: which of the two dates is wrong is asked
    const dated = rejected((d) => edit(d, "tasks.csv", "10月底前,2017-10-31", "2017年6月底前,"));
    expect(dated.errors).toMatchObject([{ code: "E_DEADLINE_BEFORE_ISSUE", row: 36, column: "deadline_text", value: "2017年6月底前" }]);
    expect(dated.errors[0]!.message).toContain("「2017年6月底前」写明了年份，请核对它与 policy.csv 的发文日期（issued_date）哪一个有误");
  });

  it("the deadline of clauses is their latest date (11月中旬启动，明年3月底前完成 → 2018-03-31)", () => {
    const { policyDir } = copyData();
    edit(policyDir, "tasks.csv", "10月底前,2017-10-31", "11月中旬启动，明年3月底前完成,");
    const r = readTaskTable(policyDir);
    expect(r.errors).toEqual([]);
    expect(r.table!.tasks.find((t) => t.row_no === 35)).toMatchObject({ deadline_date: "2018-03-31", deadline_rule: "next_year_month_end" });
  });

  it("an empty deadline not recorded as a gap: E_MISSING_DEADLINE", () => {
    const r = rejected((d) => edit(d, "tasks.csv", "10月底前,2017-10-31", ","));
    expect(r.errors).toMatchObject([{ code: "E_MISSING_DEADLINE", row: 36, column: "deadline_text" }]);
    expect(r.errors[0]!.message).toContain("gap_open");
  });

  it("a task under an item that items.csv does not have: E_UNKNOWN_REFERENCE on item_no", () => {
    const r = rejected((d) => edit(d, "tasks.csv", /\n39,34,/, "\n39,99,"));
    expect(r.table).toBeNull();
    expect(r.errors).toContainEqual(expect.objectContaining({ code: "E_UNKNOWN_REFERENCE", row: 40, column: "item_no", value: "99" }));
  });

  it("one alias given to two departments: E_DUPLICATE_ALIAS naming both codes", () => {
    const r = rejected((d) => edit(d, "departments.csv", "kjj,市科技局,慈溪市科学技术局,municipal_bureau,,", "kjj,市科技局,慈溪市科学技术局,municipal_bureau,市经济和信息化局,"));
    expect(r.table).toBeNull();
    const dup = r.errors.find((e) => e.code === "E_DUPLICATE_ALIAS");
    expect(dup).toMatchObject({ column: "aliases", value: "市经济和信息化局" });
    expect(dup!.message).toMatch(/jxj 和 kjj|kjj 和 jxj/);
  });

  it("policy.csv whose policy_id is not its folder's name: E_POLICY_MISMATCH", () => {
    const r = rejected((d) => edit(d, "policy.csv", /^cixi-2017-75,/m, "cixi-2017-76,"));
    expect(r.table).toBeNull();
    expect(r.errors).toContainEqual(expect.objectContaining({ code: "E_POLICY_MISMATCH", row: 2, column: "policy_id", value: "cixi-2017-76" }));
  });

  it("policy.csv with a second policy's row, or none: said with its row and column (a folder holds one policy)", () => {
    const two = rejected((d) => edit(d, "policy.csv", /\n$/, `\ncixi-2018-12,另一份政策,慈政发〔2018〕12号,慈溪市人民政府,2018-01-01,2018-01-02,,,,CX12,\n`));
    expect(two.table).toBeNull();
    expect(two.errors).toMatchObject([{ code: "E_BAD_VALUE", row: 3, column: "policy_id", value: "cixi-2018-12" }]);
    expect(two.errors[0]!.message).toContain("只能有一行");
    const none = rejected((d) => writeFileSync(join(d, "policy.csv"), readFileSync(join(d, "policy.csv"), "utf8").split("\n")[0] + "\n"));
    expect(none.errors).toMatchObject([{ code: "E_REQUIRED", row: 2, column: "policy_id" }]);
    expect(none.errors[0]!.message).toContain("没有数据行");
  });

  it("an empty annex cell filled in by a correction of another kind than gap_filled is refused (its source would read annex)", () => {
    const r = rejected((d) => edit(d, "corrections.csv", "1,lead_departments,,市经信局,gap_filled,", "1,lead_departments,,市经信局,ocr_error,"));
    expect(r.table).toBeNull();
    expect(r.errors).toMatchObject([{ code: "E_BAD_VALUE", file: `data/policies/${POLICY}/corrections.csv`, row: 2, column: "kind", value: "ocr_error" }]);
    expect(r.errors[0]!.message).toContain("gap_filled");
  });

  it("a correction rejected (a bad kind) is the only error: the names in the OCR text it was to replace are not reported unknown too", () => {
    const r = rejected((d) => edit(d, "corrections.csv", "镇长(主任),layout,", "镇长(主任),typo,"));
    expect(r.errors).toMatchObject([{ code: "E_BAD_VALUE", file: `data/policies/${POLICY}/corrections.csv`, column: "kind", value: "typo" }]);
  });

  it("a value outside a column's choices, said in Chinese with the choices", () => {
    const r = rejected((d) => edit(d, "corrections.csv", "高校科研院所,ocr_error,", "高校科研院所,typo,"));
    expect(r.errors).toMatchObject([{ code: "E_BAD_VALUE", row: 3, column: "kind", value: "typo" }]);
    expect(r.errors[0]!.message).toContain("只能是 ocr_error、");
    expect(r.errors[0]!.message).not.toMatch(/Invalid|expected/);
  });

  it("a rejected department or person row is reported alone: its mentions elsewhere are not reported as unknown", () => {
    const r = rejected((d) => {
      edit(d, "departments.csv", /^jxj,市经信局,([^,]*),municipal_bureau,/m, "jxj,市经信局,$1,bureau,");
      edit(d, "persons.csv", "p01,龚激红,市经信局,resolved,", "p01,龚激红,市经信局,known,");
    });
    expect(r.table).toBeNull();
    expect(r.errors.map((e) => [e.code, e.file.split("/").pop(), e.row, e.column, e.value])).toEqual([
      ["E_BAD_VALUE", "departments.csv", 2, "kind", "bureau"],
      ["E_BAD_VALUE", "persons.csv", 2, "status", "known"],
    ]);
  });

  it("missing column", () => {
    const r = rejected((d) => edit(d, "departments.csv", "code,name,full_name", "code,full_name"));
    expect(r.errors).toContainEqual(expect.objectContaining({ code: "E_MISSING_COLUMN", file: `data/policies/${POLICY}/departments.csv`, column: "name" }));
  });

  it("items.csv may give an item's label as printed (二、(一): numbered anew per chapter); without the column, the running (一)(二)…", () => {
    expect(table!.items.slice(0, 2).map((i) => i.item_label)).toEqual(["(一)", "(二)"]);
    const { policyDir } = copyData();
    const path = join(policyDir, "items.csv");
    const rows = Papa.parse<string[]>(readFileSync(path, "utf8"), { skipEmptyLines: true }).data;
    // (the second item is the first of chapter 2: printed (一) again; the first keeps the running label)
    writeFileSync(path, Papa.unparse([[...rows[0]!, "label"], ...rows.slice(1).map((r, i) => [...r, i === 1 ? "（一）" : ""])]));
    const r = readTaskTable(policyDir);
    expect(r.errors).toEqual([]);
    expect(r.table!.items.slice(0, 3).map((i) => i.item_label)).toEqual(["(一)", "（一）", "(三)"]);
  });

  it("an empty lead cell that is not recorded as a gap", () => {
    const r = rejected((d) => edit(d, "corrections.csv", /\n8,lead_departments[^\n]*/, ""));
    expect(r.errors).toMatchObject([{ code: "E_MISSING_LEAD", row: 9, column: "lead_departments" }]);
  });

  it("a correction whose verbatim text is not in the table", () => {
    const r = rejected((d) => edit(d, "corrections.csv", "加强舆论亘传,加强舆论宣传", "加强舆论宣专,加强舆论宣传"));
    expect(r.errors).toMatchObject([{ code: "E_CORRECTION_MISMATCH", file: `data/policies/${POLICY}/corrections.csv`, column: "verbatim" }]);
  });

  it("an unknown person", () => {
    const r = rejected((d) => edit(d, "tasks.csv", "龚激红 楼建航", "龚激红 楼建行"));
    expect(r.errors).toMatchObject([{ code: "E_UNKNOWN_PERSON", row: 39, column: "lead_persons", value: "楼建行" }]);
  });

  it("a file that cannot be read at all is reported alone, without a cascade of follow-on errors", () => {
    const r = rejected((d) => writeFileSync(join(d, "departments.csv"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: "E_FILE_UNREADABLE", file: `data/policies/${POLICY}/departments.csv` });
    expect(r.errors[0]!.message).toContain("CSV UTF-8");
    expect(r.errors[0]!.message).toContain("任务分解表只接受 CSV");
    expect(r.errors[0]!.message).not.toContain(".xlsx");
  });

  it("a stray comma is explained in Chinese with the field counts", () => {
    const r = rejected((d) => edit(d, "persons.csv", /\n([^\n]+)\n$/, "\n$1,多余\n"));
    expect(r.errors.some((e) => e.code === "E_BAD_VALUE" && e.message.includes("字段比表头多") && /表头 \d+ 个，该行 \d+ 个/.test(e.message))).toBe(true);
  });
});

describe("files as Excel saves them", () => {
  it("GBK, CRLF and trailing empty columns load like UTF-8", () => {
    const { policyDir } = copyData();
    const path = join(policyDir, "departments.csv");
    const text = readFileSync(path, "utf8").replace(/\r?\n/g, ",,\r\n");
    writeFileSync(path, iconv.encode(text, "gbk"));
    const r = readTaskTable(policyDir);
    expect(r.errors).toEqual([]);
    expect(r.table!.departments.length).toBe(readTaskTable(copyData().policyDir).table!.departments.length);
  });

  it("rows with LF line breaks pasted under a CRLF header load like the rest (the rows are not run together)", () => {
    const { policyDir } = copyData();
    const path = join(policyDir, "departments.csv");
    const lines = readFileSync(path, "utf8").split(/\r?\n/);
    writeFileSync(path, `${lines[0]}\r\n${lines.slice(1).join("\n")}`);
    const r = readTaskTable(policyDir);
    expect(r.errors).toEqual([]);
    expect(r.table!.departments.length).toBe(readTaskTable(copyData().policyDir).table!.departments.length);
  });
});
