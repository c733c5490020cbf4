/**
 * Keeps an open sidebar current without reloading its view on a timer: every `intervalMs` it asks
 * the server for the workbook's change count (one cheap call, src/sidebar/freshness/server.ts)
 * and reports a change only when the count moved by more than this sidebar's own saves.
 *
 * Why counting own saves is exact: every successful save moves the count once (saveAtomically), a
 * save's reply already shows the workbook after it, and a poll is only trusted when no save of
 * this sidebar started or ended while it was in flight (otherwise it is asked again next time).
 */
import type { HandlerName } from '../rituals';
import type { Changes } from './api';

/** Within a minute of a partner's save, at two round trips per poll. */
export const POLL_INTERVAL_MS = 30_000;
/** After failures the wait doubles up to this, so a lost connection is not hammered. */
export const MAX_POLL_BACKOFF_MS = 5 * 60_000;

/**
 * Calls not counted as one change of this sidebar's own: reads, the identity (a user property),
 * and setup and the example, which move the count zero, one or two times (left uncounted, they
 * cost at most one needless reload; counted, they could hide a partner's change). Everything else
 * is a save through saveAtomically, which moves the count once. A new handler that only reads
 * should be named load… or listed here, or each of its calls would hide one partner change.
 */
const NOT_ONE_CHANGE: ReadonlySet<string> = new Set<HandlerName>(['adviseDisclosure', 'changesSince', 'saveIdentity', 'setUpWorkbook', 'loadExample']);

export function movesChangeCount(name: string): boolean {
  return !NOT_ONE_CHANGE.has(name) && !name.startsWith('load');
}

export interface FreshnessOptions {
  intervalMs: number;
  poll(known: number | null): Promise<Changes>;
  /** Someone else changed the workbook since this sidebar last looked. */
  changed(): void;
  /** The page (for visibilityState); the document in the sidebar. */
  page?: Pick<Document, 'visibilityState' | 'addEventListener'>;
}

export class Freshness {
  private known: number | null = null;
  /** Saves of this sidebar that finished since the count was last read. */
  private ownSaves = 0;
  private savesRunning = 0;
  /** Moves whenever a save starts or ends: a poll that saw it move is not trusted. */
  private epoch = 0;
  private polling = false;
  private delay: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly page: Pick<Document, 'visibilityState' | 'addEventListener'>;

  constructor(private readonly options: FreshnessOptions) {
    this.delay = options.intervalMs;
    this.page = options.page ?? document;
  }

  /** Polls now (the baseline) and then every interval while the sidebar is visible. */
  start(): void {
    this.page.addEventListener('visibilitychange', () => {
      // Hidden: the pending poll is dropped. Shown again: look at once, the partner may have saved meanwhile.
      if (this.page.visibilityState === 'hidden') this.stop();
      else this.schedule(0);
    });
    this.schedule(0);
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  callStarted(name: string): void {
    if (!movesChangeCount(name)) return;
    this.savesRunning += 1;
    this.epoch += 1;
  }

  callEnded(name: string, ok: boolean): void {
    if (!movesChangeCount(name)) return;
    this.savesRunning -= 1;
    this.epoch += 1;
    if (ok) this.ownSaves += 1;
  }

  private schedule(ms: number): void {
    this.stop();
    if (this.page.visibilityState === 'hidden') return;
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    if (this.polling || this.page.visibilityState === 'hidden') return;
    if (this.savesRunning > 0) {
      this.schedule(this.delay);
      return;
    }
    const epoch = this.epoch;
    this.polling = true;
    try {
      const changes = await this.options.poll(this.known);
      this.delay = this.options.intervalMs;
      if (epoch === this.epoch) {
        const others = changes.since - this.ownSaves;
        this.known = changes.counter;
        this.ownSaves = 0;
        if (others > 0) this.options.changed();
      }
    } catch {
      this.delay = Math.min(this.delay * 2, MAX_POLL_BACKOFF_MS);
    } finally {
      this.polling = false;
      this.schedule(this.delay);
    }
  }
}
