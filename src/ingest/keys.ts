/**
 * How a department name written in a monthly report is matched against the department aliases of the warehouse.
 * Shared by `luoshi ingest` (ingestLookup in src/monthly.ts) and the 报送自查 page (src/ingest/browser.ts), so both
 * resolve the same names.
 */

/** NFKC (full-width brackets and letters → ASCII) with all whitespace removed. */
export const aliasKey = (alias: string): string => alias.normalize("NFKC").replace(/\s+/g, "");

/** Remarks written after a department's name on a signed form: 「市经信局（盖章）」「市经信局(公章)」. */
const SEAL = /\((?:盖章|公章|签章|章)\)$/;
/** Words a department's full name may end with that its aliases leave out: 「浒山街道办事处」「周巷镇人民政府」. */
const OFFICE = /(?:人民政府|办事处)$/;

/**
 * The keys to look a written name up by, in order: the name itself, without a seal remark, then without 人民政府 /
 * 办事处 (only when the shorter name is an alias too, see the resolver).
 */
export function lookupKeys(name: string): string[] {
  const key = aliasKey(name);
  const unsealed = key.replace(SEAL, "");
  const keys = [key];
  if (unsealed !== key && unsealed !== "") keys.push(unsealed);
  const plain = unsealed.replace(OFFICE, "");
  if (plain !== unsealed && plain !== "") keys.push(plain);
  return keys;
}

/**
 * Alias → the canonical names it stands for (aliasKey → names). Several policies share one warehouse, and a name may
 * be one department's own in one policy and another department's alias in the other (市网信办): its own name comes
 * first, then the others in a fixed order, so that every reader of the warehouse resolves it alike.
 */
export function aliasCandidates(rows: Iterable<readonly [alias: string, name: string]>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [alias, name] of rows) {
    const key = aliasKey(alias);
    const list = map.get(key);
    if (list === undefined) map.set(key, [name]);
    else if (!list.includes(name)) list.push(name);
  }
  for (const [key, list] of map) {
    if (list.length > 1) list.sort((a, b) => Number(aliasKey(b) === key) - Number(aliasKey(a) === key) || (a < b ? -1 : a > b ? 1 : 0));
  }
  return map;
}

/**
 * A resolver over `aliases` (aliasCandidates): the first key of lookupKeys that is an alias. When it stands for
 * several departments, the one among `reporters` (the row's target's) when there is one, else the first.
 */
export function departmentResolver(aliases: ReadonlyMap<string, readonly string[]>): (name: string, reporters?: readonly string[]) => string | null {
  return (name, reporters) => {
    for (const key of lookupKeys(name)) {
      const found = aliases.get(key);
      if (found === undefined) continue;
      if (found.length > 1 && reporters !== undefined) return found.find((n) => reporters.includes(n)) ?? found[0]!;
      return found[0]!;
    }
    return null;
  };
}
