// The page's live link: follows GET /api/changes (Server-Sent Events) and says when a report lands, so that the page
// can fetch again what it shows. The stream is read with fetch rather than EventSource because EventSource cannot
// send the reader's key ("Authorization: Bearer"); like EventSource, it reconnects after a pause and resumes after the
// last id it saw, so nothing recorded in between is missed.

import { storedKey } from './api.js';

const RETRY_MS = 2000;

/**
 * Starts following the log from now on. onLanded(sequences) is called, at most once per debounceMs, after events
 * arrive, with the sequences that arrived since the last call (empty when what landed is not known).
 * The <html> element's data-live attribute says whether the link is up ("on") or not ("off").
 */
export function followChanges(onLanded, { debounceMs = 200 } = {}) {
  let after = null; // the last sequence seen; null until the server says where the feed starts
  let refusedKey; // the key the server refused (undefined: none refused): wait for another before asking again
  let timer = null;
  let arrived = [];
  let unknown = false;
  const landed = sequence => {
    if (sequence == null) unknown = true;
    else arrived.push(sequence);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const sequences = unknown ? [] : arrived;
      arrived = [];
      unknown = false;
      onLanded(sequences);
    }, debounceMs);
  };
  const onMessage = (id, type) => {
    if (id !== null) after = id;
    if (type !== 'heartbeat') landed(id === null ? null : Number(id));
  };

  (async () => {
    for (let attempt = 0; ; attempt++) {
      const key = storedKey();
      if (refusedKey === undefined || key !== refusedKey) {
        try {
          const headers = { Accept: 'text/event-stream' };
          if (key) headers.Authorization = `Bearer ${key}`;
          const url = after === null ? '/api/changes' : `/api/changes?after=${encodeURIComponent(after)}`;
          const response = await fetch(url, { headers, cache: 'no-store', credentials: 'same-origin' });
          if (response.status === 401 || response.status === 403) {
            refusedKey = key;
          } else if (response.ok && response.body) {
            refusedKey = undefined;
            // A first link that comes up late (after a key was given) may have missed what landed meanwhile.
            if (attempt > 0 && after === null) landed(null);
            document.documentElement.dataset.live = 'on';
            await readMessages(response.body, onMessage);
          }
        } catch {
          // the server went away, or the connection was cut: try again below
        }
        document.documentElement.dataset.live = 'off';
      }
      await new Promise(resolve => setTimeout(resolve, RETRY_MS));
    }
  })();
}

/** Calls onMessage(id, type) for each message of a text/event-stream body, until it ends. */
async function readMessages(body, onMessage) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let id = null;
      let type = 'message';
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') id = text;
        else if (field === 'event') type = text;
      }
      if (block.length > 0) onMessage(id, type);
    }
  }
}
