import { html, nothing, type TemplateResult } from 'lit';
import { topTarget } from '../frame-links.js';
import type { Strings } from '../i18n/index.js';
import { mailtoHref, normaliseEmail } from '../links.js';

export interface ContactPanelOptions {
  strings: Strings;
  email: string;
  name: string;
  subject: string;
  onClose: () => void;
  onKeydown: (event: KeyboardEvent) => void;
}

/** The "Mitglied werden" panel: who may join, and a prefilled email to the coordinator. */
export function contactPanel(options: ContactPanelOptions): TemplateResult {
  const { strings, email, name, subject } = options;
  const address = normaliseEmail(email);
  const href = mailtoHref(email, subject);
  return html`
    <div
      part="contact-panel"
      class="contact-panel"
      role="dialog"
      aria-labelledby="contact-title"
      tabindex="-1"
      @keydown=${options.onKeydown}
    >
      <button type="button" class="close" aria-label=${strings.close} @click=${options.onClose}>
        <span aria-hidden="true">&times;</span>
      </button>
      <p id="contact-title" class="contact-panel__title">${strings.contactTitle}</p>
      <slot name="contact"><p>${strings.contactText}</p></slot>
      <p>
        ${href
          ? html`<a class="contact-panel__mail" href=${href} target=${topTarget() ?? nothing}>${strings.contactWriteTo(name)}</a>
              <span class="contact-panel__address">(${address})</span>`
          : html`<span>${name}</span>`}
      </p>
    </div>
  `;
}
