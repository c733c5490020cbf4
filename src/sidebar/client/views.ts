/**
 * The sidebar's navigation: every view, the ritual it belongs to (rituals.ts), the section of the
 * tab bar it lives under, and, for the tools under More, how the More list presents it. The tab
 * bar, the More list and the router are derived from this one table.
 */
import type { RitualName } from '../rituals';
import { showAlignment } from '../alignment/view';
import { showAssessment } from '../assessment/view';
import { showBreach } from '../breach/view';
import { showSync } from '../commitments/view';
import { showCompetence } from '../competence/view';
import { showDisclosure } from '../disclosure/view';
import { showGovernance } from '../governance/view';
import { showIdentity } from '../home/identity-view';
import { showHome } from '../home/view';
import { showChange } from '../major-change/view';
import { showPremortem } from '../premortem/view';
import { showAgree } from '../results/agree-view';
import { showResults } from '../results/view';
import { showScorecard } from '../scorecard/view';
import { showValue } from '../value/view';
import type { App, ViewInput, ViewName } from './app';
import { showAbout } from './about-view';
import { showMore } from './more-view';

/** The tab bar, in order; every view is shown under one of these (identity under none). */
export const SECTIONS = [
  { section: 'home', label: 'Home' },
  { section: 'assess', label: 'Assess' },
  { section: 'results', label: 'Results' },
  { section: 'sync', label: 'Sync' },
  { section: 'more', label: 'More' },
] as const;
export type Section = (typeof SECTIONS)[number]['section'];

export interface Tool {
  name: string;
  what: string;
}

export interface ViewSpec {
  /** The ritual whose folder holds the view (null: the shell's own More list). */
  ritual: RitualName | null;
  /** The tab it is shown under; null for the who-are-you form, which hides the tabs. */
  section: Section | null;
  /** Views listed under More, in this order. */
  tool?: Tool;
  show(app: App, input: ViewInput): void;
}

export const VIEWS: Record<ViewName, ViewSpec> = {
  identity: { ritual: 'home', section: null, show: (app, input) => showIdentity(app, input.home) },
  home: { ritual: 'home', section: 'home', show: (app, input) => showHome(app, input.home) },
  assess: { ritual: 'assessment', section: 'assess', show: (app) => showAssessment(app) },
  results: { ritual: 'results', section: 'results', show: (app, input) => showResults(app, input.cycle ?? input.results?.cycle ?? null, input.results) },
  agree: { ritual: 'results', section: 'results', show: (app, input) => (input.results ? showAgree(app, input.results) : showResults(app, null)) },
  sync: { ritual: 'commitments', section: 'sync', show: (app) => showSync(app) },
  more: { ritual: null, section: 'more', show: (app) => showMore(app, toolsUnderMore()) },
  // The sidebar's own diagnostics, linked from the foot of More (not one of its tools).
  about: { ritual: null, section: 'more', show: (app) => showAbout(app) },
  scorecard: {
    ritual: 'scorecard', section: 'more', show: (app) => showScorecard(app),
    tool: { name: 'Joint Health Scorecard', what: 'Each side scores the quarter; see both sides next to each other, pNPS and PSAT, and record action items.' },
  },
  competence: {
    ritual: 'competence', section: 'more', show: (app) => showCompetence(app),
    tool: { name: 'Competence Audit', what: 'Rate the partner’s domain expertise, execution capacity and learning velocity; log learning activities.' },
  },
  alignment: {
    ritual: 'alignment', section: 'more', show: (app) => showAlignment(app),
    tool: { name: 'Alignment Audit', what: 'Both sides answer the three questions and name next quarter’s top three priorities; compare them side by side.' },
  },
  premortem: {
    ritual: 'premortem', section: 'more', show: (app) => showPremortem(app),
    tool: { name: 'Pre-mortem', what: 'Before a joint initiative: what could go wrong, the early signal, the agreed recovery. Turn risks into commitments.' },
  },
  disclosure: {
    ritual: 'disclosure', section: 'more', show: (app) => showDisclosure(app),
    tool: { name: 'Disclosure advisor', what: 'Before sharing something: share now, share structurally, wait for reciprocity or show through results?' },
  },
  value: {
    ritual: 'value', section: 'more', show: (app) => showValue(app),
    tool: { name: 'Value Exchange', what: 'What each side gave the other this quarter (leads, referrals, deals, revenue) and invested, and the balance each way as a ratio.' },
  },
  governance: {
    ritual: 'governance', section: 'more', show: (app) => showGovernance(app),
    tool: { name: 'Governance and review pack', what: 'Choose the trust-building approach with a rationale, review it every six months, and prepare the steering-committee pack.' },
  },
  breach: {
    ritual: 'breach', section: 'more', show: (app) => showBreach(app),
    tool: { name: 'Severe breach', what: 'Record a severe breach and guide the reset that replaces the 90-day loop.' },
  },
  change: {
    ritual: 'majorChange', section: 'more', show: (app) => showChange(app),
    tool: { name: 'Major change', what: 'A leadership change, launch, merger or market disruption: reassess now.' },
  },
};

/** The tools under More, in the table's order. */
function toolsUnderMore(): Array<Tool & { view: ViewName }> {
  return (Object.entries(VIEWS) as Array<[ViewName, ViewSpec]>).flatMap(([view, spec]) => (spec.tool ? [{ view, ...spec.tool }] : []));
}
