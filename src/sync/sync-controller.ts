import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CodatClient } from '../api/client.js';
import type { SyncChange, SyncMonitor } from './sync-monitor.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Connects an element to its client's `SyncMonitor`: the element counts as a watcher while it is connected
 * (so polling runs only while something shows it), re-renders on every change, and follows its client when it
 * is replaced. `onChange` hears what started and finished, for announcements and reloads.
 */
export class SyncController implements ReactiveController {
  #host: Host;
  #getClient: () => CodatClient | undefined;
  #options: { check?: boolean; onChange?: (changes: readonly SyncChange[]) => void };
  #watched: SyncMonitor | undefined;
  #release: (() => void) | undefined;

  constructor(
    host: Host,
    getClient: () => CodatClient | undefined,
    options: { check?: boolean; onChange?: (changes: readonly SyncChange[]) => void } = {},
  ) {
    this.#host = host;
    this.#getClient = getClient;
    this.#options = options;
    host.addController(this);
  }

  /** The monitor of the host's current client, if it has one. */
  get monitor(): SyncMonitor | undefined {
    return this.#getClient()?.syncs;
  }

  /** Whether this host is the one that announces sync changes (so two elements never say the same thing). */
  get announces(): boolean {
    return this.#watched?.isAnnouncer(this.#host) ?? false;
  }

  hostConnected(): void {
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#release?.();
    this.#release = undefined;
    this.#watched = undefined;
  }

  #follow(): void {
    if (!this.#host.isConnected) return;
    const monitor = this.#getClient()?.syncs;
    if (monitor === this.#watched) return;
    this.#release?.();
    this.#watched = monitor;
    if (!monitor) {
      this.#release = undefined;
      return;
    }
    const unwatch = monitor.watch(this.#host, { check: this.#options.check });
    const unsubscribe = monitor.subscribe((changes) => {
      this.#options.onChange?.(changes);
      this.#host.requestUpdate();
    });
    this.#release = () => {
      unsubscribe();
      unwatch();
    };
  }
}
