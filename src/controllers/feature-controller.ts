import { html, nothing, type CSSResult, type ReactiveControllerHost } from 'lit';
import { loadFeature, type FeatureName, type Features } from '../features/load.js';
import type { Strings } from '../i18n/index.js';
import { adoptPartStyles } from '../styles/adopt.js';

interface FeatureHost extends ReactiveControllerHost, HTMLElement {}

/** The loads under way for each host (its `updateComplete` waits for them: see `partsLoaded`). */
const underway = new WeakMap<FeatureHost, Set<Promise<unknown>>>();

/** Resolves when no part of `host` is loading any more (also those asked for meanwhile). */
export async function partsLoaded(host: FeatureHost): Promise<void> {
  for (let loads = underway.get(host); loads?.size; loads = underway.get(host)) await Promise.all(loads);
}

/**
 * One part of the element that loads on first use: `get()` answers it once it is there, and asks for
 * it otherwise; what waits for it (a click, a search typed meanwhile) is done when it arrives, since the
 * host renders again. A part that cannot be loaded shows a message with a retry, never a dead control.
 */
export class FeatureController<N extends FeatureName> {

  private module?: Features[N];
  private request?: Promise<Features[N] | undefined>;
  /** The last load failed (renderFailure offers a retry). */
  failed = false;

  constructor(
    private readonly host: FeatureHost,
    private readonly name: N,
    /** Done once with the loaded module, before the host renders with it (styles to adopt, say). */
    private readonly onLoad: (module: Features[N]) => void = () => {},
  ) {}

  /** The module, or undefined while it loads (or failed); the first call starts loading it. */
  get(): Features[N] | undefined {
    if (!this.module && !this.failed) void this.load();
    return this.module;
  }

  /** Resolves with the module (undefined if it failed): for work that must wait for it. */
  load(): Promise<Features[N] | undefined> {
    if (this.module) return Promise.resolve(this.module);
    if (this.request) return this.request;
    this.request = loadFeature(this.name).then(
      (module) => {
        this.module = module;
        const { styles } = module as { styles?: CSSResult };
        if (styles) adoptPartStyles(this.host, styles);
        this.onLoad(module);
        this.host.requestUpdate();
        return module;
      },
      (error: unknown) => {
        console.warn(`<member-map>: a part of the map (${this.name}) could not be loaded:`, error);
        this.failed = true;
        this.request = undefined;
        this.host.requestUpdate();
        return undefined;
      },
    );
    const loads = underway.get(this.host) ?? new Set();
    underway.set(this.host, loads.add(this.request));
    const request = this.request;
    void request.then(() => loads.delete(request));
    return request;
  }

  /** The message with a retry, while the part is missing after a failed load; else nothing. */
  renderFailure(strings: Strings) {
    if (!this.failed) return nothing;
    const retry = () => {
      this.failed = false;
      void this.load();
      this.host.requestUpdate();
    };
    return html`<div class="error feature-error" role="alert">
      <p>${strings.partFailed}</p>
      <button type="button" class="retry action-button" @click=${retry}>${strings.retry}</button>
    </div>`;
  }
}
