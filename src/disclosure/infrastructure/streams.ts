export const departmentStreamId = (code: string) => `department-${code}`;
export const disclosureStreamId = (department: string, year: number) => `disclosure-${department}-${year}`;
