import { css } from 'lit';

export const disconnectConfirmStyles = css`
  :host {
    display: contents;
  }
  .dialog {
    width: min(var(--codat-confirm-width, 28rem), calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    overflow: auto;
    /* Less padding on a narrow screen, so large text keeps its room. */
    padding: min(calc(var(--_space) * 1.5), 5vw);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_elevation);
    font: inherit;
  }
  .dialog::backdrop {
    background: var(--codat-color-backdrop, rgb(0 0 0 / 0.45));
  }
  /* The title breaks anywhere as every text does: it inherits overflow-wrap from the shared .dialog rule. */
  .title {
    margin: 0 0 var(--_space);
    font-size: 1.25rem;
  }
  .body {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin-block-end: calc(var(--_space) * 1.5);
  }
  .body > p {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: calc(var(--_space) / 2);
  }
`;
