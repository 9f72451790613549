/** Department (预算单位) codes as upstream budget systems issue them, e.g. `731`, `731001`. */
export const DEPARTMENT_CODE = /^[0-9A-Za-z]{1,32}$/;
export const EVENT_TYPE = /^[A-Z][A-Za-z0-9]{1,63}$/;
/** Project codes of budget systems: long digit strings in 预算一体化, short codes elsewhere. */
export const PROJECT_CODE = /^[0-9A-Za-z_.-]{1,64}$/;
/** 部门预算支出经济分类: a 3-digit 类 (310) or 5-digit 款 (31002). */
export const ECONOMIC_CODE = /^\d{3}(\d{2})?$/;
