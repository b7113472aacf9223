import { html, nothing, type TemplateResult } from 'lit';
import type { Member } from '../data/members.js';
import type { Strings } from '../i18n/index.js';
import { topTarget } from '../frame-links.js';
import { displayUrl, mailtoHref, normaliseEmail, telHref, webHref } from '../links.js';

/**
 * A labelled contact line: a link when the value is a safe link, plain text otherwise. Websites open
 * in a new tab; mail and phone links in a frame go to the top window (src/frame-links.ts).
 */
function contactLine(label: string, text: string | undefined, href: string | undefined, external = false) {
  if (!text) return nothing;
  const value = !href
    ? html`<span>${text}</span>`
    : external
      ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${text}</a>`
      : html`<a href=${href} target=${topTarget() ?? nothing}>${text}</a>`;
  return html`<li><span class="label">${label}:</span> ${value}</li>`;
}

/** Email, phone and website of a member; shared by the popup and the list. */
export function contactLines(member: Member, strings: Strings): TemplateResult {
  const website = webHref(member.url);
  return html`
    <ul class="contact-lines">
      ${contactLine(strings.popupEmail, normaliseEmail(member.email) ?? member.email, mailtoHref(member.email))}
      ${contactLine(strings.popupPhone, member.phone, telHref(member.phone))}
      ${website ? contactLine(strings.popupWebsite, displayUrl(website), website, true) : nothing}
    </ul>
  `;
}

/** The popup's heading: the person's name, else the role, else the municipality. */
export function memberTitle(member: Member): string {
  return member.name ?? member.role ?? member.municipality;
}

/** The popup of one member. Every value is bound as text or as a vetted href, never as HTML. */
export function memberCard(member: Member, strings: Strings, onContact: (event: Event) => void): TemplateResult {
  const subtitle = member.name ? member.role : undefined;
  const place = [member.municipality, member.state].filter(Boolean).join(', ');
  return html`
    <div class="member-card" role="group" aria-label=${memberTitle(member)} tabindex="-1">
      <p class="member-card__title">${memberTitle(member)}</p>
      ${subtitle ? html`<p class="member-card__role">${subtitle}</p>` : nothing}
      ${member.organisation ? html`<p>${member.organisation}</p>` : nothing}
      <p class="member-card__place">${place}</p>
      ${contactLines(member, strings)}
      <button type="button" class="link-button member-card__join" @click=${onContact}>${strings.contactButton}</button>
    </div>
  `;
}
