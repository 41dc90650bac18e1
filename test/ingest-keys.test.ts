// How a department name written in a report is matched to the warehouse's aliases (src/ingest/keys.ts).
import { describe, expect, it } from "vitest";
import { aliasCandidates, departmentResolver, lookupKeys } from "../src/ingest/keys.js";

const ALIASES = aliasCandidates([
  ["市经信局", "市经信局"],
  ["慈溪市经济和信息化局", "市经信局"],
  ["各镇（街道、园区）", "各镇(街道、园区)"],
  ["浒山街道", "浒山街道"],
  ["周巷镇", "周巷镇"],
]);
const resolve = departmentResolver(ALIASES);

describe("department names as departments write them", () => {
  it.each([
    ["市经信局", "市经信局"],
    [" 市 经信局 ", "市经信局"],
    ["市经信局（盖章）", "市经信局"],
    ["市经信局(公章)", "市经信局"],
    ["慈溪市经济和信息化局（盖章）", "市经信局"],
    ["慈溪市经济和信息化局（印）", "市经信局"],
    ["各镇(街道、园区)", "各镇(街道、园区)"], // full-width and ASCII brackets match alike
    ["浒山街道办事处", "浒山街道"],
    ["浒山街道办事处（盖章）", "浒山街道"],
    // 街道办 for 街道办事处, and the office in brackets
    ["浒山街道办", "浒山街道"],
    ["浒山街道（办事处）", "浒山街道"],
    // 镇政府 for 镇人民政府
    ["周巷镇人民政府", "周巷镇"],
    ["周巷镇政府", "周巷镇"],
  ])("%s → %s", (written, canonical) => {
    expect(resolve(written)).toBe(canonical);
  });

  it.each([["市教育局"], ["（盖章）"], ["盖章"], ["人民政府"], [""], ["市府办"], ["街道办"], ["市政府"], ["政府"]])("%s stays unknown", (written) => {
    expect(resolve(written)).toBeNull();
  });

  it("tries the name as written first, so an alias that ends in 办事处 is still found as such", () => {
    expect(lookupKeys("某某办事处")).toEqual(["某某办事处", "某某"]);
    expect(departmentResolver(aliasCandidates([["某某办事处", "甲"], ["某某", "乙"]]))("某某办事处")).toBe("甲");
  });

  it("a name two policies use for different departments: its own department first, the row's target's reporter when given", () => {
    // policy A: 市互联网办公室, also called 市网信办; policy B: 市网信办, also called 市互联网办公室
    const both = aliasCandidates([["市互联网办公室", "市互联网办公室"], ["市网信办", "市互联网办公室"], ["市网信办", "市网信办"], ["市互联网办公室", "市网信办"]]);
    expect(both.get("市网信办")).toEqual(["市网信办", "市互联网办公室"]);
    expect(both.get("市互联网办公室")).toEqual(["市互联网办公室", "市网信办"]);
    const resolveIn = departmentResolver(both);
    expect(resolveIn("市网信办")).toBe("市网信办");
    expect(resolveIn("市网信办", ["市互联网办公室", "市经信局"])).toBe("市互联网办公室");
    expect(resolveIn("市网信办", ["市经信局"])).toBe("市网信办"); // reported by neither: its own (then E_NOT_REPORTER)
    // the order the alias rows come in does not matter
    expect(aliasCandidates([["市网信办", "市互联网办公室"], ["市网信办", "市网信办"]]).get("市网信办")).toEqual(["市网信办", "市互联网办公室"]);
  });
});
