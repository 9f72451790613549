const PREFIX = 'cross-checks-';

/** One stream per department and year: its findings are judged together. */
export const crossCheckStreamId = (department: string, budgetYear: number) => `${PREFIX}${department}-${budgetYear}`;
export const isCrossCheckStream = (streamId: string) => streamId.startsWith(PREFIX);
