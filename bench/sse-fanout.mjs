// 500 SSE subscribers on one instance: commit → delivery latency, and the live tail's reads of the
// log (its database load) with 1 subscriber and with all of them, for the same writes.
import { performance } from 'node:perf_hooks';
import { LiveFeed } from '../dist/event-log/application/live-feed.js';

/** Opens one SSE stream; calls `onEvent(data, receivedAt)` per event message until `signal` aborts. */
async function subscribe(url, headers, signal, onEvent, opened) {
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal });
  opened();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of res.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (!block.includes('event: event')) continue;
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trim())
          .join('\n');
        onEvent(JSON.parse(data), performance.now());
      }
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}

/**
 * Runs `writes` appends (one event each) with `subscribers` streams open, spaced so each is a
 * wake-up of its own; returns per-delivery latencies (write request start → event received) and
 * the tail's reads of the log during the writes.
 */
export async function sseFanout({ app, base, token, call, subscribers, writes }) {
  const live = app.get(LiveFeed);
  const head = (await call('GET', '/events?limit=1')).head;
  const abort = new AbortController();
  const started = new Map();
  const latencies = [];
  let delivered = 0;
  let opened = 0;
  const streams = Array.from({ length: subscribers }, () =>
    subscribe(
      `${base}/events/stream?after=${head}&streamPrefix=budget-`,
      { authorization: `Bearer ${token}` },
      abort.signal,
      (event, at) => {
        const t0 = started.get(event.eventId) ?? started.get(`${event.department}/${event.data?.projectCode}`);
        if (t0 !== undefined) latencies.push(at - t0);
        delivered++;
      },
      () => opened++,
    ).catch(() => undefined),
  );
  while (opened < subscribers) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 500)); // let them join the tail
  const readsBefore = live.tailReads;
  for (let i = 0; i < writes; i++) {
    const code = `S${String(i).padStart(4, '0')}`;
    started.set(`899/${code}`, performance.now());
    await call('PUT', `/departments/899/years/2024/projects/${code}`, { name: `扇出${i}`, budget: '1.00' });
    await new Promise((r) => setTimeout(r, 20));
  }
  const deadline = Date.now() + 30_000;
  while (delivered < writes * subscribers && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const reads = live.tailReads - readsBefore;
  abort.abort();
  await Promise.all(streams);
  return { latencies, reads, delivered, expected: writes * subscribers };
}
