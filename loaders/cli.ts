import { parseArgs } from "node:util";
import { formatLoadError, InputRejected } from "../src/errors.js";
import { dataDir, warehousePath } from "../src/paths.js";
import { readRegistryFile } from "../src/targets/registryfile.js";

const HELP = `luoshi —— 政策任务分解表与月度进展的数据仓库

用法：
  luoshi build [--data DIR] [--db FILE]
      从 data/ 中的任务分解表重建仓库（先写临时文件，全部校验通过后再替换；失败时原仓库不变）
  luoshi query "<SQL>" [--format table|csv|json] [--db FILE]
      以只读方式对仓库执行 SQL（可查询的视图见站点“数据字典”页）
  luoshi targets [--check] [--write] [--data DIR]
      由正文与附件文本提出指标，并与指标登记表 targets.csv 比对：已发布的编码永不改名、不重编号；
      差异列出待审核（--check 有差异时退出码 1）；--write 只为新提出的指标追加新编码
  luoshi help

选项：
  --db FILE      仓库文件，默认 data/warehouse.duckdb，也可用环境变量 LUOSHI_DB
  --data DIR     输入目录，默认 data/，也可用环境变量 LUOSHI_DATA

并发：写入方（build）持有 <仓库>.lock 写锁并排队；读取方（query、站点数据加载器）以只读方式打开，
遇到写入方占用时最多等待 LUOSHI_LOCK_WAIT_MS 毫秒（默认 30000），之后给出明确提示并退出。

退出码：0 成功；1 targets --check 发现差异；2 输入被拒绝或 SQL 错误（仓库不变）；3 仓库繁忙或不存在；64 用法错误。`;

export const EXIT = { ok: 0, differences: 1, rejected: 2, unavailable: 3, usage: 64 } as const;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "build":
        return await build(rest);
      case "query":
        return await runQuery(rest);
      case "targets":
        return await targets(rest);
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

async function targets(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { data: { type: "string" }, check: { type: "boolean" }, write: { type: "boolean" } } });
  const { readdirSync, writeFileSync, existsSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { readTaskTable } = await import("../src/tasktable.js");
  const { proposeTargets, compareRegistry, registerNew, registryCsv } = await import("../src/targets/registry.js");
  const root = join(dataDir(values.data), "policies");
  let differences = 0;
  for (const dir of existsSync(root) ? readdirSync(root).sort() : []) {
    const { table, errors } = readTaskTable(join(root, dir));
    if (!table) throw new InputRejected(errors);
    const proposals = proposeTargets(table);
    const registry = table.targets.map(({ policy_id: _p, target_id: _t, task_id: _k, item_id: _i, reporting_override: _o, ...t }) => ({ ...t, reporting_departments: "" }));
    const diff = compareRegistry(registry, proposals);
    const changed = diff.matched.filter((m) => m.changes.length > 0);
    console.log(`政策 ${dir}：登记 ${registry.length} 个指标；解析提出 ${proposals.length} 个；一致 ${diff.matched.length - changed.length}，待审核变化 ${changed.length}，新提出 ${diff.added.length}，不再提出 ${diff.missing.length}`);
    for (const m of changed) console.log(`  变化 ${m.code}：${m.changes.map((c) => `${c.field} ${JSON.stringify(c.registered)} → ${JSON.stringify(c.proposed)}`).join("；")}`);
    for (const p of diff.added) console.log(`  新提出 第 ${p.row_no} 行 ${p.kind} ${p.value ?? ""}${p.value_max ? "-" + p.value_max : ""}${p.unit ?? ""} ${p.subject}`);
    for (const e of diff.missing) console.log(`  不再提出 ${e.code}（编码保留，含义不变）：${e.subject}`);
    differences += changed.length + diff.added.length + diff.missing.length;
    if (values.write && diff.added.length > 0) {
      const file = join(root, dir, "targets.csv");
      const original = existsSync(file) ? readRegistryFile(file) : [];
      const added = registerNew(table.policy.target_prefix, registry, diff.added, Number(table.policy.issued_date.slice(0, 4)));
      writeFileSync(file, registryCsv([...original, ...added]));
      console.log(`  已追加 ${added.length} 个新编码到 ${file}`);
    }
  }
  return values.check && differences > 0 ? EXIT.differences : EXIT.ok;
}

