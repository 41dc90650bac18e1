import { parseArgs } from "node:util";
import { formatLoadError, InputRejected } from "../src/errors.js";
import { dataDir, warehousePath } from "../src/paths.js";

const HELP = `luoshi —— 政策任务分解表与月度进展的数据仓库

用法：
  luoshi build [--data DIR] [--db FILE]
      从 data/ 中的任务分解表重建仓库（先写临时文件，全部校验通过后再替换；失败时原仓库不变）
  luoshi query "<SQL>" [--format table|csv|json] [--db FILE]
      以只读方式对仓库执行 SQL（可查询的视图见站点“数据字典”页）
  luoshi help

选项：
  --db FILE      仓库文件，默认 data/warehouse.duckdb，也可用环境变量 LUOSHI_DB
  --data DIR     输入目录，默认 data/，也可用环境变量 LUOSHI_DATA

并发：写入方（build）持有 <仓库>.lock 写锁并排队；读取方（query、站点数据加载器）以只读方式打开，
遇到写入方占用时最多等待 LUOSHI_LOCK_WAIT_MS 毫秒（默认 30000），之后给出明确提示并退出。

退出码：0 成功；2 输入被拒绝或 SQL 错误（仓库不变）；3 仓库繁忙或不存在；64 用法错误。`;

export const EXIT = { ok: 0, rejected: 2, unavailable: 3, usage: 64 } as const;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "build":
        return await build(rest);
      case "query":
        return await runQuery(rest);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        console.log(HELP);
        return EXIT.ok;
      default:
        console.error(`未知命令：${command}\n\n${HELP}`);
        return EXIT.usage;
    }
  } catch (e) {
    return report(e);
  }
}

function report(e: unknown): number {
  if (e instanceof InputRejected) {
    console.error(`输入被拒绝（共 ${e.errors.length} 处），仓库未改动：`);
    for (const error of e.errors) console.error("  " + formatLoadError(error));
    return EXIT.rejected;
  }
  const name = (e as Error)?.name;
  if (name === "WarehouseBusy" || name === "WarehouseMissing") {
    console.error((e as Error).message);
    return EXIT.unavailable;
  }
  if (e instanceof TypeError && "code" in e && String((e as { code: unknown }).code).startsWith("ERR_PARSE_ARGS")) {
    console.error(`${e.message}\n\n${HELP}`);
    return EXIT.usage;
  }
  console.error(`错误：${(e as Error)?.message ?? String(e)}`);
  return EXIT.rejected;
}

async function build(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: "string" }, data: { type: "string" } } });
  const { buildWarehouse } = await import("../src/warehouse.js");
  const started = Date.now();
  const summary = await buildWarehouse({ data: dataDir(values.data), db: warehousePath(values.db) });
  for (const p of summary.policies) {
    console.error(`政策 ${p.policy_id}：章节 ${p.chapters}，条目 ${p.items}，任务行 ${p.tasks}`);
  }
  console.error(`数据检查 ${summary.checks.length} 项全部通过；视图 ${summary.views.length} 个`);
  console.error(`仓库已重建：${summary.path}（${Date.now() - started} ms）`);
  return EXIT.ok;
}

async function runQuery(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: "string" }, format: { type: "string", default: "table" } },
  });
  const sql = positionals.join(" ").trim();
  if (sql === "") {
    console.error(`请给出要执行的 SQL，例如：luoshi query "select count(*) from tasks"`);
    return EXIT.usage;
  }
  const format = values.format!;
  if (!["table", "csv", "json"].includes(format)) {
    console.error(`--format 只能是 table、csv 或 json，收到：${format}`);
    return EXIT.usage;
  }
  const { openWarehouse, query } = await import("../src/warehouse.js");
  const { formatCsv, formatJson, formatTable } = await import("../src/format.js");
  const wh = await openWarehouse(warehousePath(values.db), { readOnly: true });
  try {
    const result = await query(wh.connection, sql);
    console.log(format === "csv" ? formatCsv(result) : format === "json" ? formatJson(result) : formatTable(result));
    return EXIT.ok;
  } catch (e) {
    const message = (e as Error).message;
    const hint = /read-only/i.test(message) ? "（仓库以只读方式打开：query 只能读取，写入请用 luoshi build）" : "";
    console.error(`SQL 执行失败${hint}：${message}`);
    return EXIT.rejected;
  } finally {
    wh.close();
  }
}
