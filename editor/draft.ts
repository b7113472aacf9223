// The unsaved sheet, kept in this browser only (localStorage), so that a reload loses nothing.
import type { Sheet } from './sheet-model.js';

const KEY = 'member-map-editor-draft';

export interface Draft {
  sheet: Sheet;
  savedAt: number;
}

export function loadDraft(): Draft | undefined {
  try {
    const draft = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Draft | null;
    return draft && Array.isArray(draft.sheet?.rows) && Array.isArray(draft.sheet.header) ? draft : undefined;
  } catch {
    return undefined; // storage blocked or a draft from elsewhere: start afresh
  }
}

/** False when this browser could not keep it (storage full or blocked). */
export function saveDraft(sheet: Sheet): boolean {
  const steps = draftSteps(sheet);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The most a draft may take (characters of its JSON text): about 5,000 members. Storing is one call
 * that blocks the page for as long as it takes to copy the text (some 0.1 s per million characters on
 * a busy office computer), and the browser keeps 5 million at most for the whole site.
 */
export const DRAFT_LIMIT = 1_000_000;

/**
 * saveDraft in steps: the text is written 500 rows per step, then stored at once. The stored text is
 * JSON.stringify({ sheet, savedAt }). A sheet past DRAFT_LIMIT is not kept (and an older draft
 * is removed, so that a reload does not bring it back as if it were this one): false.
 */
export function* draftSteps(sheet: Sheet): Generator<void, boolean, void> {
  const { rows, ...rest } = sheet;
  const head = JSON.stringify(rest); // {"fileName":…,"header":[…],"headerLine":1}
  const parts: string[] = [];
  let length = head.length;
  for (let at = 0; at < rows.length; at += 500) {
    const part = rows.slice(at, at + 500).map((row) => JSON.stringify(row)).join(',');
    length += part.length + 1;
    if (length > DRAFT_LIMIT) {
      discardDraft();
      return false;
    }
    parts.push(part);
    yield;
  }
  const text = `{"sheet":${head.slice(0, -1)}${head === '{}' ? '' : ','}"rows":[${parts.join(',')}]},"savedAt":${Date.now()}}`;
  try {
    localStorage.setItem(KEY, text);
    return true;
  } catch {
    // Storage full or blocked: the page still works, only a reload would lose the changes.
    discardDraft();
    return false;
  }
}

export function discardDraft(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}
