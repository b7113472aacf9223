import { css } from 'lit';

/**
 * The list view (member-list.ts). Its contact lines and "show on the map" buttons are the member
 * card's (member-card.styles.ts), as their markup is.
 */
export const memberListStyles = css`
  .list {
    position: absolute;
    inset: 0;
    z-index: 900;
    overflow: auto;
    padding: 4px 18px 18px;
    background: #fff;
  }
  .list h3 {
    margin: 16px 0 6px;
    font-size: 17px;
    line-height: 1.3;
    color: #1b232c;
  }
  .list-members {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .list-member {
    padding: 10px 0;
    border-top: 1px solid #dde2e6;
  }
  .list-member p {
    margin: 0 0 2px;
  }
  .list a {
    color: var(--_accent);
  }
  .list-member__place {
    font-weight: 700;
  }
  .list-member__organisation {
    color: #3b4652;
  }
  .list-member__distance {
    color: #3b4652;
    font-weight: 600;
  }

  /* Touch screens: links at least 24 px high (WCAG 2.2, 2.5.8). */
  @media (pointer: coarse) {
    .list a {
      display: inline-block;
      min-height: 24px;
      line-height: 24px;
    }
  }
`;
