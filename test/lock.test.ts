import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireWriterLock, holderAlive, processStamp, WarehouseBusy } from "../src/lock.js";

// The writer lock of a warehouse (<db>.lock): a writer takes it, a second one waits, and a lock left by a writer that
// no longer runs is taken over at once, even when its PID has since been given to another process.
const procfs = existsSync("/proc/self/stat");

describe("the warehouse writer lock", () => {
  const dir = mkdtempSync(join(tmpdir(), "luoshi-lock-"));
  const db = join(dir, "w.duckdb");
  const lockFile = `${db}.lock`;
  // a process that runs for the whole test: it stands for one holding the PID written in a lock file
  let other: ReturnType<typeof spawn>;
  beforeAll(() => {
    other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
  });
  afterAll(() => {
    other.kill();
  });

  it("holds the writer's PID, then its stamp where the system tells one; released, the file is gone", async () => {
    const release = await acquireWriterLock(db, 0);
    const [pid, stamp] = readFileSync(lockFile, "utf8").split(" ");
    expect(Number(pid)).toBe(process.pid);
    expect(stamp ?? null).toBe(processStamp(process.pid));
    release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it("a second writer waits, then ends with a message naming the holder's PID and command", async () => {
    const stamp = processStamp(other.pid!);
    writeFileSync(lockFile, stamp === null ? String(other.pid) : `${other.pid} ${stamp}`);
    try {
      const error = await acquireWriterLock(db, 300).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WarehouseBusy);
      expect((error as Error).message).toContain(`（PID ${other.pid}）写入，已等待`);
      if (procfs) expect((error as Error).message).toContain("该进程为：");
      expect(readFileSync(lockFile, "utf8")).toContain(String(other.pid)); // not taken over
    } finally {
      rmSync(lockFile);
    }
  });

  it("a lock of a PID that no longer runs is taken over", async () => {
    const gone = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await new Promise((r) => gone.on("exit", r));
    writeFileSync(lockFile, String(gone.pid));
    const release = await acquireWriterLock(db, 0);
    expect(readFileSync(lockFile, "utf8").split(" ")[0]).toBe(String(process.pid));
    release();
  });

  it.runIf(procfs)("a lock whose PID now runs another process (its stamp differs) is taken over at once", async () => {
    // as left by a writer killed before a restart, its PID since given to an unrelated process
    writeFileSync(lockFile, `${other.pid} 00000000-0000-0000-0000-000000000000:1`);
    expect(holderAlive(readFileSync(lockFile, "utf8"))).toBe(false);
    const release = await acquireWriterLock(db, 0);
    expect(readFileSync(lockFile, "utf8").split(" ")[0]).toBe(String(process.pid));
    release();
  });

  it("an empty lock is being written: waited for; empty for seconds, its writer was killed in between: taken over", async () => {
    writeFileSync(lockFile, "");
    expect(await acquireWriterLock(db, 200).catch((e: unknown) => e)).toBeInstanceOf(WarehouseBusy);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFile, old, old);
    const release = await acquireWriterLock(db, 0);
    expect(readFileSync(lockFile, "utf8").split(" ")[0]).toBe(String(process.pid));
    release();
  });

  it("a lock holding a PID alone (an older luoshi's) of a running process is that process's", () => {
    expect(holderAlive(String(other.pid))).toBe(true);
    expect(holderAlive(`${other.pid} ${processStamp(other.pid!) ?? ""}`)).toBe(true);
  });
});
