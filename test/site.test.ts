/** Data files of the site's pages (src/site.ts): rows written as columns come back as the same rows on the page. */
import { describe, expect, it } from "vitest";
import { columnar } from "../src/site.js";
// @ts-ignore: a page module in plain JavaScript
import { rowsOf } from "../docs/components/columns.js";
// @ts-ignore: a page module in plain JavaScript
import { cnNumber } from "../docs/components/numerals.js";

describe("columnar", () => {
  const rows = [
    { department_name: "匡堰镇", period: "2017-09", status: "late", owed_targets: 1, completeness: 1 },
    { department_name: "匡堰镇", period: "2017-10", status: "missing", owed_targets: 2, completeness: 0.5 },
    { department_name: "龙山镇", period: "2017-09", status: "late", owed_targets: 1, completeness: null },
  ];

  it("codes the named text columns as indexes into their distinct values, and rowsOf gives the rows back", () => {
    const c = columnar(rows, ["department_name", "period", "status"]);
    expect(c.values).toEqual({ department_name: ["匡堰镇", "龙山镇"], period: ["2017-09", "2017-10"], status: ["late", "missing"] });
    expect(c.columns.department_name).toEqual([0, 0, 1]);
    expect(c.columns.completeness).toEqual([1, 0.5, null]);
    expect(rowsOf(JSON.parse(JSON.stringify(c)))).toEqual(rows);
  });

  it("no rows: no columns", () => {
    expect(rowsOf(columnar([], ["status"]))).toEqual([]);
  });
});

describe("cnNumber: the briefing numbers its sections （一）…（十一）… as documents do", () => {
  it("writes 1–99 in Chinese numerals, larger numbers in digits", () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99, 100].map((n) => cnNumber(n))).toEqual(["一", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "100"]);
  });
});
