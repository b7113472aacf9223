import { nothing } from 'lit';
import { storeConsent, storedConsent, tileHost } from '../consent.js';
import { webHref } from '../links.js';
import type { Strings } from '../i18n/index.js';
import type { Background } from '../map/background.js';
import { DEFAULT_BASEMAP_URL } from '../map/basemap.js';
import { landOf } from '../regions.js';
import { consentPrompt, consentWithdraw } from '../templates/consent-prompt.js';

export type TilesMode = 'consent' | 'on' | 'off';

interface ConsentHost {
  tiles: TilesMode;
  tileUrl: string;
  tileAttribution: string;
  basemapUrl: string;
  consentStorage: string;
  consent: boolean;
  region: string;
  requestUpdate(): void;
}

/**
 * The visitor's decision about map tiles, and what follows from it: the offline basemap or the tiles,
 * and the prompt or the way back. Remembered per tile host only when the page opts in.
 */
export class TileConsentController {
  granted = false;
  /** A narrow element shows the prompt's sentence only on request. */
  private explained = false;

  constructor(private readonly host: ConsentHost) {}

  /** Takes over a decision remembered earlier (only with `consent-storage="local"`). */
  restore(): void {
    if (this.host.consentStorage === 'local' && storedConsent(tileHost(this.host.tileUrl))) this.granted = true;
  }

  /** Records a decision; returns whether it changed anything. */
  set(granted: boolean): boolean {
    if (granted === this.granted) return false;
    this.granted = granted;
    if (this.host.consentStorage === 'local') storeConsent(tileHost(this.host.tileUrl), granted);
    return true;
  }

  get background(): Background {
    const { tileUrl, tileAttribution } = this.host;
    const tiles = this.mode;
    if (tiles === 'on' || (tiles !== 'off' && this.granted)) return { kind: 'tiles', url: tileUrl, attribution: tileAttribution };
    return this.basemap;
  }

  /** The offline basemap, with the region's Land outlined (the teaser shows nothing else). */
  get basemap(): Extract<Background, { kind: 'basemap' }> {
    const region = landOf(this.host.region)?.iso;
    return { kind: 'basemap', url: this.host.basemapUrl || DEFAULT_BASEMAP_URL, ...(region ? { region } : {}) };
  }

  /** Whether the consent bar covers the bottom of the map. */
  get asking(): boolean {
    return this.mode === 'consent' && !this.granted;
  }

  /** `tiles`, or `off` when `tile-url` is not an http(s) template: no other scheme ever loads. */
  private get mode(): TilesMode {
    return webHref(this.host.tileUrl.replace(/\{[^}]*\}/g, '0')) ? this.host.tiles : 'off';
  }

  render(strings: Strings) {
    if (this.mode !== 'consent') return nothing;
    return this.granted
      ? consentWithdraw(strings, () => (this.host.consent = false))
      : consentPrompt(strings, tileHost(this.host.tileUrl), () => (this.host.consent = true), this.explained, () => {
          this.explained = !this.explained;
          this.host.requestUpdate();
        });
  }
}
