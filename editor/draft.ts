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
 * saveDraft in steps: the text of a big sheet (20,000 rows are some 4 MB) is written 500 rows per
 * step, then stored at once. The stored text is JSON.stringify({ sheet, savedAt }).
 */
export function* draftSteps(sheet: Sheet): Generator<void, boolean, void> {
  const { rows, ...rest } = sheet;
  const head = JSON.stringify(rest); // {"fileName":…,"header":[…],"headerLine":1}
  const parts: string[] = [];
  for (let at = 0; at < rows.length; at += 500) {
    parts.push(rows.slice(at, at + 500).map((row) => JSON.stringify(row)).join(','));
    yield;
  }
  const text = `{"sheet":${head.slice(0, -1)}${head === '{}' ? '' : ','}"rows":[${parts.join(',')}]},"savedAt":${Date.now()}}`;
  try {
    localStorage.setItem(KEY, text);
    return true;
  } catch {
    // Storage full or blocked: the page still works, only a reload would lose the changes. An older
    // draft must not come back on a reload as if it were this one.
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
