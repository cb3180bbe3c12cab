/**
 * In-memory state of one sandbox: companies and their data connections.
 * No HTTP here; handlers translate requests into these calls. Reads return
 * copies, so callers cannot change state except through the methods.
 */
import type { components } from '../api/codat-platform.generated.js';
import { defaultSeed, validateSeed, type Connection, type ConnectionStatus, type SandboxSeed } from './seed.js';

export type Company = components['schemas']['Company'];

interface CompanyRecord {
  id: string;
  name: string;
  description?: string;
  created: string;
  connections: Connection[];
}

const copy = <T>(value: T): T => structuredClone(value);

/** Mutable companies-and-connections state, seeded from a `SandboxSeed`. */
export class SandboxStore {
  #companies: CompanyRecord[] = [];

  /** @param seed defaults to `defaultSeed()`; validated structurally. */
  constructor(seed?: SandboxSeed) {
    this.reset(seed);
  }

  /** Replaces all state with a copy of `seed` (default: `defaultSeed()`). */
  reset(seed: SandboxSeed = defaultSeed()): void {
    const valid = validateSeed(copy(seed));
    this.#companies = valid.companies.map((c) => ({
      id: c.id,
      name: c.name,
      ...(c.description !== undefined ? { description: c.description } : {}),
      created: c.created ?? earliest(c.connections) ?? '2026-01-01T00:00:00Z',
      connections: c.connections,
    }));
  }

  /** All companies, in seed order, each with its `dataConnections`. */
  listCompanies(): Company[] {
    return this.#companies.map(toCompany);
  }

  /** One company, or undefined. */
  getCompany(companyId: string): Company | undefined {
    const c = this.#find(companyId);
    return c && toCompany(c);
  }

  /** True when the company exists. */
  hasCompany(companyId: string): boolean {
    return this.#find(companyId) !== undefined;
  }

  /** The company's connections in seed order, or undefined for an unknown company. */
  listConnections(companyId: string): Connection[] | undefined {
    return this.#find(companyId)?.connections.map(copy);
  }

  /** One connection, or undefined when the company or connection is unknown. */
  getConnection(companyId: string, connectionId: string): Connection | undefined {
    const c = this.#find(companyId)?.connections.find((x) => x.id === connectionId);
    return c && copy(c);
  }

  /** Sets a connection's status (e.g. to simulate a deauthorization); keeps its dates. */
  setConnectionStatus(companyId: string, connectionId: string, status: ConnectionStatus): Connection | undefined {
    const c = this.#find(companyId)?.connections.find((x) => x.id === connectionId);
    if (!c) return undefined;
    c.status = status;
    return copy(c);
  }

  /** Unlinks a connection (status `Unlinked`); returns the updated copy. */
  unlinkConnection(companyId: string, connectionId: string): Connection | undefined {
    return this.setConnectionStatus(companyId, connectionId, 'Unlinked');
  }

  /** Adds or replaces a connection of an existing company; returns false if the company is unknown. */
  putConnection(companyId: string, connection: Connection): boolean {
    const company = this.#find(companyId);
    if (!company) return false;
    const i = company.connections.findIndex((x) => x.id === connection.id);
    if (i >= 0) company.connections[i] = copy(connection);
    else company.connections.push(copy(connection));
    return true;
  }

  /** Removes a connection; returns false when it did not exist. */
  deleteConnection(companyId: string, connectionId: string): boolean {
    const company = this.#find(companyId);
    const i = company?.connections.findIndex((x) => x.id === connectionId) ?? -1;
    if (!company || i < 0) return false;
    company.connections.splice(i, 1);
    return true;
  }

  #find(companyId: string): CompanyRecord | undefined {
    return this.#companies.find((c) => c.id === companyId);
  }
}

function earliest(connections: Connection[]): string | undefined {
  return connections.map((c) => c.created).sort()[0];
}

function toCompany(c: CompanyRecord): Company {
  const lastSync = c.connections
    .map((x) => x.lastSync)
    .filter((x): x is string => !!x)
    .sort()
    .at(-1);
  return {
    id: c.id,
    name: c.name,
    ...(c.description !== undefined ? { description: c.description } : {}),
    redirect: `https://link.codat.io/company/${c.id}`,
    ...(lastSync ? { lastSync } : {}),
    created: c.created,
    products: [],
    referenceSubsidiaryCompanies: [],
    dataConnections: c.connections.map(copy),
  };
}
