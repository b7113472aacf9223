import { html, type TemplateResult } from 'lit';
import type { Strings } from '../i18n/index.js';

/**
 * Asks before any request goes to the tile server, naming it. A narrow element shows only the button
 * and an info button that unfolds the sentence (the button's description carries it anyway).
 */
export function consentPrompt(strings: Strings, host: string, onGrant: () => void, expanded: boolean, onInfo: () => void): TemplateResult {
  return html`
    <div class="consent-prompt ${expanded ? 'expanded' : ''}">
      <p id="consent-text" class="consent-text">${strings.consentText(host)}</p>
      <button type="button" part="consent" class="consent-button action-button" aria-describedby="consent-text" @click=${onGrant}>
        ${strings.consentButton}
      </button>
      <button type="button" class="consent-info" aria-expanded=${expanded ? 'true' : 'false'} aria-controls="consent-text" @click=${onInfo}>
        <span aria-hidden="true">i</span><span class="visually-hidden">${strings.consentInfo}</span>
      </button>
    </div>
  `;
}

/** The visible way back: removes the tiles and forgets the choice. */
export function consentWithdraw(strings: Strings, onWithdraw: () => void): TemplateResult {
  return html`<button type="button" class="consent-withdraw" @click=${onWithdraw}>${strings.consentWithdraw}</button>`;
}
