import { describe, expect, it } from "vitest";
import { DepartmentDictionary } from "../src/departments.js";
import { parseResponsibility } from "../src/responsibility.js";
import type { DepartmentRow } from "../src/schemas.js";

const dept = (code: string, name: string, aliases = ""): DepartmentRow => ({
  code, name, full_name: "", kind: "municipal_bureau", aliases, in_document: true, note: "",
});
const dictionary = new DepartmentDictionary([
  dept("jxj", "市经信局"), dept("kjj", "市科技局"), dept("ghj", "市规划局"), dept("gtj", "市国土资源局"),
  dept("swj", "市商务局"), dept("gxq", "市高新区", "慈溪高新技术产业开发区"), dept("bhq", "慈溪滨海经济开发区管委会"),
  dept("hzw", "市环杭州湾创新中心"), dept("jrb", "市金融办"),
]);
const roles = (text: string) => parseResponsibility(text, dictionary).map((m) => `${m.department?.name ?? "?" + m.text}:${m.role}`);

describe("responsibility brackets of body items", () => {
  it("a bare name leads", () => expect(roles("市经信局")).toEqual(["市经信局:lead"]));
  it("牵头 and 配合 clauses", () =>
    expect(roles("市经信局 牵头,市科技局、市商务局配合")).toEqual(["市经信局:lead", "市科技局:coop", "市商务局:coop"]));
  it("roles joined by 、 in one clause", () =>
    expect(roles("市环杭州湾创新中心牵头、市金融办配合")).toEqual(["市环杭州湾创新中心:lead", "市金融办:coop"]));
  it("duties after role words, names joined by 和, names with no role word beside leads", () =>
    expect(
      roles("慈溪高新技术产业开发区和慈溪滨海经济开发区管委会落实,市经信局牵头做好前期谋划,市规划局、市国土资源局做好规划调整、市商务局配合做好引进项目跟踪服务"),
    ).toEqual(["市高新区:lead", "慈溪滨海经济开发区管委会:lead", "市经信局:lead", "市规划局:coop", "市国土资源局:coop", "市商务局:coop"]));
  it("reports an unknown name instead of dropping it", () =>
    expect(roles("市经信局、市旅游局牵头")).toEqual(["市经信局:lead", "?市旅游局:lead"]));
});
