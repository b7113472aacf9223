import { MemberDataError } from './members.js';

/** Fetches and JSON-parses the member file; every failure becomes a coded `MemberDataError`. */
export async function fetchMemberJson(url: string, signal: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/geo+json, application/json' } });
  } catch (cause) {
    if (signal.aborted) throw cause;
    throw new MemberDataError('network', `The member file ${url} could not be fetched.`, { cause });
  }
  if (response.status === 404) {
    throw new MemberDataError('not-found', `The member file ${url} was not found (404).`, { status: 404 });
  }
  if (!response.ok) {
    throw new MemberDataError('http', `The member file ${url} answered HTTP ${response.status}.`, { status: response.status });
  }
  const body = await response.text();
  try {
    return JSON.parse(body);
  } catch (cause) {
    throw new MemberDataError('invalid-json', `The member file ${url} is not valid JSON.`, { cause });
  }
}
