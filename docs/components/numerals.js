// Chinese numerals as documents number their sections. No imports: pages and tests use it alike.

const CN_DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九; plain digits from 100 (and below 1). */
export const cnNumber = (n) =>
  n >= 100 || n < 1 || !Number.isInteger(n) ? String(n) : n < 10 ? CN_DIGITS[n] : `${n >= 20 ? CN_DIGITS[Math.floor(n / 10)] : ""}十${CN_DIGITS[n % 10]}`;
