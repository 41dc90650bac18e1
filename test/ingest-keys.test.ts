// How a department name written in a report is matched to the warehouse's aliases (src/ingest/keys.ts).
import { describe, expect, it } from "vitest";
import { aliasKey, departmentResolver, lookupKeys } from "../src/ingest/keys.js";

const ALIASES = new Map([
  [aliasKey("市经信局"), "市经信局"],
  [aliasKey("慈溪市经济和信息化局"), "市经信局"],
  [aliasKey("各镇（街道、园区）"), "各镇(街道、园区)"],
  [aliasKey("浒山街道"), "浒山街道"],
]);
const resolve = departmentResolver(ALIASES);

describe("department names as departments write them", () => {
  it.each([
    ["市经信局", "市经信局"],
    [" 市 经信局 ", "市经信局"],
    ["市经信局（盖章）", "市经信局"],
    ["市经信局(公章)", "市经信局"],
    ["慈溪市经济和信息化局（盖章）", "市经信局"],
    ["各镇(街道、园区)", "各镇(街道、园区)"], // full-width and ASCII brackets match alike
    ["浒山街道办事处", "浒山街道"],
    ["浒山街道办事处（盖章）", "浒山街道"],
  ])("%s → %s", (written, canonical) => {
    expect(resolve(written)).toBe(canonical);
  });

  it.each([["市教育局"], ["（盖章）"], ["盖章"], ["人民政府"], [""]])("%s stays unknown", (written) => {
    expect(resolve(written)).toBeNull();
  });

  it("tries the name as written first, so an alias that ends in 办事处 is still found as such", () => {
    expect(lookupKeys("某某办事处")).toEqual(["某某办事处", "某某"]);
    expect(departmentResolver(new Map([["某某办事处", "甲"], ["某某", "乙"]]))("某某办事处")).toBe("甲");
  });
});
