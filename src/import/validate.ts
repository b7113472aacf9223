// A member file judged by the element's own validator (src/data/members.ts), nothing added.

import { MemberDataError, parseMembers, type DataErrorCode, type Member, type SkippedFeature } from '../data/members.js';
import type { FileErrorCode } from './i18n/messages.js';

export type Verdict =
  | { kind: 'usable'; members: Member[]; skipped: SkippedFeature[]; features: unknown[] }
  | { kind: 'unusable'; code: FileErrorCode | DataErrorCode; message: string; skipped: SkippedFeature[] };

/** Bytes are decoded as the browser decodes a fetched file (`response.text()`: UTF-8, BOM dropped). */
export function judge(bytes: Uint8Array): Verdict {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch {
    return { kind: 'unusable', code: 'invalid-json', message: 'The file is not valid JSON.', skipped: [] };
  }
  try {
    const { members, skipped } = parseMembers(json);
    return { kind: 'usable', members, skipped, features: (json as { features: unknown[] }).features };
  } catch (error) {
    if (!(error instanceof MemberDataError)) throw error;
    return { kind: 'unusable', code: error.code, message: error.message, skipped: error.details.skipped ?? [] };
  }
}

/** The line the element's console warning prints for a skipped feature. */
export const skippedLine = (item: SkippedFeature): string => `features[${item.index}]: ${item.reason}`;
