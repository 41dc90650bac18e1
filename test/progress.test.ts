/** The progress of a large load: the line drawn, how a terminal and a log get it, and DuckDB's own progress of a statement. */
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { progressLine, terminalProgress, withStatementProgress } from "../src/progress.js";

/** A stand-in for process.stderr that keeps what is written. */
const stream = (isTTY: boolean, columns?: number) => {
  const written: string[] = [];
  return { isTTY, columns, written, write: (text: string) => written.push(text) };
};

describe("progressLine", () => {
  it("draws a bar as wide as asked, the percentage rounded down and the step", () => {
    expect(progressLine("a.csv", 0, "读取文件", 10)).toBe("a.csv [░░░░░░░░░░]   0% 读取文件");
    expect(progressLine("a.csv", 0.456, "写入", 10)).toBe("a.csv [█████░░░░░]  45% 写入");
    expect(progressLine("a.csv", 1, "完成", 10)).toBe("a.csv [██████████] 100% 完成");
  });
  it("keeps a fraction out of range or not a number within the bar", () => {
    expect(progressLine("a", 1.7, "x", 4)).toBe("a [████] 100% x");
    expect(progressLine("a", -0.2, "x", 4)).toBe("a [░░░░]   0% x");
    expect(progressLine("a", Number.NaN, "x", 4)).toBe("a [░░░░]   0% x");
  });
});

describe("terminalProgress", () => {
  it("writes only its first line to a stream that is not a terminal (a log gets no redrawn lines)", () => {
    const s = stream(false);
    const bar = terminalProgress(s, "a.csv", "正在载入 a.csv（80.0 MB）…");
    bar.report(0.5, "写入");
    bar.report(1, "完成");
    bar.done();
    expect(s.written).toEqual(["正在载入 a.csv（80.0 MB）…\n"]);
  });

  it("redraws one line in place on a terminal, at each new step and new percentage, and clears it when done", () => {
    const s = stream(true, 120);
    const bar = terminalProgress(s, "a.csv", "unused", 0);
    bar.report(0, "读取文件");
    bar.report(0.001, "读取文件"); // same percentage, same step: not redrawn
    bar.report(0.3, "读入数据");
    bar.report(0.2, "核对"); // never goes back: shown at 30 %
    bar.done();
    expect(s.written).toEqual([
      `\r\x1b[K${progressLine("a.csv", 0, "读取文件")}`,
      `\r\x1b[K${progressLine("a.csv", 0.3, "读入数据")}`,
      `\r\x1b[K${progressLine("a.csv", 0.3, "核对")}`,
      "\r\x1b[K",
    ]);
  });

  it("draws at most once per interval within one step", () => {
    const s = stream(true, 120);
    const bar = terminalProgress(s, "a.csv", "unused", 60_000);
    for (let k = 0; k <= 100; k++) bar.report(k / 100, "写入");
    expect(s.written).toHaveLength(1);
  });

  it("cuts the line to the terminal's width, so that it never wraps; a terminal of unknown width counts as 80", () => {
    const narrow = stream(true, 30);
    terminalProgress(narrow, "一个很长很长的文件名.csv", "unused").report(0.5, "写入通过检查的行");
    expect([...narrow.written[0]!.replace("\r\x1b[K", "")]).toHaveLength(29);
    const unknown = stream(true, 0);
    terminalProgress(unknown, "a".repeat(100), "unused").report(0.5, "写入");
    expect([...unknown.written[0]!.replace("\r\x1b[K", "")]).toHaveLength(79);
  });

  it("writes nothing when done if it never drew", () => {
    const s = stream(true, 80);
    terminalProgress(s, "a.csv", "unused").done();
    expect(s.written).toEqual([]);
  });
});

describe("withStatementProgress", () => {
  it("reports DuckDB's progress of a long statement between its two bounds, from the first to the last", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      for (const set of ["enable_progress_bar_print = false", "progress_bar_time = 0", "enable_progress_bar = true", "threads = 1"]) await connection.run(`SET ${set}`);
      await connection.run("CREATE TABLE t AS SELECT range AS x FROM range(6000000)");
      const reports: [number, string][] = [];
      const n = await withStatementProgress(connection, (f, step) => reports.push([f, step]), 0.2, 0.6, "写入", async () =>
        (await connection.runAndReadAll("SELECT count(DISTINCT x % 2999999) AS n FROM t")).getRowsJS()[0]![0]);
      expect(Number(n)).toBe(2_999_999);
      expect(reports[0]).toEqual([0.2, "写入"]);
      expect(reports.at(-1)).toEqual([0.6, "写入"]);
      for (const [f, step] of reports) {
        expect(step).toBe("写入");
        expect(f).toBeGreaterThanOrEqual(0.2);
        expect(f).toBeLessThanOrEqual(0.6);
      }
      // DuckDB told how far it was while the statement ran
      expect(reports.some(([f]) => f > 0.2 && f < 0.6), JSON.stringify(reports)).toBe(true);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it("only runs the statement when nobody asks for the progress", async () => {
    let ran = false;
    await withStatementProgress({} as never, undefined, 0, 1, "x", async () => (ran = true));
    expect(ran).toBe(true);
  });
});
