/**
 * Temporary files and folders of a load (`<prefix><pid>-…` in the system's temporary folder), and the removal of
 * those left by a process that is gone (killed before it could remove its own).
 */
import { readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A new path in the temporary folder whose name carries this process's id (`suffix`: an extension, or "" for a folder). */
export function tempPath(prefix: string, suffix = ""): string {
  return join(tmpdir(), `${prefix}${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}${suffix}`);
}

/**
 * Removes a temporary file or folder of this process, if it is there. Never throws: a failure to tidy up (the folder
 * gone, or not a folder) must not hide the error being reported; a later load removes what is left (removeOrphans).
 */
export function removeTemp(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // left for removeOrphans
  }
}

/** Removes the files and folders named `<prefix><pid>-…` whose process no longer runs. */
export function removeOrphans(prefix: string): void {
  try {
    for (const f of readdirSync(tmpdir())) {
      const pid = f.startsWith(prefix) ? Number(f.slice(prefix.length).split("-")[0]) : NaN;
      if (!Number.isInteger(pid) || pid === process.pid) continue;
      try {
        process.kill(pid, 0);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ESRCH") removeTemp(join(tmpdir(), f));
      }
    }
  } catch {
    // nothing to tidy, or no right to
  }
}
