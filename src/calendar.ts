/**
 * The working-day calendar (data/calendar.csv, optional): public holidays and the weekend days worked instead, as
 * the State Council publishes them each year. It moves a report's due date off a weekend or a holiday (the view
 * reporting_due_dates). A year not listed still has its weekends off.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { readCsv } from "./csv.js";
import { loadError, type LoadError } from "./errors.js";
import { calendarDaySchema } from "./schemas.js";

export type CalendarDay = { date: string; kind: "holiday" | "workday"; name: string };

/** The file's path under a data folder. */
export const calendarPath = (data: string) => join(data, "calendar.csv");

/** Reads and checks data/calendar.csv; no file is no calendar (weekends only). A date listed twice is an error. */
export function readCalendar(data: string, shownRoot = "data"): { days: CalendarDay[]; errors: LoadError[] } {
  const path = calendarPath(data);
  if (!existsSync(path)) return { days: [], errors: [] };
  const file = `${shownRoot}/calendar.csv`;
  const { rows, errors } = readCsv(path, file, calendarDaySchema);
  const seen = new Map<string, number>();
  const days: CalendarDay[] = [];
  for (const { row, data: d } of rows) {
    const first = seen.get(d.date);
    if (first !== undefined) {
      errors.push(loadError("E_DUPLICATE_ID", file, row, "date", `${d.date} 已在第 ${first} 行列出`, d.date));
      continue;
    }
    seen.set(d.date, row);
    days.push(d);
  }
  return { days, errors };
}
