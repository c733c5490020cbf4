/** Take the assessment: what came of the last one first, then the cycle, anonymity and four ratings. */
import type { AssessmentView, CycleInfo, SubmitResult } from './api';
import type { CornerName } from '../common/api';
import type { CycleAnonymity, CycleKind } from '../../domain/cycles';
import type { App } from '../client/app';
import { commitmentList } from '../commitments/commitment-list';
import { h } from '../client/dom';
import { CORNER_HINTS, CORNER_NAMES } from '../client/format';
import { call } from '../client/rpc';
import { actionForm, announce, confirmButton, confirmFirst, field, heading, loadInto, notice, radioGroup, section, select, textArea, textInput } from '../client/ui';

const EVIDENCE_PROMPT = 'What observable evidence supports this rating?';

export function showAssessment(app: App): void {
  void loadInto(app.slot, () => call('loadAssessment'), (view) => renderAssessment(app, view));
}

function answeredText(answered: Record<string, number>, minimum: number | null): string {
  const entries = Object.keys(answered).map((side) => `${side}: ${answered[side]}${minimum ? ` of at least ${minimum}` : ''}`);
  return entries.length ? entries.join('; ') : 'nobody yet';
}

const OFFER_TEXT: Record<NonNullable<AssessmentView['offer']>['reason'], string> = {
  first: 'No cycle yet: start the first assessment.',
  due: 'The reassessment is due: start the next quarterly cycle.',
  'major-change': 'A major change was recorded: start an ad hoc cycle now rather than waiting for the 90 days.',
  'reset-complete': 'The reset after the breach is complete: start a reset cycle to see where trust stands now.',
  breach: 'A severe breach is open and the 90-day loop is paused: a cycle started now is a reset cycle, to see where trust stands during the reset.',
};

/** Why an answered anonymous or sealed cycle shows no earlier answer to edit. */
const UNSHOWN_ANSWER: Record<Exclude<CycleAnonymity, 'Named'>, string> = {
  Anonymous: 'An anonymous answer carries no name, so nobody, you included, can tell which row is yours: it cannot be shown or replaced.',
  Sealed: 'A sealed answer is never stored, only added to your side’s running totals: there is nothing to show or replace.',
};

const ANONYMITY_TEXT: Record<CycleAnonymity, string> = {
  Named: 'Each answer carries the name its person saved.',
  Anonymous: 'Answers carry no name; the spreadsheet’s version history still shows who edited.',
  Sealed: 'Individual ratings are never stored: the add-on keeps only each side’s running totals, outside the sheets, and writes a side’s means once enough of its people have answered. Everyone sees how many have answered, not what.',
};

/** Why a sealed cycle's form has no evidence boxes (the server refuses evidence text for it too). */
const SEALED_EVIDENCE_TEXT =
  'Evidence text is not kept in a sealed cycle: a sentence can tell who wrote it. Bring your evidence to the review instead.';

function renderAssessment(app: App, view: AssessmentView): void {
  app.learn(view);
  const open = view.openCycle;
  app.render(
    heading('Take the assessment'),
    section(
      view.previousCycle ? `What came of ${view.previousCycle}` : 'What came of the last assessment',
      commitmentList(view.previousActions, () => showAssessment(app), 'No actions from a previous cycle yet.'),
    ),
    open ? answerForm(app, view, open) : startForm(app, view),
    open ? closeSection(app, view, open) : null,
  );
}

/** No cycle is open: start one (name suggested from the calendar, never one that exists). */
function startForm(app: App, view: AssessmentView): HTMLElement {
  const kindChoice = select(view.kinds, view.offer?.kind ?? 'Quarterly');
  const nameInput = textInput({ required: true }, view.offer?.suggestedName ?? view.suggestedNames.Quarterly);
  kindChoice.addEventListener('change', () => {
    nameInput.value = view.suggestedNames[kindChoice.value as CycleKind] ?? nameInput.value;
  });
  const anonymity = radioGroup('Anonymity', 'cycle-anonymity', view.anonymities.map((a) => ({ value: a, label: a })), 'Named');
  const hint = h('p', { class: 'hint', 'aria-live': 'polite' }, ANONYMITY_TEXT.Named);
  const minimum = h('input', { type: 'number', min: '3', max: '50', step: '1', inputmode: 'numeric' });
  minimum.value = String(view.sealedMinimumDefault);
  const minimumField = field('Answers per side before its means are written', minimum, 'Sealed cycles: 3 to 50 (with two, each could work out the other’s ratings).');
  minimumField.hidden = true;
  anonymity.element.addEventListener('change', () => {
    const chosen = (anonymity.value() ?? 'Named') as CycleAnonymity;
    hint.textContent = ANONYMITY_TEXT[chosen];
    minimumField.hidden = chosen !== 'Sealed';
  });
  const { form } = actionForm(
    'Start the cycle',
    'Starting…',
    [
      view.offer ? notice('info', OFFER_TEXT[view.offer.reason]) : h('p', null, 'No cycle is open. Start one when both sides are ready to answer.'),
      view.quarterlyOpensOn
        ? notice('info', `The next quarterly cycle can start on ${view.quarterlyOpensOn}, 60 days after the last one closed. Before then, start an ad hoc cycle after a major change, or a reset cycle after a severe breach.`)
        : null,
      field('Kind', kindChoice, 'Quarterly; ad hoc after a major change; reset after a severe breach.'),
      field('Cycle name', nameInput),
      anonymity.element,
      hint,
      minimumField,
    ],
    async () => {
      if (!view.identity) throw new Error('Tell us who you are first: open Home and save your name and side.');
      const chosen = (anonymity.value() ?? 'Named') as CycleAnonymity;
      const next = await call('startCycle', {
        name: nameInput.value.trim(),
        kind: kindChoice.value as CycleKind,
        anonymity: chosen,
        ...(chosen === 'Sealed' ? { sealedMinimum: Number(minimum.value) } : {}),
      });
      announce(`Cycle ${next.openCycle?.name ?? ''} is open.`);
      renderAssessment(app, next);
    },
    { 'aria-label': 'Start a cycle' },
  );
  return section('Start a cycle', form);
}

function answerForm(app: App, view: AssessmentView, open: CycleInfo): HTMLElement {
  const about = h(
    'div',
    null,
    h('p', null, 'Cycle ', h('strong', null, open.name), ` (${open.kind}, ${open.anonymity.toLowerCase()}) is open since ${open.openedOn}.`),
    notice('info', ANONYMITY_TEXT[open.anonymity], ` Answered so far: ${answeredText(open.answeredBySide, open.minimumPerSide)}.`),
    h('p', null, 'Answering for ', h('strong', null, view.identity?.side ?? view.sides.join(' or ')), view.identity && open.anonymity === 'Named' ? ` as ${view.identity.displayName}` : '', '.'),
  );
  if (open.youAnswered && open.anonymity !== 'Named') {
    return section('Your answer', about, notice('success', 'You have answered this cycle. Each person answers once. ', UNSHOWN_ANSWER[open.anonymity]));
  }
  // A named answer is replaced by the same person's later one: the form starts from the earlier one.
  const earlier = open.youAnswered ? view.yourAnswer : null;
  const ratings = CORNER_NAMES.map((corner) => {
    const before = earlier?.ratings[corner] ?? null;
    const group = radioGroup(
      `${corner} (1 weak – 10 strong)`,
      `rate-${corner}`,
      Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
      before === null ? null : String(before),
      'radios scale',
    );
    const evidence = open.anonymity === 'Sealed' ? null : textArea(earlier?.evidence[corner] ?? '', { rows: 2 });
    const block = h('div', { class: 'corner-rating' }, group.element, h('p', { class: 'hint' }, CORNER_HINTS[corner]), evidence ? field(EVIDENCE_PROMPT, evidence) : null);
    return { corner, group, evidence, block };
  });
  const { form } = actionForm(
    open.youAnswered ? 'Replace my answer' : 'Submit ratings',
    'Submitting…',
    [
      about,
      open.youAnswered
        ? notice(
            'info',
            earlier
              ? `You answered this cycle${earlier.answeredOn ? ` on ${earlier.answeredOn}` : ''}: your ratings and evidence are filled in below. Change what you want; saving replaces your earlier answer.`
              : 'You answered this cycle already: a new named answer replaces your earlier one (your earlier row is no longer on the Assessments sheet, so the form starts blank).',
          )
        : null,
      open.anonymity === 'Sealed' ? notice('info', SEALED_EVIDENCE_TEXT) : null,
      section('Ratings', ratings.map((r) => r.block)),
    ],
    async () => {
      if (!view.identity) throw new Error('Tell us who you are first: open Home and save your name and side.');
      const missing = ratings.filter((r) => r.group.value() === null).map((r) => r.corner);
      if (missing.length) throw new Error(`Rate every corner: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing.`);
      const result = await call('submitAssessment', {
        cycle: open.name,
        ratings: Object.fromEntries(ratings.map((r) => [r.corner, Number(r.group.value())])) as Record<CornerName, number>,
        evidence: Object.fromEntries(ratings.map((r) => [r.corner, r.evidence ? r.evidence.value.trim() : ''])) as Record<CornerName, string>,
      });
      renderSubmitted(app, result);
    },
    { 'aria-label': 'Assessment' },
  );
  return form;
}

/** The companies not in the cycle yet: no answer, or in a sealed cycle not enough to write their means. */
function sidesMissing(view: AssessmentView, open: CycleInfo): string[] {
  const needed = open.anonymity === 'Sealed' ? (open.minimumPerSide ?? view.sealedMinimumDefault) : 1;
  const count = (side: string) =>
    Object.entries(open.answeredBySide).filter(([key]) => key.trim().toLowerCase() === side.trim().toLowerCase()).reduce((sum, [, n]) => sum + n, 0);
  return view.sides.filter((side) => count(side) < needed);
}

/**
 * Either company closes the cycle once both are in it, after a confirmation saying what closing
 * does. With one company missing, closing means closing without it: a reason is asked for and
 * confirmed, and the cycle is recorded as one-sided.
 */
function closeSection(app: App, view: AssessmentView, open: CycleInfo): HTMLElement {
  const missing = sidesMissing(view, open);
  const counts = h('p', null, `Answers so far: ${answeredText(open.answeredBySide, open.minimumPerSide)}.`);
  const closed = async (next: AssessmentView, message: string) => {
    announce(message);
    void next;
    app.go('results', { cycle: open.name });
  };
  if (missing.length === 0 || missing.length === view.sides.length) {
    const close = confirmButton(
      `Close ${open.name}`,
      {
        title: `Close ${open.name}?`,
        body: [
          h('p', null, `Answers: ${answeredText(open.answeredBySide, open.minimumPerSide)}.`),
          h('p', null, missing.length === 0
            ? 'Closing fixes the focus by the +2 rule and sets the next reassessment 90 days from today. No more answers can join the cycle. This cannot be undone.'
            : 'Nobody has answered: nothing is assessed. This cannot be undone.'),
        ],
        confirmLabel: 'Close the cycle',
        busyLabel: 'Closing…',
      },
      async () => closed(await call('closeCycle', open.name), `Cycle ${open.name} is closed.`),
      { secondary: true },
    );
    return section('Close the cycle', counts, close);
  }
  const without = missing[0];
  const reason = textArea('', { rows: 2, maxlength: 1000 });
  const { form, action } = actionForm(
    `Close without ${without}…`,
    'Closing…',
    [field(`Why close without ${without}?`, reason, 'Both companies read this.')],
    async () => {
      const why = reason.value.trim();
      if (!why) throw new Error(`Say why the cycle closes without ${without}.`);
      confirmFirst(
        form,
        action.button,
        {
          title: `Close ${open.name} without ${without}?`,
          body: [
            h('p', null, `${without} has not answered (${answeredText(open.answeredBySide, open.minimumPerSide)}).`),
            h('p', null, `It is recorded as one-sided, with your reason; ${without} can no longer answer it. This cannot be undone.`),
          ],
          confirmLabel: `Close without ${without}`,
          busyLabel: 'Closing…',
        },
        async () => closed(await call('closeCycleWithout', { cycle: open.name, side: without, reason: why }), `Cycle ${open.name} is closed without ${without}.`),
      );
    },
    { 'aria-label': `Close without ${without}` },
  );
  return section(
    'Close the cycle',
    counts,
    notice('warning', `${without} is not in this cycle yet: wait for its answers, or close without it and say why.`),
    form,
  );
}

function renderSubmitted(app: App, result: SubmitResult): void {
  const message = result.sealed
    ? `Your ratings are held for sealed cycle ${result.cycle}.`
    : `Your ratings are in cycle ${result.cycle}.`;
  const sides = Object.keys(result.answeredBySide);
  app.render(
    heading('Thank you'),
    notice('success', message),
    result.sealed
      ? h(
          'ul',
          { class: 'plain' },
          sides.map((side) =>
            h(
              'li',
              null,
              `${side}: ${result.answeredBySide[side]} answered`,
              result.writtenSides.includes(side) ? ' · means written to Assessments' : ' · means not written yet',
            ),
          ),
        )
      : null,
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', class: 'primary', onclick: () => app.go('results', { cycle: result.cycle }) }, 'See results'),
      h('button', { type: 'button', class: 'secondary', onclick: () => app.go('home') }, 'Home'),
    ),
  );
  announce(message);
}
