import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../src/paths.js";
import { copyData, edit } from "./support/fixtures.js";

// Runs the compiled CLI exactly as `npx luoshi` does (npm test compiles first).
const fixture = copyData();
const env = { ...process.env, LUOSHI_DB: join(fixture.dir, "w.duckdb"), LUOSHI_DATA: fixture.data };
const luoshi = (...args: string[]) => spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), ...args], { env, encoding: "utf8" });

describe("luoshi CLI", () => {
  beforeAll(() => {
    const r = luoshi("build");
    expect(r.status, r.stderr).toBe(0);
  });

  it("answers the counts of the document", () => {
    const r = luoshi("query", "select (select count(*) from tasks) as tasks, (select count(*) from items) as items, (select count(*) from chapters) as chapters", "--format", "json");
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ tasks: 39, items: 34, chapters: 10 }]);
  });

  it("--data alone names the warehouse too (DIR/warehouse.duckdb) when neither --db nor LUOSHI_DB is given", () => {
    const fresh = copyData();
    const bare = { ...process.env, LUOSHI_DB: undefined, LUOSHI_DATA: undefined };
    const run = (...args: string[]) => spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), ...args], { env: bare, encoding: "utf8", cwd: fresh.dir });
    expect(run("build", "--data", fresh.data).status).toBe(0);
    expect(existsSync(join(fresh.data, "warehouse.duckdb"))).toBe(true);
    const q = run("query", "select count(*) as n from tasks", "--data", fresh.data, "--format", "csv");
    expect([q.status, q.stdout.trim()]).toEqual([0, "n\r\n39"]);
    const t = run("template", "--data", fresh.data, "--department", "市经信局", "--period", "2017-10", "--format", "csv", "--out", "-");
    expect(t.status, t.stderr).toBe(0);
    expect(t.stdout).toContain("CX75-06-01");
  });

  it("prints a table and CSV", () => {
    expect(luoshi("query", "select name from departments where code = 'jxj'").stdout).toContain("市经信局");
    expect(luoshi("query", "select code, name from departments where code = 'jxj'", "--format", "csv").stdout.trim()).toBe("code,name\r\njxj,市经信局");
  });

  it("reports bad SQL clearly with exit code 2", () => {
    const r = luoshi("query", "select * from no_such_view");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("SQL 执行失败：没有名为 no_such_view 的表或视图");
  });

  it("refuses writes through query, into a table or a view", () => {
    for (const sql of ["delete from raw.tasks", "delete from tasks"]) {
      const r = luoshi("query", sql);
      expect(r.status, sql).toBe(2);
      expect(r.stderr, sql).toContain("只读");
    }
  });

  it("reads nothing but the warehouse: no file written by COPY … TO, none read by read_csv", () => {
    const target = join(mkdtempSync(join(tmpdir(), "luoshi-copy-")), "out.csv");
    const copy = luoshi("query", `copy (select 1) to '${target}'`);
    expect(copy.status).toBe(2);
    expect(copy.stderr).toContain("query 只读取仓库中的表和视图，不读写其他文件");
    expect(existsSync(target)).toBe(false);
    const read = luoshi("query", `select * from read_csv('${join(PACKAGE_ROOT, "package.json")}')`);
    expect(read.status).toBe(2);
    expect(read.stderr).toContain("不读写其他文件");
  });

  it("takes --as-of with a stray carriage return (a line of a CRLF script) as the date it spells", () => {
    const r = luoshi("query", "select strftime(as_of, '%Y-%m-%d') as d from reporting_rules", "--as-of", "2019-01-15\r", "--format", "csv");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe("d\r\n2019-01-15");
  });

  it("takes an impossible --as-of date for a usage error (exit 64), before any SQL", () => {
    for (const date of ["2019-13-01", "2019-02-30", "2019/01/10"]) {
      const r = luoshi("query", "select 1", "--as-of", date);
      expect(r.status, date).toBe(64);
      expect(r.stderr, date).toContain(`--as-of 应为 YYYY-MM-DD 格式的有效日期，收到：${date}`);
    }
  });

  it("rejects a bad table with file, row and column, exit code 2, leaving the warehouse usable", () => {
    const broken = copyData();
    edit(broken.policyDir, "tasks.csv", "市委宣传部,龚激红", "市委外宣办,龚激红");
    const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), "build"], { env: { ...env, LUOSHI_DATA: broken.data }, encoding: "utf8" });
    expect(r.status).toBe(2);
    // (the folder given with LUOSHI_DATA is outside the working directory: named in full)
    expect(r.stderr).toContain(`[E_UNKNOWN_DEPARTMENT] ${join(broken.data, "policies")}/cixi-2017-75/tasks.csv，第 38 行，列「coop_departments」`);
    expect(luoshi("query", "select count(*) n from tasks", "--format", "csv").stdout).toContain("39");
  });

  it.each([
    [["ingest", "--bogus", "x.csv"], "未知的选项：--bogus"],
    [["template", "--sheet", "d", "--department", "市经信局", "--period", "2017-10"], "未知的选项：--sheet"],
    [["query", "select 1", "--format"], "选项 --format 需要一个值"],
    [["build", "extra"], "多余的参数：extra"],
    [["targets", "--check", "--db", "w.duckdb"], "未知的选项：--db（此命令可用的选项见下方说明）；luoshi targets 只读取 data/ 中的任务分解表，不使用仓库，不需要 --db"],
  ])("says in Chinese what is wrong with the command line %j (exit 64)", (args, message) => {
    const r = luoshi(...args);
    expect(r.status).toBe(64);
    expect(r.stderr.split("\n")[0]).toContain(message);
    // then that command's usage, not the whole help (template has its own)
    const command = args[0]!;
    expect(r.stderr).toContain(`luoshi ${command} `);
    expect(r.stderr.match(/^(?:用法：| {2})luoshi (\w+)/gm)!.every((l) => l.endsWith(`luoshi ${command}`))).toBe(true);
  });

  it("prints help in Chinese without loading DuckDB", () => {
    const out = execFileSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), "--help"], { encoding: "utf8" });
    expect(out).toContain("luoshi build");
    expect(out).toContain("退出码");
  });

  it("targets --check says of a new quantity a group leads that each member reports against the whole value", () => {
    const fresh = copyData();
    rmSync(join(fresh.policyDir, "targets.csv"));
    const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), "targets", "--check", "--data", fresh.data], { encoding: "utf8" });
    expect(r.status).toBe(1);
    // row 3: 各镇(街道、园区) build one 1个 each
    // (the sentence counts per town, 各镇…: what each member reporting its own figure means)
    expect(r.stdout).toMatch(/新提出 附件第 3 行 数量指标「智能经济服务中心」：不少于 1个[^\n]*（由部门组「各镇\(街道、园区\)」报送：其 19 个成员单位各报各的数，每个都按 1个 判断进度，与原文“各镇”相符）/);
    expect(r.stdout.match(/由部门组/g)).toHaveLength(1);
    // named after another lead, the group does not report (the first lead does): no such hint
    edit(fresh.policyDir, "tasks.csv", ",各镇(街道、园 区)政府(办事 处、管委会),市经信局,", ",市经信局、各镇(街道、园 区)政府(办事 处、管委会),,");
    const second = spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), "targets", "--check", "--data", fresh.data], { encoding: "utf8" });
    expect(second.stdout).toContain("新提出 附件第 3 行 数量指标「智能经济服务中心」");
    expect(second.stdout).not.toContain("由部门组");
    // the sentence counts per town (各镇…建设一个以上): said, since one consolidated figure will be judged against 1个
    expect(second.stdout).toMatch(/「智能经济服务中心」[^\n]*（原文按“各镇”计，但将由一个单位报一个合计数，按 1个 判断；/);
  });

  it("targets --check says of a count per period beside a total of the same thing (每年新增…200台，累计新增…600台) that both would be reported as one figure", () => {
    const fresh = copyData();
    rmSync(join(fresh.policyDir, "targets.csv"));
    edit(fresh.policyDir, "tasks.csv", "新增工业机器人200台,", "每年新增工业机器人200台,三年累计新增工业机器人600台,");
    const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), "targets", "--check", "--data", fresh.data], { encoding: "utf8" });
    const lines = r.stdout.split("\n").filter((l) => l.includes("「工业机器人」"));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("（同一行另有计数对象与计量单位都相同的累计数：两个指标将由同一报送单位报同一个累计数；");
    expect(lines[1]).toContain("（同一行另有计数对象与计量单位都相同的按期计数（每年）：");
    // (another row's count, or one of another unit, says nothing)
    expect(r.stdout.match(/同一行另有计数对象/g)).toHaveLength(2);
  });

  it("targets --check reads 每个镇 of its own clause only: the group's members reporting a later clause's whole (全市5个) are warned of", () => {
    const fresh = copyData();
    rmSync(join(fresh.policyDir, "targets.csv"));
    edit(fresh.policyDir, "tasks.csv", "各镇(街道、园区)结合区域产业、行业特色,依托区域内重点企业,逐步培育建设一个以上智能经济服务中心", "每个镇(街道、园区)建成1个以上智能经济服务站,三年培育建设智能经济服务中心5个");
    const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), "targets", "--check", "--data", fresh.data], { encoding: "utf8" });
    expect(r.stdout).toMatch(/「智能经济服务站」[^\n]*每个都按 1个 判断进度，与原文“每个镇”相符）/);
    expect(r.stdout).toMatch(/「智能经济服务中心」[^\n]*每个都按 5个 判断进度；如原文是全组合计的数/);
  });

  it("targets --write leaves out a new target with no subject read (累计达到450家。 alone), which the build would refuse, and says so", () => {
    const fresh = copyData();
    edit(fresh.policyDir, "tasks.csv", "\"发挥慈溪滨海经济开发区", "\"累计达到450家。发挥慈溪滨海经济开发区");
    const check = spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), "targets", "--check", "--data", fresh.data], { encoding: "utf8" });
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/新提出 附件第 7 行 数量指标「」[^\n]*（未读出计数对象或事项：--write 不写入，请在 targets\.csv 中人工登记并填写 subject）/);
    const before = readFileSync(join(fresh.policyDir, "targets.csv"), "utf8");
    spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), "targets", "--write", "--data", fresh.data], { encoding: "utf8" });
    expect(readFileSync(join(fresh.policyDir, "targets.csv"), "utf8")).toBe(before);
  });

  it("targets --write leaves out a new count whose digits OCR split (新增污水管网5 0公里: read as 0), so that no wrong value holds a code", () => {
    const fresh = copyData();
    edit(fresh.policyDir, "tasks.csv", "\"发挥慈溪滨海经济开发区", "\"年内新增污水管网5 0公里。发挥慈溪滨海经济开发区");
    const check = spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), "targets", "--check", "--data", fresh.data], { encoding: "utf8" });
    expect(check.stdout).toMatch(/新提出 附件第 7 行 数量指标「[^」]*」[^\n]*数字中间有空格，只读出了最后的 0[^\n]*（--write 不写入此条/);
    const before = readFileSync(join(fresh.policyDir, "targets.csv"), "utf8");
    spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), "targets", "--write", "--data", fresh.data], { encoding: "utf8" });
    expect(readFileSync(join(fresh.policyDir, "targets.csv"), "utf8")).toBe(before);
  });

  it("targets --check lists each new target in Chinese with what a reviewer checks: comparator, level or increase, the deadline it is judged at and its source words", () => {
    const fresh = copyData();
    rmSync(join(fresh.policyDir, "targets.csv"));
    const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), "targets", "--check", "--data", fresh.data], { encoding: "utf8" });
    const lines = r.stdout.split("\n");
    const line = (subject: string) => lines.find((l) => l.includes(`「${subject}」`));
    // (a stock to reach: its starting stock is asked for)
    expect(line("实施智能化(自动化)改造项目的企业")).toBe("  新提出 附件第 6 行 数量指标「实施智能化(自动化)改造项目的企业」：达到 450家（水平值）；时限 2017-12-31（原文“年内”）；附件“…(自动化)改造项目的企业达到450家”；" +
      "存量水平值（总数、人均数）：没有基数时从 0 起算，起算时已有的存量会显得进度超前；请在 targets.csv 的 baseline 中填写起算时的水平（如上年末总数 12 万户；确从 0 起算的填 0，不再提示）");
    // the deadline of the annex row (36: 9月底前) when the text gives none; a milestone is done or not
    expect(line("智能经济发展部门联席会议制度")).toMatch(/^ {2}新提出 附件第 36 行 节点任务「智能经济发展部门联席会议制度」：完成；时限 2017-09-30；附件“…/);
    expect(line("通报智能经济八大工程进展情况")).toContain("常态任务「通报智能经济八大工程进展情况」：每半个月；");
    expect(r.stdout).not.toMatch(/quantity|milestone|recurring|increment/);
    // a data folder without policies: rejected, saying the registry (no warehouse: targets writes none) is unchanged
    const none = spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), "targets", "--check", "--data", join(fresh.dir, "nothing")], { encoding: "utf8" });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("输入被拒绝（共 1 处），targets.csv 未改动：");
  });

  it("targets --check hints at a registered share to reach with no baseline (全覆盖: 100% from 0), without counting it a difference; a baseline of 0 silences it", () => {
    const fresh = copyData();
    const check = () => spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), "targets", "--check", "--data", fresh.data], { encoding: "utf8" });
    let r = check();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("  提示 2 个已登记的指标未填 baseline——百分比水平值：序时进度从 0 起算");
    // (then the stocks to reach, counts and sums, and the one target with no date at all, row 3's 逐步培育 of a row
    // without a date: the policy gives no end_date)
    expect(r.stdout).toContain("  提示 5 个已登记的指标未填 baseline——存量水平值（总数、人均数）：没有基数时从 0 起算");
    expect(r.stdout.split("\n").filter((l) => l.startsWith("    CX75-"))).toEqual(["    CX75-06-03「有条件企业智能化诊断」", "    CX75-33-01「城区重点公共区域无线免费WIFI」",
      "    CX75-06-01「实施智能化(自动化)改造项目的企业」", "    CX75-06-02「规上企业智能改造」", "    CX75-17-02「总规模」", "    CX75-29-02「上云企业」", "    CX75-29-03「标杆上云企业」",
      "    CX75-03-01「智能经济服务中心」"]);
    expect(r.stdout).toContain("  提示 1 个指标没有完成时限（所在行的时限为“每年”“持续推进”等，或未写时限）");
    edit(fresh.policyDir, "targets.csv", /^(CX75-33-01,(?:[^,]*,){16})(,)/m, "$10$2");
    r = check();
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain("CX75-33-01");
    expect(r.stdout).toContain("  提示 1 个已登记的指标未填 baseline");
    expect(r.stdout).toContain("    CX75-06-03「");
  });

  it("targets --check lists a target registered by hand (note 人工登记) apart, not as a difference, and the task rows with no target at all", () => {
    const fresh = copyData();
    const check = () => spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), "targets", "--check", "--data", fresh.data], { encoding: "utf8" });
    let r = check();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("  提示 6 行任务没有指标（原文中未读出数量、节点或常态工作要求；不计为差异）：各页面列为“无量化指标”");
    expect(r.stdout).toContain("    附件第 7 行「发挥慈溪滨海经济开发区和慈溪高新技术产业开发区两大平台的主支…」");
    expect(r.stdout).toContain("    附件第 24 行「推动\"家电物联网云平台\"建设。」");
    // row 7's words, registered by hand as a milestone
    const row = (note: string) => `CX75-07-01,published,7,milestone,,,,,,,,,,两大平台的主支撑作用,,,2017-01-01,,,发挥慈溪滨海经济开发区,0,11,,,,,${note}\n`;
    appendFileSync(join(fresh.policyDir, "targets.csv"), row("人工登记：解析器未提出"));
    r = check();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("不再提出 0；人工登记 1");
    expect(r.stdout).toContain("  人工登记 CX75-07-01（解析器未提出，不计为差异）：两大平台的主支撑作用");
    expect(r.stdout).toContain("  提示 5 行任务没有指标");
    expect(r.stdout).not.toContain("附件第 7 行「");
    // without the note it is a published code the parser no longer proposes: a difference to review
    edit(fresh.policyDir, "targets.csv", "人工登记：解析器未提出", "");
    r = check();
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("  不再提出 CX75-07-01（原文中已读不出；编码与登记内容保留，仍按它判断进度：如原文已更正、此指标不再需要，请在 targets.csv 中把 status 改为 retired）：两大平台的主支撑作用");
  });

  it("says so when a load into another warehouse archives into the data folder of the working directory (a later build replays it there)", () => {
    const own = copyData();
    const bare = { ...process.env, LUOSHI_DB: undefined, LUOSHI_DATA: undefined };
    const run = (...args: string[]) => spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), ...args], { env: bare, cwd: own.dir, encoding: "utf8" });
    expect(run("build").status).toBe(0);
    copyFileSync(join(own.data, "warehouse.duckdb"), join(own.dir, "scratch.duckdb"));
    const file = join(own.dir, "jxj.csv");
    writeFileSync(file, "报送单位,指标编码,统计期,累计完成值\n市经信局,CX75-06-01,2017-10,300\n");
    const r = run("ingest", file, "--db", "scratch.duckdb", "--as-of", "2017-11-10", "--received-at", "2017-11-05 09:00");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`注意：仓库 ${join(own.dir, "scratch.duckdb")} 不是数据目录 ${own.data} 的仓库`);
    // (the manifest named where it is)
    expect(r.stderr).toContain(`记入 ${join(own.data, "archive", "manifest.csv")}`);
    expect(r.stderr).toContain("只想试载请用 --dry-run");
    // the folder's own warehouse, or a dry run: nothing to say
    for (const args of [[file, "--as-of", "2017-11-10", "--received-at", "2017-11-05 09:00"], [file, "--db", "scratch.duckdb", "--dry-run", "--as-of", "2017-11-10"]]) {
      expect(run("ingest", ...args).stderr).not.toContain("不是数据目录");
    }
  });

  it("refuses a load into another data folder's warehouse without that folder's --data: nothing loaded, archived or listed, and both folders still build", () => {
    const [here, there] = [copyData(), copyData()];
    const bare = { ...process.env, LUOSHI_DB: undefined, LUOSHI_DATA: undefined };
    const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), ...args], { env: bare, cwd, encoding: "utf8" });
    expect(run(here.dir, "build").status).toBe(0);
    expect(run(there.dir, "build").status).toBe(0);
    const otherDb = join(there.data, "warehouse.duckdb");
    const first = join(there.dir, "kjj.csv");
    writeFileSync(first, "报送单位,指标编码,统计期,累计完成值\n市经信局,CX75-06-01,2017-10,300\n");
    expect(run(there.dir, "ingest", first, "--as-of", "2017-11-10", "--received-at", "2017-11-05 09:00").status).toBe(0);
    // from the other folder, its warehouse named alone
    const file = join(here.dir, "jxj.csv");
    writeFileSync(file, "报送单位,指标编码,统计期,累计完成值\n市经信局,CX75-06-01,2017-11,310\n");
    const r = run(here.dir, "ingest", file, "--db", otherDb, "--as-of", "2017-12-10", "--received-at", "2017-12-05 09:00");
    expect(r.status, r.stderr).toBe(64);
    expect(r.stderr).toContain(`错误：仓库 ${otherDb} 中已载入的 1 个文件不在数据目录 ${here.data} 的归档`);
    expect(r.stderr).toContain("（如 kjj.csv）");
    expect(r.stderr).toContain("请用 --data 给出该仓库自己的数据目录");
    // (the refusal alone: no note before it that the files will be archived here anyway)
    expect(r.stderr).not.toContain("不是数据目录");
    expect(existsSync(join(here.data, "archive"))).toBe(false);
    expect(run(there.dir, "query", "select count(*) as n from raw.receipts", "--format", "csv").stdout.split(/\r?\n/)).toEqual(["n", "1", ""]);
    // with its own folder named, it loads; a dry run is allowed anywhere
    expect(run(here.dir, "ingest", file, "--db", otherDb, "--dry-run", "--as-of", "2017-12-10").status).toBe(0);
    expect(run(here.dir, "ingest", file, "--db", otherDb, "--data", there.data, "--as-of", "2017-12-10", "--received-at", "2017-12-05 09:00").status).toBe(0);
    expect(run(there.dir, "build").status).toBe(0);
    expect(run(here.dir, "build").status).toBe(0);
  });

  it("prints the help for --help after any command, exit 0", () => {
    for (const command of ["build", "query", "targets", "ingest"]) {
      const r = luoshi(command, "--help");
      expect([command, r.status]).toEqual([command, 0]);
      expect(r.stdout).toContain("luoshi ingest");
    }
  });

  it("takes files named together with --inbox or --schedule for a usage error, loading nothing", () => {
    const r = luoshi("ingest", "--inbox", join(fixture.dir, "a.csv"));
    expect(r.status).toBe(64);
    expect(r.stderr).toContain("文件名、--inbox 不能同时给出");
  });

  it("takes a template --out it cannot write for a usage error in Chinese", () => {
    const missing = luoshi("template", "--department", "市经信局", "--period", "2017-10", "--out", join(fixture.dir, "no-such-folder", "a.xlsx"));
    expect(missing.status).toBe(64);
    expect(missing.stderr).toContain("无法写入：文件夹");
    expect(missing.stderr).toContain("不存在");
    const txt = luoshi("template", "--department", "市经信局", "--period", "2017-10", "--out", join(fixture.dir, "a.txt"));
    expect(txt.status).toBe(64);
    expect(txt.stderr).toContain("只能写成 .xlsx 或 .csv");
  });
});

describe("luoshi serve", () => {
  it("serves a built site with clean URLs on the port asked for, and says what to do when there is none", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { spawn } = await import("node:child_process");
    const dir = mkdtempSync(join(tmpdir(), "luoshi-site-"));
    writeFileSync(join(dir, "index.html"), "<p>总览</p>");
    writeFileSync(join(dir, "progress.html"), "<p>目标进度</p>");
    const child = spawn(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), "serve", "--dir", dir, "--port", "0"], { env });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let err = "";
        child.stderr.on("data", (d) => {
          err += String(d);
          const m = /站点：(http:\/\/127\.0\.0\.1:\d+\/)/.exec(err);
          if (m) resolve(m[1]!);
        });
        child.on("exit", () => reject(new Error(err)));
      });
      const progress = await fetch(`${url}progress`);
      expect(progress.status).toBe(200);
      expect(await progress.text()).toContain("目标进度");
      expect((await fetch(`${url}no-such-page`)).status).toBe(404);
      expect((await fetch(`${url}..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
      // a second server on the same port: told in Chinese that the port is taken, and which to use instead
      const busy = luoshi("serve", "--dir", dir, "--port", new URL(url).port);
      expect(busy.status).toBe(3);
      expect(busy.stderr).toContain(`端口 ${new URL(url).port} 已被占用`);
      expect(busy.stderr).not.toContain("EADDRINUSE");
    } finally {
      child.kill();
    }
    const missing = luoshi("serve", "--dir", join(dir, "nothing"));
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain("npm run site:build");
  });
});
