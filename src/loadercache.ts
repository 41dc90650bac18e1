import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { todayIso } from "./deadline.js";
import { dataDir, PACKAGE_ROOT, warehousePath } from "./paths.js";

/**
 * What the site's data loaders read besides their own source: the warehouse (path, size and time of change, its WAL
 * too), the data folder, the as-of date (today when unset) and the compiled library under dist/src they import.
 * Framework reuses a loader's cached output as long as the loader file is older than it, so a build on another
 * warehouse, or on the same one after a load, would otherwise show the old figures without a word.
 */
export function loaderInputs(now: Date = new Date()): Record<string, string> {
  const stamp = (path: string) => {
    if (!existsSync(path)) return "absent";
    const s = statSync(path);
    return `${s.size}@${s.mtimeMs}`;
  };
  const db = warehousePath();
  const dist = join(PACKAGE_ROOT, "dist", "src");
  // (walked by hand: readdirSync's recursive entries name their folder differently across Node 20's minor versions)
  const newest = (dir: string): number => {
    let latest = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      latest = Math.max(latest, entry.isDirectory() ? newest(path) : entry.isFile() ? statSync(path).mtimeMs : 0);
    }
    return latest;
  };
  const code = existsSync(dist) ? newest(dist) : 0;
  return {
    db: `${db} ${stamp(db)} wal ${stamp(`${db}.wal`)}`,
    data: dataDir(),
    asOf: process.env.LUOSHI_AS_OF || todayIso(now),
    code: String(code),
  };
}

/**
 * Deletes the cached data-loader output under `root`/.observablehq/cache (not the offline npm bundles in _npm and _node)
 * when loaderInputs differ from those of the last build or preview, and records the new ones. Returns whether it did.
 * Called by observablehq.config.ts, so that every build and preview — `npx observable build` typed by hand too — reads
 * the warehouse it is given.
 */
export function refreshLoaderCache(root: string, inputs: Record<string, string> = loaderInputs()): boolean {
  const stampPath = join(root, ".observablehq", "loader-inputs.json");
  const stamp = JSON.stringify(inputs);
  if (existsSync(stampPath) && readFileSync(stampPath, "utf8") === stamp) return false;
  const cache = join(root, ".observablehq", "cache");
  if (existsSync(cache)) {
    for (const entry of readdirSync(cache)) {
      if (entry !== "_npm" && entry !== "_node") rmSync(join(cache, entry), { recursive: true, force: true });
    }
  }
  mkdirSync(join(root, ".observablehq"), { recursive: true });
  writeFileSync(stampPath, stamp);
  return true;
}
