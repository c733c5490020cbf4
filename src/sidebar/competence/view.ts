/**
 * Competence Audit: each side rates the other's domain expertise, execution capacity and learning
 * velocity (1–10, with evidence), the sub-scores per quarter and side show the learning-velocity
 * trend, and both sides keep a shared log of learning activities.
 */
import type { CompetenceAuditView } from './api';
import type { App } from '../client/app';
import { h } from '../client/dom';
import { mean, todayIso, trend } from '../client/format';
import { backToTools, dateInput, numberInput, partnerOf } from '../client/method-ui';
import { call } from '../client/rpc';
import { actionForm, announce, field, heading, loadInto, notice, radioGroup, section, select, textArea, textInput } from '../client/ui';

const DIMENSIONS = [
  { key: 'domainExpertise', name: 'Domain expertise', hint: 'Knowledge of the market, the customers and the technology.' },
  { key: 'executionCapacity', name: 'Execution capacity', hint: 'People, time and resources to deliver what was agreed.' },
  { key: 'learningVelocity', name: 'Learning velocity', hint: 'How fast they pick up what is new and adapt.' },
] as const;
const KINDS = ['Certification', 'Training', 'Conference', 'Other'];

export function showCompetence(app: App): void {
  void loadInto(app.slot, () => call('loadCompetenceAudit'), (view) => renderCompetence(app, view));
}

function ratingForm(app: App, view: CompetenceAuditView): HTMLElement {
  const sides = view.sides.length ? view.sides : app.sides;
  const mine = view.identity?.side;
  const partner = partnerOf(sides, mine);
  const others = sides.filter((side) => side.toLowerCase() !== (mine ?? '').toLowerCase());
  const ratedSide = select(others.length ? others : sides, partner ?? '');
  const quarter = textInput({ required: true }, view.quarter);
  const participant = textInput({ autocomplete: 'name' }, view.identity?.displayName ?? '');
  const scales = DIMENSIONS.map((d) => {
    const group = radioGroup(
      `${d.name} (1 weak – 10 strong)`,
      `competence-${d.key}`,
      Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
      null,
      'radios scale',
    );
    return { ...d, group, block: h('div', { class: 'corner-rating' }, group.element, h('p', { class: 'hint' }, d.hint)) };
  });
  const evidence = textArea('', { rows: 3 });
  const { form } = actionForm(
    'Submit ratings',
    'Submitting…',
    [
      field('Quarter', quarter),
      field('Side rated', ratedSide, 'Each side rates the other.'),
      field('Your name', participant, 'Leave it blank to stay unnamed in the sheet (version history still shows who edited).'),
      scales.map((s) => s.block),
      field('Evidence', evidence, 'What observable evidence supports these ratings? Certifications, delivery outcomes, demonstrations.'),
    ],
    async () => {
      const missing = scales.filter((s) => s.group.value() === null).map((s) => s.name);
      if (missing.length) throw new Error(`Rate every sub-score: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing.`);
      if (!quarter.value.trim()) throw new Error(`Name the quarter, e.g. ${view.quarter}.`);
      const rating = (key: (typeof DIMENSIONS)[number]['key']) => Number(scales.find((s) => s.key === key)?.group.value());
      const next = await call('submitCompetenceRating', {
        quarter: quarter.value.trim(),
        ratedSide: ratedSide.value,
        participant: participant.value.trim(),
        domainExpertise: rating('domainExpertise'),
        executionCapacity: rating('executionCapacity'),
        learningVelocity: rating('learningVelocity'),
        evidence: evidence.value.trim(),
      });
      announce(`Your ratings of ${ratedSide.value} are saved.`);
      renderCompetence(app, next, `Your ratings of ${ratedSide.value} for ${quarter.value.trim()} are saved.`);
    },
    { 'aria-label': 'Rate the partner’s competence' },
  );
  return form;
}

/** Sub-score means per quarter and rated side; the learning-velocity column carries the trend. */
function scoresTable(view: CompetenceAuditView): HTMLElement {
  if (view.byQuarter.length === 0) return h('p', { class: 'muted' }, 'No ratings yet.');
  const rows = view.byQuarter.map((row) => {
    // byQuarter is latest first: the previous quarter of the same side comes later in the list.
    const previous = view.byQuarter.find((other) => other.side === row.side && other.quarter < row.quarter && other.learningVelocity !== null);
    const change = row.learningVelocity !== null && previous ? row.learningVelocity - (previous.learningVelocity as number) : null;
    const t = trend(change);
    return h(
      'tr',
      null,
      h('th', { scope: 'row' }, row.quarter, h('br', null), h('span', { class: 'meta' }, row.side)),
      h('td', { class: 'num' }, mean(row.domainExpertise)),
      h('td', { class: 'num' }, mean(row.executionCapacity)),
      h(
        'td',
        { class: 'num' },
        mean(row.learningVelocity),
        change !== null ? h('span', { class: 'trend', 'aria-hidden': 'true' }, ` ${t.arrow.split(' ')[0]}`) : null,
        change !== null ? h('span', { class: 'sr-only' }, `, ${t.spoken.replace('cycle', 'quarter')}`) : null,
      ),
      h('td', { class: 'num' }, String(row.ratings)),
    );
  });
  return h(
    'table',
    { class: 'compact' },
    h('caption', { class: 'sr-only' }, 'Competence sub-scores by quarter and side rated'),
    h(
      'thead',
      null,
      h('tr', null, h('th', { scope: 'col' }, 'Quarter, side'), h('th', { scope: 'col' }, 'Domain'), h('th', { scope: 'col' }, 'Execution'), h('th', { scope: 'col' }, 'Learning'), h('th', { scope: 'col' }, h('span', { 'aria-hidden': 'true' }, 'n'), h('span', { class: 'sr-only' }, 'Ratings'))),
    ),
    h('tbody', null, rows),
  );
}

/** Learning velocity per side, oldest quarter first, as one line a screen reader reads in order. */
function velocityTrend(view: CompetenceAuditView): HTMLElement | null {
  const sides = [...new Set(view.byQuarter.map((row) => row.side))];
  const lines = sides
    .map((side) => {
      const points = view.byQuarter.filter((row) => row.side === side && row.learningVelocity !== null).reverse();
      return points.length < 2 ? null : h('li', null, `${side}: `, points.map((p) => `${p.quarter} ${mean(p.learningVelocity)}`).join(' → '));
    })
    .filter((line) => line !== null);
  return lines.length ? h('div', null, h('p', { class: 'hint' }, 'Learning velocity over the quarters:'), h('ul', { class: 'plain' }, lines)) : null;
}

function learningForm(app: App, view: CompetenceAuditView): HTMLElement {
  const sides = view.sides.length ? view.sides : app.sides;
  const date = dateInput(todayIso());
  const side = select(sides, view.identity?.side ?? '');
  const person = textInput({ autocomplete: 'off' });
  const activity = textArea('', { rows: 2 });
  const kind = select(KINDS, 'Training');
  const hours = numberInput({ min: '0', max: '1000', step: 'any' });
  const { form } = actionForm(
    'Add to the log',
    'Adding…',
    [
      field('Activity', activity, 'A certification, a training, a conference attended.'),
      field('Kind', kind),
      field('Side', side),
      field('Person', person),
      field('Date', date),
      field('Hours', hours, 'Optional.'),
    ],
    async () => {
      if (!activity.value.trim()) throw new Error('Describe the activity.');
      if (!date.value) throw new Error('Give the date of the activity.');
      if (hours.value !== '' && !(Number(hours.value) >= 0 && Number(hours.value) <= 1000)) throw new Error('Hours must be a number from 0 to 1000.');
      const next = await call('addLearningActivity', {
        date: date.value,
        side: side.value,
        person: person.value.trim(),
        activity: activity.value.trim(),
        kind: kind.value,
        hours: hours.value === '' ? null : Number(hours.value),
      });
      announce(`Added to the learning log: ${activity.value.trim()}`);
      renderCompetence(app, next);
    },
    { 'aria-label': 'Add a learning activity' },
  );
  return form;
}

/** What the lists leave out, said plainly: the sheet has it. */
function notListed(count: number, one: string, many: string, sheet: string): HTMLElement | null {
  return count > 0 ? h('p', { class: 'meta' }, `${count === 1 ? `1 ${one} is` : `${count} ${many} are`} not listed: the ${sheet} sheet has ${count === 1 ? 'it' : 'them'}.`) : null;
}

function learningList(view: CompetenceAuditView): HTMLElement {
  if (view.learning.length === 0) return h('p', { class: 'muted' }, 'Nothing logged yet.');
  return h(
    'ul',
    { class: 'cards' },
    view.learning.map((entry) =>
      h(
        'li',
        { class: 'card' },
        h('p', { class: 'card-title' }, entry.activity),
        h(
          'p',
          { class: 'meta' },
          [entry.kind, entry.side + (entry.person ? ` · ${entry.person}` : ''), entry.date, entry.hours !== null ? `${entry.hours} h` : ''].filter(Boolean).join(' · '),
        ),
      ),
    ),
  );
}

function renderCompetence(app: App, view: CompetenceAuditView, saved?: string): void {
  app.learn(view);
  app.render(
    heading('Competence Audit'),
    backToTools(app),
    saved ? notice('success', saved) : null,
    section(
      'Sub-scores by quarter',
      scoresTable(view),
      velocityTrend(view),
      notListed(view.earlierRatings, 'rating of an earlier quarter', 'ratings of earlier quarters', 'Competence Audit'),
    ),
    section('Rate the other side', ratingForm(app, view)),
    section('Learning log', learningList(view), notListed(view.earlierLearning, 'earlier entry', 'earlier entries', 'Learning Log'), learningForm(app, view)),
  );
}
