import { DepartmentDictionary } from "./departments.js";
import type { DepartmentRow } from "./schemas.js";
import { normalizePunctuation, splitList } from "./text.js";

export type Role = "lead" | "coop";

/** Role words of a responsibility clause, e.g. "(市经信局牵头，市科技局配合)". */
export const ROLE_WORDS: Record<string, Role> = {
  牵头: "lead",
  落实: "lead",
  负责: "lead",
  主抓: "lead",
  配合: "coop",
  协助: "coop",
  参与: "coop",
};

const ROLE_PATTERN = new RegExp(Object.keys(ROLE_WORDS).join("|"), "g");

export type Mention = { text: string; department: DepartmentRow | null; role: Role; position: number };

/**
 * Parses the responsibility bracket at the end of a body item.
 * Names before a role word take that role; text right after a role word is the duty and is skipped.
 * Names with no role word take `lead` when the bracket has no role word at all ("(市经信局)"),
 * otherwise `coop` (they are named beside explicitly named leads).
 * Unresolvable names come back with `department: null` so the caller reports them.
 */
export function parseResponsibility(text: string, dictionary: DepartmentDictionary): Mention[] {
  const normalized = normalizePunctuation(text);
  const hasRoleWord = new RegExp(ROLE_PATTERN.source).test(normalized);
  const defaultRole: Role = hasRoleWord ? "coop" : "lead";
  const mentions: Mention[] = [];
  const clauses = splitClauses(normalized);
  for (const clause of clauses) {
    let cursor = 0;
    let afterRoleWord = false;
    const take = (segment: string, role: Role) => {
      let rest = segment;
      if (afterRoleWord) {
        // the duty that follows a role word runs to the next list separator
        const sep = rest.search(/[、]/);
        rest = sep === -1 ? "" : rest.slice(sep);
      }
      for (const element of splitList(rest)) {
        const resolved = dictionary.resolve(element, true);
        if (resolved === undefined) mentions.push({ text: element, department: null, role, position: mentions.length + 1 });
        else for (const d of resolved) mentions.push({ text: element, department: d, role, position: mentions.length + 1 });
      }
    };
    for (const match of clause.matchAll(ROLE_PATTERN)) {
      take(clause.slice(cursor, match.index), ROLE_WORDS[match[0]]!);
      cursor = match.index + match[0].length;
      afterRoleWord = true;
    }
    take(clause.slice(cursor), defaultRole);
  }
  return mentions;
}

function splitClauses(text: string): string[] {
  const clauses: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && "，,；;".includes(ch)) {
      clauses.push(current);
      current = "";
    } else current += ch;
  }
  clauses.push(current);
  return clauses.filter((c) => c.trim() !== "");
}
