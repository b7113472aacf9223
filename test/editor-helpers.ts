import { waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

// The coordinator's workbench as it ships: the built dist/editor.html, served as plain files, in a
// frame of its own. Shared by the workbench's test files.

export const DRAFT_KEY = 'member-map-editor-draft';

export interface EditorFrame {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis;
  doc: Document;
  $<T extends Element = HTMLElement>(selector: string): T;
  $$<T extends Element = HTMLElement>(selector: string): T[];
  status(): string;
  downloads: Blob[];
  violations: string[];
}

/** The workbench in a frame, `width` × `height` px (default: as large as the test page's viewport). */
export async function openEditor(path = '/dist/editor.html', size: { width?: number; height?: number } = {}): Promise<EditorFrame> {
  const frame = document.createElement('iframe');
  // As large as the test page's viewport, so that every part of it can be clicked.
  frame.width = String(size.width ?? innerWidth);
  frame.height = String(size.height ?? innerHeight);
  frame.style.border = '0';
  document.body.append(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = path;
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  const doc = frame.contentDocument!;
  const downloads: Blob[] = [];
  const violations: string[] = [];
  // The frame's console into the test's log (the runner shows only the test page's own).
  for (const level of ['log', 'warn', 'error'] as const) {
    const own = win.console[level].bind(win.console);
    win.console[level] = (...args: unknown[]) => (own(...args), console[level]('[workbench]', ...args));
  }
  doc.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`), true);
  // The page offers downloads through Blob URLs: keep each Blob to read what was downloaded.
  const createObjectURL = win.URL.createObjectURL.bind(win.URL);
  win.URL.createObjectURL = (blob: Blob | MediaSource) => (downloads.push(blob as Blob), createObjectURL(blob));
  const editor: EditorFrame = {
    frame,
    win,
    doc,
    $: (selector) => doc.querySelector(selector)!,
    $$: (selector) => [...doc.querySelectorAll(selector)] as never[],
    status: () => doc.querySelector('.status')?.textContent?.trim() ?? '',
    downloads,
    violations,
  };
  await waitUntil(() => doc.querySelector('#file'), 'the workbench is drawn');
  return editor;
}

/** A file as the frame's file input gives it. */
export const frameFile = (editor: EditorFrame, content: string | ArrayBuffer | Uint8Array, name: string): File =>
  new editor.win.File([content instanceof Uint8Array ? new Uint8Array(content) : content], name);

/** Puts a file into the page's file input, as choosing it in the file dialog does; does not wait. */
export function putFile(editor: EditorFrame, file: File): void {
  const transfer = new editor.win.DataTransfer();
  transfer.items.add(file);
  const input = editor.$<HTMLInputElement>('#file');
  input.files = transfer.files;
  input.dispatchEvent(new editor.win.Event('change', { bubbles: true }));
}

/** Chooses the file at `url` and waits until the status names it. */
export async function chooseFile(editor: EditorFrame, url: string, name: string): Promise<void> {
  const bytes = await (await fetch(url)).arrayBuffer();
  putFile(editor, frameFile(editor, bytes, name));
  await waitUntil(() => editor.status().includes(name) && !editor.status().includes('…'), `${name} opened`, { timeout: 8000 });
}

/** Runs axe inside the frame; answers the violations' ids and where. */
export async function axeViolations(editor: EditorFrame): Promise<string[]> {
  const win = editor.win as typeof editor.win & { axe?: { run(context: Document): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } };
  if (!win.axe) {
    const script = editor.doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const ready = new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
    editor.doc.head.append(script);
    await ready;
  }
  const { violations } = await win.axe!.run(editor.doc);
  return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Presses Tab until the focused element in the frame matches. */
export async function tabTo(editor: EditorFrame, matches: (element: Element) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 80; i += 1) {
    await sendKeys({ press: 'Tab' });
    const active = editor.doc.activeElement;
    if (active && matches(active)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}
