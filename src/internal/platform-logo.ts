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

/** Logo URLs already read, per client and platform key (`undefined`: the platform has no usable logo). */
const settled = new WeakMap<CodatClient, Map<string, string | undefined>>();

const image = (src: string) => html`<img class="logo" part="logo" src=${src} alt="" loading="lazy" />`;

/**
 * The platform's square logo from the branding endpoint (read once per platform per client),
 * with initials while it loads or when there is none. Decorative: the name is always shown beside it.
 * Once a platform's logo is known it is rendered at once, as a plain template: a long list then needs no
 * promise and no async directive per item, and an item rendered again keeps its image in place.
 */
export function platformLogo(
  client: CodatClient | undefined,
  connection: Connection,
): TemplateResult | ReturnType<typeof until> {
  const fallback = html`<span class="logo logo--initials" part="logo" aria-hidden="true"
    >${initials(connection.platformName)}</span
  >`;
  const key = connection.integrationKey;
  if (!client || !key) return fallback;
  const known = settled.get(client);
  if (known?.has(key)) {
    const src = known.get(key);
    return src ? image(src) : fallback;
  }
  const logo = client.getBranding(key).then((branding) => {
    const src = safeImageUrl(branding?.logo?.square?.image?.src);
    let byKey = settled.get(client);
    if (!byKey) settled.set(client, (byKey = new Map()));
    byKey.set(key, src);
    return src ? image(src) : fallback;
  });
  return until(logo, fallback);
}
