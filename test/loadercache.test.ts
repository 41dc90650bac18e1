import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { claimLoaderCache, loaderInputs, refreshLoaderCache } from "../src/loadercache.js";

describe("refreshLoaderCache: the site's data loaders never serve output of another warehouse or date", () => {
  const saved = { db: process.env.LUOSHI_DB, asOf: process.env.LUOSHI_AS_OF };
  afterEach(() => {
    for (const [key, value] of [["LUOSHI_DB", saved.db], ["LUOSHI_AS_OF", saved.asOf]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it("drops the cached loader output (not the offline npm bundles) when the inputs change, and only then", () => {
    const root = mkdtempSync(join(tmpdir(), "luoshi-cache-"));
    const cache = join(root, ".observablehq", "cache");
    const cached = join(cache, "data", "progress.json");
    mkdirSync(join(cache, "data"), { recursive: true });
    mkdirSync(join(cache, "_npm", "d3@7.9.0"), { recursive: true });
    writeFileSync(cached, "{}");
    expect(refreshLoaderCache(root, { db: "a" })).toBe(true);
    expect(existsSync(cached)).toBe(false);
    expect(existsSync(join(cache, "_npm", "d3@7.9.0"))).toBe(true);
    // the same inputs: what the build wrote since is kept
    mkdirSync(join(cache, "data"), { recursive: true });
    writeFileSync(cached, "{}");
    expect(refreshLoaderCache(root, { db: "a" })).toBe(false);
    expect(existsSync(cached)).toBe(true);
    expect(refreshLoaderCache(root, { db: "b" })).toBe(true);
    expect(existsSync(cached)).toBe(false);
  });

  it("sees a changed data loader (a build would otherwise serve its old output), not a changed page or component", () => {
    const docs = mkdtempSync(join(tmpdir(), "luoshi-docs-"));
    mkdirSync(join(docs, "data"));
    mkdirSync(join(docs, "components"));
    mkdirSync(join(docs, ".observablehq", "cache"), { recursive: true });
    const loader = join(docs, "data", "progress.json.js");
    writeFileSync(loader, "//");
    utimesSync(loader, new Date(2026, 0, 1), new Date(2026, 0, 1));
    const at = new Date(2026, 11, 3, 10);
    const first = loaderInputs(at, docs).loaders;
    for (const other of [join(docs, "index.md"), join(docs, "components", "progress.js"), join(docs, ".observablehq", "cache", "x.json.js")]) {
      writeFileSync(other, "//");
      expect(loaderInputs(at, docs).loaders).toBe(first);
    }
    utimesSync(loader, new Date(2026, 5, 1), new Date(2026, 5, 1));
    expect(loaderInputs(at, docs).loaders).not.toBe(first);
  });

  it("sees another warehouse, a write into it, and another as-of date (today when unset)", () => {
    const dir = mkdtempSync(join(tmpdir(), "luoshi-inputs-"));
    process.env.LUOSHI_DB = join(dir, "a.duckdb");
    writeFileSync(process.env.LUOSHI_DB, "x");
    delete process.env.LUOSHI_AS_OF;
    const first = loaderInputs(new Date(2026, 11, 3, 10));
    expect(first.asOf).toBe("2026-12-03");
    expect(loaderInputs(new Date(2026, 11, 3, 10))).toEqual(first);
    expect(loaderInputs(new Date(2026, 11, 4, 10)).asOf).toBe("2026-12-04");
    writeFileSync(process.env.LUOSHI_DB, "xy");
    const written = loaderInputs(new Date(2026, 11, 3, 10));
    expect(written.db).not.toBe(first.db);
    process.env.LUOSHI_DB = join(dir, "b.duckdb");
    expect(loaderInputs(new Date(2026, 11, 3, 10)).db).not.toBe(written.db);
    process.env.LUOSHI_AS_OF = "2019-01-10";
    expect(loaderInputs().asOf).toBe("2019-01-10");
  });
});

describe("claimLoaderCache: a preview and a build on other warehouses or dates never run at once on the shared cache", () => {
  it("names a live process that reads the cache for another warehouse or date; forgets one that has ended", async () => {
    const root = mkdtempSync(join(tmpdir(), "luoshi-claim-"));
    // (paths with a space: a folder named My Data)
    const demo = { db: "/x/My Data/demo.duckdb 100@1 wal absent", dbPath: "/x/My Data/demo.duckdb", data: "/x/My Data", asOf: "2019-01-10" };
    const real = { db: "/x/My Data/real.duckdb 200@2 wal absent", dbPath: "/x/My Data/real.duckdb", data: "/x/My Data", asOf: "2019-01-10" };
    // a preview of the demo, still running (here a child that sleeps)
    const preview = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      expect(claimLoaderCache(root, demo, preview.pid!)).toBeNull();
      // a build of the real site: stopped, told which process uses the cache for what
      expect(claimLoaderCache(root, real, 999_999_0)).toEqual({ pid: preview.pid, db: "/x/My Data/demo.duckdb", data: "/x/My Data", asOf: "2019-01-10" });
      // the same warehouse and date, written into since (another size and time): the same site, no conflict
      expect(claimLoaderCache(root, { ...demo, db: "/x/My Data/demo.duckdb 300@3 wal absent" }, 999_999_1)).toBeNull();
    } finally {
      preview.kill("SIGKILL");
      await new Promise((r) => preview.once("exit", r));
    }
    // the preview has ended: its registration is dropped, the build goes on
    expect(claimLoaderCache(root, real, 999_999_2)).toBeNull();
    expect(existsSync(join(root, ".observablehq", "loader-users", `${preview.pid}.json`))).toBe(false);
  });
});
