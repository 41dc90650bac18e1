import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root, found from this module whether it runs from src/ (tests) or dist/src/ (CLI). */
export const PACKAGE_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("package.json not found above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
})();

export const SQL_DIR = join(PACKAGE_ROOT, "src", "sql");

/**
 * Warehouse file: --db, else LUOSHI_DB, else warehouse.duckdb in the data folder (`data`: --data, else LUOSHI_DATA,
 * else data/ under the working directory), so that --data alone names one whole set of data.
 */
export function warehousePath(option?: string, data?: string): string {
  return resolve(option ?? process.env.LUOSHI_DB ?? join(dataDir(data), "warehouse.duckdb"));
}

/** Curated inputs: --data, else LUOSHI_DATA, else data/ under the working directory. */
export function dataDir(option?: string): string {
  return resolve(option ?? process.env.LUOSHI_DATA ?? "data");
}
