import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";

/**
 * The writer lock of a warehouse: a `<db>.lock` file created exclusively, holding the writer's PID and, where the
 * system tells it (Linux), its stamp: the boot and the process's start time. DuckDB itself allows one read-write
 * process per file; this lock also covers the build's temporary file and rename, so two writers queue instead of
 * racing. A lock whose process is gone is stale and taken over: its PID no longer runs, or runs another process (a PID
 * given again after a writer was killed, or after a restart), told by a stamp that differs.
 */
export class WarehouseBusy extends Error {
  constructor(
    readonly path: string,
    readonly holder: string | null,
    readonly waitedMs: number,
    readonly command: string | null = null,
  ) {
    super(
      `仓库正被另一个进程${holder ? `（PID ${holder}）` : ""}写入，已等待 ${(waitedMs / 1000).toFixed(1)} 秒仍未释放：${path}。` +
        (command ? `该进程为：${command}。` : "") +
        `请待其完成后重试，或用环境变量 LUOSHI_LOCK_WAIT_MS 延长等待时间。`,
    );
    this.name = "WarehouseBusy";
  }
}

/**
 * What tells a process from a later one given the same PID: the boot's id and the process's start time, from /proc;
 * null where the system does not tell (the PID alone then decides).
 */
export function processStamp(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // (the fields after the command in brackets, which may hold spaces: state is field 3, starttime field 22)
    const start = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
    const boot = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    return start ? `${boot}:${start}` : null;
  } catch {
    return null;
  }
}

/** The command line of a running process, shortened, for the message of a lock it holds; null where unknown. */
export function processCommand(pid: number): string | null {
  try {
    const line = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter((a) => a !== "").join(" ");
    return line === "" ? null : line.length > 160 ? `${line.slice(0, 160)}…` : line;
  } catch {
    return null;
  }
}

/** Whether the lock's holder (its file's text: the PID, then the stamp when recorded) still runs. */
export function holderAlive(text: string): boolean {
  const [pid, stamp] = text.trim().split(/\s+/);
  if (!processAlive(Number(pid))) return false;
  if (stamp === undefined) return true;
  const now = processStamp(Number(pid));
  return now === null || now === stamp;
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

/** How long a lock file may stay empty (created, its PID not yet written) before it counts as a killed writer's. */
const EMPTY_LOCK_MS = 5000;

/** How long ago the lock file was last written; 0 when it is gone. */
function emptyFor(lockPath: string): number {
  try {
    return Date.now() - statSync(lockPath).mtimeMs;
  } catch {
    return 0;
  }
}

export async function acquireWriterLock(dbPath: string, waitMs = lockWaitMs()): Promise<() => void> {
  const lockPath = `${dbPath}.lock`;
  const started = Date.now();
  for (;;) {
    try {
      const fd = openSync(lockPath, "wx");
      const stamp = processStamp(process.pid);
      writeSync(fd, stamp === null ? String(process.pid) : `${process.pid} ${stamp}`);
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
    // (an empty lock is one being written, unless it has been so for seconds: its writer was killed in between)
    if (holder !== "" ? !holderAlive(holder) : emptyFor(lockPath) > EMPTY_LOCK_MS) {
      try {
        unlinkSync(lockPath);
      } catch {
        /* someone else took it over */
      }
      continue;
    }
    const waited = Date.now() - started;
    if (waited >= waitMs) {
      const pid = holder?.split(/\s+/)[0] ?? "";
      throw new WarehouseBusy(dbPath, pid || null, waited, pid ? processCommand(Number(pid)) : null);
    }
    await sleep(100);
  }
}
