/**
 * Alignment Audit: each side answers the three questions and names its top three priorities for
 * the next quarter; the two sides' answers are shown side by side and the group marks each pair
 * Aligned, Partly or Not aligned. Answers are kept per quarter.
 */
import type { AlignmentAuditView } from './api';
import type { App } from '../client/app';
import { h, uid } from '../client/dom';
import { backToTools, nextQuarter, olderQuartersNote, percent, quarterOf } from '../client/method-ui';
import { call } from '../client/rpc';
import { actionButton, actionForm, announce, field, heading, loadInto, section, select, textArea } from '../client/ui';

const HINTS: Record<string, string> = {
  'Shared purpose': 'Why does this partnership exist, in one or two sentences?',
  'Success in three years': 'What does success look like three years from now?',
  Boundaries: 'What will you not do together, or not do to each other?',
};

export function showAlignment(app: App, quarter: string | null = null): void {
  void loadInto(app.slot, () => call('loadAlignmentAudit', quarter), (view) => renderAlignment(app, view));
}

/** The quarters to pick from: those with answers, this quarter and the next. */
function quarterChoices(view: AlignmentAuditView): string[] {
  const now = quarterOf();
  return [...new Set([...view.quarters, view.quarter, now, nextQuarter(now)])].sort().reverse();
}

function sidesOf(app: App, view: AlignmentAuditView): { first: string; second: string; mineIsFirst: boolean } {
  const sides = view.sides.length >= 2 ? view.sides : app.sides;
  const first = sides[0] ?? 'Our company';
  const second = sides[1] ?? 'Partner company';
  const mine = (view.identity?.side ?? '').toLowerCase();
  return { first, second, mineIsFirst: mine === first.toLowerCase() };
}

function answersForm(app: App, view: AlignmentAuditView): HTMLElement {
  const { first, second, mineIsFirst } = sidesOf(app, view);
  const mySide = mineIsFirst ? first : second;
  const boxes = view.questions.map((q) => {
    const current = mineIsFirst ? q.ours : q.partner;
    return { question: q.question, current, box: textArea(current, { rows: 2 }) };
  });
  const { form } = actionForm(
    'Save answers',
    'Saving…',
    boxes.map((b) => field(b.question, b.box, HINTS[b.question] ?? 'One priority, concrete enough to check next quarter.')),
    async () => {
      const changed = boxes.filter((b) => b.box.value.trim() !== b.current);
      if (changed.length === 0) throw new Error('Nothing changed: write or edit at least one answer.');
      const answers = Object.fromEntries(changed.map((b) => [b.question, b.box.value.trim()]));
      const next = await call('saveAlignmentAnswers', { quarter: view.quarter, answers });
      announce(`${mySide}’s answers for ${view.quarter} are saved.`);
      renderAlignment(app, next);
    },
    { 'aria-label': `${mySide}’s answers` },
  );
  return form;
}

/** One question: both answers, then the three marks as toggle buttons. */
function pairCard(app: App, view: AlignmentAuditView, q: AlignmentAuditView['questions'][number], first: string, second: string): HTMLElement {
  const id = uid('pair');
  const marks = view.marks.map((mark) => {
    const action = actionButton(mark, 'Saving…', async () => {
      const next = await call('markAlignment', view.quarter, q.question, q.mark === mark ? '' : mark);
      announce(q.mark === mark ? `${q.question}: mark cleared.` : `${q.question}: ${mark}.`);
      renderAlignment(app, next, q.question);
    }, { secondary: true });
    action.button.classList.add('small');
    action.button.setAttribute('aria-pressed', String(q.mark === mark));
    return action.element;
  });
  const answer = (text: string) => (text ? h('span', null, text) : h('span', { class: 'muted' }, 'Not answered yet'));
  return h(
    'li',
    { class: 'card', 'data-question': q.question, 'aria-labelledby': id },
    h('h3', { id, class: 'card-title' }, q.question),
    h('dl', { class: 'pair' }, h('dt', null, first), h('dd', null, answer(q.ours)), h('dt', null, second), h('dd', null, answer(q.partner))),
    h('div', { class: 'marks', role: 'group', 'aria-label': `How aligned: ${q.question}` }, marks),
  );
}

function renderAlignment(app: App, view: AlignmentAuditView, focusQuestion?: string): void {
  app.learn(view);
  const { first, second, mineIsFirst } = sidesOf(app, view);
  const picker = select(quarterChoices(view), view.quarter);
  const show = actionButton('Show', 'Loading…', async () => {
    const next = await call('loadAlignmentAudit', picker.value);
    renderAlignment(app, next);
  }, { secondary: true });
  const marked = view.questions.filter((q) => q.mark !== '').length;
  app.render(
    heading(`Alignment Audit, ${view.quarter}`),
    backToTools(app),
    h('div', { class: 'inline' }, field('Quarter', picker), show.element),
    olderQuartersNote(view.olderQuarters, 'Alignment Audit', 'Their answers and marks are there, a row per question.'),
    section(
      'Side by side',
      h(
        'p',
        { class: 'figure' },
        'Share aligned: ',
        h('strong', null, percent(view.shareAligned)),
        marked ? ` (of ${marked} marked pair${marked === 1 ? '' : 's'}; Partly does not count)` : ' (no pair marked yet)',
      ),
      h('p', { class: 'hint' }, 'Discuss each pair together, then mark it. Press a pressed mark again to clear it.'),
      h('ul', { class: 'cards' }, view.questions.map((q) => pairCard(app, view, q, first, second))),
    ),
    section(`Your side’s answers (${mineIsFirst ? first : second})`, answersForm(app, view)),
  );
  if (focusQuestion) {
    const card = app.slot.querySelector(`li[data-question="${CSS.escape(focusQuestion)}"] button[aria-pressed="true"], li[data-question="${CSS.escape(focusQuestion)}"] button`);
    if (card instanceof HTMLElement) card.focus();
  }
}
