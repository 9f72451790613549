import type { ClassificationTables } from '../domain/classification.js';

/**
 * Classification of 2022 catalog codes for the register: disclosure asset category and default
 * economic line. This is practice, not a published concordance (DESIGN §3), so it lives here as
 * data, read by domain/classification.ts. Rules match a code prefix or a range of equal-length
 * prefixes; the longest match wins; `null` means "deliberately none".
 *
 * Choices beyond DESIGN §3, each a judgement an officer can override on the purchase:
 * - A0504 办公用品 (copy paper, toner, ink, pens, cleaning supplies) is consumable: no asset
 *   category (else the batch rule for 家具用具 would card every box of paper) and 30201 办公费.
 * - 31007 信息网络及软件购置更新 takes equipment that builds the network rather than sits on a desk:
 *   mainframes and servers (A02010101–A02010104), 网络设备 A020102, 信息安全设备 A020103,
 *   存储设备 A020105 (except 移动存储设备 A02010508, an office item), 机房辅助设备 A020106, and
 *   计算机软件 A080603. Desktops, laptops, tablets, terminals and printers stay 31002: 31007's own
 *   definition sends computer hardware that is office equipment to 31002, and the reference budget
 *   (碎纸机 → 31002) follows that.
 * - 土地 A0103 is not a building, so 31099 rather than 31001.
 * - Vehicles: 乘用车 A020305 (轿车, 越野车, 客车…) → 31013; all other A0203 → 31019, as DESIGN says.
 *   专用车辆 used as 执法执勤 or 特种专业技术用车 (警车, 消防车…) are 公务用车 under the 公务用车
 *   rules, so such purchases will often be set to 31013 explicitly.
 * - 30213 维修（护）费 covers repair and upkeep of fixed assets other than vehicles and the
 *   operation and maintenance of information systems: C2312 维修和保养服务 (its vehicle family
 *   C231203 → 30231) and C1607 运行维护服务.
 * - C18040102 财产保险服务 → 30231 because a budget unit's property insurance bought through
 *   procurement is in practice vehicle insurance (the reference budget buys it per 辆).
 * - Works (B) are never carded from the works code; only 房屋施工 B01 has a default line (31001).
 *   Other works (roads, repairs, installation) split between 31001, 31005, 31006 and 30213 by
 *   scale and purpose, which the code alone does not tell.
 * - Services not listed have no default line.
 */
export const CLASSIFICATION_2024: ClassificationTables = {
  source: 'DESIGN §3; 2024 部门预算支出经济分类科目; GB/T 14885-2022 top-level codes',

  assetCategories: [
    { name: '土地', threshold: 'general', batch: false },
    { name: '房屋建筑物及构筑物', threshold: 'general', batch: false },
    { name: '车辆', threshold: 'general', batch: false },
    { name: '通用设备（除车辆）', threshold: 'general', batch: false },
    { name: '专用设备', threshold: 'special_equipment', batch: false },
    { name: '文物和陈列品', threshold: 'general', batch: false },
    { name: '图书档案', threshold: 'general', batch: true },
    { name: '家具用具', threshold: 'general', batch: true },
    { name: '特种动植物', threshold: 'general', batch: false },
    { name: '无形资产', threshold: 'general', batch: false },
  ],

  categoryRules: [
    { match: 'A01', category: '房屋建筑物及构筑物' },
    { match: 'A0103', category: '土地' },
    { match: 'A02', category: '通用设备（除车辆）', why: 'A0201–A0212, and the bare A02000000 设备' },
    { match: 'A0203', category: '车辆' },
    { match: 'A0213..A0247', category: '专用设备' },
    { match: 'A03', category: '文物和陈列品' },
    { match: 'A04', category: '图书档案' },
    { match: 'A05', category: '家具用具' },
    { match: 'A0504', category: null, why: '办公用品 are consumables' },
    { match: 'A06', category: '特种动植物' },
    { match: 'A07', category: null, why: '物资 are consumables' },
    { match: 'A08', category: '无形资产' },
  ],

  lineRules: [
    { match: 'A01', line: '31001' },
    { match: 'A0103', line: '31099', why: 'land is not a building' },
    { match: 'A02', line: '31002', why: '通用设备 A0201–A0212' },
    { match: 'A02010101..A02010104', line: '31007', why: 'mainframes and servers' },
    { match: 'A020102..A020103', line: '31007', why: '网络设备, 信息安全设备' },
    { match: 'A020105..A020106', line: '31007', why: '存储设备, 机房辅助设备' },
    { match: 'A02010508', line: '31002', why: '移动存储设备 is an office item' },
    { match: 'A0203', line: '31019', why: 'vehicles other than passenger cars' },
    { match: 'A020305', line: '31013', why: '乘用车' },
    { match: 'A0213..A0247', line: '31003' },
    { match: 'A03', line: '31021' },
    { match: 'A04', line: '31099' },
    { match: 'A05', line: '31002' },
    { match: 'A0504', line: '30201', why: '办公用品 are 办公费' },
    { match: 'A06', line: '31099' },
    { match: 'A08', line: '31022' },
    { match: 'A080603', line: '31007', why: '计算机软件' },
    { match: 'B01', line: '31001', why: '房屋施工' },
    { match: 'C1607', line: '30213', why: '信息系统运行维护' },
    { match: 'C18040102', line: '30231', why: 'vehicle insurance in practice' },
    { match: 'C2104', line: '30209' },
    { match: 'C230901', line: '30202', why: '印刷服务' },
    { match: 'C2312', line: '30213', why: '维修和保养服务' },
    { match: 'C231203', line: '30231', why: '车辆维修、加油、充换电' },
  ],

  lineNames: {
    '301': '工资福利支出',
    '302': '商品和服务支出',
    '30201': '办公费',
    '30202': '印刷费',
    '30209': '物业管理费',
    '30213': '维修（护）费',
    '30231': '公务用车运行维护费',
    '303': '对个人和家庭的补助',
    '310': '资本性支出',
    '31001': '房屋建筑物购建',
    '31002': '办公设备购置',
    '31003': '专用设备购置',
    '31007': '信息网络及软件购置更新',
    '31013': '公务用车购置',
    '31019': '其他交通工具购置',
    '31021': '文物和陈列品购置',
    '31022': '无形资产购置',
    '31099': '其他资本性支出',
  },
};
