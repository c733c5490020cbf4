/** More: the rest of the method, one tool per line, each a guided flow writing to its own sheet. */
import type { App, ViewName } from '../app';
import { h, uid } from '../dom';
import { heading } from '../ui';

export const TOOLS: Array<{ view: ViewName; name: string; what: string }> = [
  { view: 'scorecard', name: 'Joint Health Scorecard', what: 'Each side scores the quarter; see both sides next to each other, pNPS and PSAT, and record action items.' },
  { view: 'competence', name: 'Competence Audit', what: 'Rate the partner’s domain expertise, execution capacity and learning velocity; log learning activities.' },
  { view: 'alignment', name: 'Alignment Audit', what: 'Both sides answer the three questions and name next quarter’s top three priorities; compare them side by side.' },
  { view: 'premortem', name: 'Pre-mortem', what: 'Before a joint initiative: what could go wrong, the early signal, the agreed recovery. Turn risks into commitments.' },
  { view: 'disclosure', name: 'Disclosure advisor', what: 'Before sharing something: share now, share structurally, wait for reciprocity or show through results?' },
  { view: 'governance', name: 'Governance and review pack', what: 'Choose the trust-building approach with a rationale, review it every six months, and prepare the steering-committee pack.' },
  { view: 'breach', name: 'Severe breach', what: 'Record a severe breach and guide the reset that replaces the 90-day loop.' },
  { view: 'change', name: 'Major change', what: 'A leadership change, launch, merger or market disruption: reassess now.' },
];

export function showMore(app: App): void {
  const items = TOOLS.map((tool) => {
    const hint = h('p', { class: 'hint', id: uid('tool') }, tool.what);
    const button = h('button', { type: 'button', class: 'tool', 'aria-describedby': hint.id, onclick: () => app.go(tool.view) }, tool.name);
    return h('li', null, button, hint);
  });
  app.render(heading('More tools'), h('p', null, 'The rest of the trust method. Each tool writes to its own sheet in this workbook.'), h('ul', { class: 'tools' }, items));
}
