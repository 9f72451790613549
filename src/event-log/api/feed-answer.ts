import type { Response } from 'express';
import { encodeCursor } from '../domain/feed-cursor.js';
import type { ReadFeedResult } from '../application/read-feed.query.js';

/**
 * A FeedPageView written as it is read: `{"events":[` and the events' JSON as the database
 * produces it, then `],"next":…,"head":…,"lag":…}` once the page is done. The status and headers
 * go with the first events, so an error before them (a bad cursor, a consumer outside the scope)
 * still answers as every error does; one after them can only cut the answer short (the error
 * filter then ends the connection, and the client sees an incomplete body, never a wrong one).
 */
export class FeedAnswer {
  private started = false;

  constructor(private readonly res: Response) {}

  readonly events = (json: Buffer): void => {
    if (json.length === 0) return;
    if (!this.started) {
      this.started = true;
      this.res.status(200).setHeader('Content-Type', 'application/json; charset=utf-8');
      this.res.write('{"events":[');
    }
    this.res.write(json);
  };

  end(page: ReadFeedResult): void {
    const rest = JSON.stringify({
      next: encodeCursor(page.next),
      head: encodeCursor(page.head),
      ...(page.lag !== undefined ? { lag: page.lag } : {}),
    });
    const tail = `],${rest.slice(1)}`;
    if (this.started) this.res.end(tail);
    else this.res.status(200).type('application/json; charset=utf-8').send(`{"events":[${tail}`);
  }
}
