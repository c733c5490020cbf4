/**
 * The sidebar's entry: a skip-free shell (the sidebar is short) with section navigation, the view
 * slot and the live region, then the home view. Bundled by scripts/build-sidebar.mjs.
 */
import { createApp, METHOD_VIEWS, type App, type ViewInput, type ViewName } from './app';
import { h } from './dom';
import { showAgree } from './views/agree';
import { showAlignment } from './views/alignment';
import { showAssessment } from './views/assess';
import { showBreach } from './views/breach';
import { showChange } from './views/change';
import { showCompetence } from './views/competence';
import { showDisclosure } from './views/disclosure';
import { showHome } from './views/home';
import { showIdentity } from './views/identity';
import { showMore } from './views/more';
import { showPremortem } from './views/premortem';
import { showResults } from './views/results';
import { showScorecard } from './views/scorecard';
import { showSync } from './views/sync';

const NAV: Array<{ view: ViewName; label: string }> = [
  { view: 'home', label: 'Home' },
  { view: 'assess', label: 'Assess' },
  { view: 'results', label: 'Results' },
  { view: 'sync', label: 'Sync' },
  { view: 'more', label: 'More' },
];

function start(): void {
  const slot = h('main', { id: 'view' });
  const buttons = NAV.map((item) => h('button', { type: 'button', 'data-view': item.view }, item.label));
  const nav = h('nav', { 'aria-label': 'Sections' }, buttons);
  const announcer = h('div', { id: 'announcer', class: 'sr-only', role: 'status', 'aria-live': 'polite' });

  const mark = (view: ViewName) => {
    const section = view === 'agree' ? 'results' : METHOD_VIEWS.includes(view) ? 'more' : view;
    for (const b of buttons) {
      if (b.getAttribute('data-view') === section) b.setAttribute('aria-current', 'page');
      else b.removeAttribute('aria-current');
    }
    nav.hidden = view === 'identity';
  };

  const navigate = (app: App, view: ViewName, input: ViewInput) => {
    mark(view);
    switch (view) {
      case 'identity':
        return showIdentity(app);
      case 'home':
        return showHome(app, input.home);
      case 'assess':
        return showAssessment(app);
      case 'results':
        return showResults(app, input.cycle ?? input.results?.cycle ?? null, input.results);
      case 'agree':
        return input.results ? showAgree(app, input.results) : showResults(app, null);
      case 'sync':
        return showSync(app);
      case 'more':
        return showMore(app);
      case 'competence':
        return showCompetence(app);
      case 'alignment':
        return showAlignment(app);
      case 'premortem':
        return showPremortem(app);
      case 'disclosure':
        return showDisclosure(app);
      case 'breach':
        return showBreach(app);
      case 'change':
        return showChange(app);
      case 'scorecard':
        return showScorecard(app);
    }
  };
  const app = createApp(slot, navigate);
  buttons.forEach((b) => b.addEventListener('click', () => app.go(b.getAttribute('data-view') as ViewName)));

  document.body.append(nav, slot, announcer);
  app.go('home');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
