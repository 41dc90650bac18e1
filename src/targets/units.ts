/**
 * Unit table. A figure is a target only when a unit from this table (or a scale word, or a percent sign) follows it:
 * that single rule is what keeps 2025, "521", 八大, 一把手 or 一站式 from being read as quantities.
 * Money is normalised to 万元 (亿元 = 10,000 万元); US dollars to 万美元; ‰ to % (850‰ = 85%); another spelling of a unit
 * (μg/m3, 吨标煤, 公斤) to the Chinese one; every other unit is its own base.
 */
import { multiplyExact } from "./numerals.js";

export type UnitCategory = "count" | "money" | "percent" | "length" | "area" | "mass" | "volume" | "energy" | "electric" | "time" | "ratio" | "concentration" | "intensity" | "score";

/** arabicOnly: a unit only after Arabic digits (50起, 20块), since after 一 it is mostly a set phrase (一起, 一块). */
export type UnitDef = { unit: string; category: UnitCategory; baseUnit: string; factor: number; arabicOnly?: boolean };

const own = (category: UnitCategory) => (unit: string): UnitDef => ({ unit, category, baseUnit: unit, factor: 1 });
/** Another spelling of one unit (μg/m3 for 微克/立方米, 吨标煤 for 吨标准煤): the same figure, converted both ways. */
const spelling = (category: UnitCategory, baseUnit: string) => (unit: string): UnitDef => ({ unit, category, baseUnit, factor: 1 });
const yuan = (unit: string, factor: number): UnitDef => ({ unit, category: "money", baseUnit: "万元", factor });
const dollar = (unit: string, factor: number): UnitDef => ({ unit, category: "money", baseUnit: "万美元", factor });

/**
 * Measure words deliberately left out because they mostly occur in set phrases after 一: 把 (一把手), 站 (一站式),
 * 线 (一线), 体 (一体), 部 (一部分), 起 (一起), 门 (一门式), 对 (一对一, 统一对接), 组 (统一组织), 本, 片, 回, 方 (一方面).
 * Four of them count after Arabic digits only: 查处案件50起, 新建篮球场20块, 配送图书1000本, 整合数据资源300类 (arabicOnly);
 * so does 路 (摄像头500路; 一路 is 一带一路).
 */
const PLAIN_UNITS: readonly UnitDef[] = [
  ...["家", "个", "台", "项", "期", "人次", "名", "人", "次", "轮", "场", "批", "座", "所", "套", "件", "条", "户",
    "辆", "张", "处", "栋", "幢", "间", "款", "种", "支", "位", "株", "棵", "篇", "份", "届", "例", "宗", "笔", "艘",
    "架", "枚", "颗", "盏", "课时", "学时", "项次", "户次", "车次", "班次", "架次", "批次", "家次", "场次", "个批次", "标箱", "床", "张床位"].map(own("count")),
  yuan("元", 0.0001), yuan("千元", 0.1), yuan("万元", 1), yuan("十万元", 10), yuan("百万元", 100),
  yuan("千万元", 1000), yuan("亿元", 10000), yuan("万亿元", 1e8),
  dollar("美元", 0.0001), dollar("万美元", 1), dollar("亿美元", 10000),
  // 850‰ is 85%: a per-mille figure converts to a percentage target and back (百分点 is a difference, never converted)
  ...["%", "个百分点", "百分点"].map(own("percent")),
  { unit: "‰", category: "percent", baseUnit: "%", factor: 0.1 },
  ...["公里", "米", "延米"].map(own("length")), spelling("length", "公里")("千米"),
  ...["平方米", "平方公里", "亩", "公顷"].map(own("area")), spelling("area", "平方公里")("平方千米"),
  // (亩产达到1200斤: 斤 its own unit, as the policy writes it; after Arabic digits only)
  ...["吨", "千克"].map(own("mass")), spelling("mass", "千克")("公斤"), { ...own("mass")("斤"), arabicOnly: true },
  ...["立方米"].map(own("volume")),
  ...["千瓦时", "千瓦", "兆瓦", "吨标准煤"].map(own("energy")), spelling("energy", "吨标准煤")("吨标煤"),
  // 500千伏变电站: a voltage (and the capacity of a transformer), never 500千 = 500,000
  ...["千伏安", "千伏", "兆伏安"].map(own("electric")),
  ...["个工作日", "工作日", "小时", "分钟", "天", "岁"].map(own("time")), spelling("time", "天")("日"),
  // (去化周期控制在12-18个月; after Arabic digits only: 三个月内 is a time phrase)
  { ...own("time")("个月"), arabicOnly: true },
  // air and water quality: PM2.5平均浓度下降到35微克/立方米以下
  // (μg/m3 as typed without a superscript, with the Greek μ or the micro sign µ)
  ...["微克/立方米", "毫克/立方米", "毫克/升"].map(own("concentration")),
  ...["μg/m³", "μg/m3", "µg/m³", "µg/m3", "ug/m3", "ug/m³", "μg/立方米", "微克每立方米"].map(spelling("concentration", "微克/立方米")),
  ...["mg/m³", "mg/m3", "毫克每立方米"].map(spelling("concentration", "毫克/立方米")), ...["mg/L", "mg/l", "毫克每升"].map(spelling("concentration", "毫克/升")),
  // per land, person or output: 亩均税收达到30万元/亩, 单位GDP能耗0.5吨标准煤/万元 (each its own unit, never converted)
  spelling("intensity", "吨标准煤/万元")("吨标煤/万元"),
  ...["万元/亩", "元/亩", "万元/人", "元/人", "平方米/人", "万元/平方米", "元/平方米", "吨标准煤/万元", "立方米/万元", "公里/平方公里",
    // dust fall: 降尘量不高于5吨/平方公里·月
    "吨/平方公里·月", "吨/平方公里"].map(own("intensity")),
  // (its other spellings, the month first or in brackets, in t and km²: one unit, one figure)
  ...["吨/(平方公里·月)", "吨/（平方公里·月）", "吨/平方公里/月", "吨/月·平方公里", "吨/(月·平方公里)", "吨/（月·平方公里）", "吨/平方千米·月",
    "t/km²·月", "t/km2·月", "t/(km²·月)", "t/(km2·月)", "t/km²/月", "t/km2/月", "吨/km²·月", "吨/km2·月"].map(spelling("intensity", "吨/平方公里·月")),
  // capacity per day or year: 新增厨余垃圾处理能力200吨/日, 污水处理能力10万立方米/日 (each its own unit)
  ...["吨/日", "吨/天", "立方米/日", "立方米/天", "吨/年", "立方米/年", "千瓦时/年"].map(own("intensity")),
  ...["倍", "番"].map(own("ratio")),
  // a score (满意度达到90分以上, 考核得分95分): after Arabic digits only (三分之一, 十分重视 are no scores)
  { ...own("score")("分"), arabicOnly: true },
  // (a grade: 电子病历应用水平达到4级; after Arabic digits only: 二级以上医院, 省级 are no figures)
  { ...own("score")("级"), arabicOnly: true },
  // (新增视频监控摄像头500路: cameras and channels counted in 路; after 一 it is a set phrase, 一带一路)
  ...["起", "块", "本", "类", "路"].map((unit) => ({ ...own("count")(unit), arabicOnly: true })),
  // (a rate per so many people: 孕产妇死亡率控制在10/10万以下; each its own unit)
  ...["/10万", "/十万", "/万", "/10万人", "/十万人", "/万人"].map(own("intensity")),
  // (藏书量达到1.5万册, 新增公交车100标台)
  ...["册", "标台"].map(own("count")),
  // (人均日生活用水量控制在150升以内)
  { ...own("volume")("升"), arabicOnly: true },
  // 培训新型职业农民1000人（次）: 人次 with 次 in brackets, one figure with 1000人次
  // (集装箱吞吐量突破300万标准箱, 300万TEU: the standard container under its other names)
  ...["标准箱", "TEU"].map(spelling("count", "标箱")),
  // units in Latin letters or symbols (3000km, 50万m², 20万kW, 1.2亿kWh): read after a scale word too, and never taken
  // for part of an identifier (5G, G20; see exclusions.ts)
  ...["km", "KM", "Km"].map(spelling("length", "公里")),
  ...["km²", "km2"].map(spelling("area", "平方公里")), ...["m²", "㎡", "m2"].map(spelling("area", "平方米")),
  ...["kWh", "kwh", "KWh", "KWH", "千瓦·时"].map(spelling("energy", "千瓦时")), ...["kW", "kw", "KW"].map(spelling("energy", "千瓦")),
  spelling("energy", "兆瓦")("MW"),
  ...["人次", "户次", "家次"].flatMap((base) => [`${base[0]}(次)`, `${base[0]}（次）`].map((unit): UnitDef => ({ unit, category: "count", baseUnit: base, factor: 1 }))),
];

/**
 * A physical quantity in 万 or 亿 of its unit (煤炭消费总量降至300万吨, 光伏装机5万千瓦, 节约用电1.2亿千瓦时) keeps the
 * unit the policy writes, its own unit the base (of its category), as 亿元 does 万元: 285万吨 and 2850000吨 are one figure.
 */
const SCALED_UNITS: readonly UnitDef[] = ["吨", "千瓦", "千瓦时", "吨标准煤", "吨标煤", "平方米", "亩", "公顷", "立方米", "公里",
  // (a capacity: 危险废物处置能力新增5万吨/年, 污水处理能力10万立方米/日)
  "吨/日", "吨/天", "立方米/日", "立方米/天", "吨/年", "立方米/年", "千瓦时/年"].flatMap((unit) => {
  const { category, baseUnit, factor } = PLAIN_UNITS.find((u) => u.unit === unit)!;
  return [{ unit: `万${unit}`, category, baseUnit, factor: 1e4 * factor }, { unit: `亿${unit}`, category, baseUnit, factor: 1e8 * factor }];
});

export const UNITS: readonly UnitDef[] = [...PLAIN_UNITS, ...SCALED_UNITS];

/** A unit in Latin letters at the start of a text (3000km: km), so that the figure before it is no identifier. */
export const LATIN_UNIT = new RegExp(`^(?:${UNITS.filter((u) => /^[A-Za-z]/.test(u.unit)).map((u) => u.unit).sort((a, b) => b.length - a.length).join("|")})(?![A-Za-z0-9])`);

const UNITS_LONGEST_FIRST = [...UNITS].sort((a, b) => b.unit.length - a.unit.length);

/** The longest unit written at `pos`, or null; `afterArabic`: the number before it is written in Arabic digits. */
export function matchUnitAt(text: string, pos: number, afterArabic = false): UnitDef | null {
  for (const u of UNITS_LONGEST_FIRST) if (text.startsWith(u.unit, pos) && (afterArabic || !u.arabicOnly)) return u;
  return null;
}

/** Scale words after an Arabic number: 1.5万 = 15000, 3万家 = 30000 家. (Chinese numerals carry their own 万/亿.) */
export const SCALE_WORDS: readonly { word: string; factor: number }[] = [
  { word: "万亿", factor: 1e12 },
  { word: "千万", factor: 1e7 },
  { word: "百万", factor: 1e6 },
  { word: "亿", factor: 1e8 },
  { word: "万", factor: 1e4 },
  { word: "千", factor: 1e3 },
];

export function matchScaleAt(text: string, pos: number): { word: string; factor: number } | null {
  return SCALE_WORDS.find((s) => text.startsWith(s.word, pos)) ?? null;
}

/** The unit used by the percent form 百分之九十五. */
export const PERCENT: UnitDef = UNITS.find((u) => u.unit === "%")!;

/** 20 亿元 → { baseUnit: 万元, valueInBaseUnit: 200000 }; units outside money are their own base. */
export function toBaseUnit(value: number | null, unit: UnitDef | null): { baseUnit: string | null; valueInBaseUnit: number | null } {
  if (unit === null) return { baseUnit: null, valueInBaseUnit: value };
  return { baseUnit: unit.baseUnit, valueInBaseUnit: value === null ? null : multiplyExact(value, unit.factor) };
}
