/** What every view gets: the slot it renders into, who the user is, and navigation. */
import type { HomeView, Identity, ResultsView } from '../api';
import { replaceChildren, type Child } from './dom';

export type ViewName =
  | 'identity' | 'home' | 'assess' | 'results' | 'agree' | 'sync'
  // The rest of the method, listed under More.
  | 'more' | 'competence' | 'alignment' | 'premortem' | 'disclosure' | 'breach' | 'change'
  | 'scorecard';

/** The views reached from the More tab. */
export const METHOD_VIEWS: readonly ViewName[] = ['more', 'competence', 'alignment', 'premortem', 'disclosure', 'breach', 'change', 'scorecard'];

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
}

export function createApp(slot: HTMLElement, navigate: (app: App, view: ViewName, input: ViewInput) => void): App {
  const app: App = {
    slot,
    identity: null,
    sides: [],
    go: (view, input = {}) => navigate(app, view, input),
    render(...children) {
      replaceChildren(slot, ...children);
      const h1 = slot.querySelector('h1');
      if (h1 instanceof HTMLElement) h1.focus();
    },
    learn(data) {
      app.identity = data.identity;
      if (data.sides.length > 0) app.sides = data.sides;
    },
  };
  return app;
}
