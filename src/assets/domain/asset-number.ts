/** 资产编号 as the register generates them: `<dept>-<year>-<6-digit sequence>`, e.g. 731-2024-000042. */
export function formatAssetNo(department: string, year: number, sequence: number): string {
  if (sequence > 999_999) throw new RangeError(`Department ${department} has used every number of ${year}`);
  return `${department}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The year and sequence of a number in the generated form of this department; null for any other number. */
export function parseGeneratedAssetNo(department: string, assetNo: string): { year: number; sequence: number } | null {
  const prefix = `${department}-`;
  if (!assetNo.startsWith(prefix)) return null;
  const match = /^(\d{4})-(\d{6})$/.exec(assetNo.slice(prefix.length));
  return match ? { year: Number(match[1]), sequence: Number(match[2]) } : null;
}
