import { CORNERS, cornersAtRisk, needsSafeguards, parseCorner } from '../domain/corners';
import { COMMITMENT_STATUSES } from '../domain/commitments';
import { type Calendar, quarterOf, startOfDayOf } from '../domain/calendar';
import { ACTION_DUE_MAX_DAYS, ACTION_DUE_MIN_DAYS, addDays, reassessBy } from '../domain/dates';
import { NOTABLE_GAP, nextFocus, perceptionGap, weakestCorner } from '../domain/scores';
import { appendCommitments, updateCommitment as updateCommitmentRow } from '../workbook/commitments-log';
import { savedIdentity, saveIdentity as storeIdentity } from '../workbook/identity';
import { Workbook } from '../workbook/layout';
import { withDocumentLock } from '../workbook/lock';
import { isSetUp, setUpWorkbook as runSetup } from '../workbook/setup';
import { type CellValue, appendRows, dateOf, isoDayOf, readRows, textOf, updateCells } from '../workbook/table';
import { PARTNERSHIP_MODELS, parseModel } from '../domain/models';
import { ASSESSMENTS, BREACHES, PARTNERSHIP } from '../workbook/templates';
import type { ActionInput, AssessmentInput, AssessmentView, CommitmentInput, CommitmentUpdate, CommitmentsView, CornerName, HomeView, Identity, PartnershipInput, ResultsView, ServerApi, SubmitResult } from './api';
import { methodHandlers } from './method-handlers';
import { findSide } from '../workbook/input';
import { ACTIVITIES } from './activities';
import { cornerSummaries, cycles, daysUntil, readPartnership, readSnapshot, summariseCommitment, toCornerValues, whyItMatters } from './read-model';
import { recordSealedResponse, openCycle, setOpenCycle } from './sealed';

const today = (): Date => new Date();

function notSetUpHome(): HomeView {
  return {
    setUp: false, models: [...PARTNERSHIP_MODELS], identity: savedIdentity(), sides: [], model: '', latestCycle: null, corners: cornerSummaries(undefined, undefined),
    sideMeans: [], gaps: null, weakest: null, weakestWhy: '', needsSafeguards: false, attention: [], daysToReassessment: null,
    nextReassessment: null, actions: [], breachMode: null, adHocReason: null,
  };
}

function loadHome(workbook = new Workbook()): HomeView {
  if (!isSetUp()) return notSetUpHome();
  const identity = savedIdentity();
  const snapshot = readSnapshot(workbook);
  const all = cycles(snapshot);
  const latest = all[all.length - 1];
  const previous = all[all.length - 2];
  const now = today();
  const calendar = workbook.calendar;
  const summaries = snapshot.commitments.map((row) => summariseCommitment(row, identity, now, calendar));
  const gap = latest ? perceptionGap(latest.bySide.slice(0, 2)) : null;
  const weakest = latest ? weakestCorner(latest.means, snapshot.model) : null;
  return {
    setUp: true,
    models: [...PARTNERSHIP_MODELS],
    identity,
    sides: snapshot.sides,
    model: snapshot.model ?? '',
    latestCycle: latest?.cycle ?? null,
    corners: cornerSummaries(latest, previous),
    sideMeans: (latest?.bySide ?? []).map((side) => ({ side: side.side, means: toCornerValues(side.means), responses: side.responses })),
    gaps: gap ? toCornerValues(gap.gaps) : null,
    weakest: weakest as CornerName | null,
    weakestWhy: whyItMatters(weakest as CornerName | null, snapshot.model),
    needsSafeguards: latest ? needsSafeguards(latest.means) : false,
    attention: summaries
      .filter((item) => item.overdue || item.status === 'At risk')
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
      .slice(0, 5),
    daysToReassessment: snapshot.nextReassessment ? daysUntil(snapshot.nextReassessment, now, calendar) : null,
    nextReassessment: snapshot.nextReassessment ? isoDayOf(snapshot.nextReassessment, calendar) : null,
    actions: latest ? summaries.filter((item) => item.source === `Assessment ${latest.cycle}`) : [],
    breachMode: openBreach(workbook),
    adHocReason: adHocReason(snapshot, calendar),
  };
}

/** The oldest breach whose reset is not complete: while there is one, the home view guides a reset. */
function openBreach(workbook: Workbook): HomeView['breachMode'] {
  const open = readRows(workbook.layout(BREACHES)).find((row) => textOf(row.values.status) !== 'Reset complete');
  if (!open) return null;
  const review = dateOf(open.values.reviewDate);
  return { what: textOf(open.values.what), corner: textOf(open.values.corner), reviewDate: review ? isoDayOf(review, workbook.calendar) : null };
}

/** A major change recorded after the latest assessment makes the reassessment due now, and says why. */
function adHocReason(snapshot: ReturnType<typeof readSnapshot>, calendar: Calendar): string | null {
  const row = snapshot.partnershipRow;
  if (!row) return null;
  const change = textOf(row.values.majorChange);
  const on = dateOf(row.values.majorChangeOn);
  if (change === '' || !on) return null;
  const assessedSince = snapshot.assessments.some((assessment) => {
    const date = dateOf(assessment.values.date);
    return date !== null && date.getTime() >= on.getTime();
  });
  if (assessedSince) return null;
  const note = textOf(row.values.majorChangeNote);
  return `${change} on ${isoDayOf(on, calendar)}${note ? `: ${note}` : ''}. Reassess now rather than waiting for the 90 days.`;
}

function requireSides(sides: string[]): void {
  if (sides.length < 2) throw new Error('Name the two companies on the Partnership sheet first (Our company, Partner company).');
}

function saveIdentity(identity: Identity): HomeView {
  const displayName = String(identity?.displayName ?? '').trim();
  const side = String(identity?.side ?? '').trim();
  if (displayName === '') throw new Error('Your name is empty; please type the name your partner knows you by.');
  if (displayName.length > 100) throw new Error('Your name is longer than 100 characters; please shorten it.');
  if (isSetUp()) {
    const { sides } = readPartnership(new Workbook());
    if (sides.length > 0 && !findSide(sides, side)) {
      throw new Error(`"${side}" is not one of the two companies (${sides.join(', ')}).`);
    }
  }
  storeIdentity({ displayName, side });
  return loadHome();
}

function setUpWorkbook(partnership?: PartnershipInput | null): HomeView {
  let row: Record<string, CellValue> | null = null;
  if (partnership) {
    const ourCompany = String(partnership.ourCompany ?? '').trim();
    const partnerCompany = String(partnership.partnerCompany ?? '').trim();
    const model = parseModel(String(partnership.model ?? ''));
    if (ourCompany === '' || partnerCompany === '') throw new Error('Name both companies: yours and your partner\'s.');
    if (ourCompany.toLowerCase() === partnerCompany.toLowerCase()) throw new Error('The two companies need different names.');
    if (!model) throw new Error(`Choose the partnership model: ${PARTNERSHIP_MODELS.join(', ')}.`);
    row = { ourCompany, partnerCompany, model, startDate: today() };
  }
  runSetup();
  const workbook = new Workbook();
  if (row) {
    const record = row;
    withDocumentLock('Name the partnership', () => {
      // Never overwrite what someone already typed on the Partnership sheet.
      if (readPartnership(workbook).partnershipRow === null) appendRows(workbook.layout(PARTNERSHIP), [record]);
    });
  }
  return loadHome(workbook);
}

function loadAssessment(): AssessmentView {
  const identity = savedIdentity();
  const workbook = new Workbook();
  const snapshot = readSnapshot(workbook);
  const all = cycles(snapshot);
  const now = today();
  const open = openCycle();
  const previous = all.filter((cycle) => cycle.cycle !== open?.cycle).pop();
  return {
    identity,
    sides: snapshot.sides,
    openCycle: open,
    suggestedCycle: quarterOf(workbook.calendar, now),
    sealedMinimumDefault: SEALED_MINIMUM_DEFAULT,
    previousActions: previous
      ? snapshot.commitments
          .map((row) => summariseCommitment(row, identity, now, workbook.calendar))
          .filter((item) => item.source === `Assessment ${previous.cycle}`)
      : [],
  };
}

/** Answers per side before a sealed cycle writes that side's means; fewer than two would name the one. */
const SEALED_MINIMUM_DEFAULT = 3;
function sealedMinimum(value: unknown): number {
  if (value === undefined || value === null || value === '') return SEALED_MINIMUM_DEFAULT;
  const minimum = Number(value);
  if (!Number.isInteger(minimum) || minimum < 2 || minimum > 50) {
    throw new Error(`A sealed cycle needs a whole number from 2 to 50 answers per side before writing means; got ${JSON.stringify(value)}.`);
  }
  return minimum;
}

function validRatings(input: AssessmentInput): Record<CornerName, number> {
  const ratings = {} as Record<CornerName, number>;
  for (const corner of CORNERS) {
    const value = Number(input?.ratings?.[corner]);
    if (!Number.isInteger(value) || value < 1 || value > 10) {
      throw new Error(`${corner} is ${JSON.stringify(input?.ratings?.[corner] ?? '')}; rate it with a whole number from 1 to 10.`);
    }
    ratings[corner] = value;
  }
  return ratings;
}

function submitAssessment(input: AssessmentInput): SubmitResult {
  const workbook = new Workbook();
  const snapshot = readPartnership(workbook);
  requireSides(snapshot.sides);
  const cycle = String(input?.cycle ?? '').trim();
  if (cycle === '') throw new Error('The cycle is empty; name it, e.g. 2026-Q4.');
  const side = findSide(snapshot.sides, input.side);
  if (!side) throw new Error(`Pick your side: ${snapshot.sides.join(' or ')}.`);
  const ratings = validRatings(input);
  const evidence = Object.fromEntries(CORNERS.map((corner) => [`${corner.toLowerCase()}Evidence`, String(input.evidence?.[corner] ?? '')]));
  const open = openCycle();
  const sealed = open && open.cycle === cycle ? open.sealed : Boolean(input.sealed);
  if (!open || open.cycle !== cycle) setOpenCycle({ cycle, sealed, minimumPerSide: sealedMinimum(input.sealedMinimum) });
  if (sealed) return recordSealedResponse(workbook, cycle, side, ratings);
  withDocumentLock('Submit assessment', () => {
    appendRows(workbook.layout(ASSESSMENTS), [
      {
        cycle,
        date: today(),
        side,
        participant: String(input.participant ?? ''),
        responses: 1,
        ...Object.fromEntries(CORNERS.map((corner) => [corner.toLowerCase(), ratings[corner]])),
        ...evidence,
      },
    ]);
  });
  const counts: Record<string, number> = {};
  for (const row of readRows(workbook.layout(ASSESSMENTS))) {
    if (textOf(row.values.cycle) !== cycle) continue;
    const rowSide = textOf(row.values.side);
    counts[rowSide] = (counts[rowSide] ?? 0) + (typeof row.values.responses === 'number' ? row.values.responses : 1);
  }
  return { cycle, sealed: false, answeredBySide: counts, writtenSides: Object.keys(counts) };
}

function loadResults(cycle: string | null, workbook = new Workbook()): ResultsView {
  const identity = savedIdentity();
  const snapshot = readSnapshot(workbook);
  const all = cycles(snapshot);
  const index = cycle ? all.findIndex((candidate) => candidate.cycle === cycle) : all.length - 1;
  if (cycle && index < 0) throw new Error(`There is no assessment cycle "${cycle}" yet.`);
  const current = all[index];
  const previous = index > 0 ? all[index - 1] : undefined;
  const gap = current ? perceptionGap(current.bySide.slice(0, 2)) : null;
  const priority = current ? weakestCorner(current.means, snapshot.model) : null;
  const focus = current && previous ? nextFocus(previous.means, current.means, snapshot.model) : null;
  const now = today();
  return {
    cycle: current?.cycle ?? null,
    cycles: all.map((candidate) => candidate.cycle),
    means: toCornerValues(current?.means ?? { Competence: null, Reliability: null, Transparency: null, Alignment: null }),
    bySide: (current?.bySide ?? []).map((side) => ({ side: side.side, means: toCornerValues(side.means), responses: side.responses })),
    gaps: gap ? toCornerValues(gap.gaps) : null,
    atRisk: current ? (cornersAtRisk(current.means) as CornerName[]) : [],
    notableGaps: gap ? (CORNERS.filter((corner) => Math.abs(gap.gaps[corner] ?? 0) >= NOTABLE_GAP) as CornerName[]) : [],
    priority: (focus?.next ?? priority) as CornerName | null,
    needsSafeguards: current ? needsSafeguards(current.means) : false,
    activities: ACTIVITIES[(focus?.next ?? priority) as CornerName] ?? [],
    reassessment: focus
      ? { targeted: focus.targeted as CornerName, improvement: focus.improvement, improved: focus.improved, next: focus.next as CornerName }
      : null,
    actions: current
      ? snapshot.commitments.map((row) => summariseCommitment(row, identity, now, workbook.calendar)).filter((item) => item.source === `Assessment ${current.cycle}`)
      : [],
    defaultDueDate: isoDayOf(addDays(now, (ACTION_DUE_MIN_DAYS + ACTION_DUE_MAX_DAYS) / 2, workbook.calendar), workbook.calendar),
  };
}

function agreeActions(cycle: string, corner: CornerName, actions: ActionInput[]): ResultsView {
  const workbook = new Workbook();
  const snapshot = readSnapshot(workbook);
  requireSides(snapshot.sides);
  if (!Array.isArray(actions) || actions.length !== 3) throw new Error('Agree exactly three actions for the priority corner.');
  const target = parseCorner(String(corner ?? ''));
  if (!target) throw new Error(`"${corner}" is not a corner.`);
  const current = cycles(snapshot).find((candidate) => candidate.cycle === cycle);
  if (!current) throw new Error(`There is no assessment cycle "${cycle}" yet.`);
  appendCommitments(
    actions.map((action, index) => ({
      commitment: String(action?.commitment ?? ''),
      ownerSide: String(action?.ownerSide ?? ''),
      ownerPerson: String(action?.ownerPerson ?? ''),
      corner: target,
      dueDate: String(action?.dueDate ?? '') || `action ${index + 1} has no due date`,
      source: `Assessment ${cycle}`,
      status: 'Proposed',
    })),
    snapshot.sides,
    workbook,
  );
  const due = reassessBy(current.date ?? startOfDayOf(workbook.calendar, today()), undefined, workbook.calendar);
  withDocumentLock('Set the next reassessment', () => {
    if (snapshot.partnershipRow) updateCells(workbook.layout(PARTNERSHIP), snapshot.partnershipRow.rowNumber, { nextReassessment: due });
  });
  return loadResults(cycle, workbook);
}

function loadCommitments(workbook = new Workbook()): CommitmentsView {
  const identity = savedIdentity();
  const snapshot = readSnapshot(workbook);
  const now = today();
  return {
    sides: snapshot.sides,
    identity,
    commitments: snapshot.commitments.map((row) => summariseCommitment(row, identity, now, workbook.calendar)),
    statuses: [...COMMITMENT_STATUSES],
    corners: [...CORNERS],
  };
}

function acceptCommitment(id: string): CommitmentsView {
  const identity = savedIdentity();
  if (!identity) throw new Error('Tell us who you are first: your name and side.');
  const workbook = new Workbook();
  const view = loadCommitments(workbook);
  const item = view.commitments.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`No commitment with id ${id}; it may have been deleted.`);
  if (!item.awaitingYourAcceptance) {
    throw new Error(`${id} is ${item.status === 'Proposed' ? 'waiting for the other side to accept it' : `already ${item.status}`}.`);
  }
  updateCommitmentRow(id, { status: 'Open', acceptedBy: `${identity.displayName} (${identity.side})` }, workbook);
  return loadCommitments(workbook);
}

function addCommitment(input: CommitmentInput): CommitmentsView {
  const workbook = new Workbook();
  const { sides } = readPartnership(workbook);
  requireSides(sides);
  appendCommitments([{ ...input, source: 'Weekly sync', status: 'Proposed' }], sides, workbook);
  return loadCommitments(workbook);
}

function updateCommitment(update: CommitmentUpdate): CommitmentsView {
  const { id, ...changes } = update ?? ({} as typeof update);
  if (!id) throw new Error('Which commitment? The id is missing.');
  const workbook = new Workbook();
  updateCommitmentRow(String(id), changes, workbook);
  return loadCommitments(workbook);
}

/** The handlers google.script.run calls, by the names in SidebarApi and MethodApi. */
export const SIDEBAR_HANDLERS: ServerApi = {
  // Handlers called by google.script.run get only the client's arguments, never a workbook.
  loadHome: () => loadHome(),
  saveIdentity,
  setUpWorkbook,
  loadAssessment,
  submitAssessment,
  loadResults: (cycle) => loadResults(cycle),
  agreeActions,
  acceptCommitment,
  loadCommitments: () => loadCommitments(),
  addCommitment,
  updateCommitment,
  ...methodHandlers(() => loadHome()),
};

