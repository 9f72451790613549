import { formatYuan, parseWanYuan } from '../../src/common/money/money.js';
import { api } from './http.js';
import { SEED_BASE, seedBudget } from './seed.js';
import type { TestApp } from './test-app.js';

/**
 * 部门预算一般公共预算财政拨款基本支出表 of the 2024 disclosure of department 731 (the 302 and
 * 310 lines, 万元 as printed), and its 收支总表's 一般公共预算拨款收入.
 */
export const DISCLOSURE_BASIC_LINES: ReadonlyArray<readonly [code: string, name: string, wan: string]> = [
  ['302', '商品和服务支出', '52.47'],
  ['30201', '办公费', '1.62'],
  ['30202', '印刷费', '0.18'],
  ['30205', '水费', '0.25'],
  ['30206', '电费', '0.72'],
  ['30207', '邮电费', '11.33'],
  ['30208', '取暖费', '6.16'],
  ['30211', '差旅费', '2.49'],
  ['30213', '维修(护)费', '0.25'],
  ['30215', '会议费', '0.37'],
  ['30216', '培训费', '0.66'],
  ['30217', '公务接待费', '0.18'],
  ['30228', '工会经费', '3.92'],
  ['30229', '福利费', '2.75'],
  ['30231', '公务用车运行维护费', '1.81'],
  ['30239', '其他交通费用', '14.91'],
  ['30299', '其他商品和服务支出', '4.87'],
  ['310', '资本性支出', '0.19'],
];

export const DISCLOSURE_GENERAL_BUDGET_INCOME = '6686400.00';

/** 万元 as printed → 元 as the API takes it. */
export const wanToYuan = (wan: string) => formatYuan(parseWanYuan(wan, 'wan'));

/**
 * seedBudget (projects, 31002, declared planned asset purchases) plus the 302 lines and 310 of
 * the 基本支出 table and the 一般公共预算拨款 income: the whole reference budget the cross-checks
 * read. 31002 is already set by seedBudget.
 */
export async function seedDisclosureBudget(t: TestApp): Promise<void> {
  await seedBudget(t);
  for (const [code, name, wan] of DISCLOSURE_BASIC_LINES) {
    const amount = wanToYuan(wan);
    await api(t)
      .put(`${SEED_BASE}/budget-lines/${code}`)
      .send({ name, amount, funding: { general_budget: amount } })
      .expect(200);
  }
  await api(t).put(`${SEED_BASE}/income`).send({ general_budget: DISCLOSURE_GENERAL_BUDGET_INCOME }).expect(200);
}
