// 数据字典 page data: every public view with its columns, types and meanings (their examples the warehouse's own).
import { DICTIONARY } from "../../dist/src/dictionary.js";
import { fillExamples, siteExamples } from "../../dist/src/examples.js";
import { emitJson } from "../../dist/src/site.js";

await emitJson(async (read, connection) => {
  const columns = await read(`SELECT table_name AS view, column_name AS column, data_type AS type, ordinal_position AS position
    FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`);
  const examples = await siteExamples(connection);
  const views = Object.entries(DICTIONARY).map(([view, doc]) => ({
    view,
    title: doc.title,
    description: fillExamples(doc.description, examples),
    key: doc.key,
    columns: columns.filter((c) => c.view === view).map((c) => ({ column: c.column, type: c.type, description: fillExamples(doc.columns[String(c.column)] ?? "", examples) })),
  }));
  return { views, examples };
});
