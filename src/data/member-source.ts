import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fetchMemberText, type FetchLimits } from './fetch-members.js';
import { nextTask, sliceDue } from '../next-task.js';
import { phase } from '../phase.js';
import { MemberDataError, parseMembersStepwise, type Member, type SkippedFeature } from './members.js';

/** From this length on, JSON.parse gets a task of its own. */
const PARSE_ALONE_CHARS = 1_000_000;
/** JSON.parse's pace on the development VM, for the room it needs in a slice. */
const PARSE_CHARS_PER_MS = 100_000;

export type SourceStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Loads members from a URL or an object, for one host element. Only the newest request counts:
 * starting another aborts the one in flight, and removing the host aborts it (and starts it again
 * when the host comes back).
 */
export class MemberSource implements ReactiveController {
  status: SourceStatus = 'idle';
  members: Member[] = [];
  skipped: SkippedFeature[] = [];
  error?: MemberDataError;
  private controller?: AbortController;
  private request?: { src: string; data: unknown; inline?: string; limits: FetchLimits };
  private resumeOnConnect = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onError: (error: MemberDataError) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.resumeOnConnect) this.retry();
  }

  hostDisconnected(): void {
    this.resumeOnConnect = this.status === 'loading';
    this.controller?.abort();
  }

  /**
   * `data` (a parsed FeatureCollection) wins over `inline` (the JSON text of an inline
   * `<script type="application/geo+json">`), which wins over `src`.
   */
  async load(src: string, data: unknown, inline: string | undefined, limits: FetchLimits): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.request = { src, data, inline, limits };
    this.resumeOnConnect = false;
    this.error = undefined;
    if (data === undefined && inline === undefined && !src) return this.settle('idle', []);
    this.settle('loading', this.members);
    try {
      let json = data;
      if (json === undefined) {
        const text = inline ?? (await fetchMemberText(src, controller.signal, limits));
        phase('text');
        // Parsing takes about 10 ms per megabyte here (more on slow phones): it needs room in the
        // slice, and a large file gets a task of its own.
        if (text.length > PARSE_ALONE_CHARS || sliceDue(text.length / PARSE_CHARS_PER_MS)) await nextTask();
        controller.signal.throwIfAborted();
        try {
          json = JSON.parse(text);
        } catch (cause) {
          const what = inline === undefined ? `The member file ${src}` : 'The inline member data';
          throw new MemberDataError('invalid-json', `${what} is not valid JSON.`, { cause });
        }
      }
      if (controller.signal.aborted) return;
      const { members, skipped } = await inSlices(parseMembersStepwise(json), controller.signal);
      if (skipped.length > 0) {
        console.warn(
          `<member-map>: ${skipped.length} feature(s) skipped:\n` +
            skipped.map((item) => `  features[${item.index}]: ${item.reason}`).join('\n'),
        );
      }
      phase('checked');
      this.skipped = skipped;
      this.settle('ready', members);
    } catch (cause) {
      if (controller.signal.aborted) return;
      const error = cause instanceof MemberDataError ? cause : new MemberDataError('network', String(cause), { cause });
      if (error.details.skipped) console.warn('<member-map>: every feature was skipped:', error.details.skipped);
      this.error = error;
      this.settle('error', []);
      this.onError(error);
    }
  }

  /** Loads the last request again (the retry button, or the host coming back). */
  retry(): void {
    if (!this.request) return;
    const { src, data, inline, limits } = this.request;
    void this.load(src, data, inline, limits);
  }

  private settle(status: SourceStatus, members: Member[]): void {
    this.status = status;
    this.members = members;
    this.host.requestUpdate();
  }
}

/**
 * Runs a stepwise job in slices (see next-task.ts). Rejects with an AbortError when `signal` aborts
 * between two slices.
 */
async function inSlices<T>(job: Generator<void, T>, signal: AbortSignal): Promise<T> {
  for (;;) {
    if (sliceDue()) {
      await nextTask();
      signal.throwIfAborted();
    }
    const step = job.next();
    if (step.done) return step.value;
  }
}
