/** Data files of the site's pages (src/site.ts): rows written as columns come back as the same rows on the page. */
import { describe, expect, it } from "vitest";
import { columnar } from "../src/site.js";
// @ts-ignore: a page module in plain JavaScript
import { rowsOf } from "../docs/components/columns.js";
// @ts-ignore: a page module in plain JavaScript
import { cnNumber } from "../docs/components/numerals.js";
// @ts-ignore: a page module in plain JavaScript
import { fitNames, textWidth } from "../docs/components/fit.js";
// @ts-ignore: a page module in plain JavaScript
import { historyMonths, monthsBetween } from "../docs/components/months.js";

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

describe("report histories (task and department pages): a column for every month, none dropped", () => {
  it("monthsBetween: every month from the first to the last, across a year; none when the last is before the first", () => {
    expect(monthsBetween("2017-11", "2018-02")).toEqual(["2017-11", "2017-12", "2018-01", "2018-02"]);
    expect(monthsBetween("2018-01", "2017-12")).toEqual([]);
  });

  it("historyMonths: from the first month sent to the last one due, a month nothing came for included", () => {
    // (sent in 2017-09, 10 and 12; the report of 2018-01 due by the as-of date)
    expect(historyMonths(["2017-12", "2017-09", "2017-10", "2017-10"], "2018-01")).toEqual({ periods: ["2017-09", "2017-10", "2017-11", "2017-12", "2018-01"], unlisted: "" });
    expect(historyMonths(["2017-09", "2017-10"])).toEqual({ periods: ["2017-09", "2017-10"], unlisted: "" });
    expect(historyMonths([], "2018-01")).toEqual({ periods: [], unlisted: "" });
  });

  it("historyMonths: from the first month owed when nothing was sent for it (a first month never sent is a column too)", () => {
    expect(historyMonths(["2017-10", "2017-11"], "2017-11", 12, "2017-08")).toEqual({ periods: ["2017-08", "2017-09", "2017-10", "2017-11"], unlisted: "" });
    // (a first month owed too far back for the window changes nothing: the months due lately stay in view)
    expect(historyMonths(["2019-01", "2019-02", "2019-03"], "2019-06", 12, "2017-09")).toEqual({ periods: ["2019-01", "2019-02", "2019-03", "2019-04", "2019-05", "2019-06"], unlisted: "" });
    // (a first month owed after the first one sent changes nothing)
    expect(historyMonths(["2017-10", "2017-11"], "2017-11", 12, "2017-11")).toEqual({ periods: ["2017-10", "2017-11"], unlisted: "" });
  });

  it("historyMonths: months due long after the last one sent are said, not listed (the months sent stay in view)", () => {
    expect(historyMonths(["2017-09", "2017-12"], "2026-11", 12)).toEqual({
      periods: ["2017-09", "2017-10", "2017-11", "2017-12"], unlisted: "2017-12 之后至 2026-11 均无报送（未列出）。",
    });
  });
});

describe("cnNumber: the briefing numbers its sections （一）…（十一）… as documents do", () => {
  it("writes 1–99 in Chinese numerals, larger numbers in digits", () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99, 100].map((n) => cnNumber(n))).toEqual(["一", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "100"]);
  });
});

describe("fitNames: a chart with names on its left fits its card, on a phone too", () => {
  const names = ["市人力社保局", "市环杭州湾创新中心", "慈溪滨海经济开发区管委会"];

  it("on a wide card: the margin the longest name needs (up to max), every name whole", () => {
    const fit = fitNames(1000, names, { max: 400 });
    expect(fit.width).toBe(1000);
    expect(fit.marginLeft).toBe(Math.round(textWidth("慈溪滨海经济开发区管委会") + 14));
    expect(names.map(fit.tickFormat)).toEqual(names);
  });

  it("on a phone's card (326 px): never wider than the card, the margin at most its share, a long name cut with …", () => {
    const fit = fitNames(326, names, { max: 170 });
    expect(fit.width).toBe(326);
    expect(fit.marginLeft).toBeLessThanOrEqual(Math.round(326 * 0.42));
    const cut = fit.tickFormat("慈溪滨海经济开发区管委会");
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut)).toBeLessThanOrEqual(fit.marginLeft - 12);
    expect(fit.tickFormat("市人力社保局")).toBe("市人力社保局");
    // (the label's hover text: the name cut, whole; none for a name shown whole)
    expect(fit.title("慈溪滨海经济开发区管委会")).toBe("慈溪滨海经济开发区管委会");
    expect(fit.title("市人力社保局")).toBeNull();
    // (the names' axis mark takes both)
    expect(fit.axis).toEqual({ label: null, tickFormat: fit.tickFormat, title: fit.title });
  });

  it("a card measured at 0 px while laying out, no names, or numbers for names: still a chart with room for its marks", () => {
    for (const [width, list] of [[0, names], [0, []], [326, ["慈溪滨海经济开发区管委会".repeat(4)]]] as const) {
      const fit = fitNames(width, list);
      expect(fit.marginLeft).toBeGreaterThan(0);
      expect(fit.width - fit.marginLeft).toBeGreaterThanOrEqual(150);
    }
    expect(fitNames(326, [42, 7]).tickFormat(42)).toBe("42");
    expect(fitNames(326, names).tickFormat(null)).toBe("");
  });
});
