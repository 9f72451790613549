// SSE subscribers on one instance: commit → delivery latency (p99), and the live tail's reads of
// the log (live_tail_reads_total on /metrics) for the same writes with 1 subscriber and with all
// of them: one shared tail per process means the second count does not grow with the first.
import { strictClient } from '../lib/service.mjs';

export const meta = {
  databases: ['postgres'],
  targets: { tailLatencyP99Ms: { text: '≤ 100 ms (500 subscribers)', max: 100 }, sseSubscribers: { text: '500' } },
};

async function tailReads(baseUrl, adminKey) {
  const res = await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${adminKey}` } });
  if (!res.ok) throw new Error(`GET /metrics answered ${res.status}`);
  const text = await res.text();
  const line = text.split('\n').find((l) => l.startsWith('live_tail_reads_total'));
  return line ? Number(line.split(/\s+/).pop()) : NaN;
}

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

/** `writes` appends (one event each), spaced so that each is a wake-up of its own. */
async function fanout({ baseUrl, adminKey, call, subscribers, writes, round }) {
  const head = (await call('GET', '/events?limit=1')).head;
  const abort = new AbortController();
  const started = new Map();
  const latencies = [];
  let delivered = 0;
  let opened = 0;
  const streams = Array.from({ length: subscribers }, () =>
    subscribe(
      `${baseUrl}/events/stream?after=${head}&streamPrefix=budget-898-`,
      { authorization: `Bearer ${adminKey}` },
      abort.signal,
      (event, at) => {
        const t0 = started.get(event.data?.projectCode);
        if (t0 !== undefined) latencies.push(at - t0);
        delivered++;
      },
      () => opened++,
    ).catch(() => undefined),
  );
  while (opened < subscribers) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 500)); // let them join the tail
  const readsBefore = await tailReads(baseUrl, adminKey);
  for (let i = 0; i < writes; i++) {
    const code = `S${round}${String(i).padStart(4, '0')}`;
    started.set(code, performance.now());
    await call('PUT', `/departments/898/years/2024/projects/${code}`, { name: `扇出${i}`, budget: '1.00' });
    await new Promise((r) => setTimeout(r, 20));
  }
  const deadline = Date.now() + 30_000;
  while (delivered < writes * subscribers && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const reads = (await tailReads(baseUrl, adminKey)) - readsBefore;
  abort.abort();
  await Promise.all(streams);
  if (delivered !== writes * subscribers) throw new Error(`SSE delivered ${delivered} of ${writes * subscribers} events`);
  latencies.sort((a, b) => a - b);
  return { p99: latencies[Math.min(latencies.length - 1, Math.floor(0.99 * latencies.length))], reads };
}

export default async function sseFanout({ baseUrl, adminKey, quick, log }) {
  const call = strictClient(baseUrl, adminKey);
  const subscribers = quick ? 100 : 500;
  const writes = quick ? 30 : 100;
  const one = await fanout({ baseUrl, adminKey, call, subscribers: 1, writes, round: 'a' });
  const many = await fanout({ baseUrl, adminKey, call, subscribers, writes, round: 'b' });
  log?.(`live tail reads of the log for ${writes} writes: ${one.reads} with 1 subscriber, ${many.reads} with ${subscribers}`);
  return { tailLatencyP99Ms: Math.round(many.p99 * 10) / 10, sseSubscribers: subscribers };
}
