import { expect } from '@jest/globals';

/*
 * Decider specifications in the style of emmett's samples:
 *   given([planned]).when(contract).then([contracted])
 *   given([planned, cancelled]).when(contract).thenThrows(ConflictError, 'PURCHASE.ILLEGAL_TRANSITION')
 * Test-only: imports jest, never imported by application code.
 */
export type Decider<State, Command, Event, Context> = {
  decide(state: State, command: Command, context?: Context): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
};

type ErrorClass = abstract new (...args: never[]) => Error;

export function deciderSpecification<State, Command, Event, Context>(decider: Decider<State, Command, Event, Context>) {
  return {
    given(events: Event[]) {
      const state = () => events.reduce(decider.evolve, decider.initialState());
      return {
        when(command: Command, context?: Context) {
          const run = () => decider.decide(state(), command, context);
          return {
            /** The exact events; they must also evolve, or a rebuild could not replay them. */
            then(expected: Event[]): Event[] {
              const produced = run();
              expect(produced).toEqual(expected);
              expect(() => produced.reduce(decider.evolve, state())).not.toThrow();
              return produced;
            },
            thenNothingHappens(): void {
              expect(run()).toEqual([]);
            },
            /** The error class, its stable code, and the field it names (undefined when none). */
            thenThrows(errorClass: ErrorClass, code: string, field?: string): Error & { code: string; field?: string } {
              let caught: unknown;
              try {
                run();
              } catch (error) {
                caught = error;
              }
              expect(caught).toBeInstanceOf(errorClass);
              const error = caught as Error & { code: string; field?: string };
              expect({ code: error.code, field: error.field }).toEqual({ code, field });
              return error;
            },
          };
        },
      };
    },
  };
}
