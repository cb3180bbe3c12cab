import { css } from 'lit';

export const disconnectConfirmStyles = css`
  :host {
    display: contents;
  }
  .dialog {
    width: min(var(--codat-confirm-width, 28rem), calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    overflow: auto;
    padding: calc(var(--codat-space, 1rem) * 1.5);
    border: 1px solid var(--codat-color-border, #c9cdd3);
    border-radius: var(--codat-radius, 0.5rem);
    background: var(--codat-color-surface, #ffffff);
    color: var(--codat-color-text, #1b1f24);
    box-shadow: var(--codat-elevation, 0 0.5rem 2rem rgb(0 0 0 / 0.25));
    font: inherit;
  }
  .dialog::backdrop {
    background: var(--codat-color-backdrop, rgb(0 0 0 / 0.45));
  }
  .title {
    margin: 0 0 var(--codat-space, 1rem);
    font-size: 1.25rem;
    overflow-wrap: anywhere;
  }
  .body {
    display: grid;
    gap: calc(var(--codat-space, 1rem) / 2);
    margin-block-end: calc(var(--codat-space, 1rem) * 1.5);
  }
  .body > p {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: calc(var(--codat-space, 1rem) / 2);
  }
`;
