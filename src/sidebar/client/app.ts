/** What every view gets: the slot it renders into, who the user is, and navigation. */
import type { Identity } from '../common/api';
import type { HomeView } from '../home/api';
import type { ResultsView } from '../results/api';
import { replaceChildren, type Child } from './dom';
import { announce } from './ui';

/** Every view the sidebar shows; client/views.ts says where each lives and how it is opened. */
export type ViewName =
  | 'identity' | 'home' | 'assess' | 'results' | 'agree' | 'sync'
  | 'more' | 'competence' | 'alignment' | 'premortem' | 'disclosure' | 'breach' | 'change'
  | 'scorecard' | 'governance' | 'value' | 'about';


/** Data a view may be handed so it need not call the server again (the call that led there returned it). */
export interface ViewInput {
  home?: HomeView;
  results?: ResultsView;
  cycle?: string | null;
}

export interface App {
  slot: HTMLElement;
  identity: Identity | null;
  sides: string[];
  go(view: ViewName, input?: ViewInput): void;
  /** Replaces the view and moves focus to its heading, so keyboard and screen reader users land on it. */
  render(...children: Child[]): void;
  /** Keeps identity and sides current from any view's data. */
  learn(data: { identity: Identity | null; sides: string[] }): void;
  /** The view on screen and what it was opened with. */
  current: { view: ViewName; input: ViewInput };
  /** Counts every opening of a view (go): an answer asked for before the latest one is dropped (client/rpc.ts). */
  generation: number;
  /**
   * The next render replaces the view in place: no "Loading…", focus stays where it is unless it
   * was inside the old view, and `message` is announced once the new view is there.
   */
  refreshInPlace(message: string): void;
  /** Whether the user typed or chose something in a form of this view, or is in one of its fields. */
  inUse(): boolean;
}

/** Marks the slot while a view reloads in place (read by loadInto). */
const REFRESHING = 'data-refreshing';

export function createApp(slot: HTMLElement, navigate: (app: App, view: ViewName, input: ViewInput) => void): App {
  let edited = false;
  let afterRender: string | null = null;
  const inForm = (target: EventTarget | null) => target instanceof Element && target.closest('form') !== null && slot.contains(target);
  // Typing, choosing or ticking in a form marks the view as in use until it is rendered again.
  for (const type of ['input', 'change']) slot.addEventListener(type, (event) => {
    if (inForm(event.target)) edited = true;
  });
  const app: App = {
    slot,
    identity: null,
    sides: [],
    current: { view: 'home', input: {} },
    generation: 0,
    go: (view, input = {}) => {
      app.current = { view, input };
      app.generation += 1;
      navigate(app, view, input);
    },
    render(...children) {
      const inPlace = slot.hasAttribute(REFRESHING);
      const focusWasOutside = !slot.contains(document.activeElement);
      replaceChildren(slot, ...children);
      slot.removeAttribute(REFRESHING);
      edited = false;
      const h1 = slot.querySelector('h1');
      if (h1 instanceof HTMLElement && !(inPlace && focusWasOutside)) h1.focus();
      if (afterRender !== null) announce(afterRender);
      afterRender = null;
    },
    refreshInPlace(message) {
      slot.setAttribute(REFRESHING, '');
      afterRender = message;
    },
    inUse() {
      const focused = document.activeElement;
      return edited || (inForm(focused) && focused instanceof HTMLElement && focused.matches('input, select, textarea'));
    },
    learn(data) {
      app.identity = data.identity;
      if (data.sides.length > 0) app.sides = data.sides;
    },
  };
  return app;
}
