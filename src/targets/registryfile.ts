import { readCsv } from "../csv.js";
import { InputRejected } from "../errors.js";
import { targetSchema, type TargetRow } from "../schemas.js";

/** Reads targets.csv as written, every column kept, for appending new codes. */
export function readRegistryFile(path: string): TargetRow[] {
  const { rows, errors } = readCsv(path, path, targetSchema);
  if (errors.length > 0) throw new InputRejected(errors);
  return rows.map((r) => r.data);
}
