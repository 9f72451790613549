/** One stream per department and year: budget reference changes are rare and judged together. */
export const budgetStreamId = (department: string, budgetYear: number) => `budget-${department}-${budgetYear}`;
