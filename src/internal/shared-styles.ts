import { css } from 'lit';

/**
 * Styles every element shares. Custom properties are read with their defaults inside each rule,
 * never set on `:host`, so a host can set them anywhere, `:root` included.
 */
export const sharedStyles = css`
  :host {
    font-family: var(--codat-font-family, inherit);
    font-size: var(--codat-font-size, inherit);
    color: var(--codat-color-text, inherit);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  /* Not inherit: a kit element slotted into another's shadow root would inherit from the slot (content-box). */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .button {
    font: inherit;
    min-height: 2.5rem;
    min-width: 2.5rem;
    padding: 0.5rem 1rem;
    border-radius: var(--codat-radius, 0.5rem);
    border: 1px solid var(--codat-color-border, #8a8f98);
    background: var(--codat-color-surface, #ffffff);
    color: var(--codat-color-text, #1b1f24);
    cursor: pointer;
  }
  a.button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    text-decoration: none;
  }
  .button--primary {
    background: var(--codat-color-accent, #1a5fb4);
    border-color: var(--codat-color-accent, #1a5fb4);
    color: var(--codat-color-on-accent, #ffffff);
  }
  .button--primary:hover {
    background: var(--codat-color-accent-hover, #154c90);
  }
  .button--small {
    min-height: 2rem;
    padding: 0.25rem 0.75rem;
    font-size: 0.875em;
  }
  .button:hover {
    background: var(--codat-color-surface-hover, #f1f3f5);
  }
  .button--danger {
    background: var(--codat-color-danger, #b3261e);
    border-color: var(--codat-color-danger, #b3261e);
    color: var(--codat-color-on-danger, #ffffff);
  }
  .button--danger:hover {
    background: var(--codat-color-danger-hover, #8c1d18);
  }
  .button--danger-quiet {
    color: var(--codat-color-danger, #b3261e);
    border-color: var(--codat-color-danger, #b3261e);
  }
  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
  :focus-visible {
    outline: 3px solid var(--codat-color-focus, #1a5fb4);
    outline-offset: 2px;
  }
  .message {
    padding: var(--codat-space, 1rem);
    border-radius: var(--codat-radius, 0.5rem);
    background: var(--codat-color-surface-muted, #f6f7f9);
  }
  .message--error {
    border: 1px solid var(--codat-color-danger, #b3261e);
  }
  .correlation {
    font-size: 0.875em;
    color: var(--codat-color-text-muted, #4f5661);
    word-break: break-all;
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    font-weight: 600;
  }
  .status::before {
    content: '';
    width: 0.625em;
    height: 0.625em;
    border-radius: 50%;
    border: 2px solid currentColor;
  }
  .status--Linked {
    color: var(--codat-color-success, #1e7a3c);
  }
  .status--Linked::before {
    background: currentColor;
  }
  .status--PendingAuth {
    color: var(--codat-color-warning, #8a5a00);
  }
  .status--Deauthorized {
    color: var(--codat-color-danger, #b3261e);
  }
  .status--Unlinked {
    color: var(--codat-color-text-muted, #4f5661);
  }
  .logo {
    width: 2.5rem;
    height: 2.5rem;
    flex: none;
    border-radius: calc(var(--codat-radius, 0.5rem) / 2);
    object-fit: contain;
  }
  .logo--initials {
    display: inline-grid;
    place-items: center;
    font-weight: 700;
    background: var(--codat-color-surface-muted, #e9ecef);
    color: var(--codat-color-text, #1b1f24);
  }
  .shared-data-title {
    margin: 0 0 0.25em;
    font-weight: 600;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
`;
