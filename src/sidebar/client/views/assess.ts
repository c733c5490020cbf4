/** Take the assessment: what came of the last one first, then the cycle, anonymity and four ratings. */
import type { AssessmentView, CornerName, SubmitResult } from '../../api';
import type { App } from '../app';
import { commitmentList } from '../commitment-list';
import { h, uid } from '../dom';
import { CORNER_HINTS, CORNER_NAMES } from '../format';
import { call } from '../rpc';
import { actionForm, announce, field, heading, loadInto, notice, radioGroup, section, textArea, textInput } from '../ui';

export const EVIDENCE_PROMPT = 'What observable evidence supports this rating?';

export function showAssessment(app: App): void {
  void loadInto(app.slot, () => call('loadAssessment'), (view) => renderAssessment(app, view));
}

function answeredText(answered: Record<string, number>, minimum: number): string {
  const entries = Object.keys(answered).map((side) => `${side}: ${answered[side]} of at least ${minimum}`);
  return entries.length ? entries.join('; ') : 'Nobody has answered yet.';
}

function renderAssessment(app: App, view: AssessmentView): void {
  app.learn(view);
  const open = view.openCycle;

  const cycleInput = textInput({ required: true }, open ? open.cycle : view.suggestedCycle);
  const sealed = h('input', { type: 'checkbox', id: uid('sealed') });
  const minimum = h('input', { type: 'number', min: '3', max: '50', step: '1', inputmode: 'numeric' });
  minimum.value = String(view.sealedMinimumDefault);
  const cyclePart = open
    ? h(
        'div',
        null,
        h('p', null, 'Cycle ', h('strong', null, open.cycle), ' is open: your answer joins it.'),
        open.sealed
          ? notice('info', h('strong', null, 'Sealed cycle. '), `Answered so far: ${answeredText(open.answeredBySide, open.minimumPerSide)}. Only the count is shown until a side's means are written.`)
          : null,
      )
    : h(
        'div',
        null,
        field('New cycle', cycleInput, 'Starts when the first answer is submitted, e.g. 2026-Q4.'),
        h(
          'div',
          { class: 'check' },
          sealed,
          h('label', { for: sealed.id }, 'Sealed cycle'),
          h(
            'p',
            { class: 'hint' },
            'Individual ratings are never stored: the add-on keeps only each side’s running totals, in this document’s settings outside the sheets. Once enough people of a side have answered, only that side’s means are written to Assessments. Until then everyone sees how many have answered, not what. Each person answers once.',
          ),
        ),
        field('Answers per side before its means are written', minimum, 'For a sealed cycle: 3 to 50, default 3 (with two, each could work out the other’s ratings).'),
      );

  const sides = view.sides.length ? view.sides : app.sides;
  const answeringFor = h('p', null, 'Answering for ', h('strong', null, view.identity?.side ?? sides.join(' or ')), ' (the side you saved as yours).');
  const name = textInput({ autocomplete: 'name' }, view.identity?.displayName ?? '');
  const anonymous = h('input', { type: 'checkbox', id: uid('anon') });
  const anonymityWarning = h(
    'p',
    { class: 'hint', id: uid('anon-hint') },
    'Leaving your name off keeps it out of the Assessments sheet only: the spreadsheet’s version history still shows who edited.',
  );
  anonymous.setAttribute('aria-describedby', anonymityWarning.id);
  anonymous.addEventListener('change', () => {
    name.disabled = anonymous.checked;
  });

  const ratings = CORNER_NAMES.map((corner) => {
    const group = radioGroup(
      `${corner} (1 weak – 10 strong)`,
      `rate-${corner}`,
      Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
      null,
      'radios scale',
    );
    const evidence = textArea('', { rows: 2 });
    const block = h(
      'div',
      { class: 'corner-rating' },
      group.element,
      h('p', { class: 'hint' }, CORNER_HINTS[corner]),
      field(EVIDENCE_PROMPT, evidence),
    );
    return { corner, group, evidence, block };
  });

  const { form } = actionForm(
    'Submit ratings',
    'Submitting…',
    [
      section('Cycle', cyclePart),
      section(
        'You',
        answeringFor,
        field('Your name', name),
        h('div', { class: 'check' }, anonymous, h('label', { for: anonymous.id }, 'Answer without my name'), anonymityWarning),
      ),
      section('Ratings', ratings.map((r) => r.block)),
    ],
    async () => {
      if (!view.identity) throw new Error('Tell us who you are first: open Home and save your name and side.');
      const missing = ratings.filter((r) => r.group.value() === null).map((r) => r.corner);
      if (missing.length) throw new Error(`Rate every corner: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing.`);
      const cycle = open ? open.cycle : cycleInput.value.trim();
      if (!cycle) throw new Error('Name the cycle, e.g. ' + view.suggestedCycle + '.');
      const result = await call('submitAssessment', {
        cycle,
        sealed: open ? open.sealed : sealed.checked,
        sealedMinimum: open || !sealed.checked ? undefined : Number(minimum.value),
        participant: anonymous.checked ? '' : name.value.trim(),
        ratings: Object.fromEntries(ratings.map((r) => [r.corner, Number(r.group.value())])) as Record<CornerName, number>,
        evidence: Object.fromEntries(ratings.map((r) => [r.corner, r.evidence.value.trim()])) as Record<CornerName, string>,
      });
      renderSubmitted(app, result);
    },
    { 'aria-label': 'Assessment' },
  );

  app.render(
    heading('Take the assessment'),
    section(
      'What came of the last assessment',
      commitmentList(view.previousActions, () => showAssessment(app), 'No actions from a previous cycle yet.'),
    ),
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
