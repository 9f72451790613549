import { z } from 'zod';
import { ASSET_CATEGORY_NAMES } from '../../catalog/index.js';

/* Payload building blocks shared by the register's event definitions. */

/** A disclosure category by its Chinese name, as the tables print it. */
export const category = z.enum(ASSET_CATEGORY_NAMES);

/** Items of a card are whole: "1", "12" (a decimal string, the way quantities travel). */
export const wholeItems = z.string().regex(/^\d+$/, 'a whole number of items');

/** Counts of items in a disclosure figure are JSON integers. */
export const itemCount = z.number().int();
