import { ALIGNMENT_MARKS, ALIGNMENT_QUESTIONS, MAJOR_CHANGES, RESET_STEPS, shareAligned, type AlignmentMark } from '../domain/audits';
import { quarterOf, startOfDayOf } from '../domain/calendar';
import { parseCorner } from '../domain/corners';
import { DISCLOSURE_STAGES, type Disclosure, nextDisclosureStage, parseStage } from '../domain/disclosure';
import { LEVELS, type Level, NOT_SHARED, adviseDisclosure as advise } from '../domain/disclosure-advisor';
import { appendCommitments } from '../workbook/commitments-log';
import { savedIdentity } from '../workbook/identity';
import { Workbook } from '../workbook/layout';
import { withDocumentLock } from '../workbook/lock';
import { type CellValue, type TableRow, appendRows, dateOf, isoDayOf, parseIsoDay, readRows, textOf, updateCells } from '../workbook/table';
import { ALIGNMENT_AUDIT, BREACHES, COMPETENCE_AUDIT, DISCLOSURES, LEARNING_LOG, PARTNERSHIP, PREMORTEM } from '../workbook/templates';
import type {
  AlignmentAuditView, BreachView, CompetenceAuditView, DisclosureAdviceView, DisclosureQuestionInput, HomeView, MethodApi, PremortemView,
} from './api';
import { readPartnership } from './read-model';
import { findSide, nextIds, requireText } from '../workbook/input';

const text = (value: unknown): string => String(value ?? '').trim();

function requireIdentity() {
  const identity = savedIdentity();
  if (!identity) throw new Error('Tell us who you are first: your name and side.');
  return identity;
}

function requireSide(value: unknown, sides: readonly string[], field: string): string {
  const side = findSide(sides, value);
  if (!side) throw new Error(`${field} must be one of the two companies (${sides.join(', ') || 'name them on the Partnership sheet first'}).`);
  return side;
}

function requireRating(value: unknown, field: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 10) throw new Error(`${field} is ${JSON.stringify(value ?? '')}; rate it with a whole number from 1 to 10.`);
  return number;
}

function requireLevel(value: unknown, field: string): Level {
  const level = LEVELS.find((candidate) => candidate.toLowerCase() === text(value).toLowerCase());
  if (!level) throw new Error(`${field} must be Low, Medium or High.`);
  return level;
}

const mean = (values: number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

// ---- Competence Audit ----

function loadCompetenceAudit(workbook = new Workbook()): CompetenceAuditView {
  const { sides } = readPartnership(workbook);
  const groups = new Map<string, { quarter: string; side: string; d: number[]; e: number[]; l: number[] }>();
  for (const row of readRows(workbook.layout(COMPETENCE_AUDIT))) {
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
    identity: savedIdentity(),
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
  const identity = requireIdentity();
  const workbook = new Workbook();
  const { sides } = readPartnership(workbook);
  const ratedSide = requireSide(input?.ratedSide, sides, 'The side rated');
  if (ratedSide.toLowerCase() === identity.side.toLowerCase()) throw new Error('In the Competence Audit each side rates the other: pick the partner company.');
  const record = {
    quarter: requireText(input?.quarter, 'The quarter'),
    date: new Date(),
    ratedBy: requireSide(identity.side, sides, 'Your side'),
    ratedSide,
    participant: text(input?.participant),
    domainExpertise: requireRating(input?.domainExpertise, 'Domain expertise'),
    executionCapacity: requireRating(input?.executionCapacity, 'Execution capacity'),
    learningVelocity: requireRating(input?.learningVelocity, 'Learning velocity'),
    evidence: String(input?.evidence ?? ''),
  };
  withDocumentLock('Submit competence ratings', () => appendRows(workbook.layout(COMPETENCE_AUDIT), [record]));
  return loadCompetenceAudit(workbook);
};

const addLearningActivity: MethodApi['addLearningActivity'] = (input) => {
  const workbook = new Workbook();
  const { sides } = readPartnership(workbook);
  const hours = input?.hours === null || input?.hours === undefined || String(input.hours) === '' ? '' : Number(input.hours);
  if (hours !== '' && (!Number.isFinite(hours) || hours < 0 || hours > 1000)) throw new Error('Hours must be a number from 0 to 1000.');
  const kinds = ['Certification', 'Training', 'Conference', 'Other'];
  const kind = kinds.find((candidate) => candidate.toLowerCase() === text(input?.kind).toLowerCase());
  if (!kind) throw new Error(`The kind must be one of ${kinds.join(', ')}.`);
  const record = {
    date: parseIsoDay(text(input?.date), 'The date', workbook.calendar),
    side: requireSide(input?.side, sides, 'The side'),
    person: text(input?.person),
    activity: requireText(input?.activity, 'The activity'),
    kind,
    hours,
  };
  withDocumentLock('Add learning activity', () => appendRows(workbook.layout(LEARNING_LOG), [record]));
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
    identity: savedIdentity(),
    sides,
    quarter: wanted,
    quarters: quarters.includes(wanted) ? quarters : [wanted, ...quarters],
    questions,
    marks: [...ALIGNMENT_MARKS],
    shareAligned: shareAligned(questions.map((q) => (ALIGNMENT_MARKS as readonly string[]).includes(q.mark) ? (q.mark as AlignmentMark) : '')),
  };
}

/** Writes one field of the (quarter, question) row, creating the row on first answer. */
function writeAlignment(workbook: Workbook, quarter: string, question: string, field: 'ourAnswer' | 'partnerAnswer' | 'mark', value: CellValue): void {
  const layout = workbook.layout(ALIGNMENT_AUDIT);
  const row = readRows(layout).find((candidate) => textOf(candidate.values.quarter) === quarter && textOf(candidate.values.question) === question);
  if (row) updateCells(layout, row.rowNumber, { [field]: value });
  else appendRows(layout, [{ quarter, question, [field]: value }]);
}

const saveAlignmentAnswers: MethodApi['saveAlignmentAnswers'] = (input) => {
  const identity = requireIdentity();
  const workbook = new Workbook();
  const { sides } = readPartnership(workbook);
  const side = requireSide(identity.side, sides, 'Your side');
  const field = side.toLowerCase() === sides[0].toLowerCase() ? 'ourAnswer' : 'partnerAnswer';
  const quarter = requireText(input?.quarter, 'The quarter');
  const answers = Object.entries(input?.answers ?? {}).filter(([question]) => (ALIGNMENT_QUESTIONS as readonly string[]).includes(question));
  if (answers.length === 0) throw new Error('Answer at least one question.');
  withDocumentLock('Save alignment answers', () => {
    for (const [question, answer] of answers) writeAlignment(workbook, quarter, question, field, String(answer ?? ''));
  });
  return loadAlignmentAudit(quarter, workbook);
};

const markAlignment: MethodApi['markAlignment'] = (quarter, question, mark) => {
  if (!(ALIGNMENT_QUESTIONS as readonly string[]).includes(question)) throw new Error(`"${question}" is not an Alignment Audit question.`);
  if (mark !== '' && !(ALIGNMENT_MARKS as readonly string[]).includes(mark)) throw new Error(`Mark it ${ALIGNMENT_MARKS.join(', ')}.`);
  const workbook = new Workbook();
  withDocumentLock('Mark alignment', () => writeAlignment(workbook, requireText(quarter, 'The quarter'), question, 'mark', mark));
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
  const { sides } = readPartnership(workbook);
  const record = {
    initiative: requireText(input?.initiative, 'The initiative'),
    risk: requireText(input?.risk, 'What could go wrong'),
    likelihood: requireLevel(input?.likelihood, 'Likelihood'),
    impact: requireLevel(input?.impact, 'Impact'),
    earlySignal: String(input?.earlySignal ?? ''),
    recoveryStandard: String(input?.recoveryStandard ?? ''),
    ownerSide: requireSide(input?.ownerSide, sides, 'The owner side'),
  };
  withDocumentLock('Add risk', () => {
    const layout = workbook.layout(PREMORTEM);
    appendRows(layout, [{ ...record, id: nextIds(readRows(layout), 'R')[0] }]);
  });
  return loadPremortem(workbook);
};

const riskToCommitment: MethodApi['riskToCommitment'] = (id, dueDate) => {
  const workbook = new Workbook();
  const { sides } = readPartnership(workbook);
  const risk = loadPremortem(workbook).risks.find((candidate) => candidate.id === id);
  if (!risk) throw new Error(`No risk with id ${id}; it may have been deleted.`);
  if (risk.commitmentId) throw new Error(`${id} is already commitment ${risk.commitmentId}.`);
  const [commitmentId] = appendCommitments(
    [{
      commitment: `Prevent: ${risk.risk}${risk.recoveryStandard ? ` (recovery standard: ${risk.recoveryStandard})` : ''}`,
      ownerSide: risk.ownerSide,
      ownerPerson: '',
      corner: 'Reliability',
      dueDate,
      source: `Pre-mortem ${risk.initiative}`,
      status: 'Proposed',
    }],
    sides,
    workbook,
  );
  withDocumentLock('Link risk to commitment', () => {
    const layout = workbook.layout(PREMORTEM);
    const row = readRows(layout).find((candidate) => textOf(candidate.values.id) === id);
    if (row) updateCells(layout, row.rowNumber, { commitmentId });
  });
  return loadPremortem(workbook);
};

// ---- Graduated disclosure advisor ----

function adviceFor(input: DisclosureQuestionInput, workbook: Workbook): DisclosureAdviceView {
  const identity = requireIdentity();
  const { sides } = readPartnership(workbook);
  const ours = requireSide(identity.side, sides, 'Your side');
  const partner = sides.find((side) => side.toLowerCase() !== ours.toLowerCase()) as string;
  const stage = parseStage(text(input?.stage));
  if (!stage) throw new Error(`The stage must be one of ${DISCLOSURE_STAGES.join(', ')}.`);
  const ledger: Disclosure[] = [];
  for (const row of readRows(workbook.layout(DISCLOSURES))) {
    const rowStage = parseStage(textOf(row.values.stage));
    // A recorded decision not to share (wait, or let results show it) shared nothing.
    if (rowStage && !NOT_SHARED.has(textOf(row.values.decision))) ledger.push({ side: textOf(row.values.side), stage: rowStage });
  }
  const allowedStage = nextDisclosureStage(ledger, partner);
  const partnerMatched = ledger.some(
    (entry) => entry.side.toLowerCase() === partner.toLowerCase() && DISCLOSURE_STAGES.indexOf(entry.stage) >= DISCLOSURE_STAGES.indexOf(stage) - 1,
  );
  const advice = advise({
    stage,
    allowedStage,
    exploitationRisk: requireLevel(input?.exploitationRisk, 'Exploitation risk'),
    coordinationValue: requireLevel(input?.coordinationValue, 'Coordination value'),
    partnerReciprocated: Boolean(input?.partnerReciprocated) || partnerMatched,
    performanceCanShow: Boolean(input?.performanceCanShow),
  });
  return { decision: advice.decision, reasons: advice.reasons, allowedStage, partner };
}

const adviseDisclosure: MethodApi['adviseDisclosure'] = (input) => adviceFor(input, new Workbook());

const recordDisclosure: MethodApi['recordDisclosure'] = (input) => {
  const workbook = new Workbook();
  const advice = adviceFor(input, workbook);
  const identity = requireIdentity();
  const { sides } = readPartnership(workbook);
  withDocumentLock('Record disclosure', () => {
    const layout = workbook.layout(DISCLOSURES);
    appendRows(layout, [{
      id: nextIds(readRows(layout), 'D')[0],
      date: new Date(),
      side: requireSide(identity.side, sides, 'Your side'),
      shared: requireText(input?.shared, 'What you share'),
      stage: parseStage(text(input.stage)) as string,
      exploitationRisk: requireLevel(input.exploitationRisk, 'Exploitation risk'),
      coordinationValue: requireLevel(input.coordinationValue, 'Coordination value'),
      decision: advice.decision,
    }]);
  });
  return advice;
};

// ---- Breach mode ----

function loadBreaches(workbook = new Workbook()): BreachView {
  const rows = readRows(workbook.layout(BREACHES));
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
  return { active: breaches.some((breach) => breach.status !== 'Reset complete'), breaches, steps: [...RESET_STEPS] };
}

const recordBreach: MethodApi['recordBreach'] = (input) => {
  const corner = parseCorner(text(input?.corner));
  if (!corner) throw new Error('Which corner did the breach hit? Competence, Reliability, Transparency or Alignment.');
  const workbook = new Workbook();
  const record = { date: parseIsoDay(text(input?.date), 'The date', workbook.calendar), what: requireText(input?.what, 'What happened'), corner, status: 'Reset under way' };
  withDocumentLock('Record breach', () => {
    const layout = workbook.layout(BREACHES);
    appendRows(layout, [{ ...record, id: nextIds(readRows(layout), 'B')[0] }]);
  });
  return loadBreaches(workbook);
};

const updateBreach: MethodApi['updateBreach'] = (update) => {
  const workbook = new Workbook();
  const calendar = workbook.calendar;
  const changes: Record<string, CellValue> = {};
  if (update?.acknowledgedOn !== undefined) changes.acknowledgedOn = update.acknowledgedOn === '' ? '' : parseIsoDay(update.acknowledgedOn, 'Acknowledged on', calendar);
  if (update?.reviewDate !== undefined) changes.reviewDate = update.reviewDate === '' ? '' : parseIsoDay(update.reviewDate, 'The review date', calendar);
  if (update?.preventionPlan !== undefined) changes.preventionPlan = String(update.preventionPlan);
  if (update?.status !== undefined) {
    if (!['Reset under way', 'Reset complete'].includes(update.status)) throw new Error('The status must be "Reset under way" or "Reset complete".');
    changes.status = update.status;
  }
  withDocumentLock('Update breach', () => {
    const layout = workbook.layout(BREACHES);
    const row = readRows(layout).find((candidate) => textOf(candidate.values.id) === update?.id);
    if (!row) throw new Error(`No breach with id ${String(update?.id)}.`);
    if (changes.status === 'Reset complete') {
      // A reset ends with the acknowledgment made and the facilitated review held, not before.
      const after = { ...row.values, ...changes };
      if (!dateOf(after.acknowledgedOn) || !dateOf(after.reviewDate)) {
        throw new Error('Record when the breach was acknowledged and the facilitated review date before marking the reset complete.');
      }
    }
    updateCells(layout, row.rowNumber, changes);
  });
  return loadBreaches(workbook);
};

// ---- Ad hoc reassessment ----

function makeRecordMajorChange(loadHome: () => HomeView): MethodApi['recordMajorChange'] {
  return (input) => {
    const change = MAJOR_CHANGES.find((candidate) => candidate.toLowerCase() === text(input?.change).toLowerCase());
    if (!change) throw new Error(`The change must be one of ${MAJOR_CHANGES.join(', ')}.`);
    const workbook = new Workbook();
    const snapshot = readPartnership(workbook);
    if (!snapshot.partnershipRow) throw new Error('Name the partnership on the Partnership sheet first.');
    const today = new Date();
    withDocumentLock('Record major change', () => {
      updateCells(workbook.layout(PARTNERSHIP), (snapshot.partnershipRow as TableRow).rowNumber, {
        majorChange: change,
        majorChangeNote: String(input?.note ?? ''),
        majorChangeOn: today,
        nextReassessment: startOfDayOf(workbook.calendar, today),
      });
    });
    return loadHome();
  };
}

export function methodHandlers(loadHome: () => HomeView): MethodApi {
  // Handlers called by google.script.run get only the client's arguments, never a workbook.
  return {
    loadCompetenceAudit: () => loadCompetenceAudit(),
    submitCompetenceRating,
    addLearningActivity,
    loadAlignmentAudit: (quarter) => loadAlignmentAudit(quarter),
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
