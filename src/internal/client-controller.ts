import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CodatClient } from '../api/client.js';

/**
 * Re-renders its host whenever the shared connection store of the host's current client changes, or the client
 * starts a new session (`client.session`), and follows the host to a new client. The host supplies its client through `getClient`.
 */
export class ClientStoreController implements ReactiveController {
  #host: ReactiveControllerHost;
  #getClient: () => CodatClient | undefined;
  #subscribed: CodatClient | undefined;
  #unsubscribe: (() => void) | undefined;
  #changes = 0;

  constructor(host: ReactiveControllerHost, getClient: () => CodatClient | undefined) {
    this.#host = host;
    this.#getClient = getClient;
    host.addController(this);
  }

  /** The store of the host's current client, if it has one. */
  get connections() {
    return this.#getClient()?.connections;
  }

  /** A number that changes whenever the store changed, so a host can keep what it derived from it until then. */
  get version(): number {
    return this.#changes;
  }

  hostConnected(): void {
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribed = undefined;
  }

  #follow(): void {
    const client = this.#getClient();
    if (client === this.#subscribed) return;
    this.#unsubscribe?.();
    this.#subscribed = client;
    this.#changes++;
    const update = () => {
      this.#changes++;
      this.#host.requestUpdate();
    };
    // The client tells of a new session (a new token after expiry): the host reads again what it shows.
    const off = [client?.connections.subscribe(update), client?.subscribe(update)];
    this.#unsubscribe = () => off.forEach((unsubscribe) => unsubscribe?.());
  }
}
