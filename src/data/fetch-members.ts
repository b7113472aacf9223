import { nextTask, sliceDue, startSlice } from '../next-task.js';
import { MemberDataError } from './members.js';

export interface FetchLimits {
  /** The whole request, body included, must finish within this time. */
  timeoutMs: number;
  /** Larger files are refused before they are parsed, instead of freezing the tab. */
  maxBytes: number;
}

/** Fetches the member file's text; every failure becomes a coded `MemberDataError`. */
export async function fetchMemberText(url: string, signal: AbortSignal, limits: FetchLimits): Promise<string> {
  const request = new AbortController();
  const stop = () => request.abort();
  signal.addEventListener('abort', stop);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    request.abort();
  }, limits.timeoutMs);
  try {
    return await fetchText(url, request.signal, limits.maxBytes);
  } catch (cause) {
    if (cause instanceof MemberDataError || signal.aborted) throw cause;
    if (timedOut) {
      const message = `The member file ${url} did not arrive within ${limits.timeoutMs} ms.`;
      throw new MemberDataError('timeout', message, { cause, limit: limits.timeoutMs });
    }
    throw new MemberDataError('network', `The member file ${url} could not be fetched.`, { cause });
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
}

async function fetchText(url: string, signal: AbortSignal, maxBytes: number): Promise<string> {
  const response = await fetch(url, { signal, headers: { Accept: 'application/geo+json, application/json' } });
  startSlice(); // the response's headers begin a task
  if (response.status === 404) {
    throw new MemberDataError('not-found', `The member file ${url} was not found (404).`, { status: 404 });
  }
  if (!response.ok) {
    throw new MemberDataError('http', `The member file ${url} answered HTTP ${response.status}.`, { status: response.status });
  }
  const tooLarge = () =>
    new MemberDataError('too-large', `The member file ${url} is larger than ${maxBytes} bytes.`, { limit: maxBytes });
  const declared = response.headers.get('Content-Length');
  if (Number(declared) > maxBytes) throw tooLarge();
  if (!response.body) return response.text();
  // Read chunk by chunk and counted: a server may send no Content-Length, or a wrong one. When the
  // file has arrived before it is read, every read answers at once (a microtask), so the loop would
  // decode the whole file in one task; it steps aside for the page every few milliseconds.
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let received = 0;
  for (;;) {
    if (sliceDue()) await nextTask();
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}
