// Holds a warehouse open read-write (and its writer lock) for a while, as a concurrent loader would.
// Usage: node hold-writer.mjs <db> <ms>; prints "ready" once it holds the file.
import { closeSync, openSync, unlinkSync, writeSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";

const [db, ms] = process.argv.slice(2);
const fd = openSync(`${db}.lock`, "wx");
writeSync(fd, String(process.pid));
closeSync(fd);
const instance = await DuckDBInstance.create(db);
const connection = await instance.connect();
process.stdout.write("ready\n");
await new Promise((r) => setTimeout(r, Number(ms)));
connection.closeSync();
instance.closeSync();
unlinkSync(`${db}.lock`);
