import { NotFoundError, ValidationError } from '../../common/errors/domain-error.js';
import { catalogCodeLevel, parseCatalogCode, significantPrefix } from './catalog-code.js';
import type { CatalogData, CatalogEntry, CatalogNode, CatalogRoot } from './catalog-entry.js';

export interface CatalogSearchResult {
  readonly items: readonly CatalogEntry[];
  readonly total: number;
}

/** Lower is better: an exact code beats a code prefix beats the name matches. */
enum Tier {
  ExactCode,
  CodePrefix,
  ExactName,
  NamePrefix,
  NameContains,
}

const CODE_QUERY = /^[ABC]\d{0,8}$/i;

/**
 * The 政府采购品目分类目录, immutable and held in memory (4,301 rows): lookups are map reads and a
 * search is one linear pass, far below the cost of a database round trip.
 */
export class Catalog {
  readonly source: string;
  private readonly roots = new Map<string, CatalogRoot>();
  private readonly byCode = new Map<string, CatalogEntry>();
  /** In code order, which is also depth-first tree order. */
  private readonly ordered: readonly CatalogEntry[];
  private readonly lowerNames: readonly string[];

  constructor(data: CatalogData) {
    this.source = data.source;
    for (const root of data.roots) this.roots.set(root.code, root);
    this.ordered = [...data.entries].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    for (const entry of this.ordered) {
      if (this.byCode.has(entry.code)) throw new Error(`Catalog data: duplicate code ${entry.code}`);
      this.byCode.set(entry.code, entry);
    }
    // A corrupt data file must stop the service at start, not surface as odd answers later.
    for (const entry of this.ordered) {
      const level = catalogCodeLevel(entry.code);
      if (level === undefined || level !== entry.level) throw new Error(`Catalog data: bad code or level ${entry.code}`);
      const root = this.roots.get(entry.code[0]);
      if (!root || root.type !== entry.type) throw new Error(`Catalog data: ${entry.code} has type ${entry.type}`);
      if (!this.roots.has(entry.parent) && !this.byCode.has(entry.parent)) {
        throw new Error(`Catalog data: ${entry.code} has unknown parent ${entry.parent}`);
      }
    }
    this.lowerNames = this.ordered.map((e) => e.name.toLowerCase());
  }

  get size(): number {
    return this.byCode.size;
  }

  /** All entries in code order. */
  entries(): readonly CatalogEntry[] {
    return this.ordered;
  }

  /** Without validation: undefined for anything that is not a catalog code. */
  find(code: string): CatalogEntry | undefined {
    return this.byCode.get(code);
  }

  /** 400 `CATALOG.MALFORMED_CODE` or 404 `CATALOG.UNKNOWN_CODE`, naming `field`. */
  get(code: unknown, field = 'code'): CatalogEntry {
    const parsed = parseCatalogCode(code, field);
    const entry = this.byCode.get(parsed);
    if (!entry) {
      throw new NotFoundError('CATALOG.UNKNOWN_CODE', `${field} ${parsed} is not in the 2022 procurement catalog`, field);
    }
    return entry;
  }

  /** Root first, ending at the direct parent; the entry itself is not included. */
  parents(code: unknown, field = 'code'): CatalogNode[] {
    const chain: CatalogNode[] = [];
    let parent = this.get(code, field).parent;
    for (;;) {
      const entry = this.byCode.get(parent);
      if (!entry) break;
      chain.push({ code: entry.code, name: entry.name, level: entry.level });
      parent = entry.parent;
    }
    const root = this.roots.get(parent)!;
    chain.push({ code: root.code, name: root.name, level: 0 });
    return chain.reverse();
  }

  /**
   * Codes by prefix and names by substring (case-insensitive for the few Latin names such as
   * `VPN`). Order: exact code, code prefix, exact name, name prefix, name substring; within each,
   * higher level first, then shorter name, then code, so the same query always pages the same way.
   * A full code also matches its descendants (A02020000 → everything under A0202).
   */
  search(q: string | undefined, offset: number, limit: number): CatalogSearchResult {
    if (!Number.isInteger(offset) || offset < 0) throw new ValidationError('CATALOG.BAD_PAGE', 'offset must be an integer ≥ 0', 'offset');
    if (!Number.isInteger(limit) || limit < 1) throw new ValidationError('CATALOG.BAD_PAGE', 'limit must be an integer ≥ 1', 'limit');
    const query = q?.trim() ?? '';
    if (query === '') return { items: this.ordered.slice(offset, offset + limit), total: this.ordered.length };

    const lower = query.toLowerCase();
    const code = CODE_QUERY.test(query) ? query.toUpperCase() : undefined;
    const prefix = code === undefined ? undefined : significantPrefix(code);
    const hits: { entry: CatalogEntry; tier: Tier }[] = [];
    this.ordered.forEach((entry, i) => {
      const tier =
        entry.code === code
          ? Tier.ExactCode
          : prefix !== undefined && entry.code.startsWith(prefix)
            ? Tier.CodePrefix
            : this.lowerNames[i] === lower
              ? Tier.ExactName
              : this.lowerNames[i].startsWith(lower)
                ? Tier.NamePrefix
                : this.lowerNames[i].includes(lower)
                  ? Tier.NameContains
                  : undefined;
      if (tier !== undefined) hits.push({ entry, tier });
    });
    hits.sort(
      (a, b) =>
        a.tier - b.tier ||
        a.entry.level - b.entry.level ||
        a.entry.name.length - b.entry.name.length ||
        (a.entry.code < b.entry.code ? -1 : 1),
    );
    return { items: hits.slice(offset, offset + limit).map((h) => h.entry), total: hits.length };
  }
}
