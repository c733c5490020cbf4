import { cyclesLayout } from '../../workbook/cycle-settings';
import { pastCyclesNeedLook } from '../../workbook/cycle-repair';
import { CORNERS, type CornerMeans, bandOf } from '../../domain/corners';
import type { Calendar } from '../../domain/calendar';
import { isOverdue, parseStatus } from '../../domain/commitments';
import { cycleNameKey } from '../../domain/cycles';
import { type PartnershipModel, cornerImportance, parseModel } from '../../domain/models';
import { CornerTally, SideTally, type SideMeans } from '../../domain/scores';
import { type SettledCommitments, readCommitmentLog } from '../../workbook/commitments-read';
import { type CycleSummary as StoredSummary, summaryFromRow } from '../../workbook/cycle-summary';
import { type TableLayout } from '../../workbook/layout';
import { Workbook } from '../../workbook/workbook';
import { type TableRow, dateOf, isoDayOf, readRows, textOf } from '../../workbook/table';
import { PARTNERSHIP } from '../../workbook/templates';
import { ASSESSMENT_RATING_KEYS, readAnswerRows } from '../../workbook/answers-read';
import type { CommitmentSummary } from '../commitments/api';
import type { CornerName, CornerValues, Identity } from './api';

/** A closed cycle as its Cycles row sums it up (workbook/cycle-summary.ts): read instead of its answers. */
export interface SummarizedCycle {
  name: string;
  openedOn: Date | null;
  closedOn: Date;
  summary: StoredSummary;
}

/** What the views are computed from: each table read once per request. */
export interface Snapshot {
  sides: string[];
  model: PartnershipModel | undefined;
  nextReassessment: Date | null;
  partnershipRow: TableRow | null;
  /**
   * The answers of the cycles that are not summed up on the Cycles sheet: the open one, any closed
   * one whose summary is missing (closed before summaries, or its cells cleared: Repair rebuilds
   * it) and any cycle named only in the Assessments (before Repair recorded it). A closed cycle
   * that spans the recorded major change is read too (Home asks whether anyone answered since).
   */
  assessments: TableRow[];
  /** Closed cycles read from their summaries; none of their answers are in `assessments`. */
  summarized: SummarizedCycle[];
  /** Every cycle name in the Assessments' Cycle column, as first spelled there (names are never reused). */
  cycleNames: string[];
  /** The commitments in play and the recent ones (workbook/commitments-read.ts): the settled ones are in `settledCommitments`. */
  commitments: TableRow[];
  settledCommitments: SettledCommitments | null;
}

export type PartnershipFacts = Pick<Snapshot, 'sides' | 'model' | 'nextReassessment' | 'partnershipRow'>;

/** The Partnership sheet alone: enough for the actions that only need the two sides. */
export function readPartnership(workbook: Workbook): PartnershipFacts {
  const partnership = readRows(workbook.layout(PARTNERSHIP))[0] ?? null;
  const sides = partnership
    ? [textOf(partnership.values.ourCompany), textOf(partnership.values.partnerCompany)].filter((side) => side !== '')
    : [];
  return {
    sides,
    model: partnership ? parseModel(textOf(partnership.values.model)) : undefined,
    nextReassessment: partnership ? dateOf(partnership.values.nextReassessment) : null,
    partnershipRow: partnership,
  };
}

/**
 * The log's rows in play with the settled actions of `cycle` among them (the summary keeps their
 * rows: one more read when it has any), for a view that lists that cycle's actions.
 */
export function commitmentsWithActionsOf(workbook: Workbook, cycle: string): TableRow[] {
  return readCommitmentLog(workbook, { actionsOf: [cycle] }).rows;
}

/**
 * The Partnership row, the answers (without their evidence, which no view shows; a save that
 * needs less names the columns) and, unless the caller does without them (`commitments: false`,
 * left empty), the Commitments Log.
 */
export function readSnapshot(
  workbook: Workbook,
  {
    commitments = true,
    assessments = ASSESSMENT_RATING_KEYS,
    placing = [],
    closedOnly = false,
  }: {
    commitments?: boolean;
    assessments?: readonly string[];
    /** Days the caller sets cycles against by their answers' dates (breaches): a closed cycle spanning one is read from its answers. */
    placing?: readonly Date[];
    /**
     * The caller looks at closed cycles only (the review pack): the answers are read only when a
     * closed cycle is not summed up, or cycles may be named in the answers alone (not yet recorded).
     */
    closedOnly?: boolean;
  } = {},
): Snapshot {
  const partnership = readPartnership(workbook);
  const change = dateOf(partnership.partnershipRow?.values.majorChangeOn);
  const cycleRows = readCycleRows(workbook).rows;
  const summarized = summarizedCycles(cycleRows, change ? [change, ...placing] : placing);
  const keys = new Set(summarized.map((cycle) => cycleNameKey(cycle.name)));
  const closedSummed = () =>
    !pastCyclesNeedLook(workbook.documentProperties(), false) &&
    cycleRows.every((row) => !dateOf(row.values.closedOn) || keys.has(cycleNameKey(textOf(row.values.name))));
  const answers = closedOnly && closedSummed() ? { rows: [], names: [] } : readAnswerRows(workbook, assessments, keys);
  const log = commitments ? readCommitmentLog(workbook) : null;
  return {
    ...partnership,
    assessments: answers.rows,
    summarized,
    cycleNames: answers.names,
    commitments: log?.rows ?? [],
    settledCommitments: log?.settled ?? null,
  };
}

/** The Cycles sheet's rows (one read per request, shared with readCycleRecords); none before Repair adds the sheet. */
function readCycleRows(workbook: Workbook): { rows: TableRow[]; layout: TableLayout | null } {
  const layout = cyclesLayout(workbook);
  return { rows: layout ? readRows(layout) : [], layout };
}

/** A day and a half of slack either side of a closing day, whatever the time zone and daylight saving. */
const DAY_SLACK_MS = 36 * 3600_000;

/**
 * The closed cycles read from their summaries: every Cycles row with a close date and a summary,
 * but one whose days include a day in `placing` (the recorded major change, a breach): whether
 * its answers came before or after that day is told by their dates, which a summary does not keep.
 * Any other closed cycle's answers all lie on one side of each such day, and its close date
 * stands for their date.
 */
function summarizedCycles(cycleRows: readonly TableRow[], placing: readonly Date[]): SummarizedCycle[] {
  const out: SummarizedCycle[] = [];
  const seen = new Set<string>();
  for (const row of cycleRows) {
    const name = textOf(row.values.name);
    const closedOn = dateOf(row.values.closedOn);
    const summary = closedOn ? summaryFromRow(row.values) : null;
    if (name === '' || !closedOn || !summary || seen.has(cycleNameKey(name))) continue;
    const openedOn = dateOf(row.values.openedOn);
    const spans = (day: Date) => (!openedOn || openedOn.getTime() - DAY_SLACK_MS <= day.getTime()) && closedOn.getTime() + DAY_SLACK_MS >= day.getTime();
    if (placing.some(spans)) continue;
    seen.add(cycleNameKey(name));
    out.push({ name, openedOn, closedOn, summary });
  }
  return out;
}

export const toCornerValues = (means: CornerMeans): CornerValues => ({ ...means });

export interface CycleSummary {
  cycle: string;
  date: Date | null;
  means: CornerMeans;
  bySide: SideMeans[];
}

/**
 * Cycles in date order (oldest first), each with weighted means overall and per side: a closed
 * cycle from its summary (dated by its close), every other from its answers (dated by the latest).
 * A summary keeps the two companies' sides; an answer under a third spelling of a side counts in
 * the means over all, as it did in the summary.
 */
export function cycles(snapshot: Snapshot): CycleSummary[] {
  const fromSummaries: CycleSummary[] = snapshot.summarized.map(({ name, closedOn, summary }) => ({
    cycle: name,
    date: closedOn,
    means: { ...summary.means },
    bySide: summary.sides.filter((side) => side.responses > 0 && side.side !== '').map((side) => ({ side: side.side, means: { ...side.means }, responses: side.responses })),
  }));
  const byCycle = new Map<string, { date: Date | null; overall: CornerTally; sides: SideTally }>();
  for (const row of snapshot.assessments) {
    const cycle = textOf(row.values.cycle);
    if (cycle === '') continue;
    let entry = byCycle.get(cycle);
    if (!entry) {
      entry = { date: null, overall: new CornerTally(), sides: new SideTally() };
      byCycle.set(cycle, entry);
    }
    const date = dateOf(row.values.date);
    if (date && (!entry.date || date > entry.date)) entry.date = date;
    const weight = typeof row.values.responses === 'number' && row.values.responses >= 1 ? row.values.responses : 1;
    const side = textOf(row.values.side);
    const sideTally = side === '' ? null : entry.sides.forSide(side, weight);
    CORNERS.forEach((corner, index) => {
      const rating = row.values[corner.toLowerCase()];
      if (typeof rating !== 'number') return;
      entry.overall.addWeighted(index, rating, weight);
      sideTally?.addWeighted(index, rating, weight);
    });
  }
  return [...fromSummaries, ...[...byCycle.entries()].map(([cycle, entry]) => ({ cycle, date: entry.date, means: entry.overall.means(), bySide: entry.sides.sides() }))]
    .sort((a, b) => (a.date?.getTime() ?? 0) - (b.date?.getTime() ?? 0));
}

export function summariseCommitment(row: TableRow, identity: Identity | null, today: Date, calendar: Calendar): CommitmentSummary {
  const values = row.values;
  const status = textOf(values.status);
  const due = dateOf(values.dueDate);
  const done = dateOf(values.doneOn);
  // Set by the server only: when proposed, and to the counter-proposing side on a counter-proposal.
  const proposerSide = textOf(values.proposerSide);
  return {
    id: textOf(values.id),
    commitment: textOf(values.commitment),
    ownerSide: textOf(values.ownerSide),
    ownerPerson: textOf(values.ownerPerson),
    corner: textOf(values.corner),
    dueDate: due ? isoDayOf(due, calendar) : '',
    status,
    acceptedBy: textOf(values.acceptedBy),
    doneOn: done ? isoDayOf(done, calendar) : '',
    flaggedOn: dateOf(values.flaggedOn) ? isoDayOf(dateOf(values.flaggedOn) as Date, calendar) : '',
    recoveryPlan: textOf(values.recoveryPlan),
    source: textOf(values.source),
    overdue: isOverdue({ due, done, flagged: null, status: parseStatus(status) }, today, calendar),
    awaitingYourAcceptance:
      status === 'Proposed' && identity !== null && proposerSide.toLowerCase() !== identity.side.toLowerCase(),
    awaitingTheirAnswer:
      status === 'Proposed' && identity !== null && proposerSide !== '' && proposerSide.toLowerCase() === identity.side.toLowerCase(),
    proposerSide,
    counterTo: textOf(values.counterTo),
    declinedReason: textOf(values.declinedReason),
    replaces: textOf(values.replaces),
  };
}

export const daysUntil = (date: Date, today: Date, calendar: Calendar): number => calendar.dayNumber(date) - calendar.dayNumber(today);

export function cornerSummaries(latest: CycleSummary | undefined, previous: CycleSummary | undefined) {
  return CORNERS.map((corner) => {
    const mean = latest?.means[corner] ?? null;
    const before = previous?.means[corner] ?? null;
    return { corner: corner as CornerName, mean, band: mean === null ? null : bandOf(mean), trend: mean !== null && before !== null ? mean - before : null };
  });
}

export function whyItMatters(corner: CornerName | null, model: PartnershipModel | undefined): string {
  return corner ? cornerImportance(corner, model) : '';
}

/** Our company first, then the partner's, then any other spelling found in the answers. */
export function orderedSides<T extends { side: string }>(sides: readonly string[], bySide: readonly T[]): T[] {
  const rank = (side: string) => {
    const at = sides.findIndex((candidate) => candidate.toLowerCase() === side.toLowerCase());
    return at < 0 ? sides.length : at;
  };
  return [...bySide].sort((a, b) => rank(a.side) - rank(b.side));
}
