import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";

/**
 * The writer lock of a warehouse: a `<db>.lock` file created exclusively, holding the writer's PID.
 * DuckDB itself allows one read-write process per file; this lock also covers the build's
 * temporary file and rename, so two writers queue instead of racing. A lock whose PID is gone is stale and taken over.
 */
export class WarehouseBusy extends Error {
  constructor(
    readonly path: string,
    readonly holder: string | null,
    readonly waitedMs: number,
  ) {
    super(
      `仓库正被另一个进程${holder ? `（PID ${holder}）` : ""}写入，已等待 ${(waitedMs / 1000).toFixed(1)} 秒仍未释放：${path}。` +
        `请待其完成后重试，或用环境变量 LUOSHI_LOCK_WAIT_MS 延长等待时间。`,
    );
    this.name = "WarehouseBusy";
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether a process of this id runs (one of another user counts: EPERM). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockWaitMs(option?: number): number {
  return option ?? Number(process.env.LUOSHI_LOCK_WAIT_MS ?? 30000);
}

export async function acquireWriterLock(dbPath: string, waitMs = lockWaitMs()): Promise<() => void> {
  const lockPath = `${dbPath}.lock`;
  const started = Date.now();
  for (;;) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    let holder: string | null = null;
    try {
      holder = readFileSync(lockPath, "utf8").trim();
    } catch {
      continue; // released between our attempts
    }
    if (holder !== "" && !processAlive(Number(holder))) {
      try {
        unlinkSync(lockPath);
      } catch {
        /* someone else took it over */
      }
      continue;
    }
    const waited = Date.now() - started;
    if (waited >= waitMs) throw new WarehouseBusy(dbPath, holder, waited);
    await sleep(100);
  }
}
