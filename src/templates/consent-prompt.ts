import { html, type TemplateResult } from 'lit';
import type { Strings } from '../i18n/index.js';

/** Asks before any request goes to the tile server, naming it. */
export function consentPrompt(strings: Strings, host: string, onGrant: () => void): TemplateResult {
  return html`
    <div class="consent-prompt">
      <p>${strings.consentText(host)}</p>
      <button type="button" part="consent" class="consent-button" @click=${onGrant}>${strings.consentButton}</button>
    </div>
  `;
}

/** The visible way back: removes the tiles and forgets the choice. */
export function consentWithdraw(strings: Strings, onWithdraw: () => void): TemplateResult {
  return html`<button type="button" class="consent-withdraw" @click=${onWithdraw}>${strings.consentWithdraw}</button>`;
}
