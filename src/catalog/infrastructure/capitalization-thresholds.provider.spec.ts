import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../config/app-config.js';
import { thresholdsFromConfig } from './capitalization-thresholds.provider.js';

describe('capitalization thresholds from configuration', () => {
  it('defaults to 1,000.00 and 1,500.00 元, in fen', () => {
    expect(thresholdsFromConfig(loadConfig({}))).toEqual({ generalFen: 100000n, specialEquipmentFen: 100000n });
  });

  it('reads configured values exactly', () => {
    const custom = thresholdsFromConfig(
      loadConfig({ CAPITALIZATION_THRESHOLD: '2000', SPECIAL_EQUIPMENT_CAPITALIZATION_THRESHOLD: '3000.05' }),
    );
    expect(custom).toEqual({ generalFen: 200000n, specialEquipmentFen: 300005n });
  });
});
