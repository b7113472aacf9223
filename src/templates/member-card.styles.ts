import { css } from 'lit';

/**
 * A member's popup card (member-card.ts), with the contact lines and the link-like buttons that the
 * list shares with it. The popup's box and margins are Leaflet's (src/styles/map.styles.ts).
 */
export const memberCardStyles = css`
  .member-card p {
    margin: 0 0 4px;
  }
  .member-card__title {
    font-size: 16px;
    font-weight: 700;
  }
  .member-card__role {
    font-style: italic;
  }
  .member-card__place {
    color: #3b4652;
  }
  .contact-lines {
    list-style: none;
    margin: 8px 0;
    padding: 0;
  }
  .contact-lines li {
    margin: 2px 0;
    overflow-wrap: anywhere;
  }
  .label {
    color: #3b4652;
  }

  .link-button {
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }
  /* After .link-button, whose font shorthand would reset the size. */
  .member-card__join {
    font-size: 13px;
  }

  /* Touch screens: links and link-like buttons at least 24 px high (WCAG 2.2, 2.5.8). */
  @media (pointer: coarse) {
    .contact-lines a,
    .link-button {
      display: inline-block;
      min-height: 24px;
      line-height: 24px;
    }
  }

  /* Forced colours (Windows high contrast): a button that looks like a link still shows as a button. */
  @media (forced-colors: active) {
    .link-button {
      border: 1px solid ButtonText;
      padding: 1px 6px;
    }
  }
`;
