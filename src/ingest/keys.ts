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

/** A resolver over `aliases` (aliasKey → canonical name): the first key of lookupKeys that is an alias. */
export function departmentResolver(aliases: ReadonlyMap<string, string>): (name: string) => string | null {
  return (name) => {
    for (const key of lookupKeys(name)) {
      const found = aliases.get(key);
      if (found !== undefined) return found;
    }
    return null;
  };
}
