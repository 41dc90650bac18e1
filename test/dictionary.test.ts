import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DICTIONARY } from "../src/dictionary.js";
import { buildWarehouse } from "../src/build.js";
import { openWarehouse, query } from "../src/warehouse.js";
import { copyData } from "./support/fixtures.js";

describe("the data dictionary is the contract", () => {
  const fixture = copyData();
  const db = join(fixture.dir, "w.duckdb");
  let columns: { view: string; column: string }[] = [];
  /** Rows of each view that documents no key (the site writes of such a view that it is one row of settings). */
  const keylessRows: Record<string, number> = {};
  beforeAll(async () => {
    await buildWarehouse({ data: fixture.data, db });
    const wh = await openWarehouse(db);
    columns = (await query(wh.connection, "SELECT table_name AS view, column_name AS column FROM information_schema.columns WHERE table_schema = 'main'")).rows as typeof columns;
    for (const [view, doc] of Object.entries(DICTIONARY)) {
      if (doc.key.length === 0) keylessRows[view] = Number((await query(wh.connection, `SELECT count(*) AS n FROM "${view}"`)).rows[0]!.n);
    }
    wh.close();
  });

  it("documents every public view", () => {
    expect([...new Set(columns.map((c) => c.view))].sort()).toEqual(Object.keys(DICTIONARY).sort());
  });

  it("documents every column of every view, and nothing that is not there", () => {
    for (const [view, doc] of Object.entries(DICTIONARY)) {
      const actual = columns.filter((c) => c.view === view).map((c) => c.column).sort();
      expect({ view, columns: Object.keys(doc.columns).sort() }).toEqual({ view, columns: actual });
      expect(doc.key.every((k) => actual.includes(k))).toBe(true);
    }
  });

  it("a view with no key is a single row of settings", () => {
    expect(Object.keys(keylessRows).length).toBeGreaterThan(0);
    for (const [view, n] of Object.entries(keylessRows)) expect({ view, n }).toEqual({ view, n: 1 });
  });
});
