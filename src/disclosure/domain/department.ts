import { ValidationError } from '../../common/errors/domain-error.js';
import type { DepartmentNamed } from './disclosure.events.js';

export const DEPARTMENT_NAME_MAX = 200;

export type DepartmentState = { readonly name: string | null };
export const NO_DEPARTMENT: DepartmentState = { name: null };

export function evolveDepartment(_state: DepartmentState, event: DepartmentNamed): DepartmentState {
  return { name: event.data.name };
}

/** Naming a department again with the same name is no change (no event). */
export function decideDepartmentName(state: DepartmentState, code: string, rawName: string, field = 'name'): DepartmentNamed[] {
  const name = rawName.trim();
  if (name === '') throw new ValidationError('DEPARTMENT.NAME_REQUIRED', `${field} must not be empty`, field);
  if (name.length > DEPARTMENT_NAME_MAX) {
    throw new ValidationError('DEPARTMENT.NAME_TOO_LONG', `${field} must be at most ${DEPARTMENT_NAME_MAX} characters`, field);
  }
  return state.name === name ? [] : [{ type: 'DepartmentNamed', data: { code, name } }];
}
