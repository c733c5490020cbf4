import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Freshness, MAX_POLL_BACKOFF_MS, movesChangeCount } from '../../src/sidebar/freshness/poll';
import type { Changes } from '../../src/sidebar/freshness/api';

/** A stand-in for the sidebar's document: only what the poller reads. */
function fakePage() {
  const listeners: Array<() => void> = [];
  const page = {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: (_type: string, listener: () => void) => listeners.push(listener),
    show(state: DocumentVisibilityState) {
      page.visibilityState = state;
      for (const listener of listeners) listener();
    },
  };
  return page;
}

/** A server whose count the test moves; every poll is recorded with the count it was given. */
function fakeServer() {
  const server = {
    counter: 10,
    failing: false,
    polls: [] as Array<number | null>,
    poll: async (known: number | null): Promise<Changes> => {
      server.polls.push(known);
      if (server.failing) throw new Error('offline');
      return { counter: server.counter, since: known === null ? 0 : server.counter - known };
    },
  };
  return server;
}

const INTERVAL = 1000;

function setUp() {
  const page = fakePage();
  const server = fakeServer();
  const changed = vi.fn();
  const freshness = new Freshness({ intervalMs: INTERVAL, poll: server.poll, changed, page: page as unknown as Document });
  freshness.start();
  return { page, server, changed, freshness };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the sidebar poller', () => {
  it('takes a baseline at once, then reports a change made elsewhere within one interval', async () => {
    const { server, changed } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.polls).toEqual([null]);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(changed).not.toHaveBeenCalled();
    server.counter += 1;
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(server.polls).toEqual([null, 10, 10]);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(server.polls.at(-1)).toBe(11);
  });

  it('does not report this sidebar\'s own saves, but does report a partner save made alongside one', async () => {
    const { server, changed, freshness } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    freshness.callStarted('addCommitment');
    server.counter += 1;
    freshness.callEnded('addCommitment', true);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(changed).not.toHaveBeenCalled();

    freshness.callStarted('updateCommitment');
    server.counter += 2; // the partner saved too
    freshness.callEnded('updateCommitment', true);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('counts a refused save as no change of its own, and reads as none at all', async () => {
    const { server, changed, freshness } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    freshness.callStarted('addCommitment');
    freshness.callEnded('addCommitment', false);
    freshness.callStarted('loadCommitments');
    freshness.callEnded('loadCommitments', true);
    server.counter += 1;
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(movesChangeCount('loadExample')).toBe(false); // moves it by one or two: a needless reload at worst
    expect(movesChangeCount('closeCycle')).toBe(true);
    expect(movesChangeCount('loadHome')).toBe(false);
    expect(movesChangeCount('changesSince')).toBe(false);
  });

  it('does not poll while a save is running, and stops while the sidebar is hidden', async () => {
    const { page, server, freshness } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    freshness.callStarted('addCommitment');
    await vi.advanceTimersByTimeAsync(3 * INTERVAL);
    expect(server.polls).toHaveLength(1);
    freshness.callEnded('addCommitment', true);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(server.polls).toHaveLength(2);

    page.show('hidden');
    await vi.advanceTimersByTimeAsync(10 * INTERVAL);
    expect(server.polls).toHaveLength(2);
    page.show('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(server.polls).toHaveLength(3);
  });

  it('backs off on errors, doubling up to the ceiling, and returns to the interval once a poll works', async () => {
    const { server } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    server.failing = true;
    const before = server.polls.length;
    await vi.advanceTimersByTimeAsync(INTERVAL); // fails: next in 2 s
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(server.polls.length - before).toBe(1);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(server.polls.length - before).toBe(2); // fails: next in 4 s
    await vi.advanceTimersByTimeAsync(3 * INTERVAL);
    expect(server.polls.length - before).toBe(2);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(server.polls.length - before).toBe(3);
    await vi.advanceTimersByTimeAsync(20 * MAX_POLL_BACKOFF_MS);
    const afterLong = server.polls.length;
    await vi.advanceTimersByTimeAsync(MAX_POLL_BACKOFF_MS);
    expect(server.polls.length - afterLong).toBe(1); // never slower than the ceiling
    server.failing = false;
    await vi.advanceTimersByTimeAsync(MAX_POLL_BACKOFF_MS);
    const recovered = server.polls.length;
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(server.polls.length - recovered).toBe(1);
  });
});
