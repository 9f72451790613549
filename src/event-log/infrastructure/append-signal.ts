import { Injectable } from '@nestjs/common';

/**
 * Wakes live feed readers in this process as soon as an append commits, so a live tail does
 * not wait for its next poll. Only a hint: readers still read the log itself (other instances
 * append too, and the gap-free rule may hold an event back), and poll when no signal comes.
 */
@Injectable()
export class AppendSignal {
  private waiters = new Set<() => void>();

  notify(): void {
    const waiting = this.waiters;
    this.waiters = new Set();
    for (const wake of waiting) wake();
  }

  /** Resolves on the next commit or after `ms`, whichever comes first; `cancel` resolves it now. */
  next(ms: number): { promise: Promise<void>; cancel: () => void } {
    let wake!: () => void;
    const promise = new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      wake = done;
    });
    this.waiters.add(wake);
    return {
      promise: promise.finally(() => this.waiters.delete(wake)),
      cancel: wake,
    };
  }
}
