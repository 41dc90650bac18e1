import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { todayIso } from "./deadline.js";
import { processAlive } from "./lock.js";
import { dataDir, PACKAGE_ROOT, warehousePath } from "./paths.js";

/**
 * What the site's data loaders read: the warehouse (path, size and time of change, its WAL too), the data folder, the
 * as-of date (today when unset), the compiled library under dist/src they import, and the loader files themselves.
 * Framework's preview reuses a loader's cached output as long as the loader file is older than it, and its build
 * reuses it whatever its age, so a build on another warehouse, on the same one after a load, or after an upgrade
 * would otherwise show old figures without a word.
 */
export function loaderInputs(now: Date = new Date(), docs: string = join(PACKAGE_ROOT, "docs")): Record<string, string> {
  const stamp = (path: string) => {
    if (!existsSync(path)) return "absent";
    const s = statSync(path);
    return `${s.size}@${s.mtimeMs}`;
  };
  const db = warehousePath();
  const dist = join(PACKAGE_ROOT, "dist", "src");
  // (walked by hand: readdirSync's recursive entries name their folder differently across Node 20's minor versions)
  const newest = (dir: string, counts: (name: string) => boolean = () => true): number => {
    let latest = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== ".observablehq") latest = Math.max(latest, newest(path, counts));
      else if (entry.isFile() && counts(entry.name)) latest = Math.max(latest, statSync(path).mtimeMs);
    }
    return latest;
  };
  const code = existsSync(dist) ? newest(dist) : 0;
  // the loaders themselves (progress.json.js, [row].json.js): \`observable build\` reuses a cached output even when its
  // loader changed since (it serves it "stale"), so a luoshi upgraded in place would show data of the old shape
  const loaders = existsSync(docs) ? newest(docs, (name) => /\.[a-z0-9]+\.(?:js|ts|mjs|cjs|py|sh)$/i.test(name)) : 0;
  return {
    db: `${db} ${stamp(db)} wal ${stamp(`${db}.wal`)}`,
    dbPath: db,
    data: dataDir(),
    asOf: process.env.LUOSHI_AS_OF || todayIso(now),
    code: String(code),
    loaders: String(loaders),
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

/** A live process (a preview or a build) that reads the data loaders' cache for other inputs, or null. */
export type CacheClaim = { pid: number; db: string; data: string; asOf: string };

/**
 * Registers this process as a user of the loader cache under `root` (its warehouse, data folder and as-of date) and
 * returns another live user with other ones, if any: a preview (npm start's demo) and a build on another warehouse
 * share the cache, and each would serve the other's figures (the cache is only checked when a process starts). The
 * registration is removed when the process exits; that of a process no longer alive is ignored and removed.
 */
export function claimLoaderCache(root: string, inputs: Record<string, string> = loaderInputs(), pid = process.pid): CacheClaim | null {
  const dir = join(root, ".observablehq", "loader-users");
  mkdirSync(dir, { recursive: true });
  // (the warehouse's path only: a load into it while a preview runs is the same warehouse, its cache refreshed)
  const own: CacheClaim = { pid, db: inputs.dbPath ?? inputs.db ?? "", data: inputs.data ?? "", asOf: inputs.asOf ?? "" };
  for (const name of readdirSync(dir)) {
    const other = Number(name.replace(/\.json$/, ""));
    if (!Number.isInteger(other) || other === pid) continue;
    const path = join(dir, name);
    if (!processAlive(other)) {
      rmSync(path, { force: true });
      continue;
    }
    try {
      const claim = JSON.parse(readFileSync(path, "utf8")) as CacheClaim;
      if (claim.db !== own.db || claim.data !== own.data || claim.asOf !== own.asOf) return claim;
    } catch {
      // (being written: read as nobody's)
    }
  }
  const mine = join(dir, `${pid}.json`);
  writeFileSync(mine, JSON.stringify(own));
  if (pid === process.pid) process.once("exit", () => rmSync(mine, { force: true }));
  return null;
}
