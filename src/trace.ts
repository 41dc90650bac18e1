/** LUOSHI_TRACE=1: the time of each step of a load (luoshi ingest, the bulk reader) on stderr, for profiling. */
const TRACE = process.env.LUOSHI_TRACE === "1";

/** Writes how long `what` took since `since` (performance.now()), when tracing. */
export function trace(what: string, since: number): void {
  if (TRACE) process.stderr.write(`[trace] ${((performance.now() - since) / 1000).toFixed(3)} s (at ${(performance.now() / 1000).toFixed(3)})  ${what.replace(/\s+/g, " ").slice(0, 90)}\n`);
}
