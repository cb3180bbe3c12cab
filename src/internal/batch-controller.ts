import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface BatchOptions {
  /** Items shown in the first update: more than a screenful. */
  first: number;
  /** How long one update that adds a batch should take, in milliseconds; later batches are sized to it. */
  budgetMs: number;
  /** The fewest and most items one batch adds. */
  min: number;
  max: number;
  /**
   * Batches are never so small that filling the list takes more frames than this. Every frame also lays out
   * and paints the items already shown, a cost that grows with their number, so very long lists take larger
   * batches rather than ever more frames.
   */
  frames: number;
}

const DEFAULTS: BatchOptions = { first: 50, budgetMs: 10, min: 10, max: 500, frames: 40 };

/**
 * Puts a long list on the page a batch at a time, in order: `limit` items now, then a batch more each
 * animation frame until every item is shown. Each batch is sized from how long the items of the last one
 * took to render, so a frame stays short on a slow or busy machine and few frames are needed on a fast one.
 * Items once shown stay shown, unless the list gets shorter or the host calls `restart()`. Nothing happens
 * while the host is off the page; put back, it carries on.
 *
 * The host tells it the number of items in `willUpdate()` (`setTotal`) and renders the first `limit` of them.
 */
export class BatchController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: BatchOptions;
  #total = 0;
  #limit: number;
  #batch: number;
  #shown = 0;
  #started = 0;
  #frame: number | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, options: Partial<BatchOptions> = {}) {
    this.#host = host;
    this.#options = { ...DEFAULTS, ...options };
    this.#limit = this.#options.first;
    this.#batch = this.#options.first;
    host.addController(this);
  }

  /** How many items to render now. */
  get limit(): number {
    return this.#limit;
  }

  /** Whether items are still to come after this update. */
  get pending(): boolean {
    return this.#total > this.#limit;
  }

  /**
   * How many items there are to show in this update. Items beyond those already shown (a reload that found
   * more, say) arrive in batches too.
   */
  setTotal(total: number): void {
    this.#total = total;
    this.#limit = Math.max(this.#options.first, Math.min(this.#limit, total));
    this.#shown = Math.min(this.#shown, total);
  }

  /** Starts again from the first batch, for example when a filter shows other items. */
  restart(): void {
    this.#limit = this.#options.first;
    this.#shown = Math.min(this.#shown, this.#limit);
  }

  hostConnected(): void {
    this.#connected = true;
    // Moved on the page while items were still to come: carry on.
    if (this.pending) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#connected = false;
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
  }

  hostUpdate(): void {
    this.#started = performance.now();
  }

  hostUpdated(): void {
    const shown = Math.min(this.#limit, this.#total);
    const added = shown - this.#shown;
    this.#shown = shown;
    if (added > 0) {
      const perItem = Math.max(performance.now() - this.#started, 0.1) / added;
      const { first, budgetMs, min, max, frames } = this.#options;
      const floor = Math.max(min, Math.ceil((this.#total - first) / frames));
      this.#batch = Math.max(floor, Math.min(max, Math.floor(budgetMs / perItem)));
    }
    if (this.pending && this.#connected && this.#frame === undefined) {
      this.#frame = requestAnimationFrame(() => {
        this.#frame = undefined;
        this.#limit += this.#batch;
        this.#host.requestUpdate();
      });
    }
  }
}
