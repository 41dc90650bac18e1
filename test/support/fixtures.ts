import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../../src/paths.js";

export const POLICY = "cixi-2017-75";
export const REAL_DATA = join(PACKAGE_ROOT, "data");

/** A private copy of the curated data/ folder (policies only), to mutate in a test. */
export function copyData(): { data: string; policyDir: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "luoshi-test-"));
  const data = join(dir, "data");
  cpSync(join(REAL_DATA, "policies"), join(data, "policies"), { recursive: true });
  return { data, policyDir: join(data, "policies", POLICY), dir };
}

/** Replaces text in one file of a policy directory; fails the test if the text is not there. */
export function edit(policyDir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(policyDir, file);
  const before = readFileSync(path, "utf8");
  const after = before.replace(from, to);
  if (after === before) throw new Error(`edit: ${String(from)} not found in ${file}`);
  writeFileSync(path, after);
}
