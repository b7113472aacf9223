import { html, nothing } from 'lit';
import type { MemberDataError } from '../data/members.js';
import { errorMessage } from '../i18n/error-message.js';
import type { Strings } from '../i18n/index.js';

/** Why the members could not be shown (role `alert`), with a retry where trying again can help. */
export function errorAlert(error: MemberDataError | undefined, strings: Strings, retry: () => void, brief = false) {
  if (!error) return nothing;
  if (brief) return html`<div part="error" class="error" role="alert"><strong>${strings.errorTitle}</strong></div>`;
  return html`<div part="error" class="error" role="alert">
    <strong>${strings.errorTitle}</strong>
    <p>${errorMessage(error, strings)}</p>
    ${['timeout', 'network', 'http'].includes(error.code) ? html`<button type="button" class="retry action-button" @click=${retry}>${strings.retry}</button>` : nothing}
  </div>`;
}
