import { describe, expect, it } from "vitest";
import { chineseOrdinal, normalizeName, normalizeProse, splitList } from "../src/text.js";

describe("text normalisation", () => {
  it("removes OCR line-wrap spaces inside names", () => {
    expect(normalizeName("市环杭州湾创新 中心")).toBe("市环杭州湾创新中心");
    expect(normalizeName("（市经信局）")).toBe("(市经信局)");
  });
  it("keeps spaces only between Latin words", () => {
    expect(normalizeProse("重点 领域 Smart Factory 建设")).toBe("重点领域Smart Factory建设");
    expect(normalizeProse('加快"互联网+" "大数据+"应用')).toBe('加快"互联网+""大数据+"应用');
  });
  it("splits lists on separators outside brackets only", () => {
    expect(splitList("市环杭州湾创新 中心、市经信局 、市科技局")).toEqual(["市环杭州湾创新中心", "市经信局", "市科技局"]);
    expect(splitList("各镇(街道、园 区)政府(办事 处、管委会)")).toEqual(["各镇(街道、园区)政府(办事处、管委会)"]);
    expect(splitList("、附海镇政府")).toEqual(["附海镇政府"]);
    expect(splitList("胡志远 霍建君", true)).toEqual(["胡志远", "霍建君"]);
    expect(splitList("")).toEqual([]);
  });
  it("writes item numbers as the document does", () => {
    expect([1, 10, 12, 20, 34].map(chineseOrdinal)).toEqual(["一", "十", "十二", "二十", "三十四"]);
  });
});
