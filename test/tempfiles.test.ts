import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { removeOrphans, tempPath } from "../src/tempfiles.js";

const PREFIX = "luoshi-test-orphans-";

describe("temporary files of a load", () => {
  it("are named after the process, in the system's temporary folder, each new", () => {
    const a = tempPath(PREFIX, ".csv");
    expect(dirname(a)).toBe(tmpdir());
    expect(basename(a).startsWith(`${PREFIX}${process.pid}-`)).toBe(true);
    expect(a.endsWith(".csv")).toBe(true);
    expect(tempPath(PREFIX)).not.toBe(tempPath(PREFIX));
  });

  it("left by a process that is gone are removed, files and folders; those of running processes stay", async () => {
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const deadPid = Number(gone.stdout);
    const alive = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    const own = tempPath(PREFIX, ".csv");
    try {
      const deadFile = join(tmpdir(), `${PREFIX}${deadPid}-1-a.csv`);
      const deadFolder = join(tmpdir(), `${PREFIX}${deadPid}-2-b`);
      const aliveFile = join(tmpdir(), `${PREFIX}${alive.pid}-3-c.csv`);
      writeFileSync(deadFile, "x");
      mkdirSync(deadFolder);
      writeFileSync(join(deadFolder, "warehouse.duckdb"), "x");
      writeFileSync(aliveFile, "x");
      writeFileSync(own, "x");
      removeOrphans(PREFIX);
      expect([deadFile, deadFolder, aliveFile, own].map(existsSync)).toEqual([false, false, true, true]);
      alive.kill();
      await new Promise((r) => alive.once("exit", r));
      removeOrphans(PREFIX);
      expect([aliveFile, own].map(existsSync)).toEqual([false, true]);
    } finally {
      alive.kill();
      removeOrphans(PREFIX);
      rmSync(own, { force: true });
    }
  });
});
