import { parseArgs } from "node:util";
import { outputProblem, parseArgsError } from "./args.js";
import { formatLoadError, InputRejected } from "../src/errors.js";
import { dataDir, warehousePath } from "../src/paths.js";
import { formFieldsText, missingKeyHint, skippedRowsText } from "../src/ingest/summarytext.js";

const HELP = `luoshi —— 政策任务分解表与月度进展的数据仓库

用法：
  luoshi build [--data DIR] [--db FILE]
      从 data/ 中的任务分解表重建仓库，并按清单依次重放 data/archive/ 中归档的月度文件（先写临时文件，全部校验通过后再替换；失败时原仓库不变）
  luoshi query "<SQL>" [--format table|csv|json] [--as-of YYYY-MM-DD] [--db FILE | --data DIR]
      以只读方式对仓库执行 SQL（可查询的视图见站点“数据字典”页；只读仓库，不读写其他文件，导出请用 --format csv 重定向）；--as-of（或 LUOSHI_AS_OF）为判断
      报送是否逾期等随时间变化的结果所依据的日期，默认今天
  luoshi ingest <文件…> [--dry-run] [--json] [--as-of YYYY-MM-DD] [--rejects-out FILE] [--sheet 名称] [--received-at 时间]
  luoshi ingest --inbox [选项同上]
  luoshi ingest --schedule FILE [选项同上]
      载入月度报送文件（CSV：UTF-8/带 BOM/GBK；XLSX）。每个文件在一个事务中载入；同一文件再次载入不产生变化；
      后来的文件按键（报送单位、指标编码、统计期）覆盖旧值，历史全部保留；被拒绝的行连同原因保存在仓库中。
      非试运行时文件按内容哈希存入 data/archive/ 并记入清单，luoshi build 会按原顺序重放。
      --dry-run 只检查、不写入；多个文件时按次序逐个检查，每个文件都在前面各文件之后检查，结论与真正载入时相同
      （在仓库的临时副本中进行，结束即删除）。
      --inbox 按到达顺序载入 data/inbox/ 中的文件（载入后移出收件箱：已存档；整个被拒绝的文件移到 inbox/rejected/）；--as-of 为核对“统计期不得晚于”的日期（默认今天）。
      --received-at 指定接收时间（补录历史文件）；--schedule FILE 按 CSV（file,received_at,as_of）依次载入。
      8 MiB 以上的规整 CSV 由 DuckDB 批量读取，逐条规则与逐行检查相同，结果一致；环境变量
      LUOSHI_READER=js 强制逐行检查，LUOSHI_READER=bulk 小文件也批量读取。5 MB 以上的文件在终端上显示进度条
      （标准错误输出；输出到日志文件时只写一行“正在载入…”）。
      --sheet 指定工作簿中的工作表（同一工作簿的各工作表可逐个载入）；--rejects-out 写出退回清单（文件名以 .xlsx 结尾写 Excel 工作簿，以 .csv 结尾或无扩展名写带 BOM 的 CSV）。
      退出码：0 全部接受；1 有行被拒绝（或退回清单未能写入）；2 有文件被整体拒绝；3 仓库繁忙、不存在或需重建；64 用法错误（含 --rejects-out 无法写入）。
  luoshi targets [--check] [--write] [--data DIR]
      由正文与附件文本提出指标，并与指标登记表 targets.csv 比对：已发布的编码永不改名、不重编号；
      差异列出待审核（--check 有差异时退出码 1；百分比水平值未填 baseline 的另列“提示”，不计为差异）；--write 只为新提出的指标追加新编码（之后运行 luoshi build 使其进入仓库）
  luoshi template --department 单位 --period YYYY-MM [--format xlsx|csv] [--out 文件]  生成月度报送模板（luoshi template --help）
  luoshi serve [--dir 站点目录] [--port 3000] [--host 127.0.0.1]
      在本机提供已生成的站点（默认 dist-site，先运行 npm run site:build），不需联网；
      --host 0.0.0.0 供局域网内其他电脑访问。按 Ctrl+C 停止。
  luoshi help

选项：
  --db FILE      仓库文件（build、query、ingest、template），默认为数据目录中的 warehouse.duckdb（data/warehouse.duckdb），也可用环境变量 LUOSHI_DB
  --data DIR     数据目录（build、targets、ingest；query、template 只用它找仓库），默认 data/，也可用环境变量 LUOSHI_DATA

并发：写入方（build、ingest）持有 <仓库>.lock 写锁并排队；读取方（query、站点数据加载器）以只读方式打开，
遇到写入方占用时最多等待 LUOSHI_LOCK_WAIT_MS 毫秒（默认 30000），之后给出明确提示并退出。

退出码：0 成功；1 ingest 有行被拒绝（其余行已载入），或 targets --check 发现差异；2 输入被拒绝（ingest：有文件整个被拒绝，该文件未改动仓库；一次载入几个文件或 --inbox 时，其余文件照常载入，见各文件的结果）或 SQL 错误（仓库不变）；3 仓库繁忙、不存在或由旧版本建立（需 luoshi build 重建），serve：站点目录中没有生成好的站点或端口无法使用；64 用法错误。`;

export const EXIT = { ok: 0, differences: 1, rejected: 2, unavailable: 3, usage: 64 } as const;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // luoshi build --help: the help, as luoshi help (template has its own)
  if (["build", "query", "targets", "ingest", "serve"].includes(command ?? "") && (rest.includes("--help") || rest.includes("-h"))) {
    console.log(HELP);
    return EXIT.ok;
  }
  try {
    switch (command) {
      case "build":
        return await build(rest);
      case "query":
        return await runQuery(rest);
      case "targets":
        return await targets(rest);
      case "ingest":
        return await ingest(rest);
      case "template": return await (await import("./template.js")).templateCommand(rest);
      case "serve":
        return await serve(rest);
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
    return report(e, command);
  }
}

/**
 * The lines of HELP about one command (its usage and what follows, up to the next command), then where the rest is:
 * a usage error shows these, not the whole help. The whole help when the command has none.
 */
export function commandUsage(command: string | undefined): string {
  const lines = HELP.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`  luoshi ${command} `) || l === `  luoshi ${command}`);
  if (command === undefined || start < 0) return HELP;
  let end = start + 1;
  while (end < lines.length && lines[end]!.startsWith("  ") && !lines[end]!.startsWith("  luoshi ")) end++;
  // (ingest's other forms follow its first line)
  while (end < lines.length && lines[end]!.startsWith(`  luoshi ${command} `)) {
    end++;
    while (end < lines.length && lines[end]!.startsWith("  ") && !lines[end]!.startsWith("  luoshi ")) end++;
  }
  // (the general options whose list of commands names this one)
  const general = lines.filter((l) => /^  --(db|data) /.test(l) && l.includes(command));
  return `用法：\n${lines.slice(start, end).join("\n")}\n\n选项：\n${general.join("\n")}\n\n完整说明：luoshi help`;
}

function report(e: unknown, command?: string): number {
  if (e instanceof InputRejected) {
    // (targets writes no warehouse: its registry file is what stays as it was)
    console.error(`输入被拒绝（共 ${e.errors.length} 处），${command === "targets" ? "targets.csv 未改动" : "仓库未改动"}：`);
    for (const error of e.errors) console.error("  " + formatLoadError(error));
    return EXIT.rejected;
  }
  const name = (e as Error)?.name;
  if (name === "WarehouseBusy" || name === "WarehouseMissing" || name === "WarehouseOutdated" || name === "ScratchCopyFailed") {
    console.error((e as Error).message);
    return EXIT.unavailable;
  }
  const usage = parseArgsError(e);
  if (usage !== null) {
    // (targets reads the task tables alone: a warehouse named to it is none of its business)
    const hint = command === "targets" && /--db\b/.test(usage) ? "；luoshi targets 只读取 data/ 中的任务分解表，不使用仓库，不需要 --db" : "";
    console.error(`${usage}${hint}\n\n${commandUsage(command)}`);
    return EXIT.usage;
  }
  console.error(`错误：${(e as Error)?.message ?? String(e)}`);
  return EXIT.rejected;
}

async function build(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: "string" }, data: { type: "string" } } });
  const { buildWarehouse } = await import("../src/build.js");
  const started = Date.now();
  const summary = await buildWarehouse({ data: dataDir(values.data), db: warehousePath(values.db, values.data) });
  for (const p of summary.policies) {
    console.error(`政策 ${p.policy_id}：章节 ${p.chapters}，条目 ${p.items}，任务行 ${p.tasks}`);
  }
  if (summary.replayed.length > 0) {
    const rows = summary.replayed.reduce((n, r) => n + r.imported + r.updated, 0);
    const rejected = summary.replayed.reduce((n, r) => n + r.rejected, 0);
    const whole = summary.replayed.filter((r) => r.status === "file_rejected");
    const codes = new Map<string, number>();
    for (const r of summary.replayed) for (const [code, n] of Object.entries(r.rejected_by_code)) codes.set(code, (codes.get(code) ?? 0) + n);
    for (const r of whole) codes.set(r.file_error!.code, (codes.get(r.file_error!.code) ?? 0) + 1);
    console.error(`按清单顺序重放月度文件 ${summary.replayed.length} 个（载入数值 ${rows} 个${rejected > 0 ? `，拒绝 ${rejected} 行` : ""}${whole.length > 0 ? `，整个被拒绝的文件 ${whole.length} 个` : ""}）`);
    if (rejected > 0 || whole.length > 0) {
      // the same files, checked against the task tables as they are now: a policy moved out or a code or department
      // renamed turns rows accepted before into rejects
      console.error(`  拒绝原因：${[...codes].map(([c, n]) => `${c}×${n}`).join("，")}。重放按现在的任务分解表核对各行：比当初载入时拒绝得多的，` +
        `多半是移走了政策或改了指标编码、部门名称；查看：luoshi query "select file, source_row, code, message from rejects"`);
    }
  }
  // (one line for them all: two cities' policies share most department names)
  if (summary.sameNames.length > 0) {
    const [first] = summary.sameNames;
    const named = summary.sameNames.length === 1
      ? `部门「${first!.name}」在各政策中的全称不同（${first!.policies.map((p) => `${p.policy_id}：${p.full_name}`).join("；")}）`
      : `${summary.sameNames.length} 个部门的名称相同而在各政策中的全称不同：${summary.sameNames.slice(0, 8).map((s) => `「${s.name}」`).join("")}${summary.sameNames.length > 8 ? "等" : ""}` +
        `（如「${first!.name}」：${first!.policies.map((p) => `${p.policy_id}：${p.full_name}`).join("；")}）`;
    console.error(`注意：${named}：它们是不同的单位，各自报送本政策的指标；报送文件中的这一名称按所报指标所属的政策认单位，` +
      `生成月度模板时请用全称（如 luoshi template --department ${first!.policies[0]!.full_name}）`);
  }
  for (const m of summary.mergedByName) {
    const given = m.policies.filter((p) => p.full_name !== "");
    const blank = [...new Set(m.policies.filter((p) => p.full_name === "").map((p) => p.policy_id))];
    console.error(`注意：部门「${m.name}」在 ${blank.join("、")} 中没有填写全称（full_name），因此与 ${given.map((p) => `${p.policy_id} 的 ${p.full_name}`).join("、")} ` +
      `算作同一单位（模板、工作量合计和报送都合在一起）；如不是同一单位（如另一个城市的同名部门），请在 departments.csv 中填写全称`);
  }
  for (const m of summary.mergedByAlias) {
    const listed = m.departments.map((d) => `${d.policy_id} 的「${d.name}」（${d.full_name || "未填全称"}）`).join("、");
    console.error(`注意：${listed} 的名称或别名相同，因此算作同一单位「${m.name}」（模板、工作量合计和报送都合在一起）；` +
      `如不是同一单位（如另一个城市的部门），请在各自政策的 departments.csv 中都填写全称（full_name）`);
  }
  for (const c of summary.aliasClashes) {
    console.error(`注意：「${c.name}」在 ${c.policy_id} 中是一个部门的名称，在 ${c.other_policy_id} 中却是「${c.other_name}」的别名：` +
      `报送文件中的这一名称按所报指标所属的政策认部门，但月度模板按名称本身生成（${c.other_policy_id} 的指标请用「${c.other_name}」生成模板）。是同一单位的，请在两份政策中用同一名称`);
  }
  for (const d of summary.deadlineDisagreements.slice(0, NOTICE_CAP)) {
    console.error(`注意：${d.policy_id} 的 tasks.csv 中 row_no ${d.row_no} 的完成时限「${d.deadline_text}」读作 ${d.read_as}，deadline_date 却填 ${d.deadline_date}：` +
      `以 deadline_date 为准（逾期、序时进度都按它计算）；如是笔误，请改正 deadline_date 或把它留空（按完成时限自动换算）`);
  }
  if (summary.deadlineDisagreements.length > NOTICE_CAP) console.error(`注意：另有 ${summary.deadlineDisagreements.length - NOTICE_CAP} 行的 deadline_date 与完成时限不一致`);
  for (const x of summary.leadAlsoCooperating.slice(0, NOTICE_CAP)) {
    console.error(`注意：${x.policy_id} 的 tasks.csv 中 row_no ${x.row_no} 的「${x.mention}」既是牵头部门又写在配合部门中：只按牵头部门计（工作量不重复计算）；如是笔误，请从 coop_departments 中删去`);
  }
  if (summary.leadAlsoCooperating.length > NOTICE_CAP) console.error(`注意：另有 ${summary.leadAlsoCooperating.length - NOTICE_CAP} 处部门既是牵头部门又写在配合部门中`);
  console.error(`数据检查 ${summary.checks.length} 项全部通过；视图 ${summary.views.length} 个`);
  console.error(`仓库已重建：${summary.path}（${Date.now() - started} ms）`);
  return EXIT.ok;
}

/** Serves the built site until the process is stopped. */
async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { dir: { type: "string" }, port: { type: "string", default: "3000" }, host: { type: "string", default: "127.0.0.1" } } });
  const { existsSync } = await import("node:fs");
  const { join, resolve } = await import("node:path");
  const dir = resolve(values.dir ?? process.env.LUOSHI_SITE_OUTPUT ?? "dist-site");
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`端口应为 0–65535 的整数：${values.port}`);
    return EXIT.usage;
  }
  if (!existsSync(join(dir, "index.html"))) {
    console.error(`${dir} 中没有生成好的站点（缺少 index.html）：请先运行 npm run site:build，或用 --dir 指定站点目录`);
    return EXIT.unavailable;
  }
  const { serveStatic } = await import("../src/serve.js");
  try {
    const server = await serveStatic(dir, { port, host: values.host });
    console.error(`站点：${server.url}（${dir}；按 Ctrl+C 停止）`);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "EADDRINUSE" ? `端口 ${port} 已被占用（站点可能已在运行，或另一个程序在用这个端口）：请用 --port 换一个端口，如 --port ${port === 3000 ? 3001 : 3000}`
      : code === "EACCES" ? `没有权限使用端口 ${port}（1024 以下的端口需要管理员权限）：请用 --port 换一个 1024 以上的端口`
      : code === "EADDRNOTAVAIL" || code === "ENOTFOUND" ? `本机没有地址 ${values.host}：请用 --host 127.0.0.1（仅本机）或 --host 0.0.0.0（局域网）`
      : (e as Error).message;
    console.error(`无法在 ${values.host}:${port} 上提供站点：${why}`);
    return EXIT.unavailable;
  }
  await new Promise<never>(() => {});
  return EXIT.ok;
}

async function runQuery(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: "string" }, data: { type: "string" }, format: { type: "string", default: "table" }, "as-of": { type: "string" } },
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
  // (trimmed: a line of a script saved with CRLF ends in a carriage return)
  const asOf = (values["as-of"] ?? process.env.LUOSHI_AS_OF)?.trim();
  const { parseIsoDate } = await import("../src/deadline.js");
  if (asOf !== undefined && asOf !== "" && parseIsoDate(asOf) === null) {
    console.error(`${values["as-of"] !== undefined ? "--as-of" : "环境变量 LUOSHI_AS_OF"} 应为 YYYY-MM-DD 格式的有效日期，收到：${asOf}`);
    return EXIT.usage;
  }
  const { openCurrentWarehouse, query, setAsOf } = await import("../src/warehouse.js");
  const { formatCsv, formatJson, formatTable } = await import("../src/format.js");
  // (a warehouse built by another version has other views: its answers would be those of that version)
  const wh = await openCurrentWarehouse(warehousePath(values.db, values.data));
  try {
    await setAsOf(wh.connection, asOf);
    // read-only means the files around it too: no COPY … TO, no read_csv of other files (DuckDB cannot turn it back on)
    await wh.connection.run("SET enable_external_access = false");
    const result = await query(wh.connection, sql);
    console.log(format === "csv" ? formatCsv(result) : format === "json" ? formatJson(result) : formatTable(result));
    return EXIT.ok;
  } catch (e) {
    const { sqlErrorText } = await import("../src/sqlerrors.js");
    console.error(sqlErrorText((e as Error).message));
    return EXIT.rejected;
  } finally {
    wh.close();
  }
}

/** The most lines one list of notices or hints prints; the rest are counted in one line. */
const NOTICE_CAP = 20;

/** The first `n` characters of a text, with … when cut. */
function clip(text: string, n: number): string {
  const chars = [...text];
  return chars.length > n ? `${chars.slice(0, n).join("")}…` : text;
}

/** The compared fields of a registered target (targets --check), in Chinese. */
const REGISTRY_FIELD: Record<string, string> = {
  kind: "类别", comparator: "比较词", value: "目标值", value_max: "目标上限", unit: "单位", measure: "口径", horizon_text: "时限原文（空 = 用任务行的完成时限）", subject: "主题", frequency: "频次",
  annex_text: "附件原文", body_text: "正文原文",
};

async function targets(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { data: { type: "string" }, check: { type: "boolean" }, write: { type: "boolean" } } });
  const { writeFileSync, existsSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { readAllPolicies } = await import("../src/build.js");
  const { proposeTargets, compareRegistry, registerNew, registryCsv } = await import("../src/targets/registry.js");
  const { readRegistryFile } = await import("../src/targets/registryfile.js");
  const { countedFrom, termDated, proposalText, rowDatedBy, splitDigits, needsBaseline, BASELINE_HINT, needsDownBaseline, DOWN_BASELINE_HINT, needsStockBaseline, STOCK_BASELINE_HINT } = await import("../src/targets/proposaltext.js");
  const root = join(dataDir(values.data), "policies");
  let differences = 0;
  // every policy, checked as `luoshi build` checks them (a target prefix used twice is rejected here too)
  const { tables, errors } = readAllPolicies(dataDir(values.data));
  if (errors.length > 0) throw new InputRejected(errors);
  for (const table of tables) {
    const dir = table.policy.policy_id;
    const proposals = proposeTargets(table);
    // the registry exactly as written (already validated against the table by readTaskTable)
    const file = join(root, dir, "targets.csv");
    const registry = existsSync(file) ? readRegistryFile(file) : [];
    const diff = compareRegistry(registry, proposals);
    const changed = diff.matched.filter((m) => m.changes.length > 0 && !m.reviewed);
    const corrected = diff.matched.filter((m) => m.changes.length > 0 && m.reviewed);
    console.log(`政策 ${dir}：登记 ${registry.length} 个指标；解析提出 ${proposals.length} 个；一致 ${diff.matched.length - changed.length - corrected.length}，待审核变化 ${changed.length}，新提出 ${diff.added.length}，不再提出 ${diff.missing.length}` +
      (corrected.length > 0 ? `；人工更正 ${corrected.length}` : "") + (diff.handRegistered.length > 0 ? `；人工登记 ${diff.handRegistered.length}` : "") + (diff.retired.length > 0 ? `；已停用 ${diff.retired.length}（不再作为新指标提出）` : ""));
    const fields = (m: (typeof diff.matched)[number]) => m.changes.map((c) => `${REGISTRY_FIELD[c.field] ?? c.field}（${c.field}）${JSON.stringify(c.registered)} → ${JSON.stringify(c.proposed)}`).join("；");
    for (const m of changed) console.log(`  变化 ${m.code}：${fields(m)}`);
    // (corrected by hand, said in its note: the parser's reading is shown, not counted)
    for (const m of corrected) console.log(`  人工更正 ${m.code}（不计为差异；解析结果为）：${fields(m)}`);
    // a quantity a group reports (各镇（街道） named first among the row's leads, the default reporter, or named by the
    // proposal's 各): each member reports its own figure against the whole value
    const groupLead = (p: { row_no: number; reporting_departments: string }) => {
      const task = table.tasks.find((t) => t.row_no === p.row_no);
      const first = table.taskDepartments.filter((d) => d.task_id === task?.task_id && d.role === "lead" && d.accountable).sort((a, b) => a.position - b.position)[0];
      const named = p.reporting_departments === "" ? [] : p.reporting_departments.split("、");
      return table.departments.find((d) => d.is_group && (named.length > 0 ? named.includes(d.name) : d.department_id === first?.department_id)) ?? null;
    };
    // the annex row of a target and the body text it was read from (its item's title or body)
    const policyYear = Number(table.policy.issued_date.slice(0, 4));
    const sourceOf = (t: { row_no: number; body_source: string }) => {
      const task = table.tasks.find((x) => x.row_no === t.row_no);
      const item = table.items.find((i) => i.item_id === task?.item_id);
      return { task, bodyText: (t.body_source === "title" ? item?.title : item?.body_text) ?? "" };
    };
    // a registered share to reach with no baseline (a share may truly start from 0), or a level to come down to with
    // none (only its deadline can judge it): a hint, not a difference
    for (const [needs, hint] of [[needsBaseline, BASELINE_HINT], [needsDownBaseline, DOWN_BASELINE_HINT], [needsStockBaseline, STOCK_BASELINE_HINT]] as const) {
      const withoutBaseline = registry.filter((e) => {
        if (e.status !== "published" || e.baseline !== null) return false;
        const { task, bodyText } = sourceOf(e);
        return needs(e, task, bodyText);
      });
      if (withoutBaseline.length === 0) continue;
      console.log(`  提示 ${withoutBaseline.length} 个已登记的指标未填 baseline——${hint}：`);
      for (const e of withoutBaseline) console.log(`    ${e.code}「${e.subject}」`);
    }
    // a target with no date (each year's count, a recurring duty, in a row of 每年; a count or milestone in a row of
    // 持续推进) of a policy with no end_date: not judged against any schedule until the policy's term is given
    if (!table.policy.end_date) {
      const published = registry.filter((e) => e.status === "published");
      const undated = published.filter((e) => {
        const { task } = sourceOf(e);
        return !e.deadline && termDated({ ...e, measure: e.measure || null, unit: e.unit || null }) &&
          ((task?.deadline_date ?? null) === null || rowDatedBy(e, task, published) !== null);
      });
      if (undated.length > 0) {
        console.log(`  提示 ${undated.length} 个指标没有完成时限（所在行的时限为“每年”“持续推进”等，或未写时限），不对照序时进度判断：` +
          `政策有实施期限的（如“三年行动方案（2021—2023年）”），请在 policy.csv 中加一列 end_date，填写期限的最后一天（如 2023-12-31），这些指标即以它为完成时限（按期计数的，以每期的数乘以期数为目标）：`);
        for (const e of undated) console.log(`    ${e.code}「${e.subject}」${e.frequency ?? ""}`);
      }
    }
    // a date after the policy's term (2019—2021年 in a 2018—2020 plan): a typo in end_date or in the text, or a duty
    // the term does not cover
    const end = table.policy.end_date;
    if (end) {
      const rows = table.tasks.filter((t) => t.deadline_date !== null && t.deadline_date > end);
      const dated = [...registry.filter((e) => e.status === "published"), ...diff.added.map((p) => ({ ...p, code: `附件第 ${p.row_no} 行新提出` }))]
        .filter((e) => e.deadline && e.deadline > end);
      if (rows.length + dated.length > 0) {
        console.log(`  提示 完成时限晚于政策实施期限（policy.csv 的 end_date ${end}）：` +
          [...rows.map((t) => `附件第 ${t.row_no} 行「${t.deadline_text}」${t.deadline_date}`), ...dated.map((e) => `${e.code}「${e.subject}」${e.deadline}`)].join("；") +
          `。请核对 end_date 与原文；如确实跨过实施期限，可不处理（按各自的时限判断）`);
      }
    }
    /** Another target of the row counting the same thing in the same unit, one per period and the other not. */
    const perPeriodTwin = (p: (typeof diff.added)[number]) => p.kind !== "quantity" || p.measure !== "increment" ? null
      : [...diff.added, ...registry.filter((e) => e.status === "published")].find((q) => q !== p && q.row_no === p.row_no && q.kind === "quantity" &&
        q.measure === "increment" && q.subject === p.subject && q.subject !== "" && (q.unit || null) === (p.unit || null) && !!q.frequency !== !!p.frequency) ?? null;
    for (const p of diff.added) {
      const group = p.kind === "quantity" && p.value !== null ? groupLead(p) : null;
      const members = group === null ? 0 : table.groupMembers.filter((m) => m.group_id === group.department_id).length;
      const { task, bodyText } = sourceOf(p);
      // 每个镇（街道）建成1个: a figure per town, said in its clause (每个乡镇建成1个示范村，三年建成精品线5条 says it of
      // the 示范村 only) or by 各镇 opening its sentence (各镇(街道、园区)结合…，培育建设一个以上…), reported as one
      // consolidated figure unless a group reports it
      const sentence = p.annex_text !== "" && p.annex_start !== null ? (task?.content ?? "").slice(0, p.annex_start).split(/[。；;]/).at(-1) ?? "" : "";
      const eachWords = p.kind === "quantity"
        ? /每个?(?:镇|街道|乡镇|行政村|自然村|村|社区|园区)|各(?:镇|街道|乡镇|行政村|村|社区)/.exec(sentence.split(/[，,]/).at(-1) ?? "") ?? /^\s*各(?:镇|街道|乡镇|行政村|村|社区)/.exec(sentence)
        : null;
      const perUnit = group === null && eachWords;
      console.log(`  新提出 附件第 ${p.row_no} 行 ${proposalText(p, task, bodyText, policyYear, { datedBy: rowDatedBy(p, task, proposals), policyEnd: table.policy.end_date, policyDate: table.policy.issued_date })}` +
        // (no subject read: targets.csv requires one, so --write leaves it for the analyst to register)
        (p.subject === "" ? "（未读出计数对象或事项：--write 不写入，请在 targets.csv 中人工登记并填写 subject）" : "") +
        (p.kind === "quantity" && p.measure === null ? "（未能判断是水平值还是增量：请在 targets.csv 的 measure 中填 level（累计总数、达到的水平）或 increment（自起算以来新增的数），并在 note 中写明“人工更正”，此后 --check 不再把它列为变化）" : "") +
        (perUnit ? `（原文按“${perUnit[0]}”计，但将由一个单位报一个合计数，按 ${p.value}${p.unit ?? ""} 判断；如应由各单位分别报送，请在 targets.csv 的 reporting_departments 中填部门组名称或各单位名称）` : "") +
        (group === null ? "" : members === 0
          ? `（由部门组「${group.name}」报送，但 group_members.csv 中还没有列出它的成员单位：请先列出，否则无人报送，构建时会报错）`
          : `（由部门组「${group.name}」报送：其 ${members} 个成员单位各报各的数，每个都按 ${p.value}${p.unit ?? ""} 判断进度${eachWords
            // (各乡镇各创建1个: what the sentence says)
            ? `，与原文“${eachWords[0]}”相符）`
            : `；如原文是全组合计的数，请在 targets.csv 中改写或另行约定，见任务分解表格式）`}`) +
        // (每年安排2000万元，三年累计不少于6000万元: one sum of money, counted twice)
        (perPeriodTwin(p) ? `（同一行另有计数对象与计量单位都相同的${p.frequency ? "累计数" : `按期计数（${perPeriodTwin(p)!.frequency}）`}：两个指标将由同一报送单位报同一个累计数；只需按其中一个判断的，可在 targets.csv 中把另一个的 status 改为 retired）` : ""));
    }
    for (const e of diff.missing) console.log(`  不再提出 ${e.code}（原文中已读不出；编码与登记内容保留，仍按它判断进度：如原文已更正、此指标不再需要，请在 targets.csv 中把 status 改为 retired）：${e.subject}`);
    for (const e of diff.handRegistered) console.log(`  人工登记 ${e.code}（解析器未提出，不计为差异）：${e.subject}`);
    // rows with no target at all, registered or proposed: the pages count them as 无量化指标 (not a difference)
    const withTarget = new Set([...registry.filter((e) => e.status === "published").map((e) => e.row_no), ...diff.added.map((p) => p.row_no)]);
    const bare = table.tasks.filter((t) => !withTarget.has(t.row_no)).sort((a, b) => a.row_no - b.row_no);
    if (bare.length > 0) {
      console.log(`  提示 ${bare.length} 行任务没有指标（原文中未读出数量、节点或常态工作要求；不计为差异）：各页面列为“无量化指标”，不按月报判断进度；原文确有要求而未读出的，可在 targets.csv 中人工登记，见任务分解表格式：`);
      for (const t of bare.slice(0, NOTICE_CAP)) console.log(`    附件第 ${t.row_no} 行「${clip(t.content, 30)}」`);
      if (bare.length > NOTICE_CAP) console.log(`    另有 ${bare.length - NOTICE_CAP} 行`);
    }
    differences += changed.length + diff.added.length + diff.missing.length;
    // (a proposal with no subject cannot be registered: the build requires one)
    // (nor one whose figure OCR split, 5 0公里: a wrong value would hold its code for good)
    const writable = diff.added.filter((p) => p.subject !== "" && (p.kind !== "quantity" || splitDigits(p, sourceOf(p).task, sourceOf(p).bodyText) === null));
    if (values.write && writable.length > 0) {
      const added = registerNew(table.policy.target_prefix, registry, writable, policyYear, (p) => {
        const { task, bodyText } = sourceOf(p);
        return countedFrom(p, task, bodyText, policyYear, table.policy.issued_date);
      });
      writeFileSync(file, registryCsv([...registry, ...added]));
      console.log(`  已追加 ${added.length} 个新编码到 ${file}；运行 luoshi build 后新指标进入仓库`);
    }
  }
  return values.check && differences > 0 ? EXIT.differences : EXIT.ok;
}


async function ingest(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: "string" }, data: { type: "string" }, "dry-run": { type: "boolean" }, json: { type: "boolean" },
      "as-of": { type: "string" }, "rejects-out": { type: "string" }, inbox: { type: "boolean" }, sheet: { type: "string" },
      "received-at": { type: "string" }, schedule: { type: "string" },
    },
  });
  const { accessSync, constants, readFileSync, readdirSync, statSync, mkdirSync, renameSync, rmSync, writeFileSync, existsSync } = await import("node:fs");
  const { basename, dirname, extname, join, resolve } = await import("node:path");
  const { localTimestamp, parseIsoDate, parseReceivedAt, todayIso } = await import("../src/deadline.js");
  const { openWarehouse, openScratchCopy, assertCurrentSchema, WarehouseMissing } = await import("../src/warehouse.js");
  const { acquireWriterLock } = await import("../src/lock.js");
  const { trace } = await import("../src/trace.js");
  const { terminalProgress } = await import("../src/progress.js");
  trace("modules", 0);
  // (trimmed, as --received-at is: a line of a script saved with CRLF ends in a carriage return)
  const asOf = (values["as-of"] ?? todayIso()).trim();
  if (parseIsoDate(asOf) === null) {
    console.error(`--as-of 应为 YYYY-MM-DD，收到：${asOf}`);
    return EXIT.usage;
  }
  const receivedAtOption = values["received-at"] === undefined ? undefined : parseReceivedAt(values["received-at"]);
  if (receivedAtOption === null) {
    console.error(`--received-at 应为 YYYY-MM-DD 或 YYYY-MM-DD HH:MM[:SS]（真实的日期与时刻），收到：${values["received-at"]}。未载入任何文件。`);
    return EXIT.usage;
  }
  const data = dataDir(values.data);
  const inbox = join(data, "inbox");
  // --schedule FILE: a CSV (file,received_at,as_of) of files to load in that order with those receipt times (demo data,
  // replays); checked whole before any file is loaded
  const schedule = new Map<string, { received_at: string; as_of: string }>();
  if (values.schedule) {
    const Papa = (await import("papaparse")).default;
    let text: string;
    try {
      text = readFileSync(values.schedule, "utf8").replace(/^\uFEFF/, "");
    } catch {
      console.error(`--schedule ${values.schedule}：文件不存在或无法读取。未载入任何文件。`);
      return EXIT.usage;
    }
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: "greedy" });
    const problems: string[] = [];
    if (!(parsed.meta.fields ?? []).includes("file")) problems.push("缺少 file 列（表头应为 file,received_at,as_of）");
    parsed.data.forEach((r, i) => {
      const line = `第 ${i + 2} 行`;
      const file = (r.file ?? "").trim();
      const receivedAt = (r.received_at ?? "").trim();
      const received = receivedAt === "" ? "" : parseReceivedAt(receivedAt);
      const rowAsOf = (r.as_of ?? "").trim();
      if (file === "") problems.push(`${line}：file 为空`);
      if (received === null) problems.push(`${line}：received_at 应为 YYYY-MM-DD HH:MM[:SS]，收到：${receivedAt}`);
      if (rowAsOf !== "" && parseIsoDate(rowAsOf) === null) problems.push(`${line}：as_of 应为 YYYY-MM-DD，收到：${rowAsOf}`);
      if (file !== "") schedule.set(resolve(dirname(values.schedule!), file), { received_at: received ?? "", as_of: rowAsOf });
    });
    if (problems.length > 0) {
      console.error(`--schedule ${values.schedule} 有误，未载入任何文件：\n${problems.map((p) => `  ${p}`).join("\n")}`);
      return EXIT.usage;
    }
  }
  // one source of files: named, the inbox, or a schedule
  const sources = [positionals.length > 0 ? "文件名" : null, values.inbox ? "--inbox" : null, values.schedule ? "--schedule" : null].filter((s) => s !== null);
  if (sources.length > 1) {
    console.error(`${sources.join("、")} 不能同时给出：要么列出要载入的文件，要么用 --inbox 载入收件箱，要么用 --schedule 按清单载入。未载入任何文件。`);
    return EXIT.usage;
  }
  const files = values.schedule
    ? [...schedule.keys()]
    : values.inbox
    ? (existsSync(inbox) ? readdirSync(inbox) : [])
        .filter((f) => !f.startsWith(".") && statSync(join(inbox, f)).isFile())
        // (~$…: Excel's lock file of a workbook open in the inbox; the workbook itself is loaded)
        .filter((f) => !(f.startsWith("~$") && statSync(join(inbox, f)).size < 4096 && existsSync(join(inbox, f.slice(2)))))
        .map((f) => ({ path: join(inbox, f), mtime: statSync(join(inbox, f)).mtimeMs }))
        .sort((a, b) => a.mtime - b.mtime || a.path.localeCompare(b.path))
        .map((f) => f.path)
    : positionals;
  if (files.length === 0) {
    console.error(!values.inbox ? "请给出要载入的文件，例如：luoshi ingest 市经信局-2017-10.csv"
      : existsSync(inbox) ? `收件箱 ${inbox} 中没有文件`
      : `收件箱 ${inbox} 不存在：请新建该文件夹，把要载入的文件放进去（或用 --data 指定数据目录）`);
    return values.inbox ? EXIT.ok : EXIT.usage;
  }
  const dryRun = values["dry-run"] ?? false;
  // back-filling old reports: --as-of is the date the rows are checked at, not when the files came in
  if (!dryRun && values["as-of"] !== undefined && receivedAtOption === undefined && !values.schedule && asOf < todayIso()) {
    console.error(`注意：--as-of ${asOf} 只是核对“统计期不得晚于”的日期；本次载入的文件按现在（${localTimestamp().slice(0, 16)}）收到记录，` +
      `按 ${asOf} 等较早日期查看报送情况和进度时看不到它们。补录以前收到的文件，请用 --received-at 写明实际收到的时间（或用 --schedule 逐个写明）。`);
  }
  // a rejects file that cannot be written is found before anything is loaded
  const rejectsOut = values["rejects-out"];
  if (rejectsOut !== undefined) {
    const problem = await outputProblem(rejectsOut, [".xlsx", ".csv"]);
    if (problem !== null) {
      console.error(`--rejects-out ${rejectsOut} 无法写入：${problem}。未载入任何文件。`);
      return EXIT.usage;
    }
  }
  const db = warehousePath(values.db, values.data);
  // a load never creates the warehouse (DuckDB would make an empty one, then judged outdated): luoshi build does
  if (!existsSync(db)) return report(new WarehouseMissing(db));
  // another warehouse than the data folder's, with that folder's archive: the next luoshi build of the folder replays
  // the files into its own warehouse (a trial load into a copy is a --dry-run, or a copy of the data folder too)
  // (said once the warehouse is known not to be another folder's, which refuses the load instead)
  const otherWarehouseNote = !dryRun && values.data === undefined && process.env.LUOSHI_DATA === undefined && db !== resolve(data, "warehouse.duckdb")
    ? `注意：仓库 ${db} 不是数据目录 ${data} 的仓库，但文件仍归档到 ${join(data, "archive")} 并记入 ${join(data, "archive", "manifest.csv")}：` +
      `此后在该数据目录运行 luoshi build，这些文件会重放进它的仓库。只想试载请用 --dry-run；另一套数据请用 --data 给出它的数据目录。`
    : null;
  let t = performance.now();
  const release = dryRun ? () => {} : await acquireWriterLock(db);
  trace("writer lock", t);
  const summaries: import("../src/monthly.js").IngestSummary[] = [];
  // several files tried at once: loaded one after another into a private copy of the warehouse (each then checked
  // after the ones before it, as a real run would check it), which is removed at the end
  const scratch = dryRun && files.length > 1;
  // (the loading code, the largest module, is compiled while DuckDB opens the warehouse on a thread of its own)
  let monthly: typeof import("../src/monthly.js");
  try {
    t = performance.now();
    const opening = scratch ? openScratchCopy(db) : openWarehouse(db, { readOnly: dryRun });
    try {
      monthly = await import("../src/monthly.js");
    } catch (e) {
      await opening.then((w) => w.close(), () => {});
      throw e;
    }
    const opened = await opening;
    const copy = scratch ? (opened as Awaited<ReturnType<typeof openScratchCopy>>) : null;
    const wh = opened;
    const { archiveDir, archivedElsewhere, emptySummary, loadMonthlyFile, storeArchiveFile, syncManifest } = monthly;
    const archiveRoot = copy?.folder ?? data;
    const side = await wh.instance.connect().catch((e: unknown) => {
      wh.close(); // (and the copy with it)
      throw e;
    });
    trace("open", t);
    try {
      t = performance.now();
      await assertCurrentSchema(wh.connection, db);
      // the receipts of the warehouse itself; the copy's later ones are files of this run
      const realReceipts = copy ? Number((await copy.connection.runAndReadAll("SELECT coalesce(max(receipt_no), 0) FROM raw.receipts")).getRowsJS()[0]![0]) : 0;
      // another data folder's warehouse (its files archived there, not here): the manifest written here would list
      // files this folder does not hold, and its next build would fail; the load is refused before anything is written
      if (!dryRun && db !== resolve(data, "warehouse.duckdb")) {
        const foreign = await archivedElsewhere(wh.connection, data);
        if (foreign.length > 0) {
          console.error(`错误：仓库 ${db} 中已载入的 ${foreign.length} 个文件不在数据目录 ${data} 的归档（${archiveDir(data)}）中（如 ${foreign.slice(0, 3).join("、")}），` +
            `它是另一个数据目录的仓库：载入到这里，${join(archiveDir(data), "manifest.csv")} 会记下该目录没有的文件，此后的 luoshi build 将无法重建。` +
            `请用 --data 给出该仓库自己的数据目录；只想试载请用 --dry-run。未载入任何文件。`);
          return EXIT.usage;
        }
      }
      if (otherWarehouseNote !== null) console.error(otherWarehouseNote);
      if (!dryRun) await syncManifest(wh.connection, data);
      trace("schema, manifest", t);
      for (const path of files) {
        const name = basename(path);
        let bytes: Uint8Array;
        try {
          bytes = readFileSync(path);
        } catch {
          summaries.push({ ...emptySummary(name, null), status: "file_rejected", file_error: { code: "E_FILE_MISSING", message: `文件不存在或无法读取：${path}` } });
          continue;
        }
        // a large file: a progress bar on a terminal, one line in a log
        const bar = bytes.length > 5_000_000 ? terminalProgress(process.stderr, name, `正在${dryRun ? "检查" : "载入"} ${name}（${(bytes.length / 1e6).toFixed(1)} MB）…`) : null;
        const planned = schedule.get(path);
        // (now on this machine's clock, as --received-at and --schedule times are written: a file loaded without one
        // and one loaded with one compare as the analyst reads them)
        const receivedAt = planned?.received_at || receivedAtOption || localTimestamp();
        const loaded = await loadMonthlyFile(wh.connection, {
          name, bytes, asOf: planned?.as_of || asOf, receivedAt, archiveName: null, sheet: values.sheet, dryRun: dryRun && !scratch, maxBytes: Number.MAX_SAFE_INTEGER,
          engine: ingestEngine(), sideConnection: side,
          beforeCommit: (sha256) => storeArchiveFile(archiveRoot, bytes, sha256, name),
          sourceFor: (sha256) => join(archiveDir(archiveRoot), storeArchiveFile(archiveRoot, bytes, sha256, name)),
          progress: bar?.report,
        }).finally(() => bar?.done());
        // (a receipt of the private copy is no receipt: a file loaded earlier in this run has none)
        const summary = !scratch ? loaded
          : loaded.status === "loaded" || loaded.status === "partial" ? { ...loaded, status: "dry_run" as const, receipt_no: null }
          : loaded.status === "already_loaded" && (loaded.receipt_no ?? 0) > realReceipts ? { ...loaded, receipt_no: null }
          : loaded;
        t = performance.now();
        if (!dryRun) await syncManifest(wh.connection, data);
        trace("manifest", t);
        summaries.push(summary);
        if (values.inbox && !dryRun) {
          if (summary.status === "file_rejected") {
            mkdirSync(join(inbox, "rejected"), { recursive: true });
            // (a second rejected 市经信局.csv never replaces the first: the department's files are kept, each)
            const ext = extname(name);
            let to = join(inbox, "rejected", name);
            for (let k = 2; existsSync(to); k++) to = join(inbox, "rejected", `${basename(name, ext)}（${k}）${ext}`);
            renameSync(path, to);
          } else rmSync(path);
        }
      }
    } finally {
      t = performance.now();
      side.closeSync();
      wh.close();
      trace("close", t);
    }
  } finally {
    release();
  }
  // written even when nothing was rejected, so that no earlier list at that path is sent back by mistake
  let rejectsOutError: string | null = null;
  if (rejectsOut !== undefined) {
    try {
      writeFileSync(rejectsOut, /\.xlsx$/i.test(rejectsOut) ? monthly!.rejectsXlsx(summaries) : monthly!.rejectsCsv(summaries));
    } catch (e) {
      rejectsOutError = (e as Error).message;
    }
  }
  if (values.json) console.log(JSON.stringify(summaries, null, 2));
  else {
    for (const s of summaries) {
      printSummary(s);
      if (values.sheet !== undefined && s.format === "csv") console.log(`    （--sheet 只适用于 Excel 工作簿，CSV 文件已忽略该选项）`);
    }
    if (summaries.length > 1) printTotals(summaries, dryRun);
  }
  if (rejectsOutError !== null) console.error(`错误：退回文件 ${rejectsOut} 未能写入（${rejectsOutError}）；以上载入结果不受影响，可用 --json 查看被拒绝的行`);
  if (summaries.some((s) => s.status === "file_rejected")) return EXIT.rejected;
  if (summaries.some((s) => s.rejected > 0) || rejectsOutError !== null) return EXIT.differences;
  return EXIT.ok;
}

/** LUOSHI_READER=js|bulk|auto: which reader checks the rows (default auto; see LoadOptions.engine). */
function ingestEngine(): "auto" | "bulk" | "js" {
  const v = process.env.LUOSHI_READER;
  return v === "js" || v === "bulk" ? v : "auto";
}

/** A text on one line of the summary: line breaks shown as ⏎, a long text cut (--json and --rejects-out keep it whole). */
function oneLine(text: string, max: number): string {
  const flat = text.replace(/\r?\n|\r/g, "⏎");
  return flat.length <= max ? flat : `${flat.slice(0, max)}…（共 ${flat.length} 字）`;
}

function printSummary(s: import("../src/monthly.js").IngestSummary): void {
  const kind = [s.format, s.encoding, s.sheet ? `工作表「${s.sheet}」` : null].filter(Boolean).join(" ");
  const head = `${s.file}${s.sha256 ? `（sha256 ${s.sha256.slice(0, 12)}…${kind ? `，${kind}` : ""}）` : ""}`;
  if (s.status === "file_rejected") {
    console.log(`✗ ${head}：整个文件被拒绝，未作任何改动 —— [${s.file_error!.code}] ${s.file_error!.message}`);
    return;
  }
  const otherSheets = () => {
    if (s.other_sheets.length > 0) {
      console.log(`    注意：只读取了工作表「${s.sheet}」${s.sheet_by_month ? "（各工作表按月份命名，读取的是月份最近的一张）" : ""}；` +
        `工作簿中另有含表格的工作表 ${s.other_sheets.map((n) => `「${n}」`).join("、")}，未读取，如需载入请另用 --sheet 指定`);
    }
  };
  if (s.status === "already_loaded") {
    console.log(`= ${head}：${s.receipt_no === null ? "与本次试运行中排在前面的文件" : `与第 ${s.receipt_no} 次载入的文件`}内容相同，未作任何改动${s.rejected > 0 ? `；该文件${s.receipt_no === null ? "在本次试运行中" : "载入时"}有 ${s.rejected} 行被拒绝（如下）` : ""}`);
    if (s.superseded > 0) console.log(`    注意：该文件的 ${s.superseded} 个数此后已被其他文件更正，再次报送同一文件不会恢复它们；如确需恢复，请在文件中注明原因（如在进展情况中写明）后重新报送`);
    otherSheets();
    printRejects(s);
    return;
  }
  const codes = Object.entries(s.rejected_by_code).map(([c, n]) => `${c}×${n}`).join("，");
  console.log(`${s.rejected > 0 ? "!" : "✓"} ${head}${s.status === "dry_run" ? "【试运行，未写入】" : ""}：读取 ${s.rows_read} 行，新增 ${s.imported}，更新 ${s.updated}，未变 ${s.unchanged}，拒绝 ${s.rejected} 行${codes ? `（${codes}）` : ""}，待复核 ${s.flagged}`);
  if (s.status !== "dry_run" && s.rows_read > 0 && s.imported + s.updated + s.unchanged === 0) console.log(`    该文件没有一行被载入：所有行都被拒绝（拒绝原因已保存；更正后请重新报送）`);
  otherSheets();
  if (s.received_before) {
    const { files, keys } = s.received_before;
    const named = files.map((f) => `「${f.file}」（${f.received_at} 收到${files.length > 1 ? `，${f.keys} 个` : ""}）`).join("、");
    console.log(`    注意：本文件收到时间早于此前已载入的${named}，${files.length > 1 ? "与它们共" : "两者"}有 ${keys} 个相同的数（单位、指标、统计期）：` +
      `按载入顺序，现以本文件的数为准（后收到的数记入历史）；如应以后收到的文件为准，请把${files.length > 1 ? "这些文件按收到的先后各" : "它"}另存一份后重新载入`);
  }
  if (s.form_fields.length > 0) console.log(`    表格上方或下方写明、用于每一行：${formFieldsText(s.form_fields.map((f) => ({ ...f, text: f.value })))}`);
  if (s.ignored_columns.length > 0) console.log(`    未识别、未读取的列：${s.ignored_columns.map((c) => `「${c.replace(/\s+/g, " ")}」`).join("、")}`);
  if (s.skipped_rows.length > 0) console.log(`    跳过的行：${skippedRowsText(s.skipped_rows)}`);
  printRejects(s);
  for (const f of s.flags.slice(0, 200)) console.log(`    待复核 第 ${f.row} 行 ${f.code} ${f.department} ${f.period}：${f.reason}`);
  if (s.flags.length > 200) console.log(`    ……另有 ${s.flags.length - 200} 行待复核（用 --json 查看全部）`);
  const later = s.later_falls ?? [];
  for (const l of later.slice(0, 50)) console.log(`    注意 ${l.code} ${l.department}：${l.reason}`);
  if (later.length > 50) console.log(`    ……另有 ${later.length - 50} 个此前已载入的数低于本文件所报的上一期（用 --json 查看全部）`);
}

/** A file's rejected rows, the first 200. */
function printRejects(s: import("../src/monthly.js").IngestSummary): void {
  for (const r of s.rejects.slice(0, 200)) console.log(`    第 ${r.row} 行${r.column ? ` 列「${r.column}」` : ""} [${r.code}] ${oneLine(r.message, 300)}${r.value !== null ? `（原值：${oneLine(JSON.stringify(r.value), 120)}）` : ""}`);
  if (s.rejects.length > 200) console.log(`    ……另有 ${s.rejects.length - 200} 处（用 --json 或 --rejects-out 查看全部）`);
  // (a CSV saved from a sheet whose 报送单位 or 统计期 cells were merged down, or the column left empty: the same words as 报送自查)
  const hint = missingKeyHint(s.rejects, s.rows_read, s.format);
  if (hint !== null) console.log(`    提示：${hint}`);
}

/**
 * After several files: how many were loaded (or checked), already there or rejected whole (named), and the rows in
 * all; the rows rejected include those of files loaded before (listed again, and counted in the exit code).
 */
function printTotals(summaries: import("../src/monthly.js").IngestSummary[], dryRun: boolean): void {
  const count = (status: string) => summaries.filter((s) => s.status === status).length;
  const whole = summaries.filter((s) => s.status === "file_rejected");
  // (a file loaded before changes nothing: its rows are not counted as unchanged again; its rejected rows, listed again,
  // are, and said apart)
  const sum = (key: "imported" | "updated" | "unchanged" | "rejected" | "flagged", of = summaries) => of.reduce((n, s) => n + s[key], 0);
  const fresh = summaries.filter((s) => s.status !== "already_loaded");
  const againRejected = sum("rejected", summaries.filter((s) => s.status === "already_loaded"));
  console.log(
    `共 ${summaries.length} 个文件：${dryRun ? `试运行 ${count("dry_run")} 个` : `载入 ${count("loaded") + count("partial")} 个`}，已载入过 ${count("already_loaded")} 个，整个被拒绝 ${whole.length} 个；` +
      `新增 ${sum("imported", fresh)}，更新 ${sum("updated", fresh)}，未变 ${sum("unchanged", fresh)}，拒绝 ${sum("rejected")} 行${againRejected ? `（其中 ${againRejected} 行属于已载入过的文件）` : ""}，待复核 ${sum("flagged", fresh)}` +
      (whole.length ? `\n整个被拒绝的文件：${whole.map((s) => `${s.file}（${s.file_error!.code}）`).join("、")}` : ""),
  );
}
