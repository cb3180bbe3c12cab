import { css } from 'lit';

/**
 * The detail's own rules. Every text in it breaks anywhere rather than widen the panel: it inherits
 * `overflow-wrap: anywhere` from the shared `.base`.
 */
export const connectionDetailStyles = css`
  :host {
    display: block;
  }
  .base {
    display: grid;
    /* minmax(0, …): one wide child must not widen the whole column past a narrow panel. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
  }
  .header {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
  }
  .title {
    flex: 1 1 auto;
    min-width: 0;
    font-size: var(--codat-detail-title-size, 1.25rem);
    unicode-bidi: isolate;
  }
  .facts {
    display: grid;
    /* The labels' column grows to its longest label only while the values keep half the width: a long label
       (a host's text) then wraps instead of squeezing the values to nothing. */
    grid-template-columns: minmax(min(8rem, 30%), max-content) minmax(50%, 1fr);
    gap: calc(var(--_space) / 2) var(--_space);
    margin: 0;
  }
  .facts dt {
    color: var(--_muted);
  }
  .facts dd {
    margin: 0;
  }
  .description {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .message--attention {
    border: 1px solid var(--_warning);
  }
  .attention-title {
    margin: 0;
    font-weight: 700;
  }
  .attention-list {
    margin: calc(var(--_space) / 2) 0 0;
    padding-inline-start: 1.25rem;
  }
  .attention-date {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .invite {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
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
    border: 1px solid var(--_control);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    color: inherit;
  }
  .invite-actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .accounts summary {
    cursor: pointer;
    font-weight: 600;
    min-block-size: 1.5rem;
  }
  .accounts-list {
    list-style: none;
    margin: calc(var(--_space) / 2) 0 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .account {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 var(--_space);
  }
  .account-name {
    min-width: 0;
    unicode-bidi: isolate;
  }
  .account-meta {
    color: var(--_muted);
  }
  .controls {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .controls[hidden] {
    display: none;
  }
  .controls-heading {
    font-weight: 700;
  }
  .refresh {
    display: grid;
    gap: calc(var(--_space) / 2);
    justify-items: start;
  }
  .sync-progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .sync-progress progress {
    inline-size: 8rem;
    accent-color: var(--_accent);
  }
  .refresh-types summary {
    cursor: pointer;
    min-block-size: 1.5rem;
  }
  .refresh-type-list {
    list-style: none;
    margin: calc(var(--_space) / 2) 0 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .history {
    display: grid;
    gap: calc(var(--_space) / 2);
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
    gap: calc(var(--_space) / 2);
    width: 100%;
  }
  .history-item {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--_space) / 2);
    padding-block-end: calc(var(--_space) / 2);
    border-bottom: 1px solid var(--_border);
  }
  .history-type {
    font-weight: 600;
  }
  .history-item--failed .history-outcome,
  .history-error {
    color: var(--_danger);
  }
  .history-dates {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .history-error {
    flex-basis: 100%;
  }
  @media (max-width: 24rem) {
    .facts {
      grid-template-columns: 1fr;
    }
    .facts dd {
      margin-block-end: calc(var(--_space) / 2);
    }
  }
`;
