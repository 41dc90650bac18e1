/**
 * The progress of loading one large file: a fraction from 0 to 1 and the step under way, reported by
 * loadMonthlyFile (LoadOptions.progress) and drawn on a terminal by terminalProgress (luoshi ingest).
 */
import type { DuckDBConnection } from "@duckdb/node-api";

/** Called as a load advances: `fraction` from 0 to 1, never going back; `step` says what is being done, in Chinese. */
export type ProgressReport = (fraction: number, step: string) => void;

/** One line of progress: a bar `width` characters wide, the percentage and the step. */
export function progressLine(name: string, fraction: number, step: string, width = 24): string {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const filled = Math.round(f * width);
  return `${name} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${String(Math.floor(f * 100)).padStart(3)}% ${step}`;
}

/** The part of a stream's interface terminalProgress writes to (process.stderr, or a test's stand-in). */
export type ProgressStream = { isTTY?: boolean; columns?: number; write(text: string): unknown };

/**
 * A progress bar redrawn in place on a terminal (at most every `intervalMs`, and whenever the step changes); `done()`
 * clears it. On a stream that is not a terminal (a log file, a pipe) only `start` is written, once: a log gets no
 * redrawn lines.
 */
export function terminalProgress(stream: ProgressStream, name: string, start: string, intervalMs = 100): { report: ProgressReport; done(): void } {
  if (!stream.isTTY) {
    stream.write(`${start}\n`);
    return { report: () => {}, done: () => {} };
  }
  let shown = -1;
  let lastStep = "";
  let lastAt = 0;
  let drawn = false;
  return {
    report: (fraction, step) => {
      const now = Date.now();
      const f = Math.max(shown, fraction);
      if (step === lastStep && (now - lastAt < intervalMs || Math.floor(f * 100) === Math.floor(shown * 100))) return;
      shown = f;
      lastStep = step;
      lastAt = now;
      // cut to the terminal's width, so that a long name never wraps (a wrapped line is not redrawn in place)
      const line = progressLine(name, f, step);
      const columns = stream.columns || 80; // 0 on a terminal of unknown size
      stream.write(`\r\x1b[K${[...line].slice(0, Math.max(10, columns - 1)).join("")}`);
      drawn = true;
    },
    done: () => {
      if (drawn) stream.write("\r\x1b[K");
      drawn = false;
    },
  };
}

/**
 * Runs `work` (one long DuckDB statement on `connection`) and, while it runs, reports DuckDB's own progress of it as a
 * fraction between `from` and `to`. Without `report` it only runs `work`.
 */
export async function withStatementProgress<T>(
  connection: DuckDBConnection, report: ProgressReport | undefined, from: number, to: number, step: string, work: () => Promise<T>,
): Promise<T> {
  if (!report) return work();
  report(from, step);
  const timer = setInterval(() => {
    const p = connection.progress.percentage;
    if (p > 0) report(from + ((to - from) * Math.min(100, p)) / 100, step);
  }, 100);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    report(to, step);
  }
}
