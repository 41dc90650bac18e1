import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { InputRejected } from "../src/errors.js";
import { spawn } from "node:child_process";
import { PACKAGE_ROOT } from "../src/paths.js";
import { buildWarehouse } from "../src/build.js";
import { openWarehouse, query, runChecks } from "../src/warehouse.js";
import { copyData, edit } from "./support/fixtures.js";

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

async function counts(db: string, waitMs?: number) {
  const wh = await openWarehouse(db, { waitMs });
  try {
    const { rows } = await query(wh.connection, "SELECT (SELECT count(*) FROM tasks) AS tasks, (SELECT count(*) FROM items) AS items, (SELECT count(*) FROM chapters) AS chapters, (SELECT count(*) FROM task_departments) AS td");
    return rows[0];
  } finally {
    wh.close();
  }
}

describe("warehouse build", () => {
  const fixture = copyData();
  const db = join(fixture.dir, "warehouse.duckdb");
  beforeAll(async () => {
    await buildWarehouse({ data: fixture.data, db });
  });

  it("builds the documented views with 39 tasks, 34 items and 10 chapters", async () => {
    expect(await counts(db)).toMatchObject({ tasks: 39, items: 34, chapters: 10 });
    const wh = await openWarehouse(db);
    try {
      const { rows } = await query(wh.connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'VIEW' ORDER BY 1");
      expect(rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(["chapters", "items", "tasks", "departments", "task_departments", "persons"]));
      const checks = await runChecks(wh.connection);
      expect(checks.length).toBeGreaterThan(5);
      expect(checks.filter((c) => c.failures.length > 0)).toEqual([]);
      const { rows: lead } = await query(wh.connection, "SELECT lead_departments, deadline_date FROM tasks WHERE task_id = $1", ["cixi-2017-75.r35"]);
      expect(lead[0]).toEqual({ lead_departments: ["市经信局", "市金融办"], deadline_date: "2017-10-31" });
    } finally {
      wh.close();
    }
  });

  it.each([
    ["unknown department", (d: string) => edit(d, "tasks.csv", "市委宣传部,龚激红", "市委外宣办,龚激红"), "E_UNKNOWN_DEPARTMENT"],
    ["duplicate id", (d: string) => edit(d, "tasks.csv", /\n39,34,/, "\n38,34,"), "E_DUPLICATE_ID"],
    ["bad date", (d: string) => edit(d, "tasks.csv", "10月底前,2017-10-31", "10月底前,2017-13-01"), "E_BAD_DATE"],
    ["missing column", (d: string) => edit(d, "items.csv", "item_no,chapter_no,title", "item_no,title"), "E_MISSING_COLUMN"],
  ])("a table with a %s is rejected and the previous warehouse stays as it was", async (_name, mutate, code) => {
    const before = sha(db);
    const broken = copyData();
    mutate(broken.policyDir);
    const error = await buildWarehouse({ data: broken.data, db }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputRejected);
    expect((error as InputRejected).errors.map((e) => e.code)).toContain(code);
    expect(sha(db)).toBe(before);
    expect(await counts(db)).toMatchObject({ tasks: 39 });
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it("a reader or a second writer facing a writer in another process waits, then ends with a clear message", async () => {
    const writer = spawn(process.execPath, [join(PACKAGE_ROOT, "test", "support", "hold-writer.mjs"), db, "4000"], { cwd: PACKAGE_ROOT });
    await new Promise<void>((resolve, reject) => {
      writer.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
      writer.on("exit", (code) => reject(new Error(`writer exited ${code}`)));
    });
    try {
      const error = await openWarehouse(db, { readOnly: true, waitMs: 400 }).catch((e: unknown) => e);
      expect((error as Error).name).toBe("WarehouseBusy");
      expect((error as Error).message).toMatch(/仓库正被另一个进程（PID \d+）写入/);
      const build = await buildWarehouse({ data: fixture.data, db, waitMs: 300 }).catch((e: unknown) => e);
      expect((build as Error).name).toBe("WarehouseBusy");
      // a patient reader gets through once the writer is done
      expect(await counts(db, 15000)).toMatchObject({ tasks: 39 });
    } finally {
      writer.kill();
    }
  }, 30000);

  it("a missing warehouse is named, not a crash", async () => {
    const error = await openWarehouse(join(fixture.dir, "nope.duckdb")).catch((e: unknown) => e);
    expect((error as Error).message).toContain("luoshi build");
  });

  it("a rebuild gives the same contents", async () => {
    const wh1 = await openWarehouse(db);
    const sql = "SELECT * FROM task_departments ORDER BY task_id, department_id, role, source";
    const first = await query(wh1.connection, sql);
    wh1.close();
    await buildWarehouse({ data: fixture.data, db });
    const wh2 = await openWarehouse(db);
    const second = await query(wh2.connection, sql);
    wh2.close();
    expect(second.rows).toEqual(first.rows);
  });
});
