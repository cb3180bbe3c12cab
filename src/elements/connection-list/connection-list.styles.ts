import { css } from 'lit';

export const connectionListStyles = css`
  :host {
    display: block;
  }
  .base {
    display: grid;
    gap: var(--_space);
  }
  .group-heading {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: var(--codat-list-heading-size, 0.875rem);
    font-weight: 700;
    letter-spacing: 0.02em;
    text-transform: uppercase;
    color: var(--_muted);
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .item + .item {
    margin-top: calc(var(--_space) / 2);
  }
  .item-button {
    font: inherit;
    color: inherit;
    width: 100%;
    min-height: 3rem;
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 0.75);
    flex-wrap: wrap;
    text-align: start;
    cursor: pointer;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    transition: background-color 0.15s;
  }
  /* Long lists: items off screen skip style, layout and paint until they come near (their content stays in
     the accessibility tree, the tab order and find-in-page). content-visibility clips painting to the item,
     so overflow-clip-margin leaves room for the button's focus outline (3px wide, 2px away). */
  .item {
    content-visibility: auto;
    contain-intrinsic-block-size: auto 5.25rem;
    overflow-clip-margin: 6px;
  }
  .item-button:hover {
    background: var(--_hover);
  }
  .item-button[aria-current='true'] {
    border-color: var(--_accent);
    box-shadow: inset 4px 0 0 var(--_accent);
    background: var(--_selected);
  }
  @media (forced-colors: active) {
    /* The inset shadow is dropped in forced colours: mark the chosen item with a thick border instead. */
    .item-button[aria-current='true'] {
      border-width: 3px;
    }
  }
  /* Narrow panels with large text: the text goes below the logo, and words break rather than overflow. */
  .item-text {
    display: grid;
    gap: 0.125rem;
    min-width: 0;
    flex: 1 1 10em;
    overflow-wrap: anywhere;
  }
  .item-name {
    font-weight: 600;
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }
  .item-status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
  }
  .badge {
    font-size: 0.8125em;
    font-weight: 600;
    line-height: 1.4;
    padding: 0 0.5em;
    border: 1px solid currentColor;
    border-radius: 999px;
  }
  .badge--reconnect,
  .badge--error {
    color: var(--_danger);
  }
  .badge--paused {
    color: var(--_warning);
  }
  .badge--syncing {
    color: var(--_accent);
  }
  .item-dates {
    font-size: 0.875em;
    color: var(--_muted);
  }
`;
