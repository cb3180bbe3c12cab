/**
 * One copy of each connection of a company, shared by every element that reads it.
 * It knows data and nothing of HTTP: the client writes to it, elements subscribe to it,
 * so a change made through one element shows in all of them without refetching.
 */
import type { Connection } from '../api/types.js';

export type StoreListener = () => void;

export class ConnectionStore {
  #byId = new Map<string, Connection>();
  #order: string[] = [];
  #removed = new Set<string>();
  #listLoaded = false;
  #listeners = new Set<StoreListener>();

  /** Whether the whole list has been read at least once. */
  get listLoaded(): boolean {
    return this.#listLoaded;
  }

  /** Every known connection, in the order the API listed them. */
  all(): Connection[] {
    return this.#order.map((id) => this.#byId.get(id)!);
  }

  /** One connection, if known. */
  get(connectionId: string): Connection | undefined {
    return this.#byId.get(connectionId);
  }

  /** Whether the connection was deleted through this store. */
  wasRemoved(connectionId: string): boolean {
    return this.#removed.has(connectionId);
  }

  /** Replaces the whole list with what the API returned. */
  replaceAll(connections: readonly Connection[]): void {
    this.#byId = new Map(connections.map((connection) => [connection.id, connection]));
    this.#order = [...this.#byId.keys()];
    this.#listLoaded = true;
    this.#notify();
  }

  /** Adds or updates one connection, keeping its place in the list. */
  upsert(connection: Connection): void {
    if (!this.#byId.has(connection.id)) this.#order.push(connection.id);
    this.#byId.set(connection.id, connection);
    this.#removed.delete(connection.id);
    this.#notify();
  }

  /** Forgets a connection the API no longer has. */
  remove(connectionId: string): void {
    if (!this.#byId.delete(connectionId)) return;
    this.#order = this.#order.filter((id) => id !== connectionId);
    this.#removed.add(connectionId);
    this.#notify();
  }

  /** Forgets everything, for example when the company or token changes. */
  clear(): void {
    this.#byId.clear();
    this.#order = [];
    this.#removed.clear();
    this.#listLoaded = false;
    this.#notify();
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: StoreListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
