import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCsv } from "../src/csv.js";
import { PACKAGE_ROOT } from "../src/paths.js";
import { itemSchema, policySchema } from "../src/schemas.js";
import { scanFigures } from "../src/targets/figures.js";
import { EXCLUSION_RULES, UNITS, parseArabicNumeral, parseChineseNumeral, parseTargets, type ParsedTarget } from "../src/targets/index.js";
import { findProtectedSpans, normalizeWidth } from "../src/targets/segment.js";
import { chineseOrdinal } from "../src/text.js";

const POLICY_DATE = "2017-09-08";

type Row = {
  text: string;
  value: number | null;
  valueMax: number | null;
  unit: string | null;
  valueInBaseUnit: number | null;
  comparator: ParsedTarget["comparator"];
  measure: ParsedTarget["measure"];
  subject: string;
  deadline: string | null;
  frequency: string | null;
};

const row = (t: ParsedTarget): Row => ({
  text: t.text,
  value: t.value,
  valueMax: t.valueMax,
  unit: t.unit,
  valueInBaseUnit: t.valueInBaseUnit,
  comparator: t.comparator,
  measure: t.measure,
  subject: t.subject,
  deadline: t.horizon?.deadline ?? null,
  frequency: t.frequency ?? null,
});

const parse = (text: string) => parseTargets(text, { policyDate: POLICY_DATE });
const quantities = (text: string) => parse(text).filter((t) => t.kind === "quantity");

describe("numerals", () => {
  it.each([
    ["一", 1], ["两", 2], ["十", 10], ["十五", 15], ["二十", 20], ["一百二十", 120], ["一百二", 120], ["两百", 200],
    ["三千", 3000], ["一百零五", 105], ["一万五千", 15000], ["一万五", 15000], ["三万", 30000], ["二十亿", 2_000_000_000],
  ])("%s = %d", (text, value) => expect(parseChineseNumeral(text)).toBe(value));

  it.each(["个十百千", "十百千", "十三五", "一二", "千", "万一", "二〇一七"])("%s is not a number", (text) => {
    expect(parseChineseNumeral(text)).toBeNull();
  });

  it.each([["1,200", 1200], ["1.5", 1.5], ["12,000,000", 12_000_000], ["1,20", null]] as const)("%s = %s", (text, value) => {
    expect(parseArabicNumeral(text)).toBe(value);
  });

  it("has a unit table with money normalised to 万元", () => {
    expect(UNITS.find((u) => u.unit === "亿元")).toMatchObject({ baseUnit: "万元", factor: 10000 });
    expect(UNITS.find((u) => u.unit === "元")).toMatchObject({ baseUnit: "万元", factor: 0.0001 });
    expect(UNITS.find((u) => u.unit === "家")).toMatchObject({ baseUnit: "家", factor: 1 });
  });
});

// Phrasings beyond the seed document: text → the quantity targets it must yield, in order.
const PHRASINGS: [string, Partial<Row>[]][] = [
  // (a year compared with is no deadline: 达到2019年的90%, 在2022年底80家的基础上, 按2022年底存量计算)
  ["全市旅游总人次达到2019年的90%以上", [{ value: 90, unit: "%", comparator: "at_least", measure: "level", subject: "全市旅游总人次（为2019年的）", deadline: null }]],
  // (a bound, then what the share or multiple is of: 不超过法定时限的40%, 不低于当地低保标准的1.3倍)
  ["承诺件办结时限不超过法定时限的40%", [{ value: 40, unit: "%", comparator: "at_most", measure: "level", subject: "承诺件办结时限（为法定时限的）" }]],
  ["特困人员基本生活标准不低于当地低保标准的1.3倍", [{ value: 1.3, unit: "倍", comparator: "at_least", subject: "特困人员基本生活标准（为当地低保标准的）" }]],
  ["人均收入达到全国平均水平的1.5倍", [{ value: 1.5, unit: "倍", comparator: "reach", measure: "level", subject: "人均收入（为全国平均水平的）" }]],
  // (a fraction in words is a percentage to two decimals: 三分之一 33.33%, 千分之五 0.5%)
  // (法定时限 is no 定时 duty either)
  ["审批时限压缩至法定时限的三分之一以内", [{ value: 33.33, unit: "%", comparator: "at_most", measure: "level", subject: "审批时限（为法定时限的）", frequency: null }]],
  ["人口自然增长率控制在千分之五以内", [{ value: 0.5, unit: "%", comparator: "at_most", measure: "level", subject: "人口自然增长率" }]],
  ["行政村集体经济收入30万元以上的村达到五分之二以上", [{ value: 40, unit: "%", comparator: "at_least", measure: "level" }]],
  // (培训时间: how long the training lasts, a level to stay at or above, not a count of what is trained)
  ["新入职人员培训时间不少于3个月", [{ value: 3, unit: "个月", comparator: "at_least", measure: "level", subject: "新入职人员培训时间" }]],
  ["培训人数达到1000人", [{ value: 1000, unit: "人", comparator: "reach", measure: "level", subject: "培训人数" }]],
  // (a share in brackets, 10家（其中国家级5家）, as after a comma)
  ["新增省级以上企业技术中心10家（其中国家级5家）", [{ value: 10, unit: "家", subject: "省级以上企业技术中心" }, { value: 5, unit: "家", subject: "国家级企业技术中心" }]],
  ["在2016年底80家的基础上，再新增20家", [{ text: "20家", value: 20, unit: "家", measure: "increment", deadline: null }]],
  ["按2016年底存量计算，新增养老床位1000张", [{ text: "1000张", value: 1000, unit: "张", measure: "increment", subject: "养老床位", deadline: null }]],
  // (法定时限, 约定时间: no frequency 定时)
  ["在法定时限内办结率达到100%", [{ value: 100, unit: "%", comparator: "reach", measure: "level", frequency: null }]],
  ["按约定时间完成土地出让100亩", [{ value: 100, unit: "亩", measure: "increment", subject: "土地出让", frequency: null }]],
  // (递增 a change: a rate of each year; 年均新增 a count of every year, as 平均每年新增 is)
  ["财政科技投入每年递增10%以上", [{ value: 10, unit: "%", comparator: "at_least", measure: "increment", subject: "财政科技投入", frequency: "每年" }]],
  ["年均新增科技型中小企业300家以上", [{ value: 300, unit: "家", comparator: "at_least", measure: "increment", subject: "科技型中小企业", frequency: "每年" }]],
  ["研发投入年均增长15%", [{ value: 15, unit: "%", measure: "increment", subject: "研发投入", frequency: null }]],
  // (个月, 册, 升, 标台; a span of months no level of them: 3个月内完成整改, 为期6个月)
  ["商品住房去化周期控制在12-18个月", [{ value: 12, valueMax: 18, unit: "个月", comparator: "at_most", measure: "level", subject: "商品住房去化周期" }]],
  ["商品住房去化周期保持在12个月以内", [{ value: 12, unit: "个月", comparator: "at_most", measure: "level", deadline: null }]],
  ["3个月内完成整改，为期6个月", []],
  ["藏书量达到1.5万册", [{ value: 15000, unit: "册", comparator: "reach", measure: "level", subject: "藏书量" }]],
  ["人均日生活用水量控制在150升以内", [{ value: 150, unit: "升", comparator: "at_most", measure: "level", subject: "人均日生活用水量" }]],
  // (a rate per so many people or vehicles: 10/10万, 十万人口…, 万车死亡率; the population no target of its own)
  ["孕产妇死亡率控制在10/10万以下", [{ value: 10, unit: "/10万", comparator: "at_most", measure: "level", subject: "孕产妇死亡率" }]],
  ["十万人口刑事案件发案数下降10%", [{ value: 10, unit: "%", measure: "increment", subject: "十万人口刑事案件发案数" }]],
  ["道路交通万车死亡率控制在1.8以下", [{ value: 1.8, unit: "", comparator: "at_most", measure: "level", subject: "道路交通万车死亡率" }]],
  ["新增就业十万人以上", [{ value: 100000, unit: "人", comparator: "at_least", measure: "increment", subject: "就业" }]],
  // (years before the subject of 分别, the last read as the clause's time: each figure of its year)
  ["2017年、2018年、2019年高标准农田面积分别达到80万亩、85万亩、90万亩", [
    { value: 80, unit: "万亩", subject: "高标准农田面积", deadline: "2017-12-31" }, { value: 85, unit: "万亩", subject: "高标准农田面积", deadline: "2018-12-31" },
    { value: 90, unit: "万亩", subject: "高标准农田面积", deadline: "2019-12-31" }]],
  // (a bracket alone after the figure qualifies the subject; another unit in it, 套（间）, does not)
  ["平均接电时间压减至15天（低压）、30天（高压）", [{ value: 15, unit: "天", subject: "平均接电时间(低压)" }, { value: 30, unit: "天", subject: "平均接电时间(高压)" }]],
  ["新建保障性住房1.5万套（间）", [{ value: 15000, unit: "套", subject: "保障性住房" }]],
  // (review of the session's changes: what the new rules must leave as it was)
  // (在3个月内 a deadline; 年均 in a metric's name no yearly count; people as the object of a verb; money sought; a rate's name)
  ["各地在3个月内建成平台", []],
  ["到2025年，PM2.5年均浓度下降3微克/立方米", [{ value: 3, unit: "微克/立方米", frequency: null, deadline: "2025-12-31" }]],
  ["带动十万人就业增收", [{ value: 100000, unit: "人" }]],
  ["对上争取中央预算内投资补助5亿元以上", [{ value: 5, unit: "亿元", comparator: "at_least" }]],
  ["城乡低保金按标准发放率达到100%", [{ value: 100, unit: "%", subject: "城乡低保金按标准发放率" }]],
  ["到2025年在2017年的基础上增长10%", [{ value: 10, unit: "%", deadline: "2025-12-31" }]],
  ["全市高新技术企业从500家企业增加到800家", [{ value: 800, unit: "家", subject: "全市高新技术企业" }]],
  ["平均办理时间由6个月压减至3个月", [{ value: 3, unit: "个月", subject: "平均办理时间" }]],
  // (a bound as tables write it: ≤, ≥, ＞)
  ["城镇登记失业率≤4%", [{ text: "≤4%", value: 4, unit: "%", comparator: "at_most", measure: "level", subject: "城镇登记失业率" }]],
  ["一网通办率＞90%", [{ value: 90, unit: "%", comparator: "at_least", measure: "level", subject: "一网通办率" }]],
  ["城乡居民收入比≤1.8", [{ value: 1.8, unit: "", comparator: "at_most", measure: "level", subject: "城乡居民收入比" }]],
  // (a numeral after the unit grading what is counted is no set phrase like 四个一批)
  ["新增3家三级甲等医院", [{ text: "3家", value: 3, unit: "家", measure: "increment", subject: "三级甲等医院" }]],
  ["新增2个4A级旅游景区", [{ text: "2个", value: 2, unit: "个", measure: "increment", subject: "4A级旅游景区" }]],
  ["建成100个5G应用场景", [{ text: "100个", value: 100, unit: "个", measure: "increment", subject: "5G应用场景" }]],
  ["改造提升20所二级以上医院", [{ text: "20所", value: 20, unit: "所", measure: "increment", subject: "二级以上医院" }]],
  ["打造3个一流学科", [{ text: "3个", value: 3, unit: "个", measure: "increment", subject: "一流学科" }]],
  ["新增就业岗位3000个以上", [{ text: "3000个以上", value: 3000, unit: "个", comparator: "at_least", measure: "increment", subject: "就业岗位", deadline: null }]],
  ["全年培训农村劳动力不少于500人次", [{ text: "不少于500人次", value: 500, unit: "人次", comparator: "at_least", measure: "increment", subject: "农村劳动力", deadline: "2017-12-31" }]],
  ["培训不少于500人次", [{ value: 500, unit: "人次", comparator: "at_least", measure: "increment", subject: "培训" }]],
  ["盘活存量低效工业用地1000亩", [{ value: 1000, unit: "亩", measure: "increment" }]],
  ["单个项目投资额超过1.2亿元", [{ text: "超过1.2亿元", value: 1.2, unit: "亿元", valueInBaseUnit: 12000, comparator: "at_least", measure: "level", subject: "单个项目投资额" }]],
  ["城乡居民医保参保覆盖率达到95%", [{ value: 95, unit: "%", comparator: "reach", measure: "level", subject: "城乡居民医保参保覆盖率" }]],
  ["完成年度投资计划的100%", [{ value: 100, unit: "%", comparator: "reach", measure: "level", subject: "年度投资计划" }]],
  ["年内建成5G基站1,200个", [{ text: "1,200个", value: 1200, unit: "个", comparator: null, measure: "increment", subject: "5G基站", deadline: "2017-12-31" }]],
  ["引进高层次人才两百名", [{ value: 200, unit: "名", comparator: null, measure: "increment", subject: "高层次人才" }]],
  ["培育国家高新技术企业，力争三年内累计达到50家", [{ text: "累计达到50家", value: 50, unit: "家", comparator: "reach", measure: "level", subject: "国家高新技术企业", deadline: "2020-12-31" }]],
  ["新增小微企业3万家", [{ value: 30000, unit: "家", valueInBaseUnit: 30000, measure: "increment", subject: "小微企业" }]],
  ["新增城镇就业1.5万人", [{ value: 15000, unit: "人", subject: "城镇就业" }]],
  ["力争新增就业1.5万", [{ text: "1.5万", value: 15000, unit: null, measure: "increment" }]],
  ["到2020年，常住人口城镇化率达到７０％", [{ text: "达到７０％", value: 70, unit: "%", comparator: "reach", measure: "level", subject: "常住人口城镇化率", deadline: "2020-12-31" }]],
  ["全年接待游客４５０万人次", [{ value: 4_500_000, unit: "人次", measure: "increment", subject: "游客", deadline: "2017-12-31" }]],
  ["实现地区生产总值1200亿元，增长8%左右", [
    { value: 1200, unit: "亿元", valueInBaseUnit: 12_000_000, comparator: "reach", measure: "level", subject: "地区生产总值" },
    { value: 8, unit: "%", comparator: "about", measure: "increment", subject: "地区生产总值" },
  ]],
  ["规上工业增加值增长10%以上", [{ value: 10, unit: "%", comparator: "at_least", measure: "increment", subject: "规上工业增加值" }]],
  ["单位GDP能耗下降3.5%", [{ value: 3.5, unit: "%", comparator: null, measure: "increment", subject: "单位GDP能耗" }]],
  ["研发经费支出占地区生产总值比重提高0.2个百分点", [{ value: 0.2, unit: "个百分点", measure: "increment", subject: "研发经费支出占地区生产总值比重" }]],
  ["建成区绿化覆盖率提高到42%", [{ value: 42, unit: "%", comparator: "reach", measure: "level", subject: "建成区绿化覆盖率" }]],
  ["每月举办2期创业培训班", [{ value: 2, unit: "期", measure: "increment", subject: "创业培训班", frequency: "每月" }]],
  ["每年举办15～20场招商推介活动", [{ text: "15～20场", value: 15, valueMax: 20, unit: "场", comparator: null, subject: "招商推介活动", frequency: "每年" }]],
  ["到2020年，全市高新技术企业达到500家", [{ value: 500, comparator: "reach", measure: "level", subject: "全市高新技术企业", deadline: "2020-12-31" }]],
  ["2018年6月底前，完成100家企业“零土地”技改", [{ value: 100, unit: "家", comparator: "reach", measure: "increment", subject: "企业“零土地”技改", deadline: "2018-06-30" }]],
  ["年底前完成15至20个村的环境整治", [{ text: "15至20个", value: 15, valueMax: 20, unit: "个", deadline: "2017-12-31" }]],
  ["新建改建农村公路30公里", [{ value: 30, unit: "公里", measure: "increment", subject: "农村公路" }]],
  ["发放创业担保贷款5000万元", [{ value: 5000, unit: "万元", valueInBaseUnit: 5000, measure: "increment", subject: "创业担保贷款" }]],
  ["安排专项资金三千万元", [{ text: "三千万元", value: 3000, unit: "万元", valueInBaseUnit: 3000, subject: "专项资金" }]],
  ["十三五期间累计完成投资1.2万亿元", [{ value: 1.2, unit: "万亿元", valueInBaseUnit: 120_000_000, subject: "投资", deadline: "2020-12-31" }]],
  ["新增规上企业1000多家，其中上市企业3家", [
    { text: "1000多家", value: 1000, comparator: "at_least", measure: "increment", subject: "规上企业" },
    { text: "3家", value: 3, comparator: null, measure: "increment", subject: "上市企业" },
  ]],
  ["力争培育上市企业5家，新三板挂牌企业10家", [
    { value: 5, subject: "上市企业", measure: "increment" },
    { value: 10, subject: "新三板挂牌企业", measure: "increment" },
  ]],
  ["建设保障性住房1.5-2万套", [{ value: 15000, valueMax: 20000, unit: "套", measure: "increment", subject: "保障性住房" }]],
  ["新增绿化面积10余万平方米", [{ value: 100000, unit: "平方米", comparator: "at_least", subject: "绿化面积" }]],
  // (a physical unit in 万 keeps the policy's unit, its base the unit itself: 30万亩 = 300000亩)
  ["粮食播种面积稳定在30万亩左右", [{ value: 30, unit: "万亩", valueInBaseUnit: 300000, comparator: "about", measure: "level", subject: "粮食播种面积" }]],
  ["煤炭消费总量降至300万吨以下", [{ value: 300, unit: "万吨", valueInBaseUnit: 3000000, comparator: "at_most", measure: "level", subject: "煤炭消费总量" }]],
  ["节约用电1.2亿千瓦时", [{ value: 1.2, unit: "亿千瓦时", valueInBaseUnit: 120000000 }]],
  // a capacity in 万 of a unit per year or day: the whole unit, not a subject 「/年」
  ["全市危险废物利用处置能力新增5万吨/年", [{ value: 5, unit: "万吨/年", valueInBaseUnit: 50000, measure: "increment", subject: "全市危险废物利用处置能力" }]],
  ["新增污水处理能力8-10万立方米/日", [{ value: 8, valueMax: 10, unit: "万立方米/日", subject: "污水处理能力" }]],
  // μg/m3 typed without a superscript
  ["PM2.5浓度控制在35μg/m3以内", [{ value: 35, unit: "μg/m3", comparator: "at_most", measure: "level", subject: "PM2.5浓度" }]],
  // 一次能源 is primary energy, not one time of something
  ["非化石能源占一次能源消费比重提高到20%", [{ value: 20, unit: "%", comparator: "reach", measure: "level", subject: "非化石能源占一次能源消费比重" }]],
  ["建成区降尘量不高于5吨/平方公里·月", [{ value: 5, unit: "吨/平方公里·月", comparator: "at_most", subject: "建成区降尘量" }]],
  ["城镇登记失业率控制在3.5%以内", [{ text: "控制在3.5%以内", value: 3.5, comparator: "at_most", measure: "level", subject: "城镇登记失业率" }]],
  ["审批时限压缩至3个工作日以内", [{ value: 3, unit: "个工作日", comparator: "at_most", measure: "level", subject: "审批时限" }]],
  // 日 for 天 (a day of a month, 9月10日, is a date: no figure)
  ["平均支付时间缩减至10日以内", [{ value: 10, unit: "日", comparator: "at_most", measure: "level", subject: "平均支付时间" }]],
  ["每个班次学员不超过50人", [{ value: 50, unit: "人", comparator: "at_most" }]],
  // a minimum for each town is no total to report: the 12 stations are the target
  ["建成空气自动监测站12个，实现每个镇（街道）至少1个", [{ value: 12, unit: "个", subject: "空气自动监测站" }]],
  // (its own noun after the figure: a target per town, which targets --check asks about)
  ["每个镇（街道）建成1个文化站", [{ value: 1, unit: "个" }]],
  ["组织约100家企业参加展会", [{ text: "约100家", value: 100, comparator: "about", measure: "increment", subject: "企业" }]],
  ["投入资金共计2亿元", [{ text: "共计2亿元", value: 2, valueInBaseUnit: 20000, comparator: "exactly", measure: "increment", subject: "资金" }]],
  ["入驻企业达到一百二十家", [{ value: 120, unit: "家", comparator: "reach", measure: "level", subject: "入驻企业" }]],
  ["累计新增就业岗位1万个", [{ value: 10000, unit: "个", measure: "increment", subject: "就业岗位" }]],
  ["上半年完成50%的拆迁任务", [{ value: 50, unit: "%", comparator: "reach", measure: "level", subject: "拆迁任务", deadline: "2017-06-30" }]],
  ["覆盖80%以上的行政村", [{ value: 80, unit: "%", comparator: "at_least", measure: "level", subject: "行政村" }]],
  ["3个月内完成排查，整改企业100家", [{ value: 100, unit: "家", measure: "increment", subject: "企业", deadline: "2017-12-31" }]],
  ["明年新增市级众创空间5家", [{ value: 5, subject: "市级众创空间", deadline: "2018-12-31" }]],
  ["加快改造老旧小区20个", [{ value: 20, measure: "increment", subject: "老旧小区" }]],
  ["帮扶低收入农户不少于2000户", [{ value: 2000, unit: "户", comparator: "at_least", measure: "increment", subject: "低收入农户" }]],
  ["新增省级以上研发机构十五家", [{ value: 15, unit: "家", subject: "省级以上研发机构" }]],
  ["百分之九十五的行政村通光纤", [{ text: "百分之九十五", value: 95, unit: "%" }]],
  ["培育年销售额超过1亿元的企业10家", [{ text: "10家", value: 10, subject: "年销售额超过1亿元的企业" }]],
  ["引进总投资5000万元以上的项目20个", [{ text: "20个", value: 20, subject: "总投资5000万元以上的项目" }]],
  ["实现行政村4G网络全覆盖", [{ value: 100, unit: "%", comparator: "reach", measure: "level", subject: "行政村4G网络" }]],
  ["2018年6月底前完成规上企业亩均效益评价全覆盖", [{ value: 100, unit: "%", comparator: "reach", subject: "规上企业亩均效益评价", deadline: "2018-06-30" }]],
  ["全年新增发明专利授权1200件，同比增长15%", [
    { value: 1200, unit: "件", measure: "increment", subject: "发明专利授权", deadline: "2017-12-31" },
    { value: 15, unit: "%", measure: "increment", subject: "发明专利授权", deadline: "2017-12-31" },
  ]],
  ["推进老旧小区改造，2018年完成30个，2019年完成40个", [
    { value: 30, unit: "个", measure: "increment", subject: "老旧小区改造", deadline: "2018-12-31" },
    { value: 40, unit: "个", measure: "increment", subject: "老旧小区改造", deadline: "2019-12-31" },
  ]],
  // a span of years before the subject is no part of it; a year after 、 is the next figure's; a verb alone counts what
  // the figure before it counts
  ["三年建设高标准农田3万亩，其中2018年建设1万亩、2019年建设1万亩", [
    { value: 3, unit: "万亩", subject: "建设高标准农田" },
    { value: 1, subject: "建设高标准农田", deadline: "2018-12-31" },
    { value: 1, subject: "建设高标准农田", deadline: "2019-12-31" },
  ]],
  ["高标准农田建设三年累计3万亩，其中2018年建设1万亩", [
    { value: 3, subject: "高标准农田建设" }, { value: 1, subject: "高标准农田建设", deadline: "2018-12-31" },
  ]],
  ["所有行政村集体经济年收入全部超过50万元", [{ value: 50, unit: "万元", measure: "level", subject: "所有行政村集体经济年收入" }]],
  // a noun that names nothing alone (问题) keeps the words before it
  ["全年帮助企业解决问题不少于50个", [{ value: 50, unit: "个", subject: "帮助企业解决问题" }]],
  // 其中 after a count per period: a share of it, of the same period
  ["每年新增市场主体3000户以上，其中新设企业不少于800家", [
    { value: 3000, unit: "户", measure: "increment", frequency: "每年" },
    { value: 800, unit: "家", measure: "increment", frequency: "每年" },
  ]],
  ["每年新增市场主体3000户，累计达到1万户", [
    { value: 3000, measure: "increment", frequency: "每年" },
    { value: 10000, measure: "level", frequency: null },
  ]],
  // 其中 before a year: the year's share of the whole, due at that year's end, of the same subject
  ["到2023年，累计新增市场主体5000家，其中2021年新增1500家", [
    { value: 5000, unit: "家", measure: "increment", subject: "市场主体", deadline: "2023-12-31" },
    { value: 1500, unit: "家", measure: "increment", subject: "市场主体", deadline: "2021-12-31" },
  ]],
  ["分年度推进农村公路改造，到2018年底完成50公里", [{ value: 50, unit: "公里", subject: "农村公路改造", deadline: "2018-12-31" }]],
  ["2018年新增上市企业3家", [{ value: 3, unit: "家", subject: "上市企业", deadline: "2018-12-31" }]],
  ["PM2.5平均浓度下降到35微克/立方米以下", [{ value: 35, unit: "微克/立方米", comparator: "at_most", measure: "level", subject: "PM2.5平均浓度" }]],
  ["规上工业亩均税收达到30万元/亩以上", [{ value: 30, unit: "万元/亩", comparator: "at_least", measure: "level", subject: "规上工业亩均税收" }]],
  ["单位GDP能耗下降到0.5吨标准煤/万元", [{ value: 0.5, unit: "吨标准煤/万元", measure: "level", subject: "单位GDP能耗" }]],
  ["港口集装箱吞吐量达到150万标箱", [{ value: 1_500_000, unit: "标箱", measure: "level", subject: "港口集装箱吞吐量" }]],
  ["人均预期寿命达到80岁", [{ value: 80, unit: "岁", measure: "level", subject: "人均预期寿命" }]],
  ["举办各类招聘会不少于30场", [{ value: 30, unit: "场", comparator: "at_least", measure: "increment", subject: "各类招聘会" }]],
  ["招聘高校毕业生500名", [{ value: 500, unit: "名", measure: "increment", subject: "高校毕业生" }]],
  // money sought from above is a target, though the words of a subsidy follow (单项…补助)
  ["争取单项资金补助5000万元以上", [{ text: "5000万元以上", value: 5000, unit: "万元", comparator: "at_least" }]],
  ["兑现各类人才政策资金1亿元", [{ value: 1, unit: "亿元", measure: "increment", subject: "各类人才政策资金" }]],
  ["建成投用5G基站500个", [{ value: 500, unit: "个", measure: "increment", subject: "5G基站" }]],
  // lists: each figure names what it counts
  ["新增国家高新技术企业30家、省科技型中小企业200家、市级企业研发中心50家", [
    { value: 30, subject: "国家高新技术企业" }, { value: 200, subject: "省科技型中小企业" }, { value: 50, subject: "市级企业研发中心" },
  ]],
  ["完成固定资产投资600亿元、工业投资200亿元", [{ value: 600, subject: "固定资产投资" }, { value: 200, subject: "工业投资" }]],
  // 分别: the listed subjects in order, or the targets before it
  // (an item that names no measure takes the last one's from its verb on: 化学需氧量 is a pollutant, not a measure)
  ["化学需氧量、氨氮排放量分别下降3%、3.5%", [{ value: 3, subject: "化学需氧量排放量" }, { value: 3.5, subject: "氨氮排放量" }]],
  ["二氧化硫、氮氧化物和挥发性有机物排放总量分别比2015年下降15%、15%和10%以上", [
    { value: 15, subject: "二氧化硫排放总量" }, { value: 15, subject: "氮氧化物排放总量" }, { value: 10, subject: "挥发性有机物排放总量" },
  ]],
  // (氨氮 shares no characters' alignment with 氮氧化物: 氨氮排放总量, not 氨氮氧化物排放总量)
  ["化学需氧量、氨氮、二氧化硫、氮氧化物排放总量分别削减10%、10%、15%、15%", [
    { value: 10, subject: "化学需氧量排放总量" }, { value: 10, subject: "氨氮排放总量" }, { value: 15, subject: "二氧化硫排放总量" }, { value: 15, subject: "氮氧化物排放总量" },
  ]],
  ["工业固体废物、建筑垃圾综合利用率分别达到95%、80%", [{ value: 95, subject: "工业固体废物综合利用率" }, { value: 80, subject: "建筑垃圾综合利用率" }]],
  // (an item with a measure of its own keeps it)
  ["能耗总量、碳排放总量分别控制在100万吨、200万吨以内", [{ value: 100, subject: "能耗总量" }, { value: 200, subject: "碳排放总量" }]],
  ["单位GDP能耗、单位GDP二氧化碳排放量分别下降3%、4%", [{ value: 3, subject: "单位GDP能耗" }, { value: 4, subject: "单位GDP二氧化碳排放量" }]],
  ["化肥、农药使用量分别减少5%、10%", [{ value: 5, subject: "化肥使用量" }, { value: 10, subject: "农药使用量" }]],
  // (a place or a sector qualifies the last item's whole subject, not only its measure)
  ["城市和农村生活垃圾回收利用率分别达到35%、30%", [{ value: 35, subject: "城市生活垃圾回收利用率" }, { value: 30, subject: "农村生活垃圾回收利用率" }]],
  ["城市、县城生活污水处理率分别达到95%、90%", [{ value: 95, subject: "城市生活污水处理率" }, { value: 90, subject: "县城生活污水处理率" }]],
  ["工业、生活污水排放量分别下降5%、3%", [{ value: 5, subject: "工业污水排放量" }, { value: 3, subject: "生活污水排放量" }]],
  ["城镇和农村居民人均可支配收入分别增长8%和9%", [{ value: 8, subject: "城镇居民人均可支配收入" }, { value: 9, subject: "农村居民人均可支配收入" }]],
  // (和 splits the list only when that gives one subject per figure)
  ["规上工业增加值和工业投资分别增长10%和15%", [{ value: 10, subject: "规上工业增加值" }, { value: 15, subject: "工业投资" }]],
  ["城乡居民收入分别增长8%和9%", [{ value: 8, subject: "城镇居民收入" }, { value: 9, subject: "农村居民收入" }]],
  ["新增省级、宁波市级企业技术中心分别为5家和10家", [{ value: 5, subject: "省级企业技术中心" }, { value: 10, subject: "宁波市级企业技术中心" }]],
  ["国家级、省级重点实验室分别达到2家、10家", [{ value: 2, subject: "国家级重点实验室" }, { value: 10, subject: "省级重点实验室" }]],
  ["全年接待游客1200万人次，实现旅游总收入150亿元，分别增长12%和15%", [
    { value: 12_000_000, subject: "游客" }, { value: 150, subject: "旅游总收入" }, { value: 12, unit: "%", subject: "游客" }, { value: 15, unit: "%", subject: "旅游总收入" },
  ]],
  // a clause without a subject continues the target before it, not that clause's words
  ["新增规上工业企业50家以上，力争达到1200家", [
    { value: 50, comparator: "at_least", measure: "increment", subject: "规上工业企业" },
    { value: 1200, comparator: "reach", measure: "level", subject: "规上工业企业" },
  ]],
  ["一般公共预算收入增长6%，达到88.5亿元", [{ value: 6, subject: "一般公共预算收入" }, { value: 88.5, measure: "level", subject: "一般公共预算收入" }]],
  ["新增企业10家，培育国家高新技术企业，力争达到50家", [{ value: 10, subject: "企业" }, { value: 50, subject: "国家高新技术企业" }]],
  // the starting value of a change is no target
  ["森林覆盖率由40.5%提高到42%", [{ text: "提高到42%", value: 42, comparator: "reach", measure: "level", subject: "森林覆盖率" }]],
  ["企业开办时间从原来的8.5个工作日压缩至3个工作日", [{ value: 3, unit: "个工作日", subject: "企业开办时间" }]],
  // verbs inside nouns, verbs inside an object of 完成, the noun before a change verb
  ["规上工业增加值300亿元", [{ value: 300, unit: "亿元", measure: "level", subject: "规上工业增加值" }]],
  ["新增危险废物处置能力2万吨/年", [{ value: 2, unit: "万吨/年", measure: "increment", subject: "危险废物处置能力" }]],
  ["服务业增加值占GDP比重超过50%", [{ value: 50, measure: "level", subject: "服务业增加值占GDP比重" }]],
  ["农村电商覆盖率95%", [{ value: 95, comparator: "reach", measure: "level", subject: "农村电商覆盖率" }]],
  ["部门数据归集完成率100%", [{ value: 100, comparator: "reach", measure: "level", subject: "部门数据归集完成率" }]],
  ["城乡低保标准提高到每人每月800元", [{ value: 800, unit: "元", comparator: "reach", measure: "level", subject: "城乡低保标准", frequency: null }]],
  ["审批时限压缩到50个工作日内", [{ text: "压缩到50个工作日内", value: 50, comparator: "at_most", measure: "level", subject: "审批时限" }]],
  ["确保完成率为100%", [{ value: 100, comparator: "reach", measure: "level", subject: "完成率" }]],
  ["年底前审批时限为3个工作日", [{ value: 3, unit: "个工作日", comparator: "reach", measure: "level", subject: "审批时限", deadline: "2017-12-31" }]],
  ["完成燃煤锅炉淘汰改造120台", [{ value: 120, unit: "台", measure: "increment", subject: "燃煤锅炉淘汰改造" }]],
  ["9月底前完成改造项目30个", [{ value: 30, subject: "改造项目", deadline: "2017-09-30" }]],
  ["教育经费支出增长不低于8%", [{ value: 8, comparator: "at_least", measure: "increment", subject: "教育经费支出" }]],
  ["举办各类文化惠民活动不少于100场次", [{ value: 100, unit: "场次", comparator: "at_least", subject: "各类文化惠民活动" }]],
  ["建成区路网密度达到8公里/平方公里", [{ value: 8, unit: "公里/平方公里", measure: "level", subject: "建成区路网密度" }]],
  // a figure right before the noun another figure counts describes it
  ["培育年产值超10亿元企业20家、超100亿元企业3家", [{ value: 20, subject: "年产值超10亿元企业" }, { value: 3, subject: "超100亿元企业" }]],
  ["招引亿元以上项目30个，其中10亿元以上项目5个", [{ value: 30, subject: "亿元以上项目" }, { value: 5, subject: "10亿元以上项目" }]],
  ["年内完成65岁以上老年人健康体检5万人", [{ value: 50000, unit: "人", subject: "65岁以上老年人健康体检" }]],
  ["新增企业30家、工业投资200亿元", [{ value: 30, subject: "企业" }, { value: 200, subject: "工业投资" }]],
  ["公交站点500米覆盖率达到100%", [{ value: 100, unit: "%", comparator: "reach", measure: "level", subject: "公交站点500米覆盖率" }]],
  ["建成农村文化礼堂40家，实现500人以上行政村全覆盖", [{ value: 40, subject: "农村文化礼堂" }, { value: 100, unit: "%", subject: "500人以上行政村" }]],
  ["电子商务交易额年均增长20%以上", [{ value: 20, comparator: "at_least", measure: "increment", subject: "电子商务交易额" }]],
  ["各区县（市）年内新增上云企业均不少于800家", [{ value: 800, comparator: "at_least", subject: "上云企业" }]],
  // (doubled: a growth of 100 %, reported as the growth to date; 翻两番 300 %)
  ["到2021年，数字经济核心产业增加值翻一番", [{ value: 100, unit: "%", measure: "increment", comparator: "reach", subject: "数字经济核心产业增加值" }]],
  ["规上工业增加值实现翻两番", [{ value: 300, unit: "%", measure: "increment", subject: "规上工业增加值" }]],
  ["人均公园绿地面积达到15平方米", [{ value: 15, unit: "平方米/人", measure: "level", subject: "人均公园绿地面积" }]],
  // (a level kept: no bound of its own, since lower may be better, 失业率稳定在3.5%; bounded by its 以内)
  ["森林覆盖率稳定在61.5%", [{ value: 61.5, comparator: null, subject: "森林覆盖率" }]],
  ["城镇登记失业率稳定在3.5%", [{ value: 3.5, comparator: null, subject: "城镇登记失业率" }]],
  ["城镇登记失业率保持在3.5%以内", [{ value: 3.5, comparator: "at_most", subject: "城镇登记失业率" }]],
  // (合同约定后 is when the time limit starts)
  ["政府采购项目资金支付时间压减至合同约定后10日内", [{ value: 10, comparator: "at_most", subject: "政府采购项目资金支付时间" }]],
  ["培训新型职业农民1000人（次）", [{ value: 1000, unit: "人(次)", subject: "新型职业农民" }]],
  ["2020年起每年新增规上企业10家", [{ value: 10, unit: "家", subject: "规上企业" }]],
  ["单位工业增加值用水量比2015年下降20%", [{ value: 20, measure: "increment", subject: "单位工业增加值用水量" }]],
  ["净增市场主体1.5万户", [{ value: 15000, unit: "户", measure: "increment", subject: "市场主体" }]],
  ["确保已完成改造的企业达到100家", [{ value: 100, comparator: "reach", measure: "level", subject: "已完成改造的企业" }]],
  ["到“十三五”末，新增企业100家", [{ value: 100, deadline: "2020-12-31" }]],
  ["二〇一九年底前新增企业10家", [{ value: 10, deadline: "2019-12-31" }]],
  // tenths: 六成 = 60%
  ["民营经济增加值占比近六成", [{ text: "近六成", value: 60, unit: "%", comparator: "about", measure: "level", subject: "民营经济增加值占比" }]],
  ["企业上云率达到八成以上", [{ value: 80, unit: "%", comparator: "at_least", subject: "企业上云率" }]],
  // OCR spaces between characters: words are found whole, positions stay those of the text as written
  ["全 年 新 增 规 上 企 业 50 家 以 上", [{ text: "50 家 以 上", value: 50, comparator: "at_least", measure: "increment", subject: "规上企业", deadline: "2017-12-31" }]],
  ["力 争 新 增 就 业 岗 位 1万 个", [{ value: 10000, unit: "个", measure: "increment", subject: "就业岗位" }]],
  // digits grouped by thousands with a space are one number (not two digits split by OCR, 5 0公里, which stay apart)
  ["高新技术企业总数达到1 200家", [{ text: "达到1 200家", value: 1200, unit: "家", measure: "level", subject: "高新技术企业总数" }]],
  // from the second review: what the rules above must not take away
  ["建成5个面积1000平方米以上的文化广场", [{ value: 5, unit: "个", subject: "面积1000平方米以上的文化广场" }]],
  ["培育3家产值10亿元以上企业", [{ value: 3, unit: "家", subject: "产值10亿元以上企业" }]],
  ["新建10个停车场泊位2000个", [{ value: 10, unit: "个" }, { value: 2000, unit: "个" }]],
  ["实现产值100亿元税收10亿元", [{ value: 100, subject: "产值" }, { value: 10, subject: "税收" }]],
  ["新增就业岗位3000个 城镇登记失业率3.5%以内", [{ value: 3000, subject: "就业岗位" }, { value: 3.5, comparator: "at_most", subject: "城镇登记失业率" }]],
  ["推动已签约项目开工建设30个以上", [{ value: 30, comparator: "at_least" }]],
  ["已开工项目竣工率达到80%", [{ value: 80, comparator: "reach", measure: "level", subject: "已开工项目竣工率" }]],
  ["2017年12月已开工的20个项目年内全部竣工", [{ value: 20, deadline: "2017-12-31" }]],
  ["共有产权住房新开工500套", [{ value: 500, unit: "套", subject: "共有产权住房" }]],
  ["现有工业企业技改覆盖面达到60%", [{ value: 60, subject: "现有工业企业技改覆盖面" }]],
  ["去年新增上市企业2家，今年力争新增3家", [{ value: 3, subject: "上市企业" }]],
  ["已建成5G基站500个，年内新增800个", [{ value: 800, subject: "5G基站", deadline: "2017-12-31" }]],
  ["新增企业10家，培训1000人次", [{ value: 10, subject: "企业" }, { value: 1000, subject: "培训" }]],
  ["创业担保贷款最高额度提高到30万元", [{ value: 30, unit: "万元", comparator: "reach", subject: "创业担保贷款最高额度" }]],
  ["新招聘教师300名", [{ value: 300, measure: "increment", subject: "教师" }]],
  ["新建改造城乡供水管网100公里", [{ value: 100, subject: "城乡供水管网" }]],
  ["完成河道整治并新建绿道10公里", [{ value: 10, subject: "绿道" }]],
  ["城镇、农村居民人均可支配收入分别增长8%、9%", [{ value: 8, subject: "城镇居民人均可支配收入" }, { value: 9, subject: "农村居民人均可支配收入" }]],
  ["新建学校3所、幼儿园5所，分别新增学位3000个、1000个", [
    { value: 3, subject: "学校" }, { value: 5, subject: "幼儿园" }, { value: 3000, subject: "学位" }, { value: 1000, subject: "学位" },
  ]],
  ["PM2.5浓度比2016年底下降20%", [{ value: 20, subject: "PM2.5浓度", deadline: null }]],
  ["在2016年底基础上，新增城市绿地100公顷", [{ value: 100, subject: "城市绿地", deadline: null }]],
  ["2019年起每年新增企业10家", [{ value: 10, frequency: "每年", deadline: null }]],
  ["2019年、2020年分别新增企业20家、30家", [{ value: 20, subject: "企业", deadline: "2019-12-31" }, { value: 30, subject: "企业", deadline: "2020-12-31" }]],
  // the subject before the years
  ["政务服务事项网上可办率2019年、2020年分别达到85%、90%", [
    { value: 85, subject: "政务服务事项网上可办率", deadline: "2019-12-31" }, { value: 90, subject: "政务服务事项网上可办率", deadline: "2020-12-31" },
  ]],
  ["由原来的15个工作日压减至5个工作日", [{ value: 5, unit: "个工作日", comparator: "reach", measure: "level" }]],
  ["分三批建成100个示范村", [{ value: 100, subject: "示范村" }]],
  ["建成区绿化覆盖率42%", [{ value: 42, comparator: "reach", measure: "level", subject: "建成区绿化覆盖率" }]],
  // from the third review
  ["在2018年底前完成全部200个村的环境整治", [{ value: 200, deadline: "2018-12-31" }]],
  ["2016年—2020年，全市累计新增城镇就业10万人", [{ value: 100000, subject: "城镇就业", deadline: "2020-12-31" }]],
  ["到2020年，全县拥有省级以上农业龙头企业30家", [{ value: 30, deadline: "2020-12-31", subject: "省级以上农业龙头企业", measure: "level", comparator: "reach" }]],
  ["2017年结转的20个项目年内全部竣工", [{ value: 20, deadline: "2017-12-31" }]],
  ["全年给予小微企业担保贷款支持10亿元", [{ value: 10, unit: "亿元" }]],
  ["新增贷款100亿元支持小微企业500家", [{ value: 100, subject: "贷款" }, { value: 500, subject: "小微企业" }]],
  ["实现地区生产总值1200亿元，按可比价计算，增长8%左右", [{ value: 1200, subject: "地区生产总值" }, { value: 8, subject: "地区生产总值" }]],
  ["为全市80岁以上老年人发放高龄津贴5000万元", [{ value: 5000, unit: "万元", subject: "高龄津贴" }]],
  ["年内建成区域性冷链物流中心2个", [{ value: 2, measure: "increment", subject: "区域性冷链物流中心" }]],
  ["截至2018年6月底，完成清理整顿企业500家", [{ value: 500, comparator: "reach", subject: "清理整顿企业", deadline: "2018-06-30" }]],
  // what is there today, or done already, that the next clause does in full by a deadline
  ["全县共有贫困户500户，年内全部脱贫", [{ value: 500, unit: "户", subject: "贫困户脱贫", measure: "increment", comparator: "reach", deadline: "2017-12-31" }]],
  ["全市共有1200个行政村，年内实现全部通光纤", [{ value: 1200, subject: "行政村通光纤", deadline: "2017-12-31" }]],
  ["去年以来已建成的30个文化礼堂，年内全部投入使用", [{ value: 30, subject: "文化礼堂投入使用", deadline: "2017-12-31" }]],
  ["2016年完成的30个试点村，2018年全部通过验收", [{ value: 30, subject: "试点村通过验收", deadline: "2018-12-31" }]],
  ["目前有120家企业未完成改造，年内全部完成", [{ value: 120, subject: "企业完成改造", deadline: "2017-12-31" }]],
  ["全市1200个行政村年内实现光纤全覆盖", [{ value: 1200, subject: "行政村光纤", comparator: "reach", deadline: "2017-12-31" }]],
  ["力争500人以上行政村年内基本实现全覆盖", [{ value: 100, unit: "%", subject: "500人以上行政村", deadline: "2017-12-31" }]],
  // deadlines by quarter and by day
  ["第三季度末前新增企业10家", [{ value: 10, subject: "企业", deadline: "2017-09-30" }]],
  ["2018年第一季度，启动10个重点项目建设", [{ value: 10, measure: "increment", deadline: "2018-03-31" }]],
  ["2018年9月30日前完成改造项目30个", [{ value: 30, deadline: "2018-09-30" }]],
  ["6月30日前新增企业5家", [{ value: 5, deadline: "2017-06-30" }]],
  ["明年上半年新增企业10家", [{ value: 10, subject: "企业", deadline: "2018-06-30" }]],
  // a month, a quarter of the next year; a 旬 (上旬 the 10th, 中旬 the 20th)
  ["明年3月底前新增企业5家", [{ value: 5, subject: "企业", deadline: "2018-03-31" }]],
  ["次年一季度新增企业5家", [{ value: 5, subject: "企业", deadline: "2018-03-31" }]],
  ["11月中旬前完成企业诊断20家", [{ value: 20, deadline: "2017-11-20" }]],
  ["2018年3月上旬前完成企业诊断20家", [{ value: 20, deadline: "2018-03-10" }]],
  ["城镇化率从2017年的60%提高到2020年的80%", [{ value: 80, subject: "城镇化率", measure: "level", comparator: "reach", deadline: "2020-12-31" }]],
  ["每10万人口拥有执业医师25人", [{ value: 25, unit: "人", subject: "每10万人口执业医师", measure: "level", comparator: "reach" }]],
  ["到2020年，每千名老年人拥有养老床位40张", [{ value: 40, subject: "每千名老年人养老床位", measure: "level", deadline: "2020-12-31" }]],
  ["开展技能培训1000人次", [{ value: 1000, unit: "人次", subject: "技能培训" }]],
  ["全年举办农村实用人才培训15-20期", [{ value: 15, valueMax: 20, unit: "期", subject: "农村实用人才培训" }]],
  // a stretch goal after 力争 is the top of one target, not a second one (a total beside an increase stays two)
  ["确保新增规上企业30家、力争40家", [{ value: 30, valueMax: 40, unit: "家", subject: "规上企业", measure: "increment" }]],
  ["新增规上企业50家以上，力争达到1200家", [{ value: 50, measure: "increment" }, { value: 1200, measure: "level" }]],
  // the first figure's verb said again after 力争 is the same target's stretch too; another verb, or another thing, is not
  ["新增工业机器人200台，力争新增300台", [{ value: 200, valueMax: 300, unit: "台", subject: "工业机器人", measure: "increment" }]],
  ["确保完成投资50亿元、力争完成60亿元", [{ value: 50, valueMax: 60, unit: "亿元", subject: "投资" }]],
  ["新增机器人200台，力争新增工业企业300家", [{ value: 200, valueMax: null, subject: "机器人" }, { value: 300, subject: "工业企业" }]],
  // 力争再新增: 再 adds the stretch to the first figure (20 + 10); an adverb alone before the verb is never a subject
  ["年内新增规上企业20家，力争再新增10家", [{ value: 20, valueMax: 30, unit: "家", subject: "规上企业", measure: "increment" }]],
  ["年内新增规上企业20家，力争再培育10家", [{ value: 20, valueMax: null, subject: "规上企业" }, { value: 10, valueMax: null, subject: "规上企业" }]],
  ["全市规上工业企业累计达到450家，力争再新增50家", [{ value: 450, valueMax: 500, unit: "家", subject: "全市规上工业企业", measure: "level" }]],
  ["全市规上工业企业达到450家，力争新增50家", [{ value: 450, valueMax: null, measure: "level" }, { value: 50, valueMax: null, measure: "increment" }]],
  ["力争再生资源回收率达到90%", [{ value: 90, unit: "%", subject: "再生资源回收率" }]],
  ["行政村生活污水有效治理基本全覆盖", [{ value: 100, unit: "%", subject: "行政村生活污水有效治理" }]],
  // units and verbs
  ["新增220千伏输电线路50公里", [{ value: 50, unit: "公里", subject: "220千伏输电线路" }]],
  ["建成500千伏变电站1座", [{ value: 1, unit: "座", subject: "500千伏变电站" }]],
  ["全年查处案件50起", [{ value: 50, unit: "起", subject: "查处案件" }]],
  ["新建篮球场20块", [{ value: 20, unit: "块", subject: "篮球场" }]],
  ["整合政务数据资源300类以上", [{ value: 300, unit: "类", subject: "整合政务数据资源", comparator: "at_least" }]],
  ["实现地区生产总值增长7.5%左右", [{ value: 7.5, unit: "%", subject: "地区生产总值", measure: "increment", comparator: "about" }]],
  ["实现单位GDP能耗下降3.5%", [{ value: 3.5, unit: "%", subject: "单位GDP能耗", measure: "increment" }]],
  ["行政审批时间压缩30%", [{ value: 30, unit: "%", subject: "行政审批时间", measure: "increment" }]],
  // a capacity per day is its own unit; 压缩在 a ceiling; 定时定点 a way of working, no frequency
  ["新增厨余垃圾处理能力200吨/日", [{ value: 200, unit: "吨/日", subject: "厨余垃圾处理能力", measure: "increment" }]],
  ["不动产登记办理时间压缩在3个工作日以内", [{ value: 3, unit: "个工作日", subject: "不动产登记办理时间", comparator: "at_most", measure: "level" }]],
  ["城区定时定点投放小区比例达到80%以上", [{ value: 80, unit: "%", subject: "城区定时定点投放小区比例", frequency: null }]],
  // more ways of saying down to: 缩减至, 精简至, 减至, 降为 (one target, from 由… the baseline); 精简 a change like 压缩
  ["信用修复办理时限由15个工作日缩减至5个工作日", [{ value: 5, unit: "个工作日", subject: "信用修复办理时限", comparator: "reach", measure: "level" }]],
  ["行政审批事项由120项精简至80项", [{ value: 80, unit: "项", subject: "行政审批事项", comparator: "reach", measure: "level" }]],
  ["审批环节减至4个", [{ value: 4, unit: "个", subject: "审批环节", comparator: "reach", measure: "level" }]],
  ["审批事项精简30%以上", [{ value: 30, unit: "%", subject: "审批事项", comparator: "at_least", measure: "increment" }]],
  // a time, no verb before it, then the end of a procedure: that procedure's time limit, a level to stay under
  ["抵押登记1个工作日办结", [{ value: 1, unit: "个工作日", subject: "抵押登记办结时限", comparator: "at_most", measure: "level" }]],
  ["一般不动产登记3个工作日内办结", [{ value: 3, unit: "个工作日", subject: "一般不动产登记办结时限", comparator: "at_most", measure: "level" }]],
  ["投资项目审批50个工作日内完成", [{ value: 50, unit: "个工作日", subject: "投资项目审批完成时限", comparator: "at_most", measure: "level" }]],
  // one goal said twice, as a change in points and the level it comes to: the level (not two targets counting the same work)
  ["农村生活污水治理行政村覆盖率提高5个百分点，达到90%", [{ value: 90, unit: "%", subject: "农村生活污水治理行政村覆盖率", measure: "level" }]],
  ["网上可办率提高到95%，比上年提高5个百分点", [{ value: 95, unit: "%", subject: "网上可办率", measure: "level" }]],
  ["城镇化率提高2个百分点，森林覆盖率达到42%", [{ value: 2, unit: "个百分点", subject: "城镇化率" }, { value: 42, unit: "%", subject: "森林覆盖率" }]],
  // 总量/总数 name the stock (part of the subject); 突破 with no verb: a total crossing a mark
  ["人才总量突破8万人", [{ value: 80000, unit: "人", subject: "人才总量", comparator: "at_least", measure: "level" }]],
  ["高新技术企业总数超过300家", [{ value: 300, unit: "家", subject: "高新技术企业总数", comparator: "at_least", measure: "level" }]],
  ["规上工业企业突破800家", [{ value: 800, unit: "家", subject: "规上工业企业", comparator: "at_least", measure: "level" }]],
  ["新增高新技术企业突破30家", [{ value: 30, unit: "家", subject: "高新技术企业", comparator: "at_least", measure: "increment" }]],
  // an amount per 亩 or head (亩均, 人均): in 万元/亩, 万元/人
  ["规上工业亩均税收达到35万元", [{ value: 35, unit: "万元/亩", subject: "规上工业亩均税收", measure: "level" }]],
  ["农村居民人均可支配收入达到3.5万元", [{ value: 3.5, unit: "万元/人", subject: "农村居民人均可支配收入", measure: "level" }]],
  // a score (分, after Arabic digits only): a level
  ["满意度达到90分以上", [{ value: 90, unit: "分", subject: "满意度", comparator: "at_least", measure: "level" }]],
  ["营商环境评价得分95分", [{ value: 95, unit: "分", subject: "营商环境评价得分", measure: "level" }]],
  // (a time after a verb counts days of the activity)
  ["组织培训3天", [{ value: 3, unit: "天", subject: "培训", measure: "increment" }]],
];

describe("quantity phrasings", () => {
  it(`covers at least 40 phrasings (${PHRASINGS.length})`, () => expect(PHRASINGS.length).toBeGreaterThanOrEqual(40));
  it.each(PHRASINGS)("%s", (text, expected) => {
    const found = quantities(text);
    expect(found.map(row)).toMatchObject(expected);
    for (const t of found) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe("attributes describe a target, they are not targets", () => {
  it("注册资金4亿元 of the company to be founded", () => {
    const text = "加快成立注册资金4亿元的国有政策性担保公司。";
    const targets = parse(text);
    expect(targets).toHaveLength(1);
    expect(targets[0]).toMatchObject({ kind: "milestone", value: null, text: "成立注册资金4亿元的国有政策性担保公司", subject: "注册资金4亿元的国有政策性担保公司" });
    expect(targets[0]!.attributes).toEqual([{ text: "注册资金4亿元", value: 4, unit: "亿元", start: 4, end: 11 }]);
  });
  it("年销售额超过1亿元 of the companies to be counted", () => {
    const [t] = parse("培育年销售额超过1亿元的企业10家");
    expect(t!.attributes).toMatchObject([{ text: "年销售额超过1亿元", value: 1, unit: "亿元" }]);
  });
});

describe("milestones and recurring duties", () => {
  it.each([
    ["年内出台《关于促进工业互联网发展的实施意见》", "《关于促进工业互联网发展的实施意见》", "2017-12-31"],
    ["11月底前出台实施方案", "实施方案", "2017-11-30"],
    ["建立健全考核评价机制", "考核评价机制", null],
    ["组建产业发展基金", "产业发展基金", null],
    ["成立市人工智能产业联盟", "市人工智能产业联盟", null],
    ["发布年度重点项目清单", "年度重点项目清单", null],
    ["成立一批专家工作站", "一批专家工作站", null],
    ["编制2018-2020年发展规划", "2018-2020年发展规划", "2020-12-31"],
    ["年内完成《智能制造发展规划》编制", "《智能制造发展规划》编制", "2017-12-31"],
    ["9月底前完成专项资金管理办法修订", "专项资金管理办法修订", "2017-09-30"],
    ["9月10日前完成专项资金管理办法修订", "专项资金管理办法修订", "2017-09-10"],
    ["6月底前建成市级众创空间服务平台", "市级众创空间服务平台", "2017-06-30"],
    ["建成投用市民服务中心", "市民服务中心", null],
    ["修订《余姚市重污染天气应急预案》", "《余姚市重污染天气应急预案》", null],
    // the phase in brackets is part of the name, no count of 期
    ["建成厨余垃圾资源化处理中心（二期）", "厨余垃圾资源化处理中心(二期)", null],
    // what is to be brought to nothing by the deadline (清零)
    ["年底前全面完成城镇污水管网建设，实现劣V类水体清零", "劣V类水体清零", "2017-12-31"],
    ["年内实现农民工工资拖欠问题动态清零", "农民工工资拖欠问题动态清零", "2017-12-31"],
    ["2019年底前，全市35蒸吨/小时以下燃煤锅炉全部淘汰", "全市35蒸吨/小时以下燃煤锅炉全部淘汰", "2019-12-31"],
    ["年内做到应收尽收、欠费清零", "欠费清零", "2017-12-31"],
    ["2018年底前，劣V类水体比例降为零", "劣V类水体比例降为零", "2018-12-31"],
    ["年内重大火灾事故起数减少为零", "重大火灾事故起数减少为零", "2017-12-31"],
    ["2018年底前全面消除集体经济薄弱村", "全面消除集体经济薄弱村", "2018-12-31"],
    // (the verb first: 全面淘汰, the threshold in the object no count)
    ["2024年底前全面淘汰35蒸吨/小时以下燃煤锅炉", "全面淘汰35蒸吨/小时以下燃煤锅炉", "2024-12-31"],
  ])("%s is a milestone", (text, subject, deadline) => {
    const targets = parse(text);
    expect(targets.map((t) => ({ kind: t.kind, value: t.value, subject: t.subject, deadline: t.horizon?.deadline ?? null }))).toEqual([
      { kind: "milestone", value: null, subject, deadline },
    ]);
  });

  it.each(["培育认定一批市级智能制造工程服务公司", "就此制定以下意见", "完成年度目标任务", "2017年9月8日印发", "完善建成区公共服务体系", "确保完成年度投资计划", "推进产融对接网络平台建设", "全力保障专家委员会成立与服务工作启动仪式在慈召开",
    // (清零: a programme of that name, one with no subject of its own, one done already)
    "开展欠薪清零行动", "实现动态清零", "全市劣V类水体已实现清零", "去年实现劣V类水体清零",
    // (a means to it: a ledger, a rule, a campaign)
    "完善清零销号制度", "对欠薪案件实行清零销号管理", "开展劣V类水体清零专项行动", "对照问题清单逐项清零", "开展全面消除安全隐患专项行动", "已全面消除薄弱村"])(
    "%s is no target",
    (text) => expect(parse(text)).toEqual([]),
  );

  it.each([
    ["每半个月通报智能经济八大工程进展情况", "每半个月", "通报智能经济八大工程进展情况"],
    ["定期组织专家开展诊断服务", "定期", "组织专家开展诊断服务"],
    ["按季度报送项目推进情况", "按季度", "报送项目推进情况"],
    ["对相关责任部门的工作进展情况进行定期督查", "定期", "对相关责任部门的工作进展情况进行督查"],
  ])("%s is recurring", (text, frequency, subject) => {
    expect(parse(text)).toMatchObject([{ kind: "recurring", value: null, comparator: null, frequency, subject, text }]);
  });

  it.each([
    ["每一季度开展一次安全检查", "每一季度", "开展安全检查"],
    ["每季度召开一次联席会议", "每季度", "召开联席会议"],
    ["每2个月通报一次", "每2个月", "通报"],
    ["每季度至少召开1次联席会议", "每季度", "召开联席会议"],
    ["每季度开展1次乡村振兴专项督查", "每季度", "开展乡村振兴专项督查"],
    ["上一年度排名后三位的乡镇，每季度约谈1次", "每季度", "约谈"],
    ["帮扶干部每人每月入户走访不少于1次", "每月", "帮扶干部每人入户走访"],
  ])("%s: one round per period is a recurring duty, not a figure that adds up to a goal", (text, frequency, subject) => {
    expect(parse(text)).toMatchObject([{ kind: "recurring", value: null, frequency, subject }]);
  });

  it("a date within each period (每年9月底前) or the date of the clause before is no end of a recurring duty", () => {
    expect(parse("每年9月底前修订1次重污染天气应急预案。")).toMatchObject([{ kind: "recurring", frequency: "每年", horizon: null }]);
    expect(parse("2019年6月底前出台方案，每季度开展1次联合执法。").map((t) => [t.kind, t.horizon?.text ?? null])).toEqual([
      ["milestone", "2019年6月底前"], ["recurring", null],
    ]);
    // (a horizon standing alone before the sentence's duties is theirs: 到2020年，每年举办培训15期)
    expect(parse("到2020年，每年举办培训15期。")).toMatchObject([{ kind: "quantity", frequency: "每年", horizon: { text: "到2020年" } }]);
  });

  it("a count per period above one stays a count, with its frequency", () => {
    expect(parse("每年举办2期培训班")).toMatchObject([{ kind: "quantity", value: 2, unit: "期", frequency: "每年" }]);
  });

  it("takes the deadline of a task-table row from its last cell", () => {
    const text = "10\t加大财政扶持力度\t安排1亿元资金专项用于智能经济发展,出台实施细则。\t市经信局\t\t10月底前";
    expect(parse(text).map((t) => [t.kind, t.text, t.horizon])).toEqual([
      ["quantity", "1亿元", { text: "10月底前", deadline: "2017-10-31" }],
      ["milestone", "出台实施细则", { text: "10月底前", deadline: "2017-10-31" }],
    ]);
  });

  it("marks a deadline carried from an earlier clause where it is bound to that clause's verb, not one standing alone", () => {
    const opts = { policyDate: "2019-03-01" };
    // 10月底前 belongs to 完成…编制; the trucks may have the row's own deadline (registry.ts decides)
    expect(parseTargets("10月底前完成《攻坚方案》编制,淘汰国三柴油货车1200辆以上。", opts).map((t) => [t.kind, t.horizon])).toEqual([
      ["milestone", { text: "10月底前", deadline: "2019-10-31" }],
      ["quantity", { text: "10月底前", deadline: "2019-10-31", carried: true }],
    ]);
    // 到2020年， stands alone: it covers the whole sentence
    expect(parseTargets("到2020年,新增工业机器人200台,培育龙头企业10家。", opts).map((t) => t.horizon)).toEqual([
      { text: "到2020年", deadline: "2020-12-31" },
      { text: "到2020年", deadline: "2020-12-31" },
    ]);
  });

  it("reads a deadline written after the milestone, in brackets or as a clause of its own", () => {
    const opts = { policyDate: "2018-03-01" };
    const read = (text: string) => parseTargets(text, opts).map((t) => [t.kind, t.horizon?.deadline ?? null]);
    expect(read("完成老旧小区改造方案编制（11月底前）")).toEqual([["milestone", "2018-11-30"]]);
    expect(read("推进智能制造，完成方案编制（11月底前完成）。")).toEqual([["milestone", "2018-11-30"]]);
    expect(read("完成老旧小区改造方案编制，11月底前完成。")).toEqual([["milestone", "2018-11-30"]]);
    // a clause with more than the date keeps its own count: 其中年底前完成100台 is no deadline of the 200
    expect(read("新增工业机器人200台，其中年底前完成100台。")).toEqual([["quantity", null], ["quantity", "2018-12-31"]]);
    // still no milestone: 完成 with an object that is no document or body
    expect(read("完成年度投资计划（年底前）")).toEqual([]);
  });

  it("names what a verb alone counts from an earlier clause's verb and object (全面淘汰国三柴油货车，2019年底前淘汰2000辆)", () => {
    expect(parse("全面淘汰国三及以下排放标准营运中型和重型柴油货车，2019年底前淘汰2000辆、2020年底前累计淘汰5000辆。").map((t) => [t.subject, t.value]))
      .toEqual([["淘汰国三及以下排放标准营运中型和重型柴油货车", 2000], ["淘汰国三及以下排放标准营运中型和重型柴油货车", 5000]]);
  });

  it("reads works finished as a whole as milestones, with whose they are (全市钢铁企业完成超低排放改造); not with a count, nor a plan fulfilled", () => {
    expect(parse("全市钢铁企业完成超低排放改造，燃煤电厂全面完成超低排放改造。").map((t) => [t.kind, t.subject]))
      .toEqual([["milestone", "钢铁企业超低排放改造"], ["milestone", "燃煤电厂超低排放改造"]]);
    expect(parse("年底前完成老旧小区改造").map((t) => [t.kind, t.subject])).toEqual([["milestone", "老旧小区改造"]]);
    expect(parse("完成工业炉窑综合治理60台").map((t) => t.kind)).toEqual(["quantity"]);
    expect(parse("完成年度投资计划")).toEqual([]);
    // (works counted later in the sentence are a quantity only; who urges them on is not whose they are)
    expect(parse("积极引导企业完成技术改造，年底前完成60家").map((t) => t.kind)).toEqual(["quantity"]);
    expect(parse("积极引导企业完成技术改造").map((t) => t.subject)).toEqual(["技术改造"]);
    // (the works are; 实现动态清零 after them, with no subject of its own, is not)
    expect(parse("完成“散乱污”企业整治，实现动态清零").map((t) => [t.kind, t.subject])).toEqual([["milestone", "“散乱污”企业整治"]]);
    // (a share of something else later in the sentence counts no works)
    expect(parse("完成有线电视网络整合和双向化改造，4K超高清频道覆盖率达到100%。").map((t) => [t.kind, t.subject]))
      .toEqual([["milestone", "有线电视网络整合和双向化改造"], ["quantity", "4K超高清频道覆盖率"]]);
    // (a share of these works, 改造完成率, or one in a 其中 clause, measures them: the share alone)
    expect(parse("完成老旧小区改造，改造完成率达到100%。").map((t) => t.kind)).toEqual(["quantity"]);
    expect(parse("完成全部企业技术改造，其中完成智能化改造80%以上。").map((t) => t.kind)).toEqual(["quantity"]);
    // (a share of those whose works they are, before the verb: the share alone)
    expect(parse("推动30%以上的规上企业完成数字化改造。").map((t) => [t.kind, t.comparator, t.value])).toEqual([["quantity", "at_least", 30]]);
  });

  it("reads a review, an approval or a tender finished by a date as a milestone (9月底前完成首批项目评审); counted, a quantity", () => {
    expect(parse("10月底前完成项目验收，12月底前完成绩效评价。").map((t) => [t.kind, t.subject, t.horizon?.deadline]))
      .toEqual([["milestone", "项目验收", "2017-10-31"], ["milestone", "绩效评价", "2017-12-31"]]);
    expect(parse("9月底前完成首批项目评审").map((t) => [t.kind, t.subject])).toEqual([["milestone", "首批项目评审"]]);
    expect(parse("完成年度重点工程立项").map((t) => t.subject)).toEqual(["年度重点工程立项"]);
    expect(parse("年内完成100个项目招标").map((t) => [t.kind, t.value])).toEqual([["quantity", 100]]);
    // (a whole, still: 完成规上企业亩均效益评价全覆盖 is coverage)
    expect(parse("完成规上企业亩均效益评价全覆盖").map((t) => [t.kind, t.value])).toEqual([["quantity", 100]]);
  });

  it("leaves 实现 out of a measure's name when another verb states the figure (实现“一网通办”率达到90%), and keeps 平均 whole", () => {
    expect(parse("全面推行“最多跑一次”改革，实现“一网通办”率达到90%。").map((t) => [t.subject, t.value])).toEqual([["“一网通办”率", 90]]);
    expect(parse("实现具备条件的建制村通双车道公路比例达到100%").map((t) => t.subject)).toEqual(["具备条件的建制村通双车道公路比例"]);
    // (实现 as the verb itself, and 实现…清零, stay as they were)
    expect(parse("实现工业总产值500亿元").map((t) => [t.subject, t.value, t.unit])).toEqual([["工业总产值", 500, "亿元"]]);
    expect(parse("实现劣V类水体清零").map((t) => [t.kind, t.subject])).toEqual([["milestone", "劣V类水体清零"]]);
    expect(parse("规模以上工业增加值增速高于全省平均1个百分点").map((t) => t.subject)).toEqual(["规模以上工业增加值增速高于全省平均"]);
  });

  it("reads a change by a percentage after 完成 and its object as that object's rate (完成固定资产投资同比增长8%)", () => {
    expect(parse("完成固定资产投资同比增长8%").map((t) => [t.subject, t.value, t.unit, t.measure, t.comparator])).toEqual([["固定资产投资", 8, "%", "increment", null]]);
    expect(parse("完成税收收入比上年增长5%").map((t) => [t.subject, t.measure])).toEqual([["税收收入", "increment"]]);
    // (a count after 完成 and works still names the works)
    expect(parse("完成燃煤锅炉淘汰改造120台").map((t) => [t.subject, t.value])).toEqual([["燃煤锅炉淘汰改造", 120]]);
  });

  it("reads the months of the year so far as a deadline (1—6月 → 6月底前; 2023年1-9月份), not a span of months", () => {
    expect(parse("1—6月，全市规上工业增加值增长8%。").map((t) => [t.horizon?.text, t.horizon?.deadline])).toEqual([["1—6月", "2017-06-30"]]);
    expect(parse("2018年1-9月份，完成固定资产投资100亿元。").map((t) => t.horizon?.deadline)).toEqual(["2018-09-30"]);
    expect(parse("1至11月，新增企业50家。").map((t) => t.horizon?.deadline)).toEqual(["2017-11-30"]);
    expect(parse("完成投资1.5-6亿元").map((t) => [t.value, t.valueMax, t.horizon])).toEqual([[1.5, 6, null]]);
  });

  it("names projects by what is done to them (新开工项目, 竣工项目), 项目 alone naming nothing", () => {
    expect(parse("全年新开工项目不少于50个，竣工项目30个。").map((t) => [t.subject, t.value])).toEqual([["新开工项目", 50], ["竣工项目", 30]]);
    expect(parse("实施重点项目100个").map((t) => t.subject)).toEqual(["重点项目"]);
  });

  it("reads the years of a 其中 list as the shares' deadlines (其中2023年100家、2024年100家; 其中年底前100家)", () => {
    expect(parse("到2020年新增高新技术企业300家，其中2018年100家、2019年100家。").map((t) => [t.subject, t.value, t.horizon?.deadline]))
      .toEqual([["高新技术企业", 300, "2020-12-31"], ["高新技术企业", 100, "2018-12-31"], ["高新技术企业", 100, "2019-12-31"]]);
    expect(parse("三年内累计培训新型职业农民3000人次，其中2018年底前1000人次。").map((t) => [t.subject, t.value, t.horizon?.deadline]))
      .toEqual([["新型职业农民", 3000, "2020-12-31"], ["新型职业农民", 1000, "2018-12-31"]]);
    // (前 before a figure is still a rank where no deadline ends with it)
    expect(parse("进入全省前10名").map((t) => [t.subject, t.comparator, t.value])).toEqual([["全省排名", "at_most", 10]]);
  });

  it("reads what is named before a deadline and the verb finishing it as a milestone (详查工作于2023年底前完成, 9月底前主体工程完工)", () => {
    expect(parse("全市土壤污染状况详查工作于2018年底前完成。").map((t) => [t.kind, t.subject, t.horizon?.deadline])).toEqual([["milestone", "土壤污染状况详查", "2018-12-31"]]);
    expect(parse("加快推进项目建设，确保9月底前主体工程完工。").map((t) => [t.kind, t.subject, t.horizon?.deadline])).toEqual([["milestone", "主体工程", "2017-09-30"]]);
    expect(parse("市民服务中心年底前建成投用").map((t) => [t.kind, t.subject])).toEqual([["milestone", "市民服务中心"]]);
    // (nothing named, or only 各项任务: no milestone of its own)
    expect(parse("年底前完成。")).toEqual([]);
    expect(parse("各项任务于年底前完成。")).toEqual([]);
    // (nor who is to finish it)
    expect(parse("各部门于年底前完成。")).toEqual([]);
    expect(parse("各镇街要在年底前全部完成。")).toEqual([]);
    expect(parse("相关单位须在10月底前完成。")).toEqual([]);
    // (with no deadline between them, no milestone either)
    expect(parse("土壤污染状况详查工作完成")).toEqual([]);
  });

  it("reads units in Latin letters (3000km, 20万kW, 1.2亿kWh, 50万m²) and the standard container (300万标准箱, TEU); 5G, G20 stay identifiers", () => {
    const read = (text: string) => parse(text).map((t) => [t.subject, t.value, t.unit, t.baseUnit, t.valueInBaseUnit]);
    expect(read("通车里程达到3000km")).toEqual([["通车里程", 3000, "km", "公里", 3000]]);
    expect(read("新增光伏装机20万kW")).toEqual([["光伏装机", 200000, "kW", "千瓦", 200000]]);
    expect(read("全社会用电量1.2亿kWh")).toEqual([["全社会用电量", 120000000, "kWh", "千瓦时", 120000000]]);
    expect(read("新建厂房50万m²")).toEqual([["厂房", 500000, "m²", "平方米", 500000]]);
    expect(read("港口集装箱吞吐量突破300万标准箱")).toEqual([["港口集装箱吞吐量", 3000000, "标准箱", "标箱", 3000000]]);
    expect(read("吞吐量达到300万TEU")).toEqual([["吞吐量", 3000000, "TEU", "标箱", 3000000]]);
    expect(read("建成5G基站100个")).toEqual([["5G基站", 100, "个", "个", 100]]);
    expect(parse("举办G20峰会")).toEqual([]);
    // (a grade after Arabic digits: 达到4级; 二级以上医院, 5A级景区 are names)
    expect(read("二级以上医院电子病历应用水平达到4级")).toEqual([["二级以上医院电子病历应用水平", 4, "级", "级", 4]]);
    expect(read("创建5A级景区1个")).toEqual([["5A级景区", 1, "个", "个", 1]]);
  });

  it("names a time cut to a limit by what is done in it, not by the act after it (企业开办全流程压缩至1个工作日内办结)", () => {
    expect(parse("企业开办全流程压缩至1个工作日内办结。").map((t) => [t.subject, t.comparator, t.value, t.unit])).toEqual([["企业开办全流程", "at_most", 1, "个工作日"]]);
    expect(parse("一般投诉5个工作日内办结").map((t) => t.subject)).toEqual(["一般投诉办结时限"]);
  });

  it("names a stock written alone after a count by what was counted (新培育龙头企业5家，总数达到50家)", () => {
    expect(parse("新培育省级以上农业龙头企业5家，总数达到50家。").map((t) => [t.subject, t.value, t.measure]))
      .toEqual([["省级以上农业龙头企业", 5, "increment"], ["省级以上农业龙头企业总数", 50, "level"]]);
    // (in another unit it is some other stock)
    expect(parse("新增就业1万人，总量达到10万家。").map((t) => t.subject)).toEqual(["就业", "总量"]);
  });

  it("leaves a verb that adds out of the name of a total it reaches (培育省级以上“专精特新”企业累计达到100家), not a noun (建成区)", () => {
    expect(parse("培育省级以上“专精特新”企业累计达到100家。").map((t) => [t.subject, t.comparator, t.value])).toEqual([["省级以上“专精特新”企业", "reach", 100]]);
    expect(parse("建成区绿化覆盖率达到40%").map((t) => t.subject)).toEqual(["建成区绿化覆盖率"]);
  });

  it("gives a subject naming no measure the measure the target before names after the same kind of thing (农村居民增长7.5%)", () => {
    expect(parse("城镇居民人均可支配收入增长6.5%，农村居民增长7.5%。").map((t) => [t.subject, t.value]))
      .toEqual([["城镇居民人均可支配收入", 6.5], ["农村居民人均可支配收入", 7.5]]);
    // (not in another unit or way, nor a subject with a measure of its own)
    expect(parse("城镇居民人均可支配收入增长6.5%，农村居民达到3万人。").map((t) => t.subject)).toEqual(["城镇居民人均可支配收入", "农村居民"]);
    expect(parse("城镇居民人均可支配收入增长6.5%，农村居民消费支出增长5%。").map((t) => t.subject)).toEqual(["城镇居民人均可支配收入", "农村居民消费支出"]);
    // (in a 其中 clause whatever names the measure; a share that is what the parent counts stays as written)
    expect(parse("全市企业研发投入增长10%，其中规上企业增长12%。").map((t) => t.subject)).toEqual(["全市企业研发投入", "规上企业研发投入"]);
    expect(parse("新增规上工业企业100家以上，其中制造业企业不少于80家。").map((t) => t.subject)).toEqual(["规上工业企业", "制造业企业"]);
    // (a place alone in a 其中 clause: the parent's count there)
    expect(parse("新建5G基站不少于1000个，其中农村地区200个。").map((t) => t.subject)).toEqual(["5G基站", "农村地区5G基站"]);
    expect(parse("全市建成充电桩3000个，其中城区2000个。").map((t) => t.subject)).toEqual(["充电桩", "城区充电桩"]);
  });

  it("reads a range whose first figure carries the scale word its unit starts with (10万-15万吨/日), and 85%（含）以上 as at least 85%", () => {
    expect(parse("新增污水处理能力10万-15万吨/日").map((t) => [t.value, t.valueMax, t.unit, t.valueInBaseUnit])).toEqual([[10, 15, "万吨/日", 100000]]);
    expect(parse("节约用电1亿-2亿千瓦时").map((t) => [t.value, t.valueMax, t.unit])).toEqual([[1, 2, "亿千瓦时"]]);
    expect(parse("新增就业1.2万～1.5万人").map((t) => [t.value, t.valueMax, t.unit])).toEqual([[12000, 15000, "人"]]);
    expect(parse("覆盖率提高到85%（含）以上").map((t) => [t.subject, t.comparator, t.value])).toEqual([["覆盖率", "at_least", 85]]);
    expect(parse("培育企业10家(含)以上").map((t) => [t.subject, t.comparator, t.value])).toEqual([["企业", "at_least", 10]]);
  });

  it("reads events that must not happen as a ceiling of 0 起 (重特大安全事故零发生, 确保不发生重大安全生产事故)", () => {
    const read = (text: string) => parse(text).map((t) => [t.kind, t.subject, t.comparator, t.value, t.unit, t.measure]);
    expect(read("重特大安全事故零发生。")).toEqual([["quantity", "重特大安全事故", "at_most", 0, "起", "increment"]]);
    expect(read("实现较大以上事故“零发生”")).toEqual([["quantity", "较大以上事故", "at_most", 0, "起", "increment"]]);
    expect(read("全年确保不发生重大安全生产事故")).toEqual([["quantity", "重大安全生产事故", "at_most", 0, "起", "increment"]]);
    // (not without events named, nor beside a count of its own)
    expect(parse("确保不发生问题")).toEqual([]);
    expect(read("安全事故起数下降10%")).toEqual([["quantity", "安全事故起数", null, 10, "%", "increment"]]);
  });

  it("reads the documents, lists and bodies of today's policies as milestones (服务台账, 发展报告, 培育名单, 产业链专班, 上线…专区)", () => {
    const read = (text: string) => parse(text).map((t) => [t.kind, t.subject]);
    expect(read("6月底前建立重点企业服务台账")).toEqual([["milestone", "重点企业服务台账"]]);
    expect(read("年底前编制年度发展报告")).toEqual([["milestone", "年度发展报告"]]);
    expect(read("建立专精特新企业培育名单")).toEqual([["milestone", "专精特新企业培育名单"]]);
    expect(read("组建产业链专班")).toEqual([["milestone", "产业链专班"]]);
    expect(read("上线企业服务专区")).toEqual([["milestone", "企业服务专区"]]);
    // (a ledger for bringing something to nothing is the ledger to set up, no zero to reach)
    expect(read("建立清零台账")).toEqual([["milestone", "清零台账"]]);
    // (完成 with such an object is still no milestone: 完成年度报告 is a routine)
    expect(parse("完成年度报告")).toEqual([]);
  });

  it("reads the stretch goal of a growth rate as that rate (增长6.5%左右，力争达到7%: 6.5-7%, an increase)", () => {
    expect(parse("地区生产总值增长6.5%左右，力争达到7%。").map((t) => [t.subject, t.value, t.valueMax, t.measure])).toEqual([["地区生产总值", 6.5, 7, "increment"]]);
    // (a count's stretch goal written as a total stays a total)
    expect(parse("新增规上企业50家以上，力争达到1200家。").map((t) => [t.value, t.measure])).toEqual([[50, "increment"], [1200, "level"]]);
  });

  it("reads a count or an amount with no verb that measures as an increase (办理各类涉企事项不少于1000件, 为企业减负30亿元)", () => {
    expect(parse("办理各类涉企事项不少于1000件").map((t) => [t.value, t.measure])).toEqual([[1000, "increment"]]);
    expect(parse("为企业减负30亿元").map((t) => [t.value, t.unit, t.measure])).toEqual([[30, "亿元", "increment"]]);
    // (a stock's verb still makes a level: 拥有)
    expect(parse("到2020年，全县拥有省级以上农业龙头企业30家").map((t) => t.measure)).toEqual(["level"]);
  });

  it("ends a milestone's object before a second act joined by 并 (制定工作方案并报市政府审定), not inside a word (并购, 合并)", () => {
    expect(parse("6月底前制定工作方案并报市政府审定。").map((t) => [t.kind, t.subject, t.horizon?.deadline])).toEqual([["milestone", "工作方案", "2017-06-30"]]);
    expect(parse("年底前建成市级平台并投入使用，出台实施细则并组织实施。").map((t) => t.subject)).toEqual(["市级平台", "实施细则"]);
    expect(parse("二季度完成规划编制并报市政府审定").map((t) => t.subject)).toEqual(["规划编制"]);
    // (what follows 并 is never part of the object, so an object that is no milestone without it stays none)
    expect(parse("完成甲公司并购重组")).toEqual([]);
    expect(parse("制定政策并落实到位").map((t) => t.subject)).toEqual(["政策"]);
  });

  it("reads a milestone the same sentence counts (建设示范基地，累计建成县级示范基地20个) as the count alone", () => {
    expect(parse("建设数字农业示范基地，“十四五”期间累计建成省级数字农业工厂5家、县级数字农业示范基地20个。").map((t) => [t.kind, t.subject]))
      .toEqual([["quantity", "省级数字农业工厂"], ["quantity", "县级数字农业示范基地"]]);
    // (a milestone of something else stays)
    expect(parse("出台实施方案，建成示范基地3个。").map((t) => [t.kind, t.subject])).toEqual([["milestone", "实施方案"], ["quantity", "示范基地"]]);
  });

  it("cuts 此后 from the start of a duty's name (上线一张图，此后每月更新数据)", () => {
    expect(parse("2021年10月底前上线“数字乡村一张图”，此后每月更新数据。").filter((t) => t.kind === "recurring").map((t) => [t.subject, t.frequency])).toEqual([["更新数据", "每月"]]);
  });

  it("cuts 同比 from a subject (细颗粒物平均浓度同比下降3%)", () => {
    expect(parse("秋冬季期间细颗粒物平均浓度同比下降3%，重度及以上污染天数同比减少3%。").map((t) => t.subject)).toEqual(["秋冬季期间细颗粒物平均浓度", "重度及以上污染天数"]);
  });

  it("reads a rate measured in several places as one rate per place (清扫率地级城市达到70%、县城达到60%)", () => {
    expect(parse("道路机械化清扫率地级城市达到70%、县城达到60%。").map((t) => [t.subject, t.value])).toEqual([["道路机械化清扫率（地级城市）", 70], ["道路机械化清扫率（县城）", 60]]);
    // a place that is part of the subject, with no list of places after it, stays as written
    expect(parse("城市建成区绿化覆盖率达到40%。").map((t) => t.subject)).toEqual(["城市建成区绿化覆盖率"]);
  });

  it("names each figure of a list of counts by its own noun, the noun before or after it (6个乡镇分中心, 泊位2000个)", () => {
    expect(parse("建成1个县级数字乡村服务中心、6个乡镇分中心和120个村级服务站。").map((t) => [t.subject, t.value])).toEqual([
      ["县级数字乡村服务中心", 1], ["乡镇分中心", 6], ["村级服务站", 120],
    ]);
    expect(parse("新建5个停车场、泊位2000个。").map((t) => [t.subject, t.value])).toEqual([["停车场", 5], ["泊位", 2000]]);
    // (a noun listed after one figure, with no figure after it, is still that figure's)
    expect(parse("建立3个以上省级重点企业研究院、省级企业技术中心。").map((t) => t.subject)).toEqual(["省级重点企业研究院、省级企业技术中心"]);
    // (a listed noun before a figure that names its own noun stays whole: the list is the first figure's)
    expect(parse("新建2个城镇、农村污水处理站和100公里配套管网。").map((t) => t.subject)).toEqual(["城镇、农村污水处理站", "配套管网"]);
    expect(parse("建成2个国家级、省级创新平台和10家企业研发中心。").map((t) => t.subject)).toEqual(["国家级、省级创新平台", "企业研发中心"]);
    // (grades alone share the graded noun of the last figure)
    expect(parse("建成1个市级、5个县级和20个乡镇级应急物资储备库。").map((t) => t.subject)).toEqual(["市级应急物资储备库", "县级应急物资储备库", "乡镇级应急物资储备库"]);
  });

  it("leaves rates listed after another as written (城区绿化覆盖率、绿地率: no words of the first are guessed for the others)", () => {
    expect(parse("城区绿化覆盖率、绿地率分别达到40%、35%。").map((t) => t.subject)).toEqual(["城区绿化覆盖率", "绿地率"]);
    expect(parse("常住人口城镇化率、就业率分别达到70%、95%。").map((t) => t.subject)).toEqual(["常住人口城镇化率", "就业率"]);
    // (places listed before a shared rate keep sharing it)
    expect(parse("城市、农村生活污水处理率分别达到95%、80%。").map((t) => t.subject)).toEqual(["城市生活污水处理率", "农村生活污水处理率"]);
  });

  it("names a figure per person by what it is of (培训每人每年不少于50学时: 乡村教师信息技术应用能力培训每人), never 每人 alone", () => {
    expect(parse("乡村教师信息技术应用能力培训每人每年不少于50学时。").map((t) => [t.subject, t.value, t.frequency])).toEqual([["乡村教师信息技术应用能力培训每人", 50, "每年"]]);
  });

  it("reads 配备, 配齐 as verbs that add (每个行政村至少配备1名数字专员: at least 1)", () => {
    expect(parse("每个行政村至少配备1名数字专员。").map((t) => [t.subject, t.comparator, t.value, t.measure])).toEqual([["数字专员", "at_least", 1, "increment"]]);
  });

  it("names a grade alone in a 其中 clause (其中省级1家) by what the clause before counts", () => {
    expect(parse("培育农业龙头企业10家，其中国家级2家、省级5家。").map((t) => [t.subject, t.value])).toEqual([
      ["农业龙头企业", 10], ["国家级农业龙头企业", 2], ["省级农业龙头企业", 5],
    ]);
    expect(parse("新增规上企业50家，其中高新技术企业20家。").map((t) => t.subject)).toEqual(["规上企业", "高新技术企业"]);
    // (a grade the parent names is replaced; the run goes on after a comma; not of people)
    expect(parse("新增市级以上龙头企业20家，其中省级5家。").map((t) => t.subject)).toEqual(["市级以上龙头企业", "省级龙头企业"]);
    expect(parse("创建星级农家乐100家，其中五星级10家。").map((t) => t.subject)).toEqual(["星级农家乐", "五星级农家乐"]);
    expect(parse("新增企业研发机构50家，其中省级10家，国家级1家。").map((t) => t.subject)).toEqual(["企业研发机构", "省级企业研发机构", "国家级企业研发机构"]);
    expect(parse("新增城镇就业1万人，其中省级1000人。").map((t) => t.subject)).toEqual(["城镇就业", "省级"]);
  });

  it("cuts 力争, 确保 from the end of a subject, and counts 500路 of cameras (after Arabic digits only)", () => {
    expect(parse("规模以上农业生产主体纳入追溯平台管理的比例力争达到80%。").map((t) => t.subject)).toEqual(["规模以上农业生产主体纳入追溯平台管理的比例"]);
    expect(parse("新增公共安全视频监控摄像头500路。").map((t) => [t.subject, t.value, t.unit])).toEqual([["公共安全视频监控摄像头", 500, "路"]]);
    expect(quantities("推进“一带一路”建设。")).toEqual([]);
  });

  it("reads staged shares of one work (2021年完成30%…2023年全面完成X) as shares of that work, and a last stage naming nothing as its milestone", () => {
    const staged = (text: string) => parseTargets(text, { policyDate: "2021-04-15" }).map((t) => [t.kind, t.value, t.subject, t.horizon?.deadline ?? null]);
    expect(staged("2021年完成30%，2022年完成60%，2023年全面完成农村危房改造。")).toEqual([
      ["quantity", 30, "农村危房改造", "2021-12-31"], ["quantity", 60, "农村危房改造", "2022-12-31"], ["milestone", null, "农村危房改造", "2023-12-31"],
    ]);
    expect(staged("农村生活污水治理提标改造2022年底前完成40%，2023年底前全面完成。")).toEqual([
      ["quantity", 40, "农村生活污水治理提标改造", "2022-12-31"], ["milestone", null, "农村生活污水治理提标改造", "2023-12-31"],
    ]);
    // (the last stage naming the work again by its last words)
    expect(staged("2024年底前完成入河排污口整治80%以上，2025年底前全部完成整治。")).toEqual([
      ["quantity", 80, "入河排污口整治", "2024-12-31"], ["milestone", null, "入河排污口整治", "2025-12-31"],
    ]);
    // (a bare year between the work and its verb is the year it is done by)
    expect(staged("城中村改造2022年完成50%，2023年基本完成。")).toEqual([
      ["quantity", 50, "城中村改造", "2022-12-31"], ["milestone", null, "城中村改造", "2023-12-31"],
    ]);
    // (a rate is no work to finish; a baseline year is no deadline)
    expect(staged("到2022年，农村生活垃圾分类覆盖率达到60%，2023年全面完成。")).toEqual([["quantity", 60, "农村生活垃圾分类覆盖率", "2022-12-31"]]);
    expect(staged("单位GDP能耗比2020年下降13.5%。")).toEqual([["quantity", 13.5, "单位GDP能耗", null]]);
    // (a year after 以, 在, 自 is a base or a start, not a deadline)
    expect(staged("以2020年完成值为基数，全市规上工业增加值年均增长5%。")).toEqual([["quantity", 5, "全市规上工业增加值", null]]);
    expect(staged("自2021年累计培育专精特新企业100家。")).toEqual([["quantity", 100, "专精特新企业", null]]);
  });

  it("names subjects a department recognises: a rate named by a verb (实现率), 新增 of what the clause before cultivates, lists sharing a measure, a grade or a bound, a place in 其中", () => {
    const read = (text: string) => parse(text).map((t) => [t.subject, t.comparator, t.value]);
    expect(read("“最多跑一次”实现率不低于98%，投诉处置率达到95%。")).toEqual([["“最多跑一次”实现率", "at_least", 98], ["投诉处置率", "reach", 95]]);
    expect(parseTargets("培育“专精特新”中小企业，2022年新增50家、2023年新增60家。", { policyDate: "2022-03-01" }).map((t) => t.subject)).toEqual(["“专精特新”中小企业", "“专精特新”中小企业"]);
    expect(read("一般登记、抵押登记业务办理时间分别压缩至3个工作日、1个工作日以内。")).toEqual([["一般登记业务办理时间", "at_most", 3], ["抵押登记业务办理时间", "at_most", 1]]);
    expect(read("新建省级以上重点实验室、工程技术研究中心分别为3家、5家。").map((t) => t[0])).toEqual(["省级以上重点实验室", "省级以上工程技术研究中心"]);
    // (a grade extends to bodies that bear one only)
    expect(read("培育国家级专精特新企业、规上企业分别10家、100家。").map((t) => t[0])).toEqual(["国家级专精特新企业", "规上企业"]);
    expect(read("城镇污水处理率达到90%，其中县城达到60%以上。")).toEqual([["城镇污水处理率", "reach", 90], ["县城污水处理率", "at_least", 60]]);
    expect(read("全社会研发投入强度不低于全省平均水平，2024年达到3.2%。")).toEqual([["全社会研发投入强度", "reach", 3.2]]);
  });

  it("reads a survey, a fix-up, an evaluation finished by a date as milestones (一季度完成…摸底, 三季度末前全部完成整改)", () => {
    const read = (text: string) => parseTargets(text, { policyDate: "2022-02-01" }).map((t) => [t.kind, t.subject, t.horizon?.deadline ?? null]);
    expect(read("一季度完成全市企业摸底排查，三季度末前全部完成整改。")).toEqual([
      ["milestone", "全市企业摸底排查", "2022-03-31"], ["milestone", "全市企业摸底排查整改", "2022-09-30"],
    ]);
    expect(read("年底前完成中期评估。")).toEqual([["milestone", "中期评估", "2022-12-31"]]);
    // (a fix-up named alone is of a survey before it only)
    expect(read("6月底前完成方案编制，年底前完成整改。")).toEqual([["milestone", "方案编制", "2022-06-30"]]);
    expect(read("完成年度投资计划。")).toEqual([]);
  });

  it("gives a level the starting level its clause states (由3个工作日缩短至1个工作日: baseline 3), in the same unit only", () => {
    const read = (text: string) => parse(text).map((t) => [t.subject, t.value, t.baseline ?? null]);
    expect(read("不动产登记时间由3个工作日缩短至1个工作日。")).toEqual([["不动产登记时间", 1, 3]]);
    expect(read("森林覆盖率由40.5%提高到42%。")).toEqual([["森林覆盖率", 42, 40.5]]);
    expect(read("审批时间从现在的15天压缩到5天以内。")).toEqual([["审批时间", 5, 15]]);
    expect(read("森林覆盖率提高到42%。")).toEqual([["森林覆盖率", 42, null]]);
    // (the points a stated change raises or lowers it by: 提高10个百分点，达到80% starts from 70; 降低3个百分点，达到20% from 23)
    expect(read("规上工业企业数字化改造覆盖率提高10个百分点，达到80%。")).toEqual([["规上工业企业数字化改造覆盖率", 80, 70]]);
    expect(read("覆盖率达到90%，比2020年提高5个百分点。")).toEqual([["覆盖率", 90, 85]]);
    expect(read("规上工业企业数字化改造覆盖率降低3个百分点，达到20%。")).toEqual([["规上工业企业数字化改造覆盖率", 20, 23]]);
    // (the nearest, with no other target between)
    expect(read("企业开办时间由3天压缩至1天、工程建设项目审批时间由120天压缩至80天。")).toEqual([["企业开办时间", 1, 3], ["工程建设项目审批时间", 80, 120]]);
    // (a list of starting values after 分别: the i-th for the i-th level, none of them a target of its own)
    expect(read("城镇调查失业率、城镇登记失业率分别由5.5%、3.5%下降到5%、3%。")).toEqual([["城镇调查失业率", 5, 5.5], ["城镇登记失业率", 3, 3.5]]);
    expect(read("城乡居民人均可支配收入分别由3.5万元、2万元增加到4万元和2.5万元。")).toEqual([["城镇居民人均可支配收入", 4, 3.5], ["农村居民人均可支配收入", 2.5, 2]]);
    expect(read("城镇登记失业率分别由3.5%下降到3%。")).toEqual([["城镇登记失业率", 3, 3.5]]);
    // (what is counted between the starting figure and the verb: 由原来的7个环节压减至4个)
    expect(read("企业开办手续由原来的7个环节压减至4个。")).toEqual([["企业开办手续环节", 4, 7]]);
    expect(read("审批环节由现行的12个精简至6个。")).toEqual([["审批环节", 6, 12]]);
    // (人均: the unit per head of the starting value's)
    expect(read("居民人均可支配收入由3.5万元增加到4万元。")).toEqual([["居民人均可支配收入", 4, 3.5]]);
    // (a list of starting values not one per level: none of them is the start of any)
    expect(read("城镇调查失业率、城镇登记失业率分别由5.5%、3.5%下降到5%。")).toEqual([["城镇调查失业率、城镇登记失业率", 5, null]]);
  });

  it("reads a rank to reach (进入全省前10位, 保持全省前三位) as a place to stay at or above: at most that place; not a reward for the ranked", () => {
    const read = (text: string) => parse(text).map((t) => [t.subject, t.comparator, t.value, t.unit, t.measure]);
    expect(read("力争营商环境评价进入全省前10位。")).toEqual([["营商环境评价全省排名", "at_most", 10, "位", "level"]]);
    expect(read("营商环境便利度进入全国前十名。")).toEqual([["营商环境便利度全国排名", "at_most", 10, "名", "level"]]);
    expect(read("优化营商环境，排名提升至全省第5位。")).toEqual([["优化营商环境全省排名", "at_most", 5, "位", "level"]]);
    expect(read("对排名前10位的企业给予奖励。")).toEqual([]);
    // (nor a condition of a reward, nor a rank naming what follows it)
    for (const text of ["对排名前10位企业给予奖励。", "连续两年排名全市前三位，给予表彰。", "进入全省前10名以内的企业给予奖励100万元。", "年度考核排名第1名单位奖励20万元。"]) {
      expect(read(text).filter((t) => String(t[0]).endsWith("排名"))).toEqual([]);
    }
    // (位 unsaid after a verb of standing)
    expect(read("数字经济发展水平位居全省第二。")).toEqual([["数字经济发展水平全省排名", "at_most", 2, "位", "level"]]);
    expect(read("在全省营商环境评价中排名第一。")).toEqual([["全省营商环境评价排名", "at_most", 1, "位", "level"]]);
    // (a stretch goal ranks the same)
    expect(read("确保营商环境评价进入全省前10名，力争进入前5名。").map((t) => [t[0], t[2]])).toEqual([["营商环境评价全省排名", 10], ["营商环境评价全省排名", 5]]);
  });

  it("reads a time followed by the end of a procedure as its time limit, also after a verb naming the procedure (设立登记0.5个工作日办结)", () => {
    const read = (text: string) => parse(text).map((t) => [t.subject, t.comparator, t.value, t.measure]);
    expect(read("企业开办时间压缩至1个工作日以内，其中设立登记0.5个工作日办结。")).toEqual([["企业开办时间", "at_most", 1, "level"], ["设立登记办结时限", "at_most", 0.5, "level"]]);
    expect(read("新建项目3个工作日内完成审批。")).toEqual([["新建项目审批时限", "at_most", 3, "level"]]);
    // (a verb changing a time, or with nothing between it and the figure, counts days)
    expect(read("开展培训5天。")).toEqual([["培训", null, 5, "increment"]]);
  });

  it("reads a ratio or index written without a unit after its name (收入比, 系数, 指数, PUE), and nothing else without a unit", () => {
    const read = (text: string) => parse(text).map((t) => [t.subject, t.comparator, t.value, t.unit, t.measure, t.text]);
    expect(read("城乡居民收入比控制在1.8以内。")).toEqual([["城乡居民收入比", "at_most", 1.8, "", "level", "控制在1.8以内"]]);
    expect(read("城乡居民收入比缩小至1.7∶1以内。")).toEqual([["城乡居民收入比", "at_most", 1.7, "", "level", "缩小至1.7∶1以内"]]);
    expect(read("城乡居民收入比由2.0缩小到1.8，数据中心电能利用效率（PUE）不高于1.4。").map((t) => t.slice(0, 5))).toEqual([
      ["城乡居民收入比", "reach", 1.8, "", "level"], ["数据中心电能利用效率(PUE)", "at_most", 1.4, "", "level"],
    ]);
    expect(read("新建大型数据中心PUE值降至1.3以下。")).toEqual([["新建大型数据中心PUE值", "at_most", 1.3, "", "level", "降至1.3以下"]]);
    expect(read("基尼系数为0.4，空气质量综合指数达到4.5左右。").map((t) => t.slice(0, 3))).toEqual([["基尼系数", "reach", 0.4], ["空气质量综合指数", "about", 4.5]]);
    // (a level whatever verb stands before it; 新建 read as that verb, not part of the name)
    expect(read("新建工业项目容积率不低于1.2。")).toEqual([["工业项目容积率", "at_least", 1.2, "", "level", "不低于1.2"]]);
    // (斤: 亩产达到1200斤)
    expect(read("亩产达到1200斤。")).toEqual([["亩产", "reach", 1200, "斤", "level", "达到1200斤"]]);
    // (a baseline year, a share without its sign, a year-on-year change, a number elsewhere: no figure)
    for (const text of ["单位GDP能耗比2020年下降。", "占比达到30，", "同比增长8。", "收入比较2020年提高。", "建设指数1号平台。"]) expect(quantities(text)).toEqual([]);
    // (缩小 is a change: 收入差距缩小10%)
    expect(read("城乡居民收入差距缩小10%。")).toEqual([["城乡居民收入差距", null, 10, "%", "increment", "10%"]]);
  });

  it("reads 三年内 as the policy's term when the policy gives its end (policyEnd: a 2021—2023 plan)", () => {
    expect(parseTargets("三年内新建5G基站500个", { policyDate: "2021-03-15" })[0]!.horizon).toEqual({ text: "三年内", deadline: "2024-12-31" });
    expect(parseTargets("三年内新建5G基站500个", { policyDate: "2021-03-15", policyEnd: "2023-12-31" })[0]!.horizon).toEqual({ text: "三年内", deadline: "2023-12-31" });
    expect(parseTargets("到2022年新建5G基站500个", { policyDate: "2021-03-15", policyEnd: "2023-12-31" })[0]!.horizon).toEqual({ text: "到2022年", deadline: "2022-12-31" });
    // (在3个月内 is a deadline; 保持在12个月以内 a bound on a span of months, none)
    expect(parseTargets("各地在3个月内建成平台", { policyDate: "2021-03-15" })[0]!.horizon).toEqual({ text: "3个月内", deadline: "2021-06-30" });
    expect(parseTargets("商品住房去化周期保持在12个月以内", { policyDate: "2021-03-15" })[0]!.horizon).toBeNull();
  });

  it("leaves relative deadlines open without a policy date, but resolves absolute ones", () => {
    expect(parseTargets("年内新增200台")[0]!.horizon).toEqual({ text: "年内", deadline: null });
    expect(parseTargets("到2020年新增200台")[0]!.horizon).toEqual({ text: "到2020年", deadline: "2020-12-31" });
    expect(() => parseTargets("新增200台", { policyDate: "2017/09/08" })).toThrow(/ISO date/);
  });
});

// Names, numbering and dates: never a quantity.
const NEGATIVES = [
  // 分 is a score after Arabic digits only
  "惠及三分之一的企业", "各部门要十分重视",
  // what has been done already
  "2016年全市实现地区生产总值1860亿元，同比增长7.8%",
  "去年我市新增上市企业2家，累计达到15家",
  "截至2016年底，已建成5G试点基站20个",
  "首批10家企业已完成改造",
  "目前完成率为65%",
  // what the policy pays
  "对新上市企业给予最高500万元补助",
  "每家奖励50万元",
  "按设备投资额的10%给予补助，最高不超过200万元",
  "对单个项目最高奖励200万元",
  "单个项目奖励不超过100万元",
  // (a reward to whom 对 names, an allowance per head)
  "对认定的市级创业孵化基地奖励20万元", "对新评定的4A级景区一次性奖励50万元", "按照每人每年2000元标准发放护理补贴", "发放高龄津贴每人每月100元",
  "单个企业最高可获得50万元奖励",
  "全市共有规上企业1800家",
  "全市共有规上企业1800家，年内全面推进智能化改造",
  "截至2016年底，已建成5G试点基站20个，年内全面推进建设",
  "贯彻落实《中国制造2025》和“十三五”规划",
  "市推进\"中国制造2025\"工作领导小组",
  "深入实施\"521\"工程和\"1+X\"计划",
  "推进智能经济八大工程，落实“四个一批”要求",
  "按照四个一批的要求推进",
  "推行一户一档管理",
  "慈党办〔2017〕75号",
  "中共慈溪市委办公室 慈溪市人民政府办公室 2017年9月8日",
  "(十二)探索干部挂职交流制度",
  "一、加强智能经济的规划引导",
  "1. 加强组织领导",
  "落实一把手责任，提供一站式服务",
  "开展特色小镇一镇一品培育工程",
  "培育认定一批市级智能制造工程服务公司",
  "研究制定《慈溪市智能经济三年行动计划 (2018-2020)》",
  "编制2018-2020年发展规划",
  "将智能经济作为其中一个专项考评项目",
  "将其作为一项重要工作",
  "支持企业争创国内、省内首台套设备产品",
  "形成\"个十百千\"梯队，深化\"四服四促\"精准服务",
  "实施个十百千智能示范工程",
  "确定第一批试点",
  "统一对接，唯一窗口",
  "深化“最多跑一次”改革，实行一次性告知",
  "坚持一成不变的标准",
  "全市上下一起抓，一块推进",
  "加快一期工程建设",
  "在2016年100亿元的基础上",
  "推进5G网络建设",
  "对排名前10名的企业给予奖励",
  "树立四个意识",
  "发挥两大平台作用，建设五大专业园，面向六大细分行业",
  "以\"五专\"举措推进",
  "进一步明确未来三年我市智能经济发展目标任务",
  "关于加快培育发展智能经济的十条意见",
  "10月底前",
  "提供7×24小时服务",
  "在国内一线城市实施飞地建设",
  "深化企业两化融合",
  "实施新一轮智能化技术改造，示范带动新一代信息技术应用",
];

describe("names, numbering and dates are not quantities", () => {
  it.each(NEGATIVES)("%s", (text) => expect(quantities(text)).toEqual([]));

  it("says why a numeral was rejected", () => {
    const text = "中国制造2025 八大工程 (十二) 2017年9月8日 5G 一批 十条意见 〔2017〕75号 四个一批 其中一个 一次性 一元化";
    const norm = normalizeWidth(text);
    const reasons = scanFigures(norm, findProtectedSpans(norm)).map((f) => [text.slice(f.start, f.end), f.excluded]);
    expect(reasons).toEqual([
      ["2025", "no-unit"], ["八", "named-group"], ["十二", "item-number"], ["2017", "date"], ["9", "date"], ["8日", "date"],
      ["5", "identifier"], ["一批", "slogan"], ["十条", "document-title"], ["2017", "quoted"], ["75", "date"], ["四个", "slogan"], ["一批", "slogan"],
      ["一个", "indefinite-one"], ["一次", "slogan"], ["一元", "adjective"],
    ]);
    expect(new Set(EXCLUSION_RULES.map((r) => r.id)).size).toBe(EXCLUSION_RULES.length);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The seed document: its body items as curated in data/policies/cixi-2017-75/items.csv (verbatim OCR text, page
// breaks joined), each parsed as "(N)title。body" like the document prints it.

const POLICY_DIR = join(PACKAGE_ROOT, "data", "policies", "cixi-2017-75");
const items = readCsv(join(POLICY_DIR, "items.csv"), "items.csv", itemSchema).rows.map((r) => r.data);
const [policy] = readCsv(join(POLICY_DIR, "policy.csv"), "policy.csv", policySchema).rows.map((r) => r.data);
const itemText = (n: number) => {
  const item = items.find((i) => i.item_no === n)!;
  return `(${chineseOrdinal(n)})${item.title}。${item.body_text}`;
};
const parsedItems = new Map<number, ParsedTarget[]>();
const itemTargets = (n: number) => {
  if (!parsedItems.has(n)) parsedItems.set(n, parseTargets(itemText(n), { policyDate: policy!.issued_date }));
  return parsedItems.get(n)!;
};

/** [item, span text, expected] — computed by hand from the document; a span text repeated in an item is matched in order. */
const SEED: [number, string, Partial<Row>][] = [
  [3, "10家", { value: 10, unit: "家", comparator: null, measure: "increment", subject: "智能经济行业龙头企业", deadline: null }],
  [4, "100家", { value: 100, comparator: null, measure: "increment", subject: "智能经济示范企业" }],
  [4, "100家以上", { value: 100, comparator: "at_least", measure: "increment", subject: "智能经济示范样板企业", deadline: null }],
  [5, "1000家", { value: 1000, comparator: "reach", measure: "level", subject: "规上企业智能化改造", deadline: null }],
  [5, "达到450家", { value: 450, unit: "家", comparator: "reach", measure: "level", subject: "实施智能化(自动化)改造项目的企业", deadline: "2017-12-31" }],
  [5, "实现1000家", { value: 1000, unit: "家", comparator: "reach", measure: "level", subject: "规上企业智能改造", deadline: "2020-12-31" }],
  [5, "有条件企业智能化诊断全覆盖", { value: 100, unit: "%", comparator: "reach", measure: "level", subject: "有条件企业智能化诊断", deadline: "2020-12-31" }],
  [7, "5个", { value: 5, unit: "个", comparator: null, measure: "increment", subject: "人才和团队" }],
  [7, "2家以上", { value: 2, unit: "家", comparator: "at_least", measure: "increment", subject: "知名医院" }],
  [9, "15-20期", { value: 15, valueMax: 20, unit: "期", comparator: null, measure: "increment", subject: "企业负责人或管理人员的培训", deadline: "2017-12-31" }],
  [9, "1000人次以上", { value: 1000, unit: "人次", comparator: "at_least", measure: "increment", deadline: "2017-12-31" }],
  [10, "20个以上", { value: 20, unit: "个", comparator: "at_least", measure: "increment", subject: "\"上林计划\"领军人才(团队)" }],
  [11, "1次", { value: 1, unit: "次", comparator: null, measure: "increment", subject: "智能制造专题讲座" }],
  [11, "1次", { value: 1, unit: "次", measure: "increment", subject: "\"中国制造2025\"暨智能经济脱产培训" }],
  [11, "1轮", { value: 1, unit: "轮", measure: "increment", subject: "专题培训" }],
  [12, "10 名左右", { value: 10, unit: "名", comparator: "about", measure: "increment", subject: "年轻中层业务骨干" }],
  [15, "扩大至20亿元以上", { value: 20, unit: "亿元", valueInBaseUnit: 200000, comparator: "at_least", measure: "level", subject: "总规模" }],
  [18, "210个", { value: 210, unit: "个", comparator: null, measure: "increment", subject: "重点智能改造项目" }],
  [20, "1个以上", { value: 1, unit: "个", comparator: "at_least", measure: "increment", subject: "试点建设", deadline: "2017-12-31" }],
  [21, "3个以上", { value: 3, comparator: "at_least", measure: "increment", subject: "省级重点企业研究院、省级企业技术中心(研发中心)" }],
  [21, "5个以上", { value: 5, comparator: "at_least", measure: "increment", subject: "智能制造关键工艺和基础零部件" }],
  [23, "100个", { value: 100, unit: "个", comparator: null, measure: "increment", subject: "重点技术改造项目" }],
  [23, "200台", { value: 200, unit: "台", comparator: null, measure: "increment", subject: "工业机器人" }],
  [23, "10家", { value: 10, unit: "家", comparator: null, measure: "increment", subject: "市级智能制造和信息化服务公司" }],
  [24, "2000家以上", { value: 2000, comparator: "at_least", measure: "increment", subject: "\"低小散\"企业(作坊)", deadline: null }],
  [24, "60个以上", { value: 60, comparator: "at_least", measure: "increment", subject: "节能项目", deadline: "2017-12-31" }],
  [25, "100项", { value: 100, unit: "项", comparator: null, measure: "increment", subject: "\"两化\"融合改造项目", deadline: null }],
  [25, "达到2300家", { value: 2300, comparator: "reach", measure: "level", subject: "上云企业", deadline: "2017-12-31" }],
  [25, "3家以上", { value: 3, comparator: "at_least", measure: "level", subject: "标杆上云企业", deadline: "2017-12-31" }],
  [26, "100家以上", { value: 100, comparator: "at_least", measure: "increment", subject: "\"小升规\"企业", deadline: "2017-12-31" }],
  [26, "15家左右", { value: 15, comparator: "about", measure: "increment", deadline: null }],
  [26, "1-3个", { value: 1, valueMax: 3, unit: "个", comparator: null, measure: "increment", subject: "\"浙江制造\"品牌、\"浙江制造精品\"" }],
  [27, "3个以上", { value: 3, comparator: "at_least", measure: "increment", subject: "创新协作示范项目" }],
  [28, "城区重点公共区域实现无线免费WIFI全覆盖", { value: 100, unit: "%", comparator: "reach", measure: "level", subject: "城区重点公共区域无线免费WIFI" }],
  [29, "5家以上", { value: 5, unit: "家", comparator: "at_least", measure: "increment" }],
  [30, "1亿元", { value: 1, unit: "亿元", valueInBaseUnit: 10000, comparator: null, measure: "increment", subject: "资金" }],
];

/** Item 2's "逐步培育建设一个以上智能经济服务中心" is a count too (一个以上 is explicit); no other item has one. */
const OTHER_QUANTITIES: [number, string][] = [[2, "一个以上"]];

/** Names and numbering of the document that must never be inside a quantity. */
const SEED_NAMES = ["中国制造2025", "\"521\"", "\"1+X\"", "八大工程", "四个一批", "五大", "两大平台", "六大细分行业", "\"五专\"", "2018-2020",
  "四服四促", "个十百千", "一把手", "一站式", "一镇一品", "首台套", "一批", "其中一个", "一线", "若干个", "三年"];

describe("the seed document's body items", () => {
  it("reads the 34 items of the policy dated 2017-09-08", () => {
    expect(items).toHaveLength(34);
    expect(policy?.issued_date).toBe(POLICY_DATE);
  });

  it(`finds the ${SEED.length} hand-computed targets`, () => {
    expect(SEED.length).toBeGreaterThanOrEqual(30);
    const used = new Set<ParsedTarget>();
    for (const [item, text, expected] of SEED) {
      const target = itemTargets(item).find((t) => t.kind === "quantity" && t.text === text && !used.has(t));
      expect(target, `(${chineseOrdinal(item)}) ${text}`).toBeDefined();
      used.add(target!);
      expect(row(target!), `(${chineseOrdinal(item)}) ${text}`).toMatchObject(expected);
    }
  });

  it("finds no other quantity, and none made of a name or a numbering", () => {
    const all = items.flatMap((i) => itemTargets(i.item_no).filter((t) => t.kind === "quantity").map((t) => [i.item_no, t.text] as const));
    const expected = [...SEED.map(([n, text]) => [n, text] as const), ...OTHER_QUANTITIES];
    const key = (r: readonly [number, string]) => `${r[0]}:${r[1]}`;
    expect(all.map(key).sort()).toEqual(expected.map(key).sort());
    for (const i of items) {
      const text = itemText(i.item_no);
      for (const t of itemTargets(i.item_no).filter((x) => x.kind === "quantity")) {
        for (const name of SEED_NAMES) {
          for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            expect(t.start >= at + name.length || t.end <= at, `${t.text} overlaps ${name}`).toBe(true);
          }
        }
      }
    }
  });

  it("merges 全覆盖 with the count it completes", () => {
    const item5 = itemTargets(5).filter((t) => t.kind === "quantity");
    expect(item5.map((t) => t.text)).toEqual(["1000家", "达到450家", "实现1000家", "有条件企业智能化诊断全覆盖"]);
  });

  it("keeps the guarantee company's registered capital as an attribute", () => {
    const [company] = itemTargets(15).filter((t) => t.kind === "milestone");
    expect(company).toMatchObject({ text: "成立注册资金4亿元的国有政策性担保公司", attributes: [{ text: "注册资金4亿元", value: 4, unit: "亿元" }] });
  });

  it("finds the milestones and recurring duties", () => {
    const kinds = (n: number, kind: ParsedTarget["kind"]) => itemTargets(n).filter((t) => t.kind === kind).map((t) => t.text);
    expect(kinds(1, "milestone")).toEqual(["制定专项行动计划", "研究制定《慈溪市智能经济三年行动计划 (2018-2020)》"]);
    expect(kinds(20, "milestone")).toEqual(["建设制造业创新中心", "出台慈溪市制造业创新中心建设实施方案", "创建市级制造业创新中心", "出台创新中心扶持办法"]);
    expect(kinds(30, "milestone")).toEqual(["研究制定智能经济专项扶持政策", "出台《慈溪市优化产业政策促进产业转型发展的若干政策意见》实施细则"]);
    expect(kinds(31, "milestone")).toEqual(["建立智能经济发展部门联席会议制度", "组建慈溪市智能经济发展咨询专家库"]);
    expect(kinds(19, "milestone")).toEqual(["组建省智能制造专家委员会慈溪工作组", "建立网上智能制造对接公共服务平台"]);
    expect(kinds(19, "recurring")).toEqual(["定期组织专家对我市有智能制造改造项目的企业进行咨询指导服务"]);
    expect(itemTargets(33).filter((t) => t.kind === "recurring").map((t) => [t.frequency, t.subject])).toEqual([
      ["定时", "通报智能经济八大工程进展情况"],
      ["定期", "对相关责任部门的工作进展情况进行督查"],
    ]);
  });

  it("gives every target its exact span and sentence", () => {
    for (const i of items) {
      const text = itemText(i.item_no);
      for (const t of itemTargets(i.item_no)) {
        expect(text.slice(t.start, t.end)).toBe(t.text);
        expect(t.sentence.start).toBeLessThanOrEqual(t.start);
        expect(t.sentence.end).toBeGreaterThanOrEqual(t.end);
        expect(text.slice(t.sentence.start, t.sentence.end)).not.toMatch(/[。；;！？\n]/);
      }
    }
  });
});
