import { normalizeName, splitList } from "./text.js";
import type { DepartmentRow } from "./schemas.js";

/** Resolves department mentions through the dictionary: canonical name, full name and aliases. */
export class DepartmentDictionary {
  private readonly byName = new Map<string, DepartmentRow>();
  readonly duplicates: { name: string; codes: [string, string] }[] = [];

  constructor(readonly departments: DepartmentRow[]) {
    for (const d of departments) {
      const names = [d.name, d.full_name, ...splitList(d.aliases)].map(normalizeName).filter((n) => n !== "");
      for (const name of new Set(names)) {
        const existing = this.byName.get(name);
        if (existing && existing.code !== d.code) this.duplicates.push({ name, codes: [existing.code, d.code] });
        else this.byName.set(name, d);
      }
    }
  }

  /** Exact match on a normalised name or alias. */
  lookup(mention: string): DepartmentRow | undefined {
    return this.byName.get(normalizeName(mention));
  }

  /**
   * Resolves one list element. Tries the whole text, then a 和/及 conjunction whose every part resolves
   * ("慈溪高新技术产业开发区和慈溪滨海经济开发区管委会"), then — only when `allowTrailingText` — the longest
   * known name the element starts with, the rest being action text ("市国土资源局做好规划调整").
   */
  resolve(mention: string, allowTrailingText = false): DepartmentRow[] | undefined {
    const name = normalizeName(mention);
    const exact = this.lookup(name);
    if (exact) return [exact];
    const parts = name.split(/[和及]/).filter((p) => p !== "");
    if (parts.length > 1) {
      const resolved = parts.map((p) => this.lookup(p));
      if (resolved.every((d) => d !== undefined)) return resolved as DepartmentRow[];
    }
    if (allowTrailingText) {
      for (let end = name.length - 1; end >= 2; end--) {
        const prefix = this.lookup(name.slice(0, end));
        if (prefix) return [prefix];
      }
    }
    return undefined;
  }
}
