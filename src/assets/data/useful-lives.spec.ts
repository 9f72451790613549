import { describe, expect, it } from '@jest/globals';
import { minimumUsefulLifeMonths } from './useful-lives.js';

describe('minimum useful lives (财会〔2017〕4号)', () => {
  it.each([
    ['通用设备（除车辆）', 'A02010105', 72, 'desktop computer: 计算机设备 6 years'],
    ['车辆', 'A02030501', 96, 'vehicles 8 years'],
    ['通用设备（除车辆）', 'A02050000', 120, 'machinery 10 years'],
    ['专用设备', 'A02320000', 60, 'medical equipment 5–10: the minimum 5'],
    ['专用设备', 'A02170000', 240, 'power equipment 20–30: the minimum 20'],
    ['家具用具', 'A05010000', 180, 'furniture 15'],
    ['家具用具', 'A05020000', 60, 'utensils 5'],
    ['房屋建筑物及构筑物', 'A01010100', 360, 'buildings of unknown structure: 30'],
    ['房屋建筑物及构筑物', 'A01020100', 96, 'structures 8'],
  ] as const)('%s %s → %d months (%s)', (category, code, months, _why) => {
    expect(minimumUsefulLifeMonths(category, code)).toBe(months);
  });

  it.each([
    ['土地', 'A01030000'],
    ['文物和陈列品', 'A03020000'],
    ['图书档案', 'A04010000'],
    ['特种动植物', 'A06010000'],
  ] as const)('%s is not depreciated', (category, code) => {
    expect(minimumUsefulLifeMonths(category, code)).toBeNull();
  });
});
