/** Target parsing: quantitative targets, milestones and recurring duties in policy prose. */
export { parseTargets, type ParsedTarget, type ParseOptions, type TargetAttribute } from "./parse.js";
export { COMPARATOR_PREFIXES, COMPARATOR_SUFFIXES, APPROXIMATE_MARKERS, MEASURE_VERBS, METRIC_NOUNS, MILESTONE_VERBS, MILESTONE_NOUNS, FREQUENCIES, COVERAGE_WORDS, type Comparator, type Measure } from "./lexicon.js";
export { UNITS, SCALE_WORDS, toBaseUnit, type UnitDef } from "./units.js";
export { EXCLUSION_RULES, IDIOMS } from "./exclusions.js";
export { HORIZON_RULES, findHorizons } from "./horizon.js";
export { scanFigures, type Figure } from "./figures.js";
export { parseChineseNumeral, parseArabicNumeral } from "./numerals.js";
