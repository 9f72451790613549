import type { LineNote } from './disclosure-document.js';

/** What a section reader found besides its figures; collected into the document's lists. */
export class Findings {
  readonly skipped: LineNote[] = [];
  readonly errors: LineNote[] = [];
  readonly inconsistencies: LineNote[] = [];

  skip(line: number, reason: string): void {
    this.skipped.push({ line, reason });
  }

  error(line: number, reason: string): void {
    this.errors.push({ line, reason });
  }

  inconsistent(line: number, reason: string): void {
    this.inconsistencies.push({ line, reason });
  }
}
