import type { DuckDBValue } from "@duckdb/node-api";
import { warehousePath } from "./paths.js";
import { openWarehouse, query, setAsOf } from "./warehouse.js";

export type Reader = (sql: string, params?: DuckDBValue[]) => Promise<Record<string, unknown>[]>;

/**
 * Runs a Framework data loader against the warehouse (read-only) and writes its JSON result to stdout.
 * Logs go to stderr; any error ends the process with a non-zero exit code so the site build fails loudly.
 */
export async function emitJson(build: (read: Reader) => Promise<unknown>): Promise<void> {
  try {
    const wh = await openWarehouse(warehousePath(), { readOnly: true });
    try {
      await setAsOf(wh.connection, process.env.LUOSHI_AS_OF);
      const read: Reader = async (sql, params = []) => (await query(wh.connection, sql, params)).rows;
      process.stdout.write(JSON.stringify(await build(read)));
    } finally {
      wh.close();
    }
  } catch (e) {
    console.error(`数据加载器失败：${(e as Error).message}`);
    process.exit(1);
  }
}
