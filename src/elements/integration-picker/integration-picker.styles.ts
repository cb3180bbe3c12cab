import { css } from 'lit';

/** The picker's own rules; its list reuses the connection list's styles. Colours and sizes are the shared tokens. */
export const integrationPickerStyles = css`
  .search {
    display: grid;
    gap: 0.25rem;
  }
  .search input {
    font: inherit;
    min-height: 2.5rem;
    padding: 0.375rem 0.75rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_control);
    background: var(--_surface);
    color: inherit;
  }
  .item-button[aria-disabled='true'] {
    cursor: not-allowed;
    color: var(--_muted);
    background: var(--_quiet);
  }
  .brand-button {
    max-height: 2.5rem;
    max-width: 100%;
  }
  .journey {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .journey-title {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    font-size: 1.125rem;
    font-weight: 700;
  }
  .journey p,
  .notice p {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  progress {
    inline-size: 100%;
  }
`;
