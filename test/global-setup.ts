import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A folder private to this test run, where the site is built once for every test file that needs it. */
    siteWorkDir: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "luoshi-run-"));
  project.provide("siteWorkDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
