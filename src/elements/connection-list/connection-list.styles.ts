import { css } from 'lit';

export const connectionListStyles = css`
  :host {
    display: block;
  }
  .base {
    display: grid;
    gap: var(--codat-space, 1rem);
  }
  .group-heading {
    margin: 0 0 calc(var(--codat-space, 1rem) / 2);
    font-size: var(--codat-list-heading-size, 0.875rem);
    font-weight: 700;
    letter-spacing: 0.02em;
    text-transform: uppercase;
    color: var(--codat-color-text-muted, #4f5661);
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .item + .item {
    margin-top: calc(var(--codat-space, 1rem) / 2);
  }
  .item-button {
    font: inherit;
    color: inherit;
    width: 100%;
    min-height: 3rem;
    display: flex;
    align-items: center;
    gap: calc(var(--codat-space, 1rem) * 0.75);
    padding: calc(var(--codat-space, 1rem) * 0.75);
    text-align: start;
    cursor: pointer;
    border-radius: var(--codat-radius, 0.5rem);
    border: 1px solid var(--codat-color-border, #c9cdd3);
    background: var(--codat-color-surface, #ffffff);
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
    background: var(--codat-color-surface-hover, #f1f3f5);
  }
  .item-button[aria-current='true'] {
    border-color: var(--codat-color-accent, #1a5fb4);
    box-shadow: inset 4px 0 0 var(--codat-color-accent, #1a5fb4);
    background: var(--codat-color-selected, #eef4fc);
  }
  .item-text {
    display: grid;
    gap: 0.125rem;
    min-width: 0;
    flex: 1;
  }
  .item-name {
    font-weight: 600;
    overflow-wrap: anywhere;
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
    color: var(--codat-color-danger, #b3261e);
  }
  .badge--paused {
    color: var(--codat-color-warning, #8a5a00);
  }
  .badge--syncing {
    color: var(--codat-color-accent, #1a5fb4);
  }
  .item-dates {
    font-size: 0.875em;
    color: var(--codat-color-text-muted, #4f5661);
  }
`;
