// The budget the write scenarios plan against: department-years 800…, each with a project large
// enough never to run out and the 31002 line of the item planned.
export const YEAR = 2024;
export const departmentOf = (i, departments) => String(800 + (i % departments));
export const yearPath = (dept) => `/departments/${dept}/years/${YEAR}`;

export const PLAN = {
  projectCode: 'P001',
  itemName: '碎纸机',
  catalogCode: 'A02021301',
  unit: '个',
  quantity: '2',
  unitPrice: '1900.00',
  amount: '3800.00',
  funding: { general_budget: '3800.00' },
};
export const PLAN_JSON = JSON.stringify(PLAN);

/** Registers the project and the budget line of `departments` department-years (idempotent). */
export async function seedDepartments(call, departments, first = 0) {
  for (let d = first; d < first + departments; d++) {
    const base = yearPath(departmentOf(d, 1000));
    await call('PUT', `${base}/projects/P001`, { name: '日常公用经费', budget: '900000000000.00' });
    await call('PUT', `${base}/budget-lines/31002`, { name: '办公设备购置', amount: '1900.00' });
  }
}
