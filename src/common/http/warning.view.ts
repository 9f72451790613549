import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import type { Warning } from './amount-warnings.js';

/** A warning of a write that was accepted as sent (amount-warnings.ts adds them). */
export class WarningView implements Warning {
  @ApiProperty({ example: 'AMOUNT_SCALE_SUSPECT' }) code: string;
  @ApiProperty({ example: 'unitPrice' }) field: string;
  @ApiProperty({ example: '0.19 元——金额以元为单位；0.19 万元应为 1900.00 元' }) message: string;
}

/** The optional `warnings` of a write's answer: `@ApiPropertyOptional(WARNINGS) warnings?: WarningView[]`. */
export const WARNINGS: ApiPropertyOptions = {
  type: [WarningView],
  description: 'Present when a money value looks typed in 万元 (AMOUNT_SCALE_SUSPECT); the write was accepted as sent',
};
