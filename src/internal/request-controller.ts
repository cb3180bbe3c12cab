/**
 * The request pattern the detail's parts (its sync history, bank accounts and refresh) and the sync pause control
 * share: one request at a time, aborted when a newer one starts or the host leaves the page, with what runs and the last failure kept for
 * the render and an API failure told to the host's listeners as `codat-error`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CodatApiError } from '../api/errors.js';
import { CodatErrorEvent } from '../events/error.js';

type Host = ReactiveControllerHost & EventTarget;

/**
 * Sends one request at a time for its host and re-renders the host when one starts and when it ends.
 * `K` says what is being sent (for example which data type); a plain loading flag is `true`.
 */
export class RequestController<K = true> implements ReactiveController {
  /** What is being sent now, or `undefined` when nothing is. */
  pending: K | undefined;
  /** The last request's failure, until the next one starts. */
  error: unknown;
  protected readonly host: Host;
  #abort: AbortController | undefined;

  constructor(host: Host) {
    this.host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort();
  }

  /**
   * Aborts the request under way, if any: its answer or failure is then ignored. It still re-renders the host
   * when it ends, unless a newer request started meanwhile.
   */
  abort(): void {
    this.#abort?.abort();
    this.pending = undefined;
  }

  /**
   * Sends `request` (aborting any under way) with `what` as `pending`, and gives its answer to `apply` unless it
   * was aborted meanwhile. Resolves `true` when the request succeeded, `false` when it failed (then `error` holds
   * why, unless it was aborted).
   */
  async send<T>(what: K, request: (signal: AbortSignal) => Promise<T>, apply?: (answer: T) => void): Promise<boolean> {
    this.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.pending = what;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const answer = await request(abort.signal);
      if (!abort.signal.aborted) apply?.(answer);
      return true;
    } catch (error) {
      if (abort.signal.aborted) return false;
      this.error = error;
      if (error instanceof CodatApiError) this.host.dispatchEvent(CodatErrorEvent.from(error));
      return false;
    } finally {
      // Only the newest request's end clears `pending`: an aborted one may end after its successor started.
      if (this.#abort === abort) {
        this.#abort = undefined;
        this.pending = undefined;
        this.host.requestUpdate();
      }
    }
  }
}
