/** Month texts (YYYY-MM) and the months between them. */

/** Months since year 0 of a YYYY-MM text. */
export const monthIndex = (m) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

/** Every month from `first` to `last` (YYYY-MM), both included; none when `last` is before `first`. */
export function monthsBetween(first, last) {
  const [a, b] = [monthIndex(first), monthIndex(last)];
  return Array.from({length: Math.max(0, b - a + 1)}, (_, k) => `${Math.floor((a + k) / 12)}-${String(((a + k) % 12) + 1).padStart(2, "0")}`);
}
