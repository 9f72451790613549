/** 货物 / 工程 / 服务: the three roots of the 2022 catalog (A / B / C). */
export type CatalogType = 'goods' | 'works' | 'services';

export type RootCode = 'A' | 'B' | 'C';

export interface CatalogRoot {
  readonly code: RootCode;
  readonly name: string;
  readonly type: CatalogType;
}

/** One row of the catalog; `level` 1–4 follows the code's padding, `parent` is a code or a root letter. */
export interface CatalogEntry {
  readonly code: string;
  readonly name: string;
  readonly level: 1 | 2 | 3 | 4;
  readonly parent: string;
  readonly type: CatalogType;
}

/** The shape of src/catalog/data/catalog-*.json. */
export interface CatalogData {
  readonly source: string;
  readonly roots: readonly CatalogRoot[];
  readonly entries: readonly CatalogEntry[];
}

/** A link in a parent chain; roots are level 0. */
export interface CatalogNode {
  readonly code: string;
  readonly name: string;
  readonly level: number;
}
