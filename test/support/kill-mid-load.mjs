// Loads a monthly file and dies by SIGKILL inside its transaction, after every row is written but before COMMIT.
// Usage: node kill-mid-load.mjs <db> <data> <file> [js|bulk]
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { openWarehouse } from "../../dist/src/warehouse.js";
import { loadMonthlyFile, storeArchiveFile } from "../../dist/src/monthly.js";

const [db, data, file, engine = "js"] = process.argv.slice(2);
const wh = await openWarehouse(db, { readOnly: false });
const bytes = readFileSync(file);
await loadMonthlyFile(wh.connection, {
  name: basename(file), bytes, asOf: "2018-12-31", receivedAt: "2018-01-01 00:00:00", archiveName: null, engine,
  beforeCommit: (sha) => {
    storeArchiveFile(data, bytes, sha, basename(file));
    process.kill(process.pid, "SIGKILL");
    return null;
  },
});
