// The API has no list of stocktakes yet, so the console remembers the one opened last per
// department (by id; reading it still goes through GET /stocktakes/:id and its access rules).
const key = (dept: string) => `register.stocktake.${dept}`;
export const rememberedStocktake = (dept: string): string | null => localStorage.getItem(key(dept));
export const rememberStocktake = (dept: string, id: string): void => localStorage.setItem(key(dept), id);
