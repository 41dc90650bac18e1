// 数据字典 page data: every public view with its columns, types and meanings.
import { DICTIONARY } from "../../dist/src/dictionary.js";
import { emitJson } from "../../dist/src/site.js";

await emitJson(async (read) => {
  const columns = await read(`SELECT table_name AS view, column_name AS column, data_type AS type, ordinal_position AS position
    FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`);
  return Object.entries(DICTIONARY).map(([view, doc]) => ({
    view,
    title: doc.title,
    description: doc.description,
    key: doc.key,
    columns: columns.filter((c) => c.view === view).map((c) => ({ column: c.column, type: c.type, description: doc.columns[String(c.column)] ?? "" })),
  }));
});
