import { fetchEventSource } from '@microsoft/fetch-event-source';
import { api, authHeaders, type RegisterEvent } from './client';

export type LiveState = 'connecting' | 'live' | 'refused' | 'retrying';

/**
 * Follows GET /events/stream. EventSource cannot send an Authorization header, so the stream is
 * read with fetch (keeping the token out of URLs, logs and history); the library reconnects with
 * Last-Event-ID, which the service resumes from without gaps or repeats. A 401/403 (e.g. a role
 * without feed:read) stops following and says so instead of retrying forever.
 */
export function followEvents(
  filter: { type?: string; department?: string; after?: string },
  onEvent: (event: RegisterEvent) => void,
  onState: (state: LiveState, message?: string) => void = () => {},
): () => void {
  const controller = new AbortController();
  onState('connecting');
  void fetchEventSource(api.eventStreamUrl(filter), {
    headers: authHeaders(),
    signal: controller.signal,
    openWhenHidden: true,
    async onopen(res) {
      if (res.ok) return onState('live');
      const body = (await res.json().catch(() => ({}))) as { message?: string };
      onState('refused', body.message ?? res.statusText);
      throw new RefusedError();
    },
    onmessage(message) {
      if (message.event === 'event' && message.data) onEvent(JSON.parse(message.data) as RegisterEvent);
    },
    onerror(err) {
      if (err instanceof RefusedError) throw err;
      onState('retrying');
      return 2000;
    },
  }).catch(() => {});
  return () => controller.abort();
}

class RefusedError extends Error {}
