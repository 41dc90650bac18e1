/**
 * A fresh warehouse of the curated policy before each test, and the compiled CLI run against it: monthly files
 * written and loaded with `luoshi ingest --json`, the current figures flagged for review read with `luoshi query`.
 * For the tests of what a load flags (test/reverts.test.ts, test/jumps.test.ts).
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, expect } from "vitest";
import { PACKAGE_ROOT } from "../../src/paths.js";
import { buildWarehouse } from "../../src/build.js";
import { copyData } from "./fixtures.js";

const HEADER = "报送单位,指标编码,统计期,累计完成值,单位,完成状态,进展情况,填报人,填报日期";

export function cliLoads() {
  let fixture: ReturnType<typeof copyData>;
  let db: string;
  beforeEach(async () => {
    fixture = copyData();
    db = join(fixture.dir, "w.duckdb");
    await buildWarehouse({ data: fixture.data, db });
  });
  const luoshi = (env: Record<string, string>, ...args: string[]) =>
    spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), ...args], {
      env: { ...process.env, LUOSHI_DB: db, LUOSHI_DATA: fixture.data, ...env }, encoding: "utf8",
    });
  return {
    /** The test's folder. */
    dir: () => fixture.dir,
    /** Writes a monthly CSV (the standard header, then `lines`) into the test's folder; its path. */
    file: (name: string, lines: string[], eol = "\n") => {
      const path = join(fixture.dir, name);
      writeFileSync(path, [HEADER, ...lines].join(eol) + eol);
      return path;
    },
    /** `luoshi ingest PATH --as-of 2017-12-31 --json …`, expected to accept every row: the file's summary. */
    ingest: (env: Record<string, string>, path: string, ...more: string[]) => {
      const r = luoshi(env, "ingest", path, "--as-of", "2017-12-31", "--json", ...more);
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout)[0];
    },
    /** `columns` of every version flagged for review by its own load (observation_history) at `asOf`. */
    flaggedWhenLoaded: (columns: string, asOf: string) => {
      const r = luoshi({}, "query", `SELECT ${columns} FROM observation_history WHERE flagged ORDER BY code, period, version`, "--as-of", asOf, "--format", "json");
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    },
    /** The rows of read-only `sql` at `asOf` (`luoshi query --format json`). */
    query: (sql: string, asOf: string) => {
      const r = luoshi({}, "query", sql, "--as-of", asOf, "--format", "json");
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    },
    /** `columns` of the current figures flagged for review at `asOf`. */
    flagged: (columns: string, asOf: string) => {
      const r = luoshi({}, "query", `SELECT ${columns} FROM observations WHERE flagged ORDER BY code, period`, "--as-of", asOf, "--format", "json");
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    },
  };
}
