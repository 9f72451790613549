// SSE readers in a thread of their own (the sse-fanout scenario starts several), so that parsing
// hundreds of streams is spread over the cores as separate client processes would be, instead of
// queueing behind the bench's own writer. node:http rather than fetch: the web-stream layers of
// fetch cost the client more CPU per chunk than the server spends sending it, and here the
// clients share the server's two cores. Each `event` message's arrival is taken on the shared
// wall clock (timeOrigin + now), comparable with the writer's thread and the database's clock.
import { request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, headers, streams } = workerData;
const receipts = [];
const open = new Set();
let opened = 0;
let stopping = false;

function read() {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`GET ${url} answered ${res.statusCode}`));
      open.add(req);
      if (++opened === streams) parentPort.postMessage({ opened });
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk) => {
        const at = performance.timeOrigin + performance.now();
        buffer += chunk;
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
          const event = JSON.parse(data);
          receipts.push([event.data?.projectCode, at, Date.parse(event.recordedAt)]);
        }
      });
      res.on('end', resolve);
      res.on('error', (error) => (stopping ? resolve() : reject(error)));
    });
    req.on('error', (error) => (stopping ? resolve() : reject(error)));
    req.end();
  });
}

const all = Promise.all(Array.from({ length: streams }, read));
parentPort.on('message', async (message) => {
  if (message === 'count') parentPort.postMessage({ count: receipts.length });
  if (message !== 'stop') return;
  stopping = true;
  for (const req of open) req.destroy();
  await all.catch(() => undefined);
  parentPort.postMessage({ receipts });
});
all.catch((error) => parentPort.postMessage({ error: error.message }));
