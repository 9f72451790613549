// SSE readers in a thread of their own (the sse-fanout scenario starts several), so that parsing
// hundreds of streams is spread over the cores as separate client processes would be, instead of
// queueing behind the bench's own writer. Each `event` message's arrival is taken on the shared
// wall clock (timeOrigin + now), comparable with the writer's thread.
import { parentPort, workerData } from 'node:worker_threads';

const { url, headers, streams } = workerData;
const abort = new AbortController();
const receipts = [];
let opened = 0;

async function read() {
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  opened++;
  if (opened === streams) parentPort.postMessage({ opened });
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of res.body) {
      const at = performance.timeOrigin + performance.now();
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
        receipts.push([JSON.parse(data).data?.projectCode, at]);
      }
    }
  } catch (error) {
    if (!abort.signal.aborted) throw error;
  }
}

const all = Promise.all(Array.from({ length: streams }, read));
parentPort.on('message', async (message) => {
  if (message === 'count') parentPort.postMessage({ count: receipts.length });
  if (message !== 'stop') return;
  abort.abort();
  await all.catch(() => undefined);
  parentPort.postMessage({ receipts });
});
all.catch((error) => parentPort.postMessage({ error: error.message }));
