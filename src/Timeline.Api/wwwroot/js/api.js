// The page's only way to the server: same-origin GETs of the API's JSON documents, with the reader's key when the
// server wants one. The key lives in this tab's sessionStorage and goes out as "Authorization: Bearer <key>".

const KEY_STORAGE = 'timeline.apiKey';

/** A non-2xx answer, with the ProblemDetails title and detail when the server sent them. */
export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

/** The reader closed the key dialog without giving a key. */
export class KeyCancelled extends Error {
  constructor() {
    super('Reading this Timeline needs an API key.');
  }
}

let askForKey = async () => { throw new KeyCancelled(); };
let onKeyChange = () => {};
let pendingPrompt = null;

/**
 * How to ask for a key: fn(reason) resolves once a key is stored, or rejects with KeyCancelled. reason is 'needed'
 * (the server wants a key and none was sent) or 'rejected' (the key sent was refused).
 */
export function configureKeys({ prompt, changed }) {
  askForKey = prompt;
  onKeyChange = changed ?? onKeyChange;
}

export function storedKey() {
  try {
    return sessionStorage.getItem(KEY_STORAGE);
  } catch {
    return null;
  }
}

export function storeKey(key) {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
  onKeyChange(Boolean(key));
}

function promptOnce(reason) {
  // Requests that fail together share one dialog.
  pendingPrompt ??= Promise.resolve()
    .then(() => askForKey(reason))
    .finally(() => { pendingPrompt = null; });
  return pendingPrompt;
}

/**
 * After a 401 to a request sent with key (or none): asks for a key, unless another request's dialog stored a new one
 * while this request was on its way (then it is simply sent again with that one). A refused key is forgotten.
 */
async function unauthorized(key) {
  const now = storedKey();
  if (now && now !== key) return;
  if (key) storeKey(null);
  await promptOnce(key ? 'rejected' : 'needed');
}

/** GETs a JSON document from the API; on 401 asks for a key (again, if the one sent was refused) and retries. */
export async function getJson(path) {
  for (;;) {
    const key = storedKey();
    const headers = { Accept: 'application/json' };
    if (key) headers.Authorization = `Bearer ${key}`;
    let response;
    try {
      response = await fetch(path, { headers, cache: 'no-store', credentials: 'same-origin' });
    } catch {
      throw new ApiError(0, 'The server cannot be reached', 'check that "timeline serve" is still running, then reload');
    }
    if (response.status === 401) {
      await unauthorized(key);
      continue;
    }
    if (!response.ok) {
      let problem = {};
      try {
        problem = await response.json();
      } catch {
        // not a ProblemDetails body
      }
      throw new ApiError(response.status, problem.title ?? `HTTP ${response.status}`, problem.detail ?? '');
    }
    return response.json();
  }
}


/**
 * Sends a request whose answer the caller reads whatever its status: { status, ok, body, etag }, where body is the
 * parsed JSON (a document, or a ProblemDetails) or null. A 401 asks for a key and retries, as getJson does.
 * headers may carry If-Match; a body that is not a string is sent as JSON.
 */
export async function send(path, { method = 'POST', body = null, headers = {}, contentType = 'application/json' } = {}) {
  for (;;) {
    const key = storedKey();
    const all = { Accept: 'application/json', ...headers };
    if (body != null) all['Content-Type'] = contentType;
    if (key) all.Authorization = `Bearer ${key}`;
    let response;
    try {
      response = await fetch(path, {
        method, headers: all, cache: 'no-store', credentials: 'same-origin',
        body: body == null ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'The server cannot be reached', 'check that "timeline serve" is still running, then try again');
    }
    if (response.status === 401) {
      await unauthorized(key);
      continue;
    }
    let parsed = null;
    try {
      parsed = await response.json();
    } catch {
      // no JSON body
    }
    return { status: response.status, ok: response.ok, body: parsed, etag: response.headers.get('ETag') };
  }
}
