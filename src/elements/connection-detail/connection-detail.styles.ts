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
  @media (max-width: 24rem) {
    .facts {
      grid-template-columns: 1fr;
    }
    .facts dd {
      margin-block-end: calc(var(--codat-space, 1rem) / 2);
    }
  }
`;
