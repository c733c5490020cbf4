/**
 * Graduated disclosure advisor: before sharing an item, walk the decision framework (stage,
 * exploitation risk, coordination value, reciprocity, performance reveal). The server answers from
 * the decision table and the Disclosure Ledger; the decision can then be recorded in the ledger.
 */
import type { DisclosureAdviceView, DisclosureQuestionInput } from './api';
import type { App } from '../client/app';
import { h, replaceChildren } from '../client/dom';
import { backToTools, partnerOf } from '../client/method-ui';
import { call } from '../client/rpc';
import { actionButton, actionForm, announce, field, heading, notice, radioGroup, section, textArea } from '../client/ui';

const STAGES = [
  { value: 'Early', label: 'Early: what is needed to coordinate (target industries, rough account sizes)' },
  { value: 'Mid', label: 'Mid: monthly account lists, campaign performance' },
  { value: 'Late', label: 'Late: roadmap plans, margin structures, long-term vision' },
];
const levels = (low: string, high: string) => [
  { value: 'Low', label: `Low${low ? `: ${low}` : ''}` },
  { value: 'Medium', label: 'Medium' },
  { value: 'High', label: `High${high ? `: ${high}` : ''}` },
];
const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

export function showDisclosure(app: App): void {
  const partner = partnerOf(app.sides, app.identity?.side) ?? 'the partner';
  const shared = textArea('', { rows: 2 });
  const stage = radioGroup('1. Which stage is it?', 'stage', STAGES, null);
  const risk = radioGroup('2. Exploitation risk: how badly could it be used against you?', 'exploitation', levels('little harm', 'it could cost you deals'), null);
  const value = radioGroup('3. Coordination value: how much does sharing it help the joint work?', 'coordination', levels('', 'the joint work stalls without it'), null);
  const reciprocated = radioGroup(`4. Reciprocity: has ${partner} shared the equivalent?`, 'reciprocated', YES_NO, null);
  const reveal = radioGroup('5. Performance reveal: could results show it instead of the information itself?', 'reveal', YES_NO, null);
  const result = h('div', { class: 'advice' });

  const read = (): DisclosureQuestionInput => {
    const answers = [stage, risk, value, reciprocated, reveal];
    const missing = answers.filter((group) => group.value() === null).length;
    if (missing) throw new Error(`Answer every question: ${missing} ${missing === 1 ? 'is' : 'are'} still open.`);
    return {
      shared: shared.value.trim(),
      stage: stage.value() as DisclosureQuestionInput['stage'],
      exploitationRisk: risk.value() as DisclosureQuestionInput['exploitationRisk'],
      coordinationValue: value.value() as DisclosureQuestionInput['coordinationValue'],
      partnerReciprocated: reciprocated.value() === 'yes',
      performanceCanShow: reveal.value() === 'yes',
    };
  };

  const { form } = actionForm(
    'Get advice',
    'Thinking…',
    [field('What do you want to share?', shared, 'Recorded in the Disclosure Ledger if you record the decision.'), stage.element, risk.element, value.element, reciprocated.element, reveal.element],
    async () => {
      const input = read();
      const advice = await call('adviseDisclosure', input);
      showAdvice(result, advice, input);
      announce(`Advice: ${advice.decision}.`);
      const title = result.querySelector('h2');
      if (title instanceof HTMLElement) title.focus();
    },
    { 'aria-label': 'Disclosure questions' },
  );
  // Changing an answer makes the advice stale: take it away rather than let it be recorded.
  form.addEventListener('change', () => replaceChildren(result));
  form.addEventListener('input', () => replaceChildren(result));

  app.render(
    heading('Disclosure advisor'),
    backToTools(app),
    h('p', null, `Share in stages and go further only when ${partner} reciprocates. Answer the questions about one item before you share it.`),
    form,
    result,
  );
}

function showAdvice(slot: HTMLElement, advice: DisclosureAdviceView, input: DisclosureQuestionInput): void {
  const record = actionButton('Record in the ledger', 'Recording…', async () => {
    if (!input.shared) throw new Error('Say what you want to share (at the top) before recording it.');
    const recorded = await call('recordDisclosure', input);
    announce(`Recorded in the Disclosure Ledger: ${recorded.decision}.`);
    const answers = recorded.recorded?.reciprocates
      ? ` It reciprocates ${recorded.recorded.reciprocates}, which ${advice.partner} shared at this stage.`
      : '';
    replaceChildren(slot, notice('success', `Recorded in the Disclosure Ledger${recorded.recorded ? ` as ${recorded.recorded.id}` : ''}: “${input.shared}”, ${input.stage}, ${recorded.decision}.${answers}`));
  });
  replaceChildren(
    slot,
    section(
      `Decision: ${advice.decision}`,
      h('ul', null, advice.reasons.map((reason) => h('li', null, reason))),
      h('p', null, 'The highest stage you may open now: ', h('strong', null, advice.allowedStage), ` (one above the highest stage ${advice.partner} has shared).`),
      record.element,
    ),
  );
  const title = slot.querySelector('h2');
  if (title instanceof HTMLElement) title.setAttribute('tabindex', '-1');
}
