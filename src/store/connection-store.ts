/**
 * One copy of each connection of a company, shared by every element that reads it.
 * It knows data and nothing of HTTP: the client writes to it, elements subscribe to it,
 * so a change made through one element shows in all of them without refetching.
 *
 * Writes are ordered. A read takes a mark when it starts (`startRead()`) and writes what it returned with that
 * mark; a change the API confirmed (an unlink, a pause) is written with a new mark, later than every read under
 * way. A connection written from a later mark keeps that copy: a read that started before a confirmed change, or
 * before a newer read, and returns after it, cannot put the older state back.
 */
import type { Connection } from '../api/types.js';

export type StoreListener = () => void;

/** When a read started, from `ConnectionStore.startRead()`. */
export type ReadMark = number;

export class ConnectionStore {
  /** Every known connection by id, in the order the API listed them (a Map keeps its insertion order). */
  #byId = new Map<string, Connection>();
  #removed = new Set<string>();
  #listLoaded = false;
  #listeners = new Set<StoreListener>();
  /** Counts marks: each read's start and each confirmed write takes the next one. */
  #clock = 0;
  /** The mark each connection was last written (or removed) with; kept after a removal. */
  #marks = new Map<string, number>();

  /** Whether the whole list has been read at least once. */
  get listLoaded(): boolean {
    return this.#listLoaded;
  }

  /** Every known connection, in the order the API listed them. */
  all(): Connection[] {
    return [...this.#byId.values()];
  }

  /** One connection, if known. */
  get(connectionId: string): Connection | undefined {
    return this.#byId.get(connectionId);
  }

  /** Whether the connection was deleted through this store. */
  wasRemoved(connectionId: string): boolean {
    return this.#removed.has(connectionId);
  }

  /**
   * Marks the start of a read: pass the mark with what the read returned (`upsert`, `replaceAll`, `remove`), so it
   * does not overwrite what was written after it started.
   */
  startRead(): ReadMark {
    return ++this.#clock;
  }

  /**
   * Replaces the whole list with what the API returned. With the `read` mark of the read that returned it, the
   * connections written since that read started keep their copy (or stay removed), and those created since stay.
   */
  replaceAll(connections: readonly Connection[], read?: ReadMark): void {
    const mark = read ?? ++this.#clock;
    const next = new Map<string, Connection>();
    for (const connection of connections) {
      if (this.#newer(connection.id, mark)) {
        const current = this.#byId.get(connection.id);
        if (current) next.set(connection.id, current);
        continue;
      }
      next.set(connection.id, connection);
      this.#marks.set(connection.id, mark);
    }
    for (const [id, current] of this.#byId) {
      if (!next.has(id) && this.#newer(id, mark)) next.set(id, current);
    }
    this.#byId = next;
    this.#listLoaded = true;
    this.#notify();
  }

  /**
   * Adds or updates one connection, keeping its place in the list. With the `read` mark of the read that returned
   * it, nothing changes when the connection was written since that read started. Returns whether it was written.
   */
  upsert(connection: Connection, read?: ReadMark): boolean {
    const mark = read ?? ++this.#clock;
    if (this.#newer(connection.id, mark)) return false;
    this.#marks.set(connection.id, mark);
    // A known connection keeps its place; a new one goes last.
    this.#byId.set(connection.id, connection);
    this.#removed.delete(connection.id);
    this.#notify();
    return true;
  }

  /**
   * Forgets a connection the API no longer has. With the `read` mark of the read that found it gone, nothing
   * changes when the connection was written since that read started.
   */
  remove(connectionId: string, read?: ReadMark): void {
    const mark = read ?? ++this.#clock;
    if (this.#newer(connectionId, mark)) return;
    this.#marks.set(connectionId, mark);
    if (!this.#byId.delete(connectionId)) return;
    this.#removed.add(connectionId);
    this.#notify();
  }

  /** Forgets everything, for example when the company or token changes. */
  clear(): void {
    this.#byId.clear();
    this.#removed.clear();
    this.#listLoaded = false;
    this.#notify();
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: StoreListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Whether the connection was written from a later mark than `mark`. */
  #newer(connectionId: string, mark: number): boolean {
    return (this.#marks.get(connectionId) ?? 0) > mark;
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
