import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { sqlErrorKind, sqlErrorText } from "../src/sqlerrors.js";

// The messages are DuckDB's own, produced here by the queries an analyst might mistype (so a DuckDB upgrade that
// rewords them fails this test instead of leaving English alone on screen).
let instance: DuckDBInstance;
let connection: DuckDBConnection;
const errorOf = async (sql: string): Promise<string> => {
  try {
    await connection.run(sql);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`no error: ${sql}`);
};

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  connection = await instance.connect();
  await connection.run("CREATE TABLE targets (code VARCHAR, value DOUBLE)");
  await connection.run("CREATE VIEW tasks AS SELECT 1 AS row_no");
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

describe("sqlErrorText: a failed luoshi query in Chinese, DuckDB's text kept below", () => {
  it.each([
    ["SELECT * FROM taskz", "没有名为 taskz 的表或视图"],
    ["SELECT foo FROM targets", "没有名为 foo 的列"],
    ["SELECT t.code FROM targets", "没有名为 t 的表（或别名）"],
    ["SELECT code, count(*) FROM targets", "列 code 须出现在 GROUP BY 中或放进聚合函数"],
    ["SELECT lenx(code) FROM targets", "没有名为 lenx 的函数"],
    ["SELEC 1", "SQL 语法错误：在 SELEC 附近"],
    ["SELECT code FROM", "SQL 语法错误：语句不完整"],
    ["SELECT CAST('x' AS INTEGER)", "类型转换失败"],
    ["INSERT INTO tasks VALUES (2)", "tasks 是视图，不能写入"],
    ["DELETE FROM tasks", "视图不能写入（仓库以只读方式打开，query 只能读取；写入请用 luoshi build）"],
    ["SELECT t.foo FROM targets t", "t 中没有名为 foo 的列"],
    ['SELECT "my col" FROM targets', "没有名为 my col 的列"],
    ['SELECT * FROM "my table"', "没有名为 my table 的表或视图"],
  ])("%s → %s", async (sql, kind) => {
    const message = await errorOf(sql);
    expect(sqlErrorKind(message)).toBe(kind);
    const text = sqlErrorText(message);
    expect(text.split("\n")[0]).toMatch(new RegExp(`^SQL 执行失败：${kind.replace(/[()（）]/g, ".")}`));
    expect(text).toContain(`DuckDB 原文：${message}`);
  });

  it("passes DuckDB's suggestion on, and says how to list what can be queried", async () => {
    const text = sqlErrorText(await errorOf("SELECT * FROM taskz"));
    expect(text).toContain("（是否指 tasks？）");
    expect(text).toContain("information_schema.tables WHERE table_schema = 'main'");
    expect(text).toContain("raw.表名");
  });

  it("a read-only warehouse: says that query only reads", () => {
    const message = 'Invalid Input Error: Cannot execute statement of type "CREATE" on database "wh" which is attached in read-only mode!';
    expect(sqlErrorKind(message)).toBe("仓库以只读方式打开：query 只能读取，写入请用 luoshi build");
  });

  it("a file outside the warehouse (luoshi query turns external access off): says query reads the warehouse only", async () => {
    const own = await (await DuckDBInstance.create(":memory:")).connect();
    try {
      await own.run("SET enable_external_access = false");
      let message = "";
      await own.run("COPY (SELECT 1) TO '/tmp/luoshi-should-not-exist.csv'").catch((e: Error) => { message = e.message; });
      expect(sqlErrorKind(message)).toBe("query 只读取仓库中的表和视图，不读写其他文件（COPY … TO、read_csv 等）；导出结果请用 --format csv 并重定向到文件");
    } finally {
      own.closeSync();
    }
  });

  it("an error of no listed kind still starts in Chinese", () => {
    expect(sqlErrorText("Something Else: boom").split("\n")).toEqual(["SQL 执行失败：DuckDB 报告错误", "DuckDB 原文：Something Else: boom"]);
  });
});
