/**
 * Platform branding for the sandbox: the `Branding` body and a generated SVG
 * logo (initials on a coloured square) served by the sandbox itself.
 */
import type { components } from '../api/codat-platform.generated.js';
import { PLATFORMS, type Connection, type Platform } from './seed.js';

export type Branding = components['schemas']['Branding'];
export type Integration = components['schemas']['Integration'];

/** The properties `GET /integrations` can be queried and ordered on. */
export const INTEGRATION_QUERY = [
  'key',
  'name',
  'enabled',
  'sourceType',
  'sourceId',
  'integrationId',
  'isOfflineConnector',
];

/** A platform as `GET /integrations` lists it; `logoUrl` is the sandbox's own square logo. */
export function integrationFor(p: Platform, logoUrl: string): Integration {
  return {
    key: p.key,
    logoUrl,
    name: p.name,
    enabled: p.enabled ?? true,
    sourceId: p.sourceId,
    sourceType: p.sourceType,
    integrationId: p.integrationId,
    isOfflineConnector: p.isOfflineConnector ?? false,
    isBeta: false,
    dataProvidedBy: p.name,
  };
}

/** Finds a platform in the catalogue, else derives one from seeded connections. */
export function findPlatform(key: string, connections: Iterable<Connection>): Platform | undefined {
  const known = PLATFORMS.find((p) => p.key === key);
  if (known) return known;
  for (const c of connections) {
    if (c.integrationKey === key) {
      return {
        key,
        name: c.platformName,
        sourceType: c.sourceType,
        integrationId: c.integrationId,
        sourceId: c.sourceId,
        color: colourFor(key),
      };
    }
  }
  return undefined;
}

function colourFor(key: string): string {
  let hash = 0;
  for (const ch of key) hash = (hash * 31 + ch.charCodeAt(0)) % 360;
  return `hsl(${hash} 55% 40%)`;
}

/** The `Branding` body; `logoUrl(variant)` returns absolute logo URLs. */
export function brandingFor(p: Platform, logoUrl: (variant: 'square' | 'full') => string): Branding {
  const image = (variant: 'square' | 'full', alt: string) => ({ image: { src: logoUrl(variant), alt } });
  return {
    logo: { full: image('full', `${p.name} logo`), square: image('square', `${p.name} icon`) },
    button: {
      default: image('full', `Connect to ${p.name}`),
      hover: image('full', `Connect to ${p.name}`),
    },
    sourceId: p.sourceId,
  };
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  return (
    words
      .slice(0, 2)
      .map((w) => w[0]!.toUpperCase())
      .join('') || '?'
  );
}

/** A small SVG: initials on a coloured square, or the name on a wide tile for `full`. */
export function logoSvg(p: Platform, variant: 'square' | 'full'): string {
  const fill = escapeXml(p.color);
  const title = escapeXml(p.name);
  if (variant === 'full') {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="64" viewBox="0 0 240 64" role="img"><title>${title}</title><rect width="240" height="64" rx="8" fill="${fill}"/><text x="120" y="40" font-family="sans-serif" font-size="22" fill="#fff" text-anchor="middle">${title}</text></svg>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64" role="img"><title>${title}</title><rect width="64" height="64" rx="12" fill="${fill}"/><text x="32" y="41" font-family="sans-serif" font-size="26" font-weight="700" fill="#fff" text-anchor="middle">${escapeXml(initials(p.name))}</text></svg>`;
}
