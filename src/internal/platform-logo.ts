import { html, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import type { CodatClient } from '../api/client.js';
import type { Connection } from '../api/types.js';
import { safeImageUrl } from './safe-url.js';

/** The platform's initials, shown until (or instead of) its logo. */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? words[0]![0]! + words[1]![0]! : name.trim().slice(0, 2);
  return letters.toUpperCase();
}

/**
 * The platform's square logo from the branding endpoint (read once per platform per client),
 * with initials while it loads or when there is none. Decorative: the name is always shown beside it.
 */
export function platformLogo(client: CodatClient | undefined, connection: Connection): TemplateResult {
  const fallback = html`<span class="logo logo--initials" part="logo" aria-hidden="true"
    >${initials(connection.platformName)}</span
  >`;
  const key = connection.integrationKey;
  if (!client || !key) return fallback;
  const logo = client.getBranding(key).then((branding) => {
    const src = safeImageUrl(branding?.logo?.square?.image?.src);
    return src ? html`<img class="logo" part="logo" src=${src} alt="" loading="lazy" />` : fallback;
  });
  return html`${until(logo, fallback)}`;
}
