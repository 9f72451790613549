import type { Provider } from '@nestjs/common';
import { parseYuan } from '../../common/money/money.js';
import { AppConfig } from '../../config/app-config.js';
import { CapitalizationThresholds } from '../domain/classification.js';

export function thresholdsFromConfig(config: AppConfig): CapitalizationThresholds {
  return new CapitalizationThresholds(
    parseYuan(config.CAPITALIZATION_THRESHOLD, 'CAPITALIZATION_THRESHOLD'),
    parseYuan(config.SPECIAL_EQUIPMENT_CAPITALIZATION_THRESHOLD, 'SPECIAL_EQUIPMENT_CAPITALIZATION_THRESHOLD'),
  );
}

export const capitalizationThresholdsProvider: Provider = {
  provide: CapitalizationThresholds,
  useFactory: thresholdsFromConfig,
  inject: [AppConfig],
};
