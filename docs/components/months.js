/** Month texts (YYYY-MM) and the months between them. */

/** Months since year 0 of a YYYY-MM text. */
export const monthIndex = (m) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

/** Every month from `first` to `last` (YYYY-MM), both included; none when `last` is before `first`. */
export function monthsBetween(first, last) {
  const [a, b] = [monthIndex(first), monthIndex(last)];
  return Array.from({length: Math.max(0, b - a + 1)}, (_, k) => `${Math.floor((a + k) / 12)}-${String(((a + k) % 12) + 1).padStart(2, "0")}`);
}

/**
 * The month columns of a report history: every month from the first one sent to the last one due (`through`), a month
 * nothing came for among them; when they are more than `months`, up to the last one sent, the months due since then
 * said apart (`unlisted`, a sentence, else ""), so that the months sent stay in view. `sent`: the months sent, any order.
 * `first`: the first month owed (the policy's month, or a later counting start), when before the first one sent: the
 * columns start there, so that a first month never sent shows as one.
 */
export function historyMonths(sent, through = null, months = 12, first = null) {
  const sorted = [...new Set(sent)].sort();
  if (!sorted.length) return {periods: [], unlisted: ""};
  const last = sorted.at(-1);
  // (not when that would push the months due lately out of the window: the months sent stay in view)
  const start = first && first < sorted[0] && monthsBetween(first, through && through > last ? through : last).length <= months ? first : sorted[0];
  const end = through && through > last && monthsBetween(start, through).length <= months ? through : last;
  return {periods: monthsBetween(start, end), unlisted: through && through > end ? `${last} 之后至 ${through} 均无报送（未列出）。` : ""};
}
