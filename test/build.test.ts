// Several policies in one warehouse (src/build.ts): each read and checked on its own, ids scoped by policy, and a
// target code meaning one target in the whole warehouse (monthly files name targets by code alone).
import { cpSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildWarehouse, readAllPolicies } from "../src/build.js";
import { InputRejected } from "../src/errors.js";
import { openWarehouse, query } from "../src/warehouse.js";
import { copyData, edit, POLICY } from "./support/fixtures.js";

/** data/ with a second policy, a copy of the first under another id (and, unless `prefix` is null, another prefix). */
function twoPolicies(prefix: string | null) {
  const f = copyData();
  const second = join(f.data, "policies", "copy-2018-01");
  cpSync(f.policyDir, second, { recursive: true });
  edit(second, "policy.csv", `\n${POLICY},`, "\ncopy-2018-01,");
  if (prefix !== null) {
    edit(second, "policy.csv", ",CX75,", `,${prefix},`);
    edit(second, "targets.csv", /CX75-/g, `${prefix}-`);
  }
  return f;
}

describe("several policies", () => {
  it("rejects a target prefix already used by another policy, naming both", () => {
    const { errors } = readAllPolicies(twoPolicies(null).data);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "E_DUPLICATE_ID", column: "target_prefix", value: "CX75" });
    expect(errors[0]!.message).toContain(POLICY);
    expect(errors[0]!.file).toContain("copy-2018-01");
  });

  it("builds both, each id scoped by its policy, and numbers discrepancies per policy", async () => {
    const f = twoPolicies("CX76");
    const db = join(f.dir, "w.duckdb");
    await buildWarehouse({ data: f.data, db });
    const wh = await openWarehouse(db, { readOnly: true });
    try {
      const sql = async (text: string) => (await query(wh.connection, text)).rows;
      expect(await sql("SELECT policy_id, count(*) AS tasks FROM tasks GROUP BY 1 ORDER BY 1")).toEqual([
        { policy_id: POLICY, tasks: 39 },
        { policy_id: "copy-2018-01", tasks: 39 },
      ]);
      expect(await sql("SELECT count(*) AS n FROM targets WHERE NOT starts_with(target_id, policy_id || '.')")).toEqual([{ n: 0 }]);
      const firsts = await sql("SELECT policy_id, min(discrepancy_id) AS first FROM discrepancies GROUP BY 1 ORDER BY 1");
      expect(firsts).toEqual([
        { policy_id: POLICY, first: `${POLICY}.d001` },
        { policy_id: "copy-2018-01", first: "copy-2018-01.d001" },
      ]);
    } finally {
      wh.close();
    }
  });

  it("a build with a shared prefix throws InputRejected before touching the warehouse", async () => {
    const f = twoPolicies(null);
    await expect(buildWarehouse({ data: f.data, db: join(f.dir, "w.duckdb") })).rejects.toBeInstanceOf(InputRejected);
  });
});
