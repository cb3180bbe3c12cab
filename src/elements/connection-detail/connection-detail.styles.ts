import { css } from 'lit';

export const connectionDetailStyles = css`
  :host {
    display: block;
  }
  .base {
    display: grid;
    gap: var(--codat-space, 1rem);
  }
  .header {
    display: flex;
    align-items: center;
    gap: calc(var(--codat-space, 1rem) * 0.75);
  }
  .title {
    margin: 0;
    font-size: var(--codat-detail-title-size, 1.25rem);
    overflow-wrap: anywhere;
  }
  .facts {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: calc(var(--codat-space, 1rem) / 2) var(--codat-space, 1rem);
    margin: 0;
  }
  .facts dt {
    color: var(--codat-color-text-muted, #4f5661);
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .description {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--codat-space, 1rem) / 2);
  }
  .message--attention {
    border: 1px solid var(--codat-color-warning, #8a5a00);
  }
  .attention-title {
    margin: 0;
    font-weight: 700;
  }
  .attention-list {
    margin: calc(var(--codat-space, 1rem) / 2) 0 0;
    padding-inline-start: 1.25rem;
    overflow-wrap: anywhere;
  }
  .attention-date {
    display: block;
    color: var(--codat-color-text-muted, #4f5661);
    font-size: 0.875em;
  }
  .invite {
    display: grid;
    gap: calc(var(--codat-space, 1rem) / 2);
    padding: var(--codat-space, 1rem);
    border: 1px solid var(--codat-color-border, #c9cdd3);
    border-radius: var(--codat-radius, 0.5rem);
  }
  .invite-heading {
    font-weight: 700;
  }
  .invite-text,
  .invite-status {
    margin: 0;
  }
  .invite-field {
    display: grid;
    gap: 0.25rem;
  }
  .invite-url {
    font: inherit;
    min-block-size: 2.5rem;
    padding: 0.25rem 0.5rem;
    inline-size: 100%;
    border: 1px solid var(--codat-color-border, #8a8f98);
    border-radius: calc(var(--codat-radius, 0.5rem) / 2);
  }
  .invite-actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--codat-space, 1rem) / 2);
  }
  .accounts summary {
    cursor: pointer;
    font-weight: 600;
    min-block-size: 1.5rem;
  }
  .accounts-list {
    list-style: none;
    margin: calc(var(--codat-space, 1rem) / 2) 0 0;
    padding: 0;
    display: grid;
    gap: calc(var(--codat-space, 1rem) / 2);
  }
  .account {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 var(--codat-space, 1rem);
    overflow-wrap: anywhere;
  }
  .account-meta {
    color: var(--codat-color-text-muted, #4f5661);
  }
  .controls {
    display: grid;
    gap: calc(var(--codat-space, 1rem) / 2);
  }
  .controls[hidden] {
    display: none;
  }
  .controls-heading {
    font-weight: 700;
  }
  .refresh {
    display: grid;
    gap: calc(var(--codat-space, 1rem) / 2);
    justify-items: start;
  }
  .sync-progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--codat-space, 1rem) / 2);
  }
  .sync-progress progress {
    inline-size: 8rem;
    accent-color: var(--codat-color-accent, #1a5fb4);
  }
  .refresh-types summary {
    cursor: pointer;
    min-block-size: 1.5rem;
  }
  .refresh-type-list {
    list-style: none;
    margin: calc(var(--codat-space, 1rem) / 2) 0 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--codat-space, 1rem) / 2);
  }
  .history {
    display: grid;
    gap: calc(var(--codat-space, 1rem) / 2);
    justify-items: start;
  }
  .history-heading {
    font-weight: 700;
  }
  .history-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--codat-space, 1rem) / 2);
    width: 100%;
  }
  .history-item {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--codat-space, 1rem) / 2);
    padding-block-end: calc(var(--codat-space, 1rem) / 2);
    border-bottom: 1px solid var(--codat-color-border, #c9cdd3);
  }
  .history-type {
    font-weight: 600;
  }
  .history-item--failed .history-outcome,
  .history-error {
    color: var(--codat-color-danger, #b3261e);
  }
  .history-dates {
    color: var(--codat-color-text-muted, #4f5661);
    font-size: 0.875em;
  }
  .history-error {
    flex-basis: 100%;
    overflow-wrap: anywhere;
  }
  @media (max-width: 24rem) {
    .facts {
      grid-template-columns: 1fr;
    }
    .facts dd {
      margin-block-end: calc(var(--codat-space, 1rem) / 2);
    }
  }
`;
