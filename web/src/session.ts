import { reactive } from 'vue';
import type { Credential } from './api/client';

const KEY = 'register.token';

/**
 * The signed-in credential. The token lives in sessionStorage: it is gone when the tab closes,
 * and never leaves this origin except as the Authorization header of API calls.
 */
export const session = reactive({
  token: sessionStorage.getItem(KEY) ?? '',
  me: null as Credential | null,
});

export function signIn(token: string, me: Credential): void {
  session.token = token;
  session.me = me;
  sessionStorage.setItem(KEY, token);
}

export function signOut(): void {
  session.token = '';
  session.me = null;
  sessionStorage.removeItem(KEY);
}

export const can = (permission: string): boolean => Boolean(session.me?.permissions.includes(permission));

/** Departments the picker offers: the credential's own list; with "*" the user types a code. */
export const departmentChoices = (): string[] => (session.me && session.me.departments !== '*' ? session.me.departments : []);

export const inScope = (dept: string): boolean => session.me?.departments === '*' || Boolean(session.me?.departments.includes(dept));
