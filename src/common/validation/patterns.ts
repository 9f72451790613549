/** Department (预算单位) codes as upstream budget systems issue them, e.g. `731`, `731001`. */
export const DEPARTMENT_CODE = /^[0-9A-Za-z]{1,32}$/;
export const EVENT_TYPE = /^[A-Z][A-Za-z0-9]{1,63}$/;
