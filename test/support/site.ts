// The built site, shared by every test file of a run: the first file that asks builds the warehouse and the site
// (offline, every outbound connection blocked) into the run's private folder; the others wait for its result.
import { spawn } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { PACKAGE_ROOT } from "../../src/paths.js";
import { buildWarehouse } from "../../src/build.js";

export const preload = path.join(PACKAGE_ROOT, "test", "support", "no-network.cjs");
export const observable = path.join(PACKAGE_ROOT, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");
export const MARKER = "[no-network] BLOCKED";

export interface Run {
  code: number | null;
  output: string;
}

export interface BuiltSite {
  /** The Framework project it was built in (siteProject). */
  project: string;
  /** The built site (Framework output). */
  dir: string;
  /** The warehouse the site was built from. */
  db: string;
  /** Its data folder: the task tables, and the sample monthly files (data/samples/schedule.csv) archived there. */
  data: string;
  /** `luoshi ingest --schedule` of the sample monthly files (exit 2: two of them are rejected on purpose). */
  ingest: Run;
  vendor: Run;
  build: Run;
}

export function offlineEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${JSON.stringify(preload)}`.trim(),
    OBSERVABLE_TELEMETRY_DISABLE: "true",
    NO_COLOR: "1",
    ...extra,
  };
}

export function run(args: string[], env: NodeJS.ProcessEnv, cwd = PACKAGE_ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A Framework project of the run's own: docs/, the config and package.json copied (docs/ without its caches), the
 * compiled library, the sources, the scripts and node_modules linked. The site's data loaders cache their output in
 * docs/.observablehq/cache, one folder per project: built in the checkout itself, the tests' site would stop (exit 3)
 * beside a running `npm start` preview of the demo warehouse, or clear its cache.
 */
export function siteProject(work: string): string {
  const project = path.join(work, "project");
  const caches = path.join(PACKAGE_ROOT, "docs", ".observablehq");
  mkdirSync(project);
  cpSync(path.join(PACKAGE_ROOT, "docs"), path.join(project, "docs"), { recursive: true, filter: (source) => source !== caches });
  // (copied, not linked: Node would read a linked config at its real path, and its ./docs would be the checkout's)
  copyFileSync(path.join(PACKAGE_ROOT, "observablehq.config.ts"), path.join(project, "observablehq.config.ts"));
  // (folders as junctions: on Windows a folder's symbolic link needs Developer Mode; elsewhere the type is ignored)
  for (const name of ["dist", "src", "scripts", "node_modules"]) symlinkSync(path.join(PACKAGE_ROOT, name), path.join(project, name), "junction");
  copyFileSync(path.join(PACKAGE_ROOT, "package.json"), path.join(project, "package.json"));
  return project;
}

export async function builtSite(): Promise<BuiltSite> {
  const work = inject("siteWorkDir");
  const result = path.join(work, "site.json");
  try {
    mkdirSync(path.join(work, "site.lock"));
  } catch {
    // another test file is building it: wait for its result
    for (let waited = 0; waited < 900_000; waited += 500) {
      if (existsSync(result)) return JSON.parse(readFileSync(result, "utf8")) as BuiltSite;
      await sleep(500);
    }
    throw new Error("timed out waiting for the site build");
  }
  const db = path.join(work, "warehouse.duckdb");
  const dir = path.join(work, "site");
  // the policies of data/ and the sample monthly files, loaded as `npm start` loads them: the pages show figures,
  // corrections, flags and months sent back
  const data = path.join(work, "data");
  mkdirSync(data);
  cpSync(path.join(PACKAGE_ROOT, "data", "policies"), path.join(data, "policies"), { recursive: true });
  copyFileSync(path.join(PACKAGE_ROOT, "data", "calendar.csv"), path.join(data, "calendar.csv"));
  await buildWarehouse({ data, db });
  const ingest = await run([path.join(PACKAGE_ROOT, "bin", "luoshi.js"), "ingest", "--schedule", path.join(PACKAGE_ROOT, "data", "samples", "schedule.csv"), "--data", data, "--db", db], offlineEnv());
  const env = offlineEnv({ LUOSHI_SITE_OUTPUT: dir, LUOSHI_DB: db, LUOSHI_DATA: data });
  const project = siteProject(work);
  const vendor = await run([path.join(PACKAGE_ROOT, "scripts", "offline-cache.mjs"), "--root", path.join(project, "docs"), "--clean-loader-cache"], env);
  const build = await run([observable, "build"], env, project);
  const site: BuiltSite = { project, dir, db, data, ingest, vendor, build };
  writeFileSync(result, JSON.stringify(site));
  return site;
}
