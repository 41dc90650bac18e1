/**
 * The word tables the target parser is driven by. Everything language-specific lives here (and in units.ts,
 * exclusions.ts, horizon.ts), so a new phrasing is usually one more row, not more code.
 */

export type Comparator = "at_least" | "about" | "reach" | "at_most" | "exactly";
export type Measure = "level" | "increment";

/**
 * Comparator words written right before the figure (spaces allowed). Explicit bound words win over
 * the "reach" verbs: 达到100家以上 is at_least, 扩大至20亿元以上 is at_least.
 */
export const COMPARATOR_PREFIXES: readonly { word: string; comparator: Comparator }[] = [
  ...["不少于", "不低于", "不小于", "至少", "超过", "多于", "高于", "大于", "逾", "超", "突破"].map((word) => ({ word, comparator: "at_least" as const })),
  ...["约", "大约", "近", "接近", "将近"].map((word) => ({ word, comparator: "about" as const })),
  ...["不超过", "不高于", "不多于", "不大于", "低于", "少于", "小于", "控制在", "压缩在", "缩短在", "压减在", "最多", "至多"].map((word) => ({ word, comparator: "at_most" as const })),
  ...["达到", "达", "实现", "累计达到", "提高到", "提高至", "提升到", "提升至", "扩大到", "扩大至", "增至", "增加到", "增加至",
    "增长到", "增长至", "上升到", "上升至", "降至", "降低到", "降低至", "下降到", "下降至", "减少到", "减少至", "压缩至", "压缩到", "缩短至",
    "缩短到", "压减至", "压减到", "缩减至", "缩减到", "削减至", "削减到", "精简至", "精简到", "减至", "减少为", "压缩为", "缩短为", "降为",
    "缩小到", "缩小至", "缩小为"].map((word) => ({ word, comparator: "reach" as const })),
  ...["共计", "合计", "总计"].map((word) => ({ word, comparator: "exactly" as const })),
  // (as tables write a bound: 城镇登记失业率≤4%, 一网通办率＞90%)
  ...["≥", "≧", "＞", ">", ">="].map((word) => ({ word, comparator: "at_least" as const })),
  ...["≤", "≦", "＜", "<", "<="].map((word) => ({ word, comparator: "at_most" as const })),
];

/** Comparator words written after the figure (and its unit). */
export const COMPARATOR_SUFFIXES: readonly { word: string; comparator: Comparator }[] = [
  ...["以上", "及以上", "或以上", "开外"].map((word) => ({ word, comparator: "at_least" as const })),
  ...["以下", "及以下", "以内", "之内"].map((word) => ({ word, comparator: "at_most" as const })),
  ...["左右", "上下"].map((word) => ({ word, comparator: "about" as const })),
];

/** Written between number and unit: 10余家, 100多名, 1万余人 → at_least. */
export const APPROXIMATE_MARKERS: readonly { word: string; comparator: Comparator }[] = [
  { word: "余", comparator: "at_least" },
  { word: "多", comparator: "at_least" },
];

/**
 * Verbs deciding level vs increment. The verb nearest before the figure in its clause wins
 * (累计达到 → level, 累计新增 → increment). `reach`: with no explicit comparator the target is "reach"
 * (实现1000家, 完成年度投资计划的100%). `change`: the figure is a change, even in percent (增长10%, 提高5个百分点).
 * `adjacent`: only counts right before the figure (达 would otherwise match 下达).
 * `nominal`: often a noun after a noun (试点建设1个, 智能化改造项目): a verb only when nothing but adverbs precedes it
 * in its clause (建设保障性住房1.5-2万套, 加快改造老旧小区20个).
 */
export type MeasureVerb = { word: string; measure: Measure; reach?: boolean; change?: boolean; adjacent?: boolean; nominal?: boolean };

export const MEASURE_VERBS: readonly MeasureVerb[] = [
  // level: the stock reached at the deadline
  ...["达到", "累计达到", "实现", "扩大到", "扩大至", "增至", "增加到", "增加至", "增长到", "增长至", "提高到", "提高至", "提升到",
    "提升至", "上升到", "上升至", "下降到", "下降至", "降低到", "降低至", "降至", "减少到", "减少至", "压缩至", "压缩到", "缩短至", "缩短到",
    "压减至", "压减到", "缩减至", "缩减到", "削减至", "削减到", "精简至", "精简到", "减至", "减少为", "压缩为", "缩短为", "降为",
    "缩小到", "缩小至", "缩小为",
  ].map((word) => ({ word, measure: "level" as const, reach: true })),
  { word: "达", measure: "level", reach: true, adjacent: true },
  ...["累计", "覆盖", "保持", "保持在", "稳定在", "维持在", "控制在", "压缩在", "缩短在", "压减在", "总数", "总量", "总规模"].map((word) => ({ word, measure: "level" as const })),
  // increment: what is added, founded, held or done within the horizon
  { word: "完成", measure: "increment", reach: true },
  ...["新增", "新建", "新引进", "引进", "招引", "培育", "培育发展", "培育选树", "培育认定", "选树", "打造", "树立", "实施",
    "组织实施", "举办", "开展", "进行", "组织", "召开", "建立", "建成", "创建", "组建", "成立", "设立", "培训", "培养",
    "选拔", "遴选", "安排", "投入", "攻克", "整治", "淘汰", "整治淘汰", "规范提升", "梳理", "排摸", "认定", "评选", "创成",
    "争创", "开工", "新开工", "竣工", "投产", "招聘", "吸纳", "帮扶", "资助", "扶持", "奖励", "修建", "铺设", "发放", "签约", "推广",
    "输送", "接待", "整改", "改建", "扩建", "新改建", "新建改建", "招收", "录用", "安置", "带动", "解决", "兑现", "拨付", "筹集", "建成投用", "建成投运",
    "投用", "投运", "惠及", "启动", "净增", "新设", "清理", "清理整顿", "处置", "支持", "配备", "选派",
    // land and buildings brought back into use, taken over or vacated: 盘活存量低效工业用地1000亩, 收储土地500亩
    "盘活", "收储", "腾退", "腾出"].map((word) => ({ word, measure: "increment" as const })),
  ...["建设", "改造"].map((word) => ({ word, measure: "increment" as const, nominal: true })),
  ...["增长", "增加", "提高", "提升", "上升", "下降", "降低", "减少", "压缩", "压减", "缩短", "削减", "缩减", "精简", "缩小", "递增", "递减"].map((word) => ({ word, measure: "increment" as const, change: true })),
];

/** Level words of MEASURE_VERBS that are nouns naming the stock (人才总量突破8万人): part of the subject. */
export const NOUN_MEASURES: readonly string[] = ["总数", "总量", "总规模"];

/**
 * Nouns that hold a verb of the tables above (增加值 holds 增加, 覆盖率 holds 覆盖): read as nouns, never as the verb
 * (规上工业增加值300亿元 is a level of 规上工业增加值, not an increase of 值).
 */
export const VERB_BEARING_NOUNS: readonly string[] = [
  "增加值", "覆盖率", "覆盖面", "建设用地", "建成区", "完成率", "完成额", "完成值", "开工率", "竣工率", "投产率", "实施率", "建成率", "整改率",
  "招聘会", "培训班", "培训费", "安置房",
  // (新增危险废物处置能力2万吨/年: a capacity, not what is disposed of)
  "处置能力", "处置量",
  // (培训时间不少于3个月, 培训时长不少于20小时: how long the training lasts, not what is trained)
  "培训时间", "培训时长", "培训学时", "培训天数", "培训人数", "培训人次",
];

/** A frequency of a year (a 完成时限 cell, or targets.csv's frequency): 每年, 每年度, 按年, 按年度 (targets.sql: period_months 12). */
export const YEARLY_FREQUENCY = /^(?:每年|每年度|按年|按年度)$/;

/** Subjects ending in one of these name a stock, so a bare figure after them is a level (投资额超过1.2亿元). */
export const METRIC_NOUNS: readonly string[] = [
  "率", "额", "量", "比重", "比例", "占比", "规模", "总数", "总值", "产值", "增加值", "收入", "营收", "水平", "指数", "面积", "容量", "数量", "人数",
  "时限", "周期", "时间", "密度", "浓度", "寿命", "得分", "评分", "分值",
  // a ratio or index written without a unit (城乡居民收入比1.8, 基尼系数0.4, PUE值1.3)
  "收入比", "比值", "系数", "PUE", "PUE值",
];

/**
 * Milestones: a verb from this list whose object (to the end of the clause, trailing brackets and quotes
 * stripped) ends with one of MILESTONE_NOUNS. Verbs such as 培育认定, 引进 or 谋划建设 are not milestone verbs,
 * so "培育认定一批…公司" is no target; "成立一批…" would be, through 成立.
 */
export const MILESTONE_VERBS: readonly string[] = [
  "出台", "制定", "研究制定", "编制", "印发", "发布", "建立", "建立健全", "搭建", "组建", "成立", "设立", "筹建", "创建",
  "共建", "建设", "建设完善", "开设", "建成", "建成投用", "建成投运", "完成",
  // (修订《…应急预案》: a document revised is one delivered)
  "修订", "修编",
  // (上线企业服务专区: a system or page put online)
  "上线",
];

/**
 * The act written after a milestone's object (完成《…规划》编制, 建成…平台并投入使用 is not one): the object without it
 * must still end with a MILESTONE_NOUN.
 */
export const MILESTONE_ACTS: readonly string[] = ["编制", "制定", "修订", "修编", "起草", "出台", "印发", "组建", "筹建", "建设", "挂牌", "上线"];

export const MILESTONE_NOUNS: readonly string[] = [
  // documents and rules
  "方案", "办法", "细则", "计划", "规划", "政策", "意见", "标准", "指南", "目录", "清单", "指数", "条例", "规定", "规则", "章程", "守则", "制度",
  "责任制", "机制", "体系", "措施", "名录", "预案", "纲要",
  // (建立重点企业服务台账, 编制年度发展报告, 制定技术导则, 印发工作要点, 建立培育名单)
  "台账", "报告", "名单", "导则", "要点", "档案", "手册", "指引", "白皮书", "图谱",
  // bodies and facilities
  "公司", "中心", "学院", "研究院", "研究所", "小组", "工作组", "委员会", "库", "联盟", "协会", "基金", "平台", "专栏", "基地",
  "实验室", "工作站", "办公室", "窗口", "系统", "中台",
  // (组建产业链专班, 上线企业服务专区)
  "专班", "专区",
];

/**
 * Works that 完成 finishes as a whole (全市钢铁企业完成超低排放改造, 完成燃煤锅炉综合整治): a milestone when its clause
 * has no count of its own (完成工业炉窑综合治理60台 is a quantity).
 */
export const MILESTONE_WORKS: readonly string[] = ["改造", "整治", "治理",
  // (一季度完成全市政务服务事项摸底, 完成企业摸底排查, 年底前完成问题整改, 完成项目验收: a survey, a fix-up, an acceptance)
  "摸底", "排查", "摸排", "普查", "清查", "整改", "验收", "评估",
  // (9月底前完成首批项目评审, 12月底前完成年度绩效评价, 完成项目立项, 完成工程招标: a review, an approval, a tender)
  "评审", "评价", "立项", "招标"];

/** An object starting with these is the document itself (制定以下意见), not a milestone. */
export const MILESTONE_SELF_REFERENCES: readonly string[] = ["以下", "如下", "本"];

/**
 * Frequencies. A clause with a frequency and no figure is a recurring duty (每半个月通报…, 定期督查);
 * with a figure it is a quantity carrying the frequency (每月举办2期). 全年 is a horizon, not a frequency.
 */
export const FREQUENCIES: readonly string[] = [
  "每半个月", "每半月", "每两周", "每周", "每旬", "每月", "每两个月", "每季度", "每季", "每半年", "每年度", "每年", "每天", "每日",
  "定期", "定时", "按月", "按季度", "按季", "按年度", "按年", "逐月", "逐季",
];
/** 每3个月, 每两年 … */
export const FREQUENCY_PATTERN = /每(?:\d+|[一二两三四五六七八九十]+)(?:个月|个季度|季度|年|周|天)/y;

/** Coverage without a number: 全覆盖 → value 100 %, reach, level. */
export const COVERAGE_WORDS: readonly string[] = ["全覆盖", "全面覆盖"];
/** 全覆盖计划 / 全覆盖行动 names a programme, not a coverage duty. */
export const COVERAGE_NAME_FOLLOWERS: readonly string[] = ["计划", "行动", "工程", "方案", "试点", "工作"];
/**
 * Removed from a coverage subject: 城区重点公共区域实现无线免费WIFI全覆盖 → 城区重点公共区域无线免费WIFI;
 * 完成规上企业亩均效益评价全覆盖 → 规上企业亩均效益评价.
 */
export const COVERAGE_VERBS: readonly string[] = ["基本实现", "全面实现", "实现", "达到", "做到", "推进", "推动", "基本完成", "全面完成", "完成"];

/** Stripped from the start of a subject (never from the noun phrase after a figure). */
export const SUBJECT_FILLERS: readonly string[] = [
  "力争", "确保", "争取", "努力", "全力", "加快", "积极", "大力", "进一步", "着力", "力求", "累计", "同时", "另外", "此外",
  "逐步", "稳步", "有序", "精心", "深入", "持续", "其中", "分年度推进", "分步推进", "推进", "推动",
  // (实现“一网通办”率达到90%: the verb of the sentence is 达到, 实现 before the measure's name is none of it)
  "基本实现", "全面实现", "实现",
  // (上线一张图，此后每月更新数据: what comes after, not part of the duty's name)
  "此后", "之后", "以后", "今后", "随后",
  // a growth compared with last year continues the previous subject (新增发明专利1200件，同比增长15%)
  "同比", "环比", "比上年", "较上年", "比去年", "较去年", "比上年同期", "较上年同期", "比去年同期", "较去年同期",
];
export const CONJUNCTIONS: readonly string[] = ["以及", "并且", "和", "与", "及", "或", "并", "、"];

/** The noun phrase after a figure ends before these (安排1亿元资金专项用于…, 2家以上知名医院开展技术合作). */
export const SUBJECT_STOP_WORDS: readonly string[] = ["专项用于", "专门用于", "用于", "开展", "进行", "落地", "落户", "参加", "参与", "入驻"];

/**
 * A figure followed by 的 describes the noun after it (注册资金4亿元的…公司) — unless the noun is the target itself
 * (实现1000家的目标), or the figure is a percent: 完成50%的拆迁任务, 覆盖80%以上的行政村 state the target.
 */
export const ATTRIBUTE_EXCEPTIONS: readonly string[] = ["目标", "任务", "要求"];

/** Longest word of `words` starting at `pos`. */
export function matchWordAt(text: string, pos: number, words: readonly string[]): string | null {
  let best: string | null = null;
  for (const w of words) if (text.startsWith(w, pos) && (best === null || w.length > best.length)) best = w;
  return best;
}
