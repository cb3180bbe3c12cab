import { css } from 'lit';

/**
 * The `theme` attribute, for every kit element and the provider: `light`, `dark`, or `auto` (follows
 * `prefers-color-scheme`). It sets `color-scheme`, which the elements inside inherit; without the attribute an
 * element follows the `color-scheme` of the page around it (light unless the page says otherwise).
 */
export const themeStyles = css`
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
`;

/**
 * Styles every element shares, and the design tokens. Each public `--codat-*` token is read once here into a
 * private `--_*` property with its light and dark defaults (`light-dark()` picks one by the inherited
 * `color-scheme`); rules use the private ones. Public tokens are never set on `:host`, so a host can set them
 * anywhere, `:root` included, and a host's value wins in both themes.
 *
 * The token declarations are the source of the documentation: custom-elements-manifest.config.mjs reads each
 * `/* description *\/ --_x: var(--codat-…, default);` into every element's `cssProperties`.
 */
export const sharedStyles = css`
  ${themeStyles}
  :host {
    /* Background of each element's base and of the panel. */
    --_bg: var(--codat-color-background, light-dark(#ffffff, #16181c));
    /* Text. */
    --_text: var(--codat-color-text, light-dark(#1b1f24, #e8eaed));
    /* Secondary text: labels, dates, group headings. */
    --_muted: var(--codat-color-text-muted, light-dark(#4f5661, #a9b1bc));
    /* Buttons, list items and the dialog. */
    --_surface: var(--codat-color-surface, light-dark(#ffffff, #1f2328));
    /* Buttons and list items on hover. */
    --_hover: var(--codat-color-surface-hover, light-dark(#f1f3f5, #2a2f36));
    /* Messages and logo initials. */
    --_quiet: var(--codat-color-surface-muted, light-dark(#f3f4f6, #262b31));
    /* Borders of regions, list items, the panel and the dialog. */
    --_border: var(--codat-color-border, light-dark(#c9cdd3, #434a53));
    /* Borders of buttons, fields and selects (at least 3:1 against the background). */
    --_control: var(--codat-color-border-strong, light-dark(#8a8f98, #7f8893));
    /* Primary buttons, the chosen item, links, progress, the Syncing… badge. */
    --_accent: var(--codat-color-accent, light-dark(#1a5fb4, #8ab4f8));
    /* Primary buttons on hover. */
    --_accent-hover: var(--codat-color-accent-hover, light-dark(#154c90, #aecbfa));
    /* Text on primary buttons. */
    --_on-accent: var(--codat-color-on-accent, light-dark(#ffffff, #0b1d36));
    /* Background of the chosen list item. */
    --_selected: var(--codat-color-selected, light-dark(#eef4fc, #1c2a3d));
    /* The focus outline: the accent unless set. */
    --_focus: var(--codat-color-focus, var(--_accent));
    /* Linked status. */
    --_success: var(--codat-color-success, light-dark(#1e7a3c, #6ccb8b));
    /* Pending status, the platform's active errors, the Syncs paused badge. */
    --_warning: var(--codat-color-warning, light-dark(#8a5a00, #e2b455));
    /* Deauthorized status, errors, Disconnect and Delete. */
    --_danger: var(--codat-color-danger, light-dark(#b3261e, #f28b82));
    /* Danger buttons on hover. */
    --_danger-hover: var(--codat-color-danger-hover, light-dark(#8c1d18, #f6aea9));
    /* Text on danger buttons. */
    --_on-danger: var(--codat-color-on-danger, light-dark(#ffffff, #2b0b08));
    /* The dialog's shadow. */
    --_elevation: var(--codat-elevation, 0 0.5rem 2rem light-dark(rgb(0 0 0 / 0.25), rgb(0 0 0 / 0.6)));
    /* Corner radius (logos use half of it). */
    --_radius: var(--codat-radius, 0.5rem);
    /* Base spacing: gaps and paddings are multiples of it. */
    --_space: var(--codat-space, 1rem);
    /* Font family: the page's unless set. */
    font-family: var(--codat-font-family, inherit);
    /* Base font size: the page's unless set. */
    font-size: var(--codat-font-size, inherit);
    /* Line height: the page's unless set. */
    line-height: var(--codat-line-height, inherit);
    color: var(--_text);
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
  /* Text from the API or the host may hold a word of any length: it breaks anywhere rather than widen the panel
     (anywhere, unlike break-word, also lowers the min-content width that grid and flex layouts are sized from). */
  .base,
  .dialog {
    overflow-wrap: anywhere;
  }
  .base {
    background: var(--_bg);
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
    border-radius: var(--_radius);
    border: 1px solid var(--_control);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
    transition:
      background-color 0.15s,
      border-color 0.15s;
  }
  a.button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    text-decoration: none;
  }
  .button:hover {
    background: var(--_hover);
  }
  .button--primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .button--primary:hover {
    background: var(--_accent-hover);
  }
  .button--small {
    min-height: 2rem;
    padding: 0.25rem 0.75rem;
    font-size: 0.875em;
  }
  .button--danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-danger);
  }
  .button--danger:hover {
    background: var(--_danger-hover);
  }
  .button--danger-quiet {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .message {
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_quiet);
  }
  .message--error {
    border: 1px solid var(--_danger);
  }
  .correlation {
    font-size: 0.875em;
    color: var(--_muted);
    word-break: break-all;
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .status::before {
    content: '';
    width: 0.625em;
    height: 0.625em;
    border-radius: 50%;
    border: 2px solid currentColor;
  }
  .status--Linked {
    color: var(--_success);
  }
  .status--Linked::before {
    background: currentColor;
  }
  .status--PendingAuth {
    color: var(--_warning);
  }
  .status--Deauthorized {
    color: var(--_danger);
  }
  .status--Unlinked {
    color: var(--_muted);
  }
  .logo {
    width: 2.5rem;
    height: 2.5rem;
    flex: none;
    border-radius: calc(var(--_radius) / 2);
    object-fit: contain;
  }
  .logo--initials {
    display: inline-grid;
    place-items: center;
    font-weight: 700;
    background: var(--_quiet);
  }
  .shared-data-title {
    margin: 0 0 0.25em;
    font-weight: 600;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
  /* Forced colours (Windows High Contrast) replace every colour with the system's and drop shadows. The
     Linked dot keeps its fill in the system text colour, and coloured buttons a thicker border. */
  @media (forced-colors: active) {
    .button--primary,
    .button--danger {
      border-width: 2px;
    }
    .status--Linked::before {
      forced-color-adjust: none;
      background: CanvasText;
      border-color: CanvasText;
    }
  }
`;
