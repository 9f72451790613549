import { ApiProperty } from '@nestjs/swagger';

export class SheetErrorDto {
  @ApiProperty({ example: 3, description: '1-based row of the spreadsheet' }) row: number;
  @ApiProperty({ example: '单价（元）' }) column: string;
  @ApiProperty({ example: 'MONEY.INVALID' }) code: string;
  @ApiProperty({ example: 'row 3, 单价（元）: 单价（元） must be an amount in 元' }) message: string;
  @ApiProperty({ example: '第 3 行「单价（元）」：不是以元为单位、最多两位小数的金额' }) messageZh: string;
}

export class PurchaseImportReportDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'Data rows read' }) rows: number;
  @ApiProperty({ description: 'Purchases planned (a dry run: that would be)' }) planned: number;
  @ApiProperty({ type: [String] }) purchaseIds: string[];
  @ApiProperty({ type: [SheetErrorDto] }) errors: SheetErrorDto[];
}
