import { ALIGNMENT_MARKS, ALIGNMENT_QUESTIONS, RESET_STEPS, shareAligned, type AlignmentMark } from '../domain/audits';
import { quarterOf, startOfDayOf } from '../domain/calendar';
import { DISCLOSURE_STAGES, type Disclosure, nextDisclosureStage } from '../domain/disclosure';
import { NOT_SHARED, adviseDisclosure as advise } from '../domain/disclosure-advisor';
import { parseStage } from '../domain/disclosure';
import { planCommitments } from '../workbook/commitments-log';
import { findSide, nextIds } from '../workbook/input';
import { Workbook } from '../workbook/layout';
import { type CellValue, type TableRow, dateOf, isoDayOf, parseIsoDay, readRows, textOf } from '../workbook/table';
import { ALIGNMENT_AUDIT, BREACHES, COMPETENCE_AUDIT, DISCLOSURES, LEARNING_LOG, PARTNERSHIP, PREMORTEM } from '../workbook/templates';
import { type WritePlan, saveAtomically } from '../workbook/write-plan';
import type {
  AlignmentAuditView, BreachView, CompetenceAuditView, DisclosureAdviceView, DisclosureQuestionInput, HomeView, MethodApi, PremortemView,
} from './api';
import { otherSide, publicIdentity, requireCaller } from './caller';
import { breachDecisionsFor } from './governance-handlers';
import { readPartnership } from './read-model';

const text = (value: unknown): string => String(value ?? '').trim();

function requireSide(value: string, sides: readonly string[], field: string): string {
  const side = findSide(sides, value);
  if (!side) throw new Error(`${field} "${value}" is not one of the two companies (${sides.join(', ') || 'name them on the Partnership sheet first'}).`);
  return side;
}

/** Days from today (in the spreadsheet's zone) to `date`: negative in the past. */
function daysFromToday(workbook: Workbook, date: Date): number {
  return workbook.calendar.dayNumber(date) - workbook.calendar.dayNumber(new Date());
}

const mean = (values: number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

// ---- Competence Audit ----

function loadCompetenceAudit(workbook = new Workbook()): CompetenceAuditView {
  const { sides } = readPartnership(workbook);
  const groups = new Map<string, { quarter: string; side: string; d: number[]; e: number[]; l: number[] }>();
  for (const row of readRows(workbook.layout(COMPETENCE_AUDIT), ['quarter', 'ratedSide', 'domainExpertise', 'executionCapacity', 'learningVelocity'])) {
    const quarter = textOf(row.values.quarter);
    const side = textOf(row.values.ratedSide);
    const key = `${quarter}\u0000${side.toLowerCase()}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { quarter, side, d: [], e: [], l: [] }));
    if (typeof row.values.domainExpertise === 'number') group.d.push(row.values.domainExpertise);
    if (typeof row.values.executionCapacity === 'number') group.e.push(row.values.executionCapacity);
    if (typeof row.values.learningVelocity === 'number') group.l.push(row.values.learningVelocity);
  }
  const learning = readRows(workbook.layout(LEARNING_LOG))
    .map((row) => ({
      date: dateOf(row.values.date) ? isoDayOf(dateOf(row.values.date) as Date, workbook.calendar) : '',
      side: textOf(row.values.side),
      person: textOf(row.values.person),
      activity: textOf(row.values.activity),
      kind: textOf(row.values.kind),
      hours: typeof row.values.hours === 'number' ? row.values.hours : null,
    }))
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, 20);
  return {
    identity: publicIdentity(workbook.identity),
    sides,
    quarter: quarterOf(workbook.calendar, new Date()),
    byQuarter: [...groups.values()]
      .map((group) => ({
        quarter: group.quarter,
        side: group.side,
        domainExpertise: mean(group.d),
        executionCapacity: mean(group.e),
        learningVelocity: mean(group.l),
        ratings: Math.max(group.d.length, group.e.length, group.l.length),
      }))
      .sort((a, b) => b.quarter.localeCompare(a.quarter) || a.side.localeCompare(b.side)),
    learning,
  };
}

const submitCompetenceRating: MethodApi['submitCompetenceRating'] = (input) => {
  const workbook = new Workbook();
  const identity = workbook.identity;
  saveAtomically(workbook, 'Submit competence ratings', (plan) => {
    const { sides } = readPartnership(workbook);
    const caller = requireCaller(sides, identity);
    const ratedSide = requireSide(input.ratedSide, sides, 'The side rated');
    if (ratedSide === caller.side) throw new Error('In the Competence Audit each side rates the other: pick the partner company.');
    plan.append(workbook.layout(COMPETENCE_AUDIT), [{ ...input, date: new Date(), ratedBy: caller.side, ratedSide }]);
  });
  return loadCompetenceAudit(workbook);
};

const addLearningActivity: MethodApi['addLearningActivity'] = (input) => {
  const workbook = new Workbook();
  const identity = workbook.identity;
  saveAtomically(workbook, 'Add learning activity', (plan) => {
    const { sides } = readPartnership(workbook);
    requireCaller(sides, identity);
    const date = parseIsoDay(input.date, 'The date', workbook.calendar);
    if (daysFromToday(workbook, date) > 0) throw new Error(`The date ${input.date} is in the future; log a learning activity once it has happened.`);
    plan.append(workbook.layout(LEARNING_LOG), [{ ...input, date, side: requireSide(input.side, sides, 'The side'), hours: input.hours ?? '' }]);
  });
  return loadCompetenceAudit(workbook);
};

// ---- Alignment Audit ----

function loadAlignmentAudit(quarter: string | null, workbook = new Workbook()): AlignmentAuditView {
  const { sides } = readPartnership(workbook);
  const rows = readRows(workbook.layout(ALIGNMENT_AUDIT));
  const quarters = [...new Set(rows.map((row) => textOf(row.values.quarter)).filter((q) => q !== ''))].sort().reverse();
  const wanted = text(quarter) || quarters[0] || quarterOf(workbook.calendar, new Date());
  const questions = ALIGNMENT_QUESTIONS.map((question) => {
    const row = rows.find((candidate) => textOf(candidate.values.quarter) === wanted && textOf(candidate.values.question) === question);
    return {
      question,
      ours: row ? textOf(row.values.ourAnswer) : '',
      partner: row ? textOf(row.values.partnerAnswer) : '',
      mark: row ? textOf(row.values.mark) : '',
    };
  });
  return {
    identity: publicIdentity(workbook.identity),
    sides,
    quarter: wanted,
    quarters: quarters.includes(wanted) ? quarters : [wanted, ...quarters],
    questions,
    marks: [...ALIGNMENT_MARKS],
    shareAligned: shareAligned(questions.map((q) => (ALIGNMENT_MARKS as readonly string[]).includes(q.mark) ? (q.mark as AlignmentMark) : '')),
  };
}

/** Plans one field of each (quarter, question) row, adding the row on its first answer; rows are read once, inside the lock. */
function planAlignment(plan: WritePlan, workbook: Workbook, quarter: string, field: 'ourAnswer' | 'partnerAnswer' | 'mark', values: ReadonlyArray<[string, CellValue]>): void {
  const layout = workbook.layout(ALIGNMENT_AUDIT);
  const rows = readRows(layout);
  const added: Array<Record<string, CellValue>> = [];
  for (const [question, value] of values) {
    const row = rows.find((candidate) => textOf(candidate.values.quarter) === quarter && textOf(candidate.values.question) === question);
    if (row) plan.update(layout, row.rowNumber, { [field]: value });
    else added.push({ quarter, question, [field]: value });
  }
  plan.append(layout, added);
}

const saveAlignmentAnswers: MethodApi['saveAlignmentAnswers'] = (input) => {
  const workbook = new Workbook();
  const identity = workbook.identity;
  saveAtomically(workbook, 'Save alignment answers', (plan) => {
    const { sides } = readPartnership(workbook);
    const caller = requireCaller(sides, identity);
    const field = caller.side === sides[0] ? 'ourAnswer' : 'partnerAnswer';
    planAlignment(plan, workbook, input.quarter, field, Object.entries(input.answers).map(([question, answer]) => [question, answer ?? '']));
  });
  return loadAlignmentAudit(input.quarter, workbook);
};

const markAlignment: MethodApi['markAlignment'] = (quarter, question, mark) => {
  const workbook = new Workbook();
  const identity = workbook.identity;
  saveAtomically(workbook, 'Mark alignment', (plan) => {
    requireCaller(readPartnership(workbook).sides, identity);
    planAlignment(plan, workbook, quarter, 'mark', [[question, mark]]);
  });
  return loadAlignmentAudit(quarter, workbook);
};

// ---- Pre-mortem ----

function loadPremortem(workbook = new Workbook()): PremortemView {
  return {
    sides: readPartnership(workbook).sides,
    risks: readRows(workbook.layout(PREMORTEM)).map((row) => ({
      id: textOf(row.values.id),
      initiative: textOf(row.values.initiative),
      risk: textOf(row.values.risk),
      likelihood: textOf(row.values.likelihood),
      impact: textOf(row.values.impact),
      earlySignal: textOf(row.values.earlySignal),
      recoveryStandard: textOf(row.values.recoveryStandard),
      ownerSide: textOf(row.values.ownerSide),
      commitmentId: textOf(row.values.commitmentId),
    })),
  };
}

const addRisk: MethodApi['addRisk'] = (input) => {
  const workbook = new Workbook();
  const identity = workbook.identity;
  saveAtomically(workbook, 'Add risk', (plan) => {
    const { sides } = readPartnership(workbook);
    requireCaller(sides, identity);
    const layout = workbook.layout(PREMORTEM);
    plan.append(layout, [{ ...input, ownerSide: requireSide(input.ownerSide, sides, 'The owner side'), id: nextIds(readRows(layout), 'R')[0] }]);
  });
  return loadPremortem(workbook);
};

/** Turns a risk into a proposed commitment and links the two, in one save: both happen or neither. */
const riskToCommitment: MethodApi['riskToCommitment'] = (id, dueDate) => {
  const workbook = new Workbook();
  const identity = workbook.identity;
  saveAtomically(workbook, 'Turn risk into commitment', (plan) => {
    const { sides } = readPartnership(workbook);
    const caller = requireCaller(sides, identity);
    const layout = workbook.layout(PREMORTEM);
    const row = readRows(layout).find((candidate) => textOf(candidate.values.id) === id);
    if (!row) throw new Error(`No risk with id ${id}; it may have been deleted.`);
    const linked = textOf(row.values.commitmentId);
    if (linked) throw new Error(`${id} is already commitment ${linked}.`);
    if (daysFromToday(workbook, parseIsoDay(dueDate, 'The due date', workbook.calendar)) < 0) {
      throw new Error(`The due date ${dueDate} is in the past; a new commitment is due today or later.`);
    }
    const risk = textOf(row.values.risk);
    const standard = textOf(row.values.recoveryStandard);
    const [commitmentId] = planCommitments(
      plan,
      workbook,
      [{
        commitment: `Prevent: ${risk}${standard ? ` (recovery standard: ${standard})` : ''}`,
        ownerSide: textOf(row.values.ownerSide),
        ownerPerson: '',
        corner: 'Reliability',
        dueDate,
        source: `Pre-mortem ${textOf(row.values.initiative)}`,
        status: 'Proposed',
      }],
      sides,
      caller.actor,
    );
    plan.update(layout, row.rowNumber, { commitmentId });
  });
  return loadPremortem(workbook);
};

// ---- Graduated disclosure advisor ----

/** The partner's ledger entries that shared something (a recorded decision to wait shared nothing). */
function sharedEntries(workbook: Workbook): Disclosure[] {
  const ledger: Disclosure[] = [];
  for (const row of readRows(workbook.layout(DISCLOSURES), ['side', 'stage', 'decision'])) {
    const stage = parseStage(textOf(row.values.stage));
    if (stage && !NOT_SHARED.has(textOf(row.values.decision))) ledger.push({ side: textOf(row.values.side), stage });
  }
  return ledger;
}

function adviceFor(input: DisclosureQuestionInput, workbook: Workbook, ours: string, sides: readonly string[]): DisclosureAdviceView {
  const partner = otherSide(sides, ours);
  const ledger = sharedEntries(workbook);
  const allowedStage = nextDisclosureStage(ledger, partner);
  const advice = advise({ ...input, allowedStage });
  const reasons = [...advice.reasons];
  // The person's own "not reciprocated" stands: the ledger cannot tell whether an entry was the equivalent.
  const matched = ledger.find(
    (entry) => entry.side.toLowerCase() === partner.toLowerCase() && DISCLOSURE_STAGES.indexOf(entry.stage) >= DISCLOSURE_STAGES.indexOf(input.stage),
  );
  if (!input.partnerReciprocated && matched) {
    reasons.push(`The ledger shows ${partner} sharing at the ${matched.stage} stage; if that was the equivalent of this, answer "yes" to reciprocity.`);
  }
  return { decision: advice.decision, reasons, allowedStage, partner };
}

const adviseDisclosure: MethodApi['adviseDisclosure'] = (input) => {
  const workbook = new Workbook();
  const { sides } = readPartnership(workbook);
  return adviceFor(input, workbook, requireCaller(sides).side, sides);
};

const recordDisclosure: MethodApi['recordDisclosure'] = (input) => {
  if (input.shared === '') throw new Error('What you share is empty; please fill it in.');
  const workbook = new Workbook();
  const identity = workbook.identity;
  return saveAtomically(workbook, 'Record disclosure', (plan) => {
    const { sides } = readPartnership(workbook);
    const caller = requireCaller(sides, identity);
    const advice = adviceFor(input, workbook, caller.side, sides);
    const layout = workbook.layout(DISCLOSURES);
    plan.append(layout, [{
      id: nextIds(readRows(layout, ['id']), 'D')[0],
      date: new Date(),
      side: caller.side,
      shared: input.shared,
      stage: input.stage,
      exploitationRisk: input.exploitationRisk,
      coordinationValue: input.coordinationValue,
      decision: advice.decision,
    }]);
    return advice;
  });
};

// ---- Breach mode ----

export function loadBreaches(workbook = new Workbook()): BreachView {
  return breachView(workbook, readRows(workbook.layout(BREACHES)));
}

/** The breach view from rows already read (a save passes the rows as it changed them). */
export function breachView(workbook: Workbook, rows: readonly TableRow[], known?: Parameters<typeof breachDecisionsFor>[2]): BreachView {
  const breaches = rows.map((row) => ({
    id: textOf(row.values.id),
    date: dateOf(row.values.date) ? isoDayOf(dateOf(row.values.date) as Date, workbook.calendar) : '',
    what: textOf(row.values.what),
    corner: textOf(row.values.corner),
    acknowledgedOn: dateOf(row.values.acknowledgedOn) ? isoDayOf(dateOf(row.values.acknowledgedOn) as Date, workbook.calendar) : '',
    preventionPlan: textOf(row.values.preventionPlan),
    reviewDate: dateOf(row.values.reviewDate) ? isoDayOf(dateOf(row.values.reviewDate) as Date, workbook.calendar) : '',
    status: textOf(row.values.status),
  }));
  const { decisions, exited } = breachDecisionsFor(workbook, rows, known);
  return { active: !exited && breaches.some((breach) => breach.status !== 'Reset complete'), breaches, steps: [...RESET_STEPS], decisions, exited };
}

const recordBreach: MethodApi['recordBreach'] = (input) => {
  const workbook = new Workbook();
  const identity = workbook.identity;
  saveAtomically(workbook, 'Record breach', (plan) => {
    requireCaller(readPartnership(workbook).sides, identity);
    const date = parseIsoDay(input.date, 'The date', workbook.calendar);
    if (daysFromToday(workbook, date) > 0) throw new Error(`The date ${input.date} is in the future; record a breach once it has happened.`);
    const layout = workbook.layout(BREACHES);
    plan.append(layout, [{ ...input, date, status: 'Reset under way', id: nextIds(readRows(layout), 'B')[0] }]);
  });
  return loadBreaches(workbook);
};

const updateBreach: MethodApi['updateBreach'] = (update) => {
  const workbook = new Workbook();
  const identity = workbook.identity;
  const calendar = workbook.calendar;
  saveAtomically(workbook, 'Update breach', (plan) => {
    requireCaller(readPartnership(workbook).sides, identity);
    const layout = workbook.layout(BREACHES);
    const row = readRows(layout).find((candidate) => textOf(candidate.values.id) === update.id);
    if (!row) throw new Error(`No breach with id ${update.id}; it may have been deleted.`);
    const changes: Record<string, CellValue> = {};
    if (update.acknowledgedOn !== undefined) changes.acknowledgedOn = update.acknowledgedOn === '' ? '' : parseIsoDay(update.acknowledgedOn, 'Acknowledged on', calendar);
    if (update.reviewDate !== undefined) changes.reviewDate = update.reviewDate === '' ? '' : parseIsoDay(update.reviewDate, 'The review date', calendar);
    if (update.preventionPlan !== undefined) changes.preventionPlan = update.preventionPlan;
    if (update.status !== undefined) changes.status = update.status;
    const after = { ...row.values, ...changes };
    const breachDay = dateOf(after.date);
    const acknowledged = dateOf(after.acknowledgedOn);
    const review = dateOf(after.reviewDate);
    if (breachDay && acknowledged && calendar.dayNumber(acknowledged) < calendar.dayNumber(breachDay)) {
      throw new Error(`Acknowledged on ${isoDayOf(acknowledged, calendar)} is before the breach (${isoDayOf(breachDay, calendar)}).`);
    }
    if (breachDay && review && calendar.dayNumber(review) < calendar.dayNumber(breachDay)) {
      throw new Error(`The review date ${isoDayOf(review, calendar)} is before the breach (${isoDayOf(breachDay, calendar)}).`);
    }
    if (changes.status === 'Reset complete') {
      // A reset ends with the acknowledgment made and the facilitated review held, not before.
      if (!acknowledged || !review) {
        throw new Error('Record when the breach was acknowledged and the facilitated review date before marking the reset complete.');
      }
      if (daysFromToday(workbook, review) > 0) {
        throw new Error(`The facilitated review is on ${isoDayOf(review, calendar)}; the reset is complete once it has been held.`);
      }
    }
    plan.update(layout, row.rowNumber, changes);
  });
  return loadBreaches(workbook);
};

// ---- Ad hoc reassessment ----

function makeRecordMajorChange(loadHome: (workbook: Workbook) => HomeView): MethodApi['recordMajorChange'] {
  return (input) => {
    const workbook = new Workbook();
    const identity = workbook.identity;
    saveAtomically(workbook, 'Record major change', (plan) => {
      const partnership = readPartnership(workbook);
      requireCaller(partnership.sides, identity);
      if (!partnership.partnershipRow) throw new Error('Name the partnership on the Partnership sheet first.');
      const today = new Date();
      plan.update(workbook.layout(PARTNERSHIP), partnership.partnershipRow.rowNumber, {
        majorChange: input.change,
        majorChangeNote: input.note,
        majorChangeOn: today,
        nextReassessment: startOfDayOf(workbook.calendar, today),
      });
    });
    return loadHome(workbook);
  };
}

export function methodHandlers(loadHome: (workbook: Workbook) => HomeView): MethodApi {
  // Handlers called by google.script.run get only the client's arguments, never a workbook.
  return {
    loadCompetenceAudit: () => loadCompetenceAudit(),
    submitCompetenceRating,
    addLearningActivity,
    loadAlignmentAudit: (quarter) => loadAlignmentAudit(quarter ?? null),
    saveAlignmentAnswers,
    markAlignment,
    loadPremortem: () => loadPremortem(),
    addRisk,
    riskToCommitment,
    adviseDisclosure,
    recordDisclosure,
    loadBreaches: () => loadBreaches(),
    recordBreach,
    updateBreach,
    recordMajorChange: makeRecordMajorChange(loadHome),
  };
}
