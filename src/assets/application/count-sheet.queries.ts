import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/context/command-context.js';
import type { Page } from '../../common/http/page.query.js';
import type { SheetFilter } from '../infrastructure/stocktake.repository.js';
import type { SheetFile, SheetFormat } from './count-sheet-file.js';
import type { SheetLineView } from './count-sheet.view.js';

export class GetCountSheetQuery extends Query<Page<SheetLineView>> {
  constructor(
    readonly stocktakeId: string,
    readonly filter: SheetFilter,
    readonly offset: number,
    readonly limit: number,
    readonly actor: Actor,
    /** The page starts after this 资产编号 (keyset paging). */
    readonly after?: string,
  ) {
    super();
  }
}

export class GetCountSheetFileQuery extends Query<SheetFile> {
  constructor(
    readonly stocktakeId: string,
    readonly filter: SheetFilter,
    readonly format: SheetFormat,
    readonly actor: Actor,
  ) {
    super();
  }
}
