/**
 * How a department name written in a monthly report is matched against the department aliases of the warehouse.
 * Shared by `luoshi ingest` (ingestLookup in src/monthly.ts) and the 报送自查 page (src/ingest/browser.ts), so both
 * resolve the same names.
 */

/** NFKC (full-width brackets and letters → ASCII) with all whitespace removed. */
export const aliasKey = (alias: string): string => alias.normalize("NFKC").replace(/\s+/g, "");

/** Remarks written after a department's name on a signed form: 「市经信局（盖章）」「市经信局(公章)」. */
const SEAL = /\((?:盖章|公章|签章|章|印|盖印|印章)\)$/;
/**
 * Words a department's full name may end with that its aliases leave out: 「浒山街道办事处」「周巷镇人民政府」, in brackets
 * too (「宗汉街道（办事处）」), 街道办 for 街道办事处 (「浒山街道办」), and 镇政府 for 镇人民政府 (「乾元镇政府」).
 */
const OFFICE = /(?:\((?:人民政府|办事处)\)|人民政府|办事处|(?<=街道)办|(?<=[镇乡])政府)$/;

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

/**
 * Which department each name stands for when several policies of the warehouse use one name for different departments
 * (department_identities: 市经信局 of 慈溪 and of 余姚, whose full names differ). Null when no name does: then a name
 * resolved for a target's policy is always that policy's department of that name.
 */
export type DepartmentIdentities = {
  /** `${policy_id}|${canonical name}` → identity_id. */
  names: Record<string, string>;
  /** aliasKey → [identity_id, policy_id] of every department written so, in some policy. */
  aliases: Record<string, [string, string][]>;
  /** Target code → its policy_id. */
  policies: Record<string, string>;
};

/**
 * The identities of `rows` (policy_id, alias, canonical name, identity_id: every alias of every department) for the
 * targets `targets` (code → policy_id), or null when every canonical name is one department in every policy.
 */
export function departmentIdentities(rows: Iterable<readonly [policy: string, alias: string, name: string, identity: string]>, targets: Iterable<readonly [code: string, policy: string]>): DepartmentIdentities | null {
  const names: Record<string, string> = {};
  const aliases: Record<string, [string, string][]> = {};
  const byName = new Map<string, Set<string>>();
  for (const [policy, alias, name, identity] of rows) {
    names[`${policy}|${name}`] = identity;
    const key = aliasKey(alias);
    const list = (aliases[key] ??= []);
    if (!list.some(([i, p]) => i === identity && p === policy)) list.push([identity, policy]);
    let ids = byName.get(name);
    if (ids === undefined) byName.set(name, (ids = new Set()));
    ids.add(identity);
  }
  if (![...byName.values()].some((ids) => ids.size > 1)) return null;
  for (const list of Object.values(aliases)) list.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { names, aliases, policies: Object.fromEntries(targets) };
}

/**
 * The check of a name resolved for a target (E_NOT_REPORTER): null when the name as written stands for the department
 * of that name in the target's policy, else why not (「慈溪市经济和信息化局」 for a target of 余姚's 市经信局: the name is
 * that of the same-named department of another city, whose figures it would overwrite).
 */
export function foreignDepartmentCheck(data: DepartmentIdentities): (written: string, code: string, name: string) => string | null {
  return (written, code, name) => {
    const policy = data.policies[code];
    if (policy === undefined) return null;
    const identity = data.names[`${policy}|${name}`];
    if (identity === undefined) return null;
    for (const key of lookupKeys(written)) {
      const found = data.aliases[key];
      if (found === undefined) continue;
      if (found.some(([i]) => i === identity)) return null;
      const others = [...new Set(found.map(([, p]) => p))].join("、");
      return `「${written}」是政策 ${others} 中的单位，与指标 ${code} 所属政策 ${policy} 的 ${name} 不是同一单位（两者全称不同）：请由 ${policy} 的 ${name} 报送，或检查报送单位名称`;
    }
    return null;
  };
}
