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

export function saveDraft(sheet: Sheet): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ sheet, savedAt: Date.now() } satisfies Draft));
  } catch {
    // Storage full or blocked: the page still works, only a reload would lose the changes.
  }
}

export function discardDraft(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}
