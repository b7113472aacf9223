import { html } from 'lit';
import type { Strings } from '../i18n/index.js';

/** With `near`: what the map shows ("5 Mitglieder in der Nähe von Heidelberg") and the way back to all members. */
export function nearBar(text: string, strings: Strings, showAll: () => void) {
  return html`
    <div class="place-choices near-bar">
      <span class="place-choices__label">${text}</span>
      <button type="button" @click=${showAll}>${strings.showAll}</button>
    </div>
  `;
}
