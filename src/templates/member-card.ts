import { html, nothing, type TemplateResult } from 'lit';
import type { Member } from '../data/members.js';
import type { Strings } from '../i18n/index.js';
import { displayUrl, mailtoHref, normaliseEmail, telHref, webHref } from '../links.js';

/** A labelled contact line: a link when the value is a safe link, plain text otherwise. */
function contactLine(label: string, text: string | undefined, href: string | undefined, external = false) {
  if (!text) return nothing;
  const value = !href
    ? html`<span>${text}</span>`
    : external
      ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${text}</a>`
      : html`<a href=${href}>${text}</a>`;
  return html`<li><span class="label">${label}:</span> ${value}</li>`;
}

/** The popup of one member. Every value is bound as text or as a vetted href, never as HTML. */
export function memberCard(member: Member, strings: Strings, onContact: (event: Event) => void): TemplateResult {
  const title = member.name ?? member.role ?? member.municipality;
  const subtitle = member.name ? member.role : undefined;
  const place = [member.municipality, member.state].filter(Boolean).join(', ');
  const website = webHref(member.url);
  return html`
    <div class="member-card">
      <p class="member-card__title">${title}</p>
      ${subtitle ? html`<p class="member-card__role">${subtitle}</p>` : nothing}
      ${member.organisation ? html`<p>${member.organisation}</p>` : nothing}
      <p class="member-card__place">${place}</p>
      <ul class="member-card__contact">
        ${contactLine(strings.popupEmail, normaliseEmail(member.email) ?? member.email, mailtoHref(member.email))}
        ${contactLine(strings.popupPhone, member.phone, telHref(member.phone))}
        ${website ? contactLine(strings.popupWebsite, displayUrl(website), website, true) : nothing}
      </ul>
      <button type="button" class="link-button member-card__join" @click=${onContact}>${strings.contactButton}</button>
    </div>
  `;
}
