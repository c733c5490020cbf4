/** Results of a cycle: means per corner and side, flags, gaps, the priority and what builds it. */
import type { CornerName } from '../common/api';
import type { ResultsView } from './api';
import type { App } from '../client/app';
import { commitmentCard, commitmentList } from '../commitments/commitment-list';
import { replaceControl } from './replace-view';
import { trendSection } from './trend-chart';
import { h } from '../client/dom';
import { CORNER_NAMES, mean, signed } from '../client/format';
import { call } from '../client/rpc';
import { actionButton, heading, loadInto, notice, section, select, field } from '../client/ui';
import { gapsSection, safeguardsNotice } from '../home/view';

export function showResults(app: App, cycle: string | null, data?: ResultsView): void {
  if (data) {
    renderResults(app, data);
    return;
  }
  void loadInto(app.slot, () => call('loadResults', cycle), (view) => renderResults(app, view));
}

function cell(value: number | null, flagged: boolean): HTMLTableCellElement {
  return h(
    'td',
    { class: flagged ? 'num flag' : 'num' },
    mean(value),
    flagged ? h('span', { class: 'sr-only' }, ' needs attention') : null,
    flagged ? h('span', { 'aria-hidden': 'true' }, ' ⚑') : null,
  );
}

function meansTable(view: ResultsView): HTMLElement {
  const threshold = 6;
  const flagged = (v: number | null) => v !== null && v <= threshold;
  const head = h('tr', null, h('th', { scope: 'col' }, 'Corner'), h('th', { scope: 'col' }, 'All'), view.bySide.map((s) => h('th', { scope: 'col' }, s.side)));
  const rows = CORNER_NAMES.map((corner) =>
    h(
      'tr',
      { class: view.notableGaps.includes(corner) ? 'gap-row' : '' },
      h('th', { scope: 'row' }, corner, corner === view.priority ? h('span', { class: 'badge' }, 'Priority') : null),
      cell(view.means[corner], view.atRisk.includes(corner)),
      view.bySide.map((s) => cell(s.means[corner], flagged(s.means[corner]))),
    ),
  );
  const responses = h('tr', null, h('th', { scope: 'row' }, 'Answered'), h('td', null, ''), view.bySide.map((s) => h('td', { class: 'num' }, String(s.responses))));
  return h('table', null, h('thead', null, head), h('tbody', null, rows, responses));
}

function verdict(r: NonNullable<ResultsView['reassessment']>): HTMLElement {
  const change = r.improvement === null ? 'could not be compared' : `moved ${signed(r.improvement)}`;
  return r.improved
    ? notice('success', `${r.targeted} ${change} since it was targeted: 2 points or more. Shift the focus to ${r.next}.`)
    : notice('warning', `${r.targeted} ${change} since it was targeted: less than 2 points. Keep the focus on ${r.next}, discuss why with the partner and adjust the actions.`);
}

/** The cycle's actions; a declined or withdrawn one nothing replaces yet offers a replacement. */
function actionList(app: App, view: ResultsView): HTMLElement {
  if (view.actions.length === 0) return commitmentList([], () => showResults(app, view.cycle), 'No actions agreed for this cycle yet.');
  const replaceable = new Set(view.actionCounts.open);
  return h(
    'ul',
    { class: 'cards' },
    view.actions.map((action) =>
      commitmentCard(action, () => showResults(app, view.cycle), replaceable.has(action.id) ? replaceControl(app, view, action) : []),
    ),
  );
}

function renderResults(app: App, view: ResultsView): void {
  if (!view.cycle) {
    app.render(
      heading('Results'),
      h('p', null, 'No assessment yet.'),
      h('button', { type: 'button', class: 'primary', onclick: () => app.go('assess') }, 'Take the assessment'),
    );
    return;
  }
  const cyclePicker = select(view.cycles, view.cycle);
  const show = actionButton('Show', 'Loading…', async () => {
    const next = await call('loadResults', cyclePicker.value);
    renderResults(app, next);
  }, { secondary: true });
  const priority: CornerName | null = view.priority;
  const canAgree = priority !== null && view.actions.length === 0;

  app.render(
    heading(`Results, ${view.cycle}`),
    view.cycles.length > 1 ? h('div', { class: 'inline' }, field('Cycle', cyclePicker), show.element) : null,
    view.open ? notice('info', `Cycle ${view.cycle} is still open: more answers may come until it is closed.`) : null,
    view.oneSided
      ? notice('warning', h('strong', null, `One-sided cycle: closed without ${view.oneSided.without}. `), `Reason: `, view.oneSided.reason, '. These results show one company’s view only.')
      : null,
    view.reassessment ? verdict(view.reassessment) : null,
    section('Means', meansTable(view), h('p', { class: 'hint' }, '⚑ 6 or below: needs attention.')),
    view.gaps ? gapsSection(view.gaps, view.bySide.map((s) => s.side)) : null,
    view.needsSafeguards ? safeguardsNotice() : null,
    priority
      ? section(
          `Priority: ${priority}`,
          h('p', null, view.focusReason),
          h('p', null, 'What builds it:'),
          h('ul', null, view.activities.map((a) => h('li', null, a))),
        )
      : null,
    section(
      'Agreed actions',
      view.actions.length > 0 ? h('p', { class: 'hint action-counts' }, view.actionCounts.text) : null,
      actionList(app, view),
      canAgree
        ? h('button', { type: 'button', class: 'primary', onclick: () => app.go('agree', { results: view }) }, 'Agree three actions')
        : null,
    ),
    trendSection(view.trend),
  );
}
