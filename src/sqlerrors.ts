/**
 * DuckDB's error text for a query an analyst typed (luoshi query), in Chinese: what kind of mistake it is and the
 * name it concerns, then DuckDB's own text (its position marker shows where).
 */
const KINDS: { test: RegExp; text: (m: RegExpMatchArray) => string }[] = [
  { test: /^Binder Error: Can only (?:delete from|update|insert into) base table/i, text: () => "视图不能写入（仓库以只读方式打开，query 只能读取；写入请用 luoshi build）" },
  { test: /read-only|Cannot execute statement of type "(INSERT|UPDATE|DELETE|CREATE|DROP|ALTER)"/i, text: () => "仓库以只读方式打开：query 只能读取，写入请用 luoshi build" },
  { test: /^Permission Error: .*(?:file system operations are disabled|disabled by configuration)/i, text: () => "query 只读取仓库中的表和视图，不读写其他文件（COPY … TO、read_csv 等）；导出结果请用 --format csv 并重定向到文件" },
  { test: /^Catalog Error: Table with name (.+?) does not exist!/, text: (m) => `没有名为 ${m[1]} 的表或视图` },
  { test: /^Catalog Error: (?:Scalar |Table )?Function with name (.+?) does not exist!/, text: (m) => `没有名为 ${m[1]} 的函数` },
  { test: /^Catalog Error: (.+?) is not an? table/, text: (m) => `${m[1]} 是视图，不能写入` },
  { test: /^Binder Error: Referenced column "?(.+?)"? not found in FROM clause/, text: (m) => `没有名为 ${m[1]} 的列` },
  { test: /^Binder Error: Table "(.+?)" does not have a column named "(.+?)"/, text: (m) => `${m[1]} 中没有名为 ${m[2]} 的列` },
  { test: /^Binder Error: Referenced table "?(.+?)"? not found!/, text: (m) => `没有名为 ${m[1]} 的表（或别名）` },
  { test: /^Binder Error: column "?(.+?)"? must appear in the GROUP BY clause/, text: (m) => `列 ${m[1]} 须出现在 GROUP BY 中或放进聚合函数` },
  { test: /^Binder Error: No function matches/, text: () => "函数的参数类型不匹配" },
  { test: /^Binder Error:/, text: () => "SQL 引用有误" },
  { test: /Parser Error: syntax error at end of input/, text: () => "SQL 语法错误：语句不完整" },
  { test: /Parser Error: syntax error at or near "([^"]*)"/, text: (m) => `SQL 语法错误：在 ${m[1]} 附近` },
  { test: /Parser Error:/, text: () => "SQL 语法错误" },
  { test: /^Conversion Error:/, text: () => "类型转换失败" },
  { test: /^Out of Range Error:/, text: () => "数值超出范围" },
  { test: /^Invalid Input Error:/, text: () => "输入无效" },
];

/** The Chinese summary of a DuckDB error message (null when it is of no kind listed here), without DuckDB's text. */
export function sqlErrorKind(message: string): string | null {
  for (const kind of KINDS) {
    const m = message.match(kind.test);
    if (m) return kind.text(m);
  }
  return null;
}

/** What luoshi query prints: 「SQL 执行失败：<kind>」, a hint where one helps, then DuckDB's own text. */
export function sqlErrorText(message: string): string {
  const kind = sqlErrorKind(message);
  const suggestion = message.match(/Did you mean "([^"]+)"/)?.[1];
  const lines = [`SQL 执行失败：${kind ?? "DuckDB 报告错误"}${suggestion ? `（是否指 ${suggestion}？）` : ""}`];
  if (/^Catalog Error: Table with name/.test(message)) {
    lines.push("可查询的视图：luoshi query \"SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1\"（raw 模式中的原始表要写 raw.表名）；各列含义见站点的数据字典页");
  }
  lines.push(`DuckDB 原文：${message}`);
  return lines.join("\n");
}
