/** Home: the partnership at a glance, loaded in one call. */
import { RESET_STEPS } from '../../domain/audits';
import type { CornerValues } from '../common/api';
import type { HomeView } from './api';
import type { App } from '../client/app';
import { commitmentList } from '../commitments/commitment-list';
import { ratesSection } from '../commitments/rates-view';
import { h, uid } from '../client/dom';
import { BAND_LABEL, CORNER_NAMES, mean, signed, trend } from '../client/format';
import { externalLink } from '../client/external-link';
import { call } from '../client/rpc';
import { trustSquare } from './square';
import { reviewLine } from '../governance/view';
import { SIDE_COLOURS } from '../../palette';
import { actionButton, actionForm, announce, field, heading, loadInto, notice, section, select, textInput } from '../client/ui';

export function showHome(app: App, data?: HomeView): void {
  if (data) {
    renderHome(app, data);
    return;
  }
  void loadInto(app.slot, () => call('loadHome'), (home) => renderHome(app, home));
}

function renderHome(app: App, home: HomeView): void {
  app.learn(home);
  // A file that is not set up gets the first-run view before anything else: who you are only
  // means something once the two companies are named.
  // Set up from the menu or by hand without both companies named: ask for them before anything
  // else (never "· partnership" with no names).
  if (!home.setUp || home.sides.length < 2) {
    renderFirstRun(app, home);
    return;
  }
  if (!home.identity) {
    app.go('identity', { home });
    return;
  }
  const you = youLine(app, home);
  app.render(
    heading('Trust Corners'),
    you,
    h('p', { class: 'muted' }, `${home.sides.join(' and ')} · ${home.model} partnership`),
    home.exited ? exitedNotice(app, home.exited) : null,
    home.breachMode ? resetPanel(app, home.breachMode) : null,
    home.latestCycle ? squareSection(app, home) : section('Trust square', h('p', null, 'No assessment yet. Start one to see where trust stands.')),
    home.latestCycle ? meansSection(home) : null,
    home.gaps ? gapsSection(home.gaps, home.sideMeans.map((s) => s.side)) : null,
    home.weakest ? weakestSection(home) : null,
    section('Needs attention', commitmentList(home.attention, () => showHome(app), 'Nothing overdue or at risk.')),
    ratesSection(home.rates),
    // In breach mode the 90-day loop is paused, and after an exit it is over: no reassessment date, no call to assess.
    home.breachMode || home.exited ? null : reassessmentSection(app, home),
    home.exited ? null : governanceSection(app, home.governance),
    section('Actions', commitmentList(home.actions, () => showHome(app), 'No actions agreed yet.')),
    h(
      'div',
      { class: 'buttons' },
      home.exited
        ? null
        : home.breachMode
        ? h('button', { type: 'button', class: 'primary', onclick: () => app.go('breach') }, 'Open the reset')
        : h('button', { type: 'button', class: 'primary', onclick: () => app.go('assess') }, 'Take the assessment'),
      h('button', { type: 'button', class: 'secondary', onclick: () => app.go('results') }, 'See results'),
    ),
  );
}

/** The partnership was exited after a severe breach: the loop is over, the records stay. */
function exitedNotice(app: App, exit: NonNullable<HomeView['exited']>): HTMLElement {
  return notice(
    'warning',
    h('strong', null, `The partnership was exited${exit.decidedOn ? ` on ${exit.decidedOn}` : ''}. `),
    `Decided after breach ${exit.breachId}. No reassessment is due and no new cycle is offered; every record is kept. `,
    h('button', { type: 'button', class: 'link', onclick: () => app.go('breach') }, 'See the decision'),
  );
}

/** The trust-building approach: a gentle prompt before one is chosen, a notice when its six-month review is due. */
function governanceSection(app: App, note: HomeView['governance']): HTMLElement {
  const open = (label: string) => h('button', { type: 'button', class: 'link', onclick: () => app.go('governance') }, label);
  if (note.state === 'unchosen') {
    return section('Governance', h('p', null, 'No trust-building approach chosen yet. Choosing one on purpose, with a written rationale, helps both sides ramp up at the right pace. ', open('Choose an approach')));
  }
  if (note.state === 'review-due') {
    return section('Governance', notice('warning', h('strong', null, 'Governance review due. '), reviewLine(note), ' ', open('Review the approach')));
  }
  return section('Governance', h('p', null, reviewLine(note), ' ', open('See governance')));
}

/** A severe breach is open: the reset steps take the place of the 90-day loop. */
function resetPanel(app: App, breach: NonNullable<HomeView['breachMode']>): HTMLElement {
  const id = uid('reset');
  return h(
    'section',
    { class: 'notice warning reset', 'aria-labelledby': id },
    h('h2', { id }, 'Reset after a severe breach'),
    h('p', null, h('strong', null, breach.what), breach.corner ? ` (${breach.corner})` : ''),
    h('p', null, 'The 90-day loop is paused. Work through the reset with the partner, with a mediator if needed:'),
    h('ol', null, RESET_STEPS.map((step) => h('li', null, step))),
    h('p', null, breach.reviewDate ? `Facilitated review: ${breach.reviewDate}.` : 'No facilitated review date agreed yet.'),
    h('button', { type: 'button', class: 'link', onclick: () => app.go('breach') }, 'Go to the reset steps'),
  );
}

const OFFER_REASON: Record<NonNullable<HomeView['offer']>['reason'], string> = {
  first: 'No assessment cycle yet.',
  due: 'The reassessment is due.',
  'major-change': 'A major change calls for an ad hoc reassessment.',
  'reset-complete': 'The reset is complete: reassess where trust stands.',
  breach: 'A severe breach is open: a reset cycle, not a quarterly one.',
};

function reassessmentSection(app: App, home: HomeView): HTMLElement {
  const open = home.openCycle;
  const offer = home.offer;
  return section(
    'Next reassessment',
    h('p', null, reassessmentText(home)),
    home.reviewCalendar ? calendarNote(home.reviewCalendar) : null,
    home.adHocReason ? notice('info', h('strong', null, 'Major change: '), home.adHocReason) : null,
    open
      ? notice(
          'info',
          h('strong', null, `Cycle ${open.name} is open`),
          ` (${Object.entries(open.answeredBySide).map(([side, count]) => `${side}: ${count}`).join(', ') || 'no answers yet'}). `,
          open.youAnswered ? 'You have answered. ' : '',
          h('button', { type: 'button', class: 'link', onclick: () => app.go('assess') }, open.youAnswered ? 'See the cycle' : 'Answer it'),
        )
      : offer
        ? notice(
            'info',
            h('strong', null, OFFER_REASON[offer.reason]),
            ` Start “${offer.suggestedName}”, ${offer.kind === 'Ad hoc' ? 'an ad hoc' : `a ${offer.kind.toLowerCase()}`} cycle. `,
            h('button', { type: 'button', class: 'link', onclick: () => app.go('assess') }, 'Start the cycle'),
          )
        : null,
  );
}

/** The quarterly review as a recurring event in the user's own Google Calendar: a link, no permission. */
function calendarNote(review: NonNullable<HomeView['reviewCalendar']>): HTMLElement {
  return h(
    'p',
    { class: 'calendar-note' },
    externalLink(review.url, 'Add the quarterly review to Google Calendar', { class: 'calendar-link' }),
    h('span', { class: 'hint' }, ` On ${review.on}, every three months, with an agenda from ${review.cycle}: gaps to discuss first, the focus, the actions due.`),
  );
}

/** Our company (first on the Partnership sheet) in its colour, the partner in theirs: as on the Dashboard. */
function sideColour(home: HomeView, side: string): string {
  const ours = (home.sides[0] ?? '').trim().toLowerCase();
  return side.trim().toLowerCase() === ours ? SIDE_COLOURS.ours : SIDE_COLOURS.partner;
}

function squareSection(app: App, home: HomeView): HTMLElement {
  const overall: CornerValues = Object.fromEntries(home.corners.map((c) => [c.corner, c.mean])) as CornerValues;
  const rated = home.sideMeans.filter((s) => CORNER_NAMES.some((c) => s.means[c] !== null));
  let picture: SVGElement;
  let legend: string;
  if (rated.length >= 2) {
    const mine = rated.find((s) => s.side === app.identity?.side) ?? rated[0];
    const theirs = rated.find((s) => s !== mine) ?? rated[1];
    picture = trustSquare(
      { label: mine.side, values: mine.means, colour: sideColour(home, mine.side) },
      { label: theirs.side, values: theirs.means, colour: sideColour(home, theirs.side) },
      home.weakest,
      overall,
    );
    legend = `Filled: ${mine.side}. Dashed: ${theirs.side}. Numbers: both sides together.`;
  } else {
    picture = trustSquare({ label: 'Both sides', values: overall }, null, home.weakest);
    legend = 'Means of everyone who answered.';
  }
  return section(
    `Trust square, ${home.latestCycle}`,
    picture,
    h('p', { class: 'legend' }, legend, ' Inner line: 6, the attention threshold. ', home.weakest ? 'Ring: weakest corner.' : ''),
  );
}

function meansSection(home: HomeView): HTMLElement {
  const rows = home.corners.map((c) => {
    const t = trend(c.trend);
    return h(
      'tr',
      { class: c.band ? `band-${c.band}` : '' },
      h('th', { scope: 'row' }, c.corner),
      h('td', { class: 'num' }, mean(c.mean)),
      h('td', null, c.band ? h('span', { class: `band ${c.band}` }, BAND_LABEL[c.band]) : '–'),
      h('td', { class: 'trend' }, h('span', { 'aria-hidden': 'true' }, t.arrow), h('span', { class: 'sr-only' }, t.spoken)),
    );
  });
  return section(
    'Corners',
    h(
      'table',
      null,
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Corner'), h('th', { scope: 'col' }, 'Mean'), h('th', { scope: 'col' }, 'Band'), h('th', { scope: 'col' }, 'Trend'))),
      h('tbody', null, rows),
    ),
  );
}

/** Per corner, side A minus side B; a gap of 2 or more is worth discussing before anything else. */
export function gapsSection(gaps: CornerValues, sides: string[]): HTMLElement {
  const [a, b] = sides;
  const items = CORNER_NAMES.map((corner) => {
    const gap = gaps[corner];
    if (gap === null) return h('li', null, `${corner}: –`);
    const big = Math.abs(gap) >= 2;
    const higher = gap > 0 ? a : gap < 0 ? b : null;
    return h(
      'li',
      { class: big ? 'gap big' : 'gap' },
      `${corner}: ${signed(gap)}`,
      higher ? ` (${higher} rates it higher)` : '',
      big ? h('strong', null, ' Discuss first') : null,
    );
  });
  return section(
    'Perception gaps',
    h('p', { class: 'hint' }, `${a ?? 'Side A'} minus ${b ?? 'side B'}. Perception is reality in partnerships.`),
    h('ul', { class: 'plain' }, items),
  );
}

function weakestSection(home: HomeView): HTMLElement {
  return section(
    'Focus',
    h('p', null, home.focusReason),
    h('p', null, h('strong', null, home.weakest ?? ''), home.weakestWhy ? `: ${home.weakestWhy}` : ''),
    home.needsSafeguards ? safeguardsNotice() : null,
  );
}

export function safeguardsNotice(): HTMLElement {
  return notice(
    'warning',
    h('strong', null, 'Two or more corners are low. '),
    'Consider a slower ramp or extra safeguards: commit gradually and put contractual safeguards in place.',
  );
}

function reassessmentText(home: HomeView): string {
  if (home.daysToReassessment === null || !home.nextReassessment) return 'Not scheduled: it is set 90 days after a cycle closes.';
  const d = home.daysToReassessment;
  if (d > 0) return `In ${d} day${d === 1 ? '' : 's'} (${home.nextReassessment}).`;
  if (d === 0) return `Today (${home.nextReassessment}).`;
  return `${-d} day${d === -1 ? '' : 's'} overdue (${home.nextReassessment}). Take the assessment again.`;
}


/** Who you are, and how Trust Corners knows your side: by your email, chosen once for it, or self-declared. */
function youLine(app: App, home: HomeView): HTMLElement {
  const identity = home.identity as NonNullable<HomeView['identity']>;
  const who = home.who;
  const how =
    who.basis === 'declared'
      ? 'Your side is self-declared: Google did not tell Trust Corners your email.'
      : who.basis === 'email'
        ? `Your side comes from your email (${who.email ?? ''}).`
        : who.basis === 'chosen'
          ? `You chose this side for your email (${who.email ?? ''}), which neither company lists.`
          : '';
  return h(
    'div',
    { class: 'you' },
    h(
      'p',
      { class: 'muted' },
      `You: ${identity.displayName} (${identity.side}) `,
      h('button', { type: 'button', class: 'link', onclick: () => app.go('identity', { home }) }, who.fixedSide ? 'Change name' : 'Change'),
    ),
    how ? h('p', { class: 'hint who-basis' }, how) : null,
  );
}

/** First run: what the add-on does in three lines, then set up or the example. */
function renderFirstRun(app: App, home: HomeView): void {
  const ours = textInput({ autocomplete: 'organization', required: true }, home.sides[0] ?? home.identity?.side ?? '');
  const partner = textInput({ required: true });
  const model = select(home.models, home.model || 'Strategic');
  const { form } = actionForm(
    'Set up',
    'Setting up…',
    [
      field('Your company', ours),
      field('Partner company', partner),
      field('Partnership model', model, 'Decides which corner breaks a tie for the weakest corner.'),
    ],
    async () => {
      const result = await call('setUpWorkbook', { ourCompany: ours.value, partnerCompany: partner.value, model: model.value });
      announce('The workbook is set up.');
      renderHome(app, result);
    },
    { 'aria-label': 'Set up the partnership workbook' },
  );
  const example = actionButton(
    'Load the example',
    'Loading the example…',
    async () => {
      const result = await call('loadExample');
      announce('The example partnership is loaded.');
      renderHome(app, result);
    },
    { secondary: true },
  );
  app.render(
    heading('Trust Corners'),
    home.identity ? youLine(app, home) : null,
    h(
      'ul',
      { class: 'first-run', 'aria-label': 'What Trust Corners does' },
      h('li', null, 'Two partner companies run their partnership in this one shared spreadsheet.'),
      h('li', null, 'Both sides rate trust on four corners: Competence, Reliability, Transparency, Alignment.'),
      h('li', null, 'The weakest corner gets three agreed actions, tracked as commitments and reassessed after 90 days.'),
    ),
    h('p', null, home.setUp ? 'The sheets are set up, but the Partnership sheet does not name both companies yet.' : 'This spreadsheet is not set up for Trust Corners yet.'),
    section(
      home.setUp ? 'Name the partnership' : 'Set up this spreadsheet',
      h(
        'p',
        { class: 'muted' },
        home.setUp
          ? 'The two companies are the two sides everywhere: in the answers, the commitments and the Dashboard. A name already on the Partnership sheet is kept.'
          : 'Adds the shared sheets both companies edit: Partnership, Assessments, Shared Commitments Log, Joint Health Scorecard, Disclosure Ledger and a Dashboard. Nothing already in the spreadsheet is changed.',
      ),
      form,
    ),
    section(
      'Or explore the example',
      h('p', { class: 'muted' }, 'Fills the sheets with a made-up partnership to try everything. Best in a new spreadsheet.'),
      example.element,
    ),
  );
}
