import { DepartmentParams } from '../../common/http/department-year.params.js';
import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow } from '../../common/auth/access.decorator.js';
import type { Actor, CommandContext } from '../../common/context/command-context.js';
import { CurrentActor } from '../../common/http/actor.decorator.js';
import { Ctx } from '../../common/http/command-context.decorator.js';
import { parseIfMatch } from '../../common/http/if-match.js';
import { ChangeAssetDetailsCommand, DisposeAssetCommand, MoveAssetCommand, RegisterAssetCommand } from '../application/asset.commands.js';
import { type AssetDepreciatedView, GetAssetQuery, ListAssetsQuery, type AssetPage } from '../application/asset.queries.js';
import { AsOfQueryDto } from './dto/depreciation.dto.js';
import type { AssetView } from '../application/asset.view.js';
import { AssetDepreciatedView as AssetDepreciatedDoc, AssetPage as AssetPageDoc, AssetView as AssetDoc } from './dto/asset.view.js';
import { RegisterImportView as RegisterImportDoc } from './dto/holdings.view.js';
import { parseCategory } from '../domain/asset-category.js';
import { parseDisposalMethod } from '../domain/asset-vocabulary.js';
import { detailsInput, registerInput } from './asset-input.js';
import { ImportRegisterCommand, type RegisterImportView } from '../application/import-register.command.js';
import { uploadedFile } from './upload-body.js';
import { AssetIdParams, ImportQueryDto, ListAssetsQueryDto } from './dto/asset.params.js';
import { ChangeAssetDetailsRequest, DisposeAssetRequest, MoveAssetRequest, RegisterAssetRequest } from './dto/asset.requests.js';

const REJECTED = '`field` names the input and the rule; nothing was written';

@ApiTags('assets')
@Controller()
export class AssetController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('departments/:dept/assets')
  @Allow('assets:write')
  @ApiOperation({ summary: 'Register an asset card (资产卡片) by hand; the category follows from the catalog code' })
  @ApiCreatedResponse({ type: AssetDoc, description: 'The card' })
  @ApiConflictResponse({ description: 'The 资产编号 is taken' })
  @ApiBadRequestResponse({ description: REJECTED })
  register(@Param() p: DepartmentParams, @Body() body: RegisterAssetRequest, @Ctx() ctx: CommandContext): Promise<AssetView> {
    return this.commands.execute(new RegisterAssetCommand(p.dept, registerInput(body), ctx));
  }

  @Post('departments/:dept/assets/import')
  @HttpCode(200)
  @Allow('assets:write')
  @ApiOperation({
    summary: 'Import an existing card register (csv or xlsx, up to 200 MB): all or nothing, every bad cell named by row and column',
    description:
      'Columns by Chinese header (资产编号, 资产名称, 资产分类代码, 数量, 计量单位, 原值, 取得日期, 取得方式, 财务入账日期, 会计凭证号, ' +
      '使用部门, 存放地点, 使用人, 品牌, 规格型号, 使用状况, 资金来源, 累计折旧) or English alias. The same file again writes nothing.',
  })
  @ApiConsumes('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: RegisterImportDoc, description: 'What was imported (or, with dryRun, would be)' })
  @ApiBadRequestResponse({ description: '`details.problems` lists every bad cell: { row, column, code, message }; nothing was written' })
  async importRegister(
    @Param() p: DepartmentParams,
    @Query() q: ImportQueryDto,
    @Req() req: Request,
    @Ctx() ctx: CommandContext,
  ): Promise<RegisterImportView> {
    const content = await uploadedFile(req);
    return this.commands.execute(new ImportRegisterCommand(p.dept, content, q.dryRun === 'true', ctx));
  }

  @Get('departments/:dept/assets')
  @Allow('assets:read')
  @ApiOperation({ summary: 'Asset cards of a department, filtered (category, status, name or code) and paged' })
  @ApiOkResponse({ type: AssetPageDoc })
  list(@Param() p: DepartmentParams, @Query() q: ListAssetsQueryDto): Promise<AssetPage> {
    const filter = {
      category: q.category === undefined ? undefined : parseCategory(q.category, 'category'),
      status: q.status,
      q: q.q?.trim() || undefined,
      assetNo: q.assetNo?.trim() || undefined,
    };
    return this.queries.execute(new ListAssetsQuery(p.dept, filter, q.offset, q.limit));
  }

  @Get('assets/:id')
  @Allow('assets:read')
  @ApiOperation({ summary: 'An asset card, with its useful life, 累计折旧 and 净值 as of `asOf` (default today)' })
  @ApiOkResponse({ type: AssetDepreciatedDoc })
  @ApiBadRequestResponse({ description: '`field` asOf: not a real date' })
  @ApiNotFoundResponse()
  get(@Param() p: AssetIdParams, @Query() q: AsOfQueryDto, @CurrentActor() actor: Actor): Promise<AssetDepreciatedView> {
    return this.queries.execute(new GetAssetQuery(p.id, actor, q.asOf));
  }

  @Patch('assets/:id')
  @Allow('assets:write')
  @ApiOperation({ summary: "Change a card's details (name, unit, brand, model, using department, finance entry, voucher, usage)" })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The card `version` the change was decided on; a stale one is a 409. Absent: the current version.',
  })
  @ApiOkResponse({ type: AssetDoc, description: 'The card' })
  @ApiBadRequestResponse({ description: REJECTED })
  @ApiConflictResponse({ description: 'Stale If-Match version, or the asset was disposed of' })
  changeDetails(
    @Param() p: AssetIdParams,
    @Body() body: ChangeAssetDetailsRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: CommandContext,
  ): Promise<AssetView> {
    return this.commands.execute(new ChangeAssetDetailsCommand(detailsInput(p.id, body), parseIfMatch(ifMatch), ctx));
  }

  @Post('assets/:id/dispose')
  @HttpCode(200)
  @Allow('assets:write')
  @ApiOperation({ summary: 'Dispose of an asset (处置): it leaves the holdings from disposedOn' })
  @ApiOkResponse({ type: AssetDoc })
  @ApiBadRequestResponse({ description: REJECTED })
  @ApiConflictResponse({ description: 'Already disposed of' })
  dispose(@Param() p: AssetIdParams, @Body() body: DisposeAssetRequest, @Ctx() ctx: CommandContext): Promise<AssetView> {
    const data = { assetId: p.id, disposedOn: body.disposedOn, method: parseDisposalMethod(body.method), reason: body.reason };
    return this.commands.execute(new DisposeAssetCommand(data, ctx));
  }

  @Post('assets/:id/move')
  @HttpCode(200)
  @Allow('assets:write')
  @ApiOperation({ summary: 'Change where an asset is or who keeps it' })
  @ApiOkResponse({ type: AssetDoc })
  @ApiConflictResponse({ description: 'The asset was disposed of' })
  move(@Param() p: AssetIdParams, @Body() body: MoveAssetRequest, @Ctx() ctx: CommandContext): Promise<AssetView> {
    const data = { assetId: p.id, location: body.location, custodian: body.custodian };
    return this.commands.execute(new MoveAssetCommand(data, ctx));
  }
}
