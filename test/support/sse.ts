/** One parsed server-sent event. */
export interface SseMessage {
  id?: string;
  event?: string;
  data: unknown;
}

/**
 * Opens an SSE stream with fetch and collects messages until `until` says stop (or the time
 * runs out), then aborts the connection.
 */
export async function readSse(
  url: string,
  headers: Record<string, string>,
  until: (messages: SseMessage[]) => boolean,
  timeoutMs = 10_000,
): Promise<{ status: number; messages: SseMessage[]; body?: unknown }> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const messages: SseMessage[] = [];
  try {
    const res = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: abort.signal });
    if (!res.ok || !res.body) return { status: res.status, messages, body: await res.json().catch(() => undefined) };
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = res.body.getReader();
    while (!until(messages)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const message: SseMessage = { data: undefined };
        const data: string[] = [];
        for (const line of block.split('\n')) {
          const [field, ...rest] = line.split(':');
          const text = rest.join(':').replace(/^ /, '');
          if (field === 'id') message.id = text;
          else if (field === 'event') message.event = text;
          else if (field === 'data') data.push(text);
        }
        if (data.length) message.data = JSON.parse(data.join('\n'));
        if (message.id !== undefined || data.length) messages.push(message);
      }
    }
    return { status: res.status, messages };
  } catch (error) {
    if (abort.signal.aborted) return { status: 0, messages };
    throw error;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}
