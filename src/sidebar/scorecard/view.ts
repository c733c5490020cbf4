/**
 * Joint Health Scorecard, the quarterly ritual: each side scores the quarter (four corners, the
 * Competence sub-dimensions, partner satisfaction, comments), both see the two sides next to each
 * other with the direction since the previous quarter, pNPS and PSAT come from the satisfaction
 * scores, and either side records action items for the quarter.
 */
import type { CornerName } from '../common/api';
import type { ScorecardScores, ScorecardSide, ScorecardView } from './api';
import type { App } from '../client/app';
import { h } from '../client/dom';
import { CORNER_NAMES } from '../client/format';
import { backToTools, olderQuartersNote, percent } from '../client/method-ui';
import { call } from '../client/rpc';
import { actionButton, actionForm, announce, field, heading, loadInto, notice, radioGroup, section, select, textArea, textInput } from '../client/ui';

type Dimension = keyof ScorecardScores;

/** Rows of the side-by-side table, in the scorecard's order. */
const ROWS: Array<{ key: Dimension; name: string }> = [
  { key: 'competence', name: 'Competence' },
  { key: 'reliability', name: 'Reliability' },
  { key: 'transparency', name: 'Transparency' },
  { key: 'alignment', name: 'Alignment' },
  { key: 'domainExpertise', name: 'Domain expertise' },
  { key: 'executionCapacity', name: 'Execution capacity' },
  { key: 'learningVelocity', name: 'Learning velocity' },
  { key: 'satisfaction', name: 'Partner satisfaction' },
];
const SUB_DIMENSIONS = [
  { key: 'domainExpertise', name: 'Domain expertise' },
  { key: 'executionCapacity', name: 'Execution capacity' },
  { key: 'learningVelocity', name: 'Learning velocity' },
] as const;
const CORNER_KEYS: Record<CornerName, Dimension> = { Competence: 'competence', Reliability: 'reliability', Transparency: 'transparency', Alignment: 'alignment' };

export function showScorecard(app: App, quarter: string | null = null): void {
  void loadInto(app.slot, () => call('loadScorecard', quarter), (view) => renderScorecard(app, view));
}

const ARROWS = { up: '↑', down: '↓', same: '→' } as const;
const SPOKEN = { up: 'up from', down: 'down from', same: 'same as' } as const;

/** One side's score of one dimension, with the arrow and, for screen readers, the words. */
function scoreCell(side: ScorecardSide, key: Dimension, previousQuarter: string | null): HTMLElement {
  const value = side.scores[key];
  const direction = side.direction[key];
  const previous = side.previous[key];
  return h(
    'td',
    { class: 'num' },
    value === null ? '–' : String(value),
    direction ? h('span', { class: 'trend', 'aria-hidden': 'true' }, ` ${ARROWS[direction]}`) : null,
    direction && previousQuarter ? h('span', { class: 'sr-only' }, `, ${SPOKEN[direction]} ${previous} in ${previousQuarter}`) : null,
  );
}

function sideBySide(view: ScorecardView): HTMLElement {
  if (view.bySide.length < 2) return h('p', { class: 'muted' }, 'Name the two companies on the Partnership sheet first.');
  const unscored = view.bySide.filter((side) => !side.scored).map((side) => side.side);
  return h(
    'div',
    null,
    h(
      'table',
      { class: 'compact' },
      h('caption', { class: 'sr-only' }, `Scores of both sides for ${view.quarter}`),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Score'), view.bySide.map((side) => h('th', { scope: 'col', class: 'num' }, side.side)))),
      h('tbody', null, ROWS.map((row) => h('tr', null, h('th', { scope: 'row' }, row.name), view.bySide.map((side) => scoreCell(side, row.key, view.previousQuarter))))),
    ),
    h(
      'p',
      { class: 'hint' },
      view.previousQuarter ? `Arrows compare each side with its own scores of ${view.previousQuarter}, the quarter scored before.` : 'No earlier quarter is scored yet, so there is no direction to show.',
      unscored.length ? ` Not scored yet: ${unscored.join(' and ')}.` : '',
    ),
  );
}

function satisfactionFigures(view: ScorecardView): HTMLElement {
  const s = view.satisfaction;
  const pnps = (value: number | null) => (value === null ? '–' : String(Math.round(value)));
  return h(
    'div',
    null,
    h(
      'dl',
      { class: 'pair' },
      h('dt', null, `pNPS, ${view.quarter}`),
      h('dd', null, h('strong', null, pnps(s.pnps)), ` (from ${s.ratings} satisfaction score${s.ratings === 1 ? '' : 's'})`),
      h('dt', null, `PSAT, ${view.quarter}`),
      h('dd', null, h('strong', null, percent(s.psat))),
      h('dt', null, 'pNPS, all quarters'),
      h('dd', null, h('strong', null, pnps(s.pnpsAllQuarters)), ` (from ${s.ratingsAllQuarters} score${s.ratingsAllQuarters === 1 ? '' : 's'}, as on the Dashboard)`),
    ),
    h('p', { class: 'hint' }, 'pNPS: the share scoring 9 or 10 minus the share scoring 0 to 6 (−100 to 100). PSAT: the share scoring 8 or more.'),
  );
}

function commentsList(view: ScorecardView): HTMLElement {
  const withComments = view.bySide.filter((side) => side.comments !== '');
  if (withComments.length === 0) return h('p', { class: 'muted' }, 'No comments yet.');
  return h('dl', { class: 'pair' }, withComments.map((side) => [h('dt', null, side.side), h('dd', null, side.comments)]));
}

function actionItems(app: App, view: ScorecardView): HTMLElement {
  const items = view.bySide.flatMap((side) => side.actionItems.map((item) => ({ side: side.side, item })));
  const list = items.length
    ? h('ul', { class: 'cards' }, items.map((entry) => h('li', { class: 'card' }, h('p', { class: 'card-title' }, entry.item), h('p', { class: 'meta' }, `Added by ${entry.side}`))))
    : h('p', { class: 'muted' }, 'No action items for this quarter yet.');
  const mine = view.bySide.find((side) => side.side.toLowerCase() === (view.identity?.side ?? '').toLowerCase());
  if (!mine?.scored) {
    return h('div', null, list, h('p', { class: 'hint' }, `Once ${mine?.side ?? 'your side'} has scored ${view.quarter}, you can add action items here.`));
  }
  const item = textInput({ autocomplete: 'off', maxlength: '500' });
  const { form } = actionForm(
    'Add action item',
    'Adding…',
    [field('Action item', item, 'One line: what will be done, by whom, by when.')],
    async () => {
      const text = item.value.trim();
      if (!text) throw new Error('Write the action item first.');
      const next = await call('addScorecardActionItem', view.quarter, text);
      announce(`Action item added for ${view.quarter}.`);
      renderScorecard(app, next, `Action item added: ${text}`);
    },
    { 'aria-label': 'Add an action item' },
  );
  return h('div', null, list, form);
}

function scale(legend: string, name: string, from: number, selected: number | null): ReturnType<typeof radioGroup> {
  return radioGroup(
    legend,
    name,
    Array.from({ length: 11 - from }, (_, i) => ({ value: String(i + from), label: String(i + from) })),
    selected === null ? null : String(selected),
    'radios scale',
  );
}

function scoreForm(app: App, view: ScorecardView): HTMLElement {
  const mine = view.bySide.find((side) => side.side.toLowerCase() === (view.identity?.side ?? '').toLowerCase());
  if (!mine) return notice('info', 'Tell us who you are first (Home): the scorecard is saved for the side you saved as yours.');
  const partner = view.bySide.find((side) => side !== mine)?.side ?? 'the partner';
  const corners = CORNER_NAMES.map((corner) => ({ corner, group: scale(`${corner} (1 weak – 10 strong)`, `score-${corner}`, 1, mine.scores[CORNER_KEYS[corner]]) }));
  const subs = SUB_DIMENSIONS.map((d) => ({ ...d, group: scale(`${d.name} (1 weak – 10 strong, optional)`, `score-${d.key}`, 1, mine.scores[d.key]) }));
  const satisfaction = scale(`Partner satisfaction (0 not at all – 10 completely)`, 'score-satisfaction', 0, mine.scores.satisfaction);
  const comments = textArea(mine.comments, { rows: 3 });
  const label = mine.scored ? `Replace ${mine.side}’s scores` : 'Save scores';
  const { form } = actionForm(
    label,
    'Saving…',
    [
      h('p', null, 'Scoring for ', h('strong', null, mine.side), ' (the side you saved as yours).', mine.scored ? ' Your side has scored this quarter: saving replaces its row.' : ''),
      corners.map((c) => h('div', { class: 'corner-rating' }, c.group.element)),
      h('p', { class: 'hint' }, 'The Competence sub-dimensions, as in the Competence Audit:'),
      subs.map((s) => h('div', { class: 'corner-rating' }, s.group.element)),
      h('div', { class: 'corner-rating' }, satisfaction.element, h('p', { class: 'hint' }, `How satisfied is ${mine.side} with the partnership with ${partner}? pNPS and PSAT come from these scores.`)),
      field('Comments', comments, 'What stands behind the scores; what to discuss together.'),
    ],
    async () => {
      const missing: string[] = corners.filter((c) => c.group.value() === null).map((c) => c.corner);
      if (satisfaction.value() === null) missing.push('Partner satisfaction');
      if (missing.length) throw new Error(`Score every corner and the partner satisfaction: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing.`);
      const optional = (key: (typeof SUB_DIMENSIONS)[number]['key']) => {
        const value = subs.find((s) => s.key === key)?.group.value();
        return value === null || value === undefined ? null : Number(value);
      };
      const next = await call('saveScorecard', {
        quarter: view.quarter,
        corners: Object.fromEntries(corners.map((c) => [c.corner, Number(c.group.value())])) as Record<CornerName, number>,
        domainExpertise: optional('domainExpertise'),
        executionCapacity: optional('executionCapacity'),
        learningVelocity: optional('learningVelocity'),
        satisfaction: Number(satisfaction.value()),
        comments: comments.value.trim(),
      });
      announce(`${mine.side}’s scores for ${view.quarter} are saved.`);
      renderScorecard(app, next, `${mine.side}’s scores for ${view.quarter} are saved.`);
    },
    { 'aria-label': `${mine.side}’s scores for ${view.quarter}` },
  );
  return form;
}

function renderScorecard(app: App, view: ScorecardView, saved?: string): void {
  app.learn(view);
  const picker = select(view.quarters, view.quarter);
  const show = actionButton('Show', 'Loading…', async () => {
    const next = await call('loadScorecard', picker.value);
    renderScorecard(app, next);
  }, { secondary: true });
  app.render(
    heading(`Joint Health Scorecard, ${view.quarter}`),
    backToTools(app),
    saved ? notice('success', saved) : null,
    h('div', { class: 'inline' }, field('Quarter', picker), show.element),
    olderQuartersNote(view.olderQuarters, 'Joint Health Scorecard', 'pNPS over all quarters still counts them.'),
    view.duplicateSides.length
      ? notice('warning', `The sheet has more than one row of ${view.duplicateSides.join(' and ')} for ${view.quarter}; the sidebar shows and replaces the first. Delete the others on the sheet.`)
      : null,
    section('Both sides', sideBySide(view)),
    section('Partner satisfaction', satisfactionFigures(view)),
    section('Comments', commentsList(view)),
    section('Action items', actionItems(app, view)),
    section(`Score ${view.quarter}`, scoreForm(app, view)),
  );
}
