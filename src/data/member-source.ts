import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fetchMemberJson, type FetchLimits } from './fetch-members.js';
import { TimeSlices } from '../next-task.js';
import { MemberDataError, parseMembersStepwise, type Member, type MemberCollection, type SkippedFeature } from './members.js';

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
      const json =
        data !== undefined
          ? data
          : inline !== undefined
            ? parseInline(inline)
            : await fetchMemberJson(src, controller.signal, limits);
      if (controller.signal.aborted) return;
      const result = await this.check(json, controller.signal);
      if (!result) return;
      const { members, skipped } = result;
      if (skipped.length > 0) {
        console.warn(
          `<member-map>: ${skipped.length} feature(s) skipped:\n` +
            skipped.map((item) => `  features[${item.index}]: ${item.reason}`).join('\n'),
        );
      }
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

  /** Checks the features in slices of a few milliseconds; undefined when aborted meanwhile. */
  private async check(json: unknown, signal: AbortSignal): Promise<MemberCollection | undefined> {
    const parsing = parseMembersStepwise(json);
    const slices = new TimeSlices(true); // parsing the file was a task of its own
    for (;;) {
      if (slices.due) {
        await slices.next();
        if (signal.aborted) return undefined;
      }
      const step = parsing.next();
      if (step.done) return step.value;
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

function parseInline(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new MemberDataError('invalid-json', 'The inline member data is not valid JSON.', { cause });
  }
}
