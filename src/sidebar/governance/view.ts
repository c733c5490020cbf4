/**
 * Governance: the trust-building approach chosen on purpose, with a written rationale, reviewed six
 * months later; the advice from the latest closed cycle; and Prepare review, which builds the
 * steering-committee pack (the "Review pack" sheet, ready for File → Download → PDF).
 */
import type { GovernanceView } from './api';
import type { App } from '../client/app';
import { h } from '../client/dom';
import { backToTools } from '../client/method-ui';
import { call } from '../client/rpc';
import { actionButton, actionForm, announce, field, heading, loadInto, notice, section, select, textArea } from '../client/ui';

export function showGovernance(app: App): void {
  void loadInto(app.slot, () => call('loadGovernance'), (view) => renderGovernance(app, view));
}

/** One sentence about where the review stands (the same words Home uses). */
export function reviewLine(note: GovernanceView['home']): string {
  if (note.state === 'unchosen') return 'No trust-building approach chosen yet.';
  const days = note.daysToReview ?? 0;
  if (note.state === 'review-due') return `${note.approach}: the six-month review is due${days < 0 ? ` (since ${note.reviewDue})` : ' today'}.`;
  return `${note.approach}: review in ${days} day${days === 1 ? '' : 's'} (${note.reviewDue}).`;
}

function renderGovernance(app: App, view: GovernanceView): void {
  app.learn(view);
  const record = view.record;
  const approach = select(view.approaches, record?.approach ?? view.advice.suggested[0] ?? 'Blend');
  const rationale = textArea(record?.rationale ?? '', { rows: 4 });
  const { form } = actionForm(
    record ? 'Save the review' : 'Record the choice',
    'Saving…',
    [
      field('Approach', approach, 'Contractual safeguards, gradual commitment, shared governance, or a blend of them.'),
      field('Rationale', rationale, 'Why this approach, in writing: the six-month review judges it against this.'),
      h('p', { class: 'hint' }, `Saving records today as the date chosen, you as who chose, and ${view.reviewDueIfChosenToday} as the review date.`),
    ],
    async () => {
      if (!rationale.value.trim()) throw new Error('Write down why this approach.');
      const next = await call('saveGovernance', { approach: approach.value, rationale: rationale.value.trim() });
      announce(`Governance approach saved: ${next.record?.approach}. Review due ${next.record?.reviewDue}.`);
      renderGovernance(app, next);
    },
    { 'aria-label': 'Choose the trust-building approach' },
  );
  const adviceKind = view.advice.advice === 'slower-ramp' ? 'warning' : 'info';
  app.render(
    heading('Governance'),
    backToTools(app),
    section(
      'Trust-building approach',
      view.home.state === 'review-due'
        ? notice('warning', h('strong', null, 'Review due. '), reviewLine(view.home), ' Revisit the approach with the partner and save it again.')
        : h('p', null, reviewLine(view.home)),
      record
        ? h(
            'dl',
            { class: 'pair' },
            h('dt', null, 'Rationale'), h('dd', null, record.rationale || '–'),
            h('dt', null, 'Chosen'), h('dd', null, `${record.chosenOn || '–'} by ${record.chosenBy || '–'}`),
            h('dt', null, 'Review due'), h('dd', null, record.reviewDue || '–'),
          )
        : null,
    ),
    section(
      'Advice from the latest closed cycle',
      notice(adviceKind, view.advice.text),
    ),
    section(record ? 'Review the approach' : 'Choose the approach', form),
    reviewPackSection(view),
  );
}

function reviewPackSection(view: GovernanceView): HTMLElement {
  if (view.closedCycles.length === 0) {
    return section('Steering-committee pack', h('p', null, 'Close an assessment cycle first: the pack is prepared per closed cycle.'));
  }
  const cycle = select(view.closedCycles, view.closedCycles[0]);
  const result = h('div', { class: 'pack-result' });
  const prepare = actionButton('Prepare review', 'Preparing the pack…', async () => {
    const pack = await call('prepareReview', cycle.value);
    const message = `The “${pack.sheet}” sheet is ready for ${pack.cycle}. Open its tab, then File → Download → PDF.`;
    result.replaceChildren(notice('success', message));
    announce(message);
  });
  return section(
    'Steering-committee pack',
    h('p', null, 'Builds the “Review pack” sheet from the data: both sides’ corners and the gap, the focus and the +2 rule, the actions and what came of them, reliability, disclosure balance, value exchange and this governance review. Laid out to print on A4 and Letter.'),
    field('Cycle', cycle),
    prepare.element,
    result,
  );
}
