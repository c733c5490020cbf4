import { CORNERS, type CornerMeans, bandOf } from '../../domain/corners';
import type { Calendar } from '../../domain/calendar';
import { isOverdue, parseStatus } from '../../domain/commitments';
import { type PartnershipModel, cornerImportance, parseModel } from '../../domain/models';
import { CornerTally, SideTally, type SideMeans } from '../../domain/scores';
import { COMMITMENT_ROW_KEYS } from '../../workbook/commitments-log';
import { Workbook } from '../../workbook/layout';
import { type TableRow, dateOf, isoDayOf, readRows, textOf } from '../../workbook/table';
import { ASSESSMENTS, COMMITMENTS, PARTNERSHIP } from '../../workbook/templates';
import type { CommitmentSummary } from '../commitments/api';
import type { CornerName, CornerValues, Identity } from './api';

/** What the views are computed from: each table read once per request. */
export interface Snapshot {
  sides: string[];
  model: PartnershipModel | undefined;
  nextReassessment: Date | null;
  partnershipRow: TableRow | null;
  assessments: TableRow[];
  commitments: TableRow[];
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

/** The Assessments columns the views and saves use: everything but the evidence texts. */
export const ASSESSMENT_RATING_KEYS: readonly string[] = ['cycle', 'date', 'side', 'participant', 'responses', ...CORNERS.map((corner) => corner.toLowerCase())];

/** Every summary of the Commitments Log, as the views and the saves that answer with a view read it. */
export function readCommitmentRows(workbook: Workbook): TableRow[] {
  return readRows(workbook.layout(COMMITMENTS), COMMITMENT_ROW_KEYS);
}

/** The Breach Log columns Home and the assessment's offer look at (breach mode and the reset). */
export const BREACH_STATE_KEYS: readonly string[] = ['what', 'corner', 'reviewDate', 'status'];

/**
 * The Partnership row, the answers (without their evidence, which no view shows; a save that
 * needs less names the columns) and, unless the caller does without them (`commitments: false`,
 * left empty), the Commitments Log.
 */
export function readSnapshot(
  workbook: Workbook,
  { commitments = true, assessments = ASSESSMENT_RATING_KEYS }: { commitments?: boolean; assessments?: readonly string[] } = {},
): Snapshot {
  return {
    ...readPartnership(workbook),
    assessments: readRows(workbook.layout(ASSESSMENTS), assessments),
    commitments: commitments ? readCommitmentRows(workbook) : [],
  };
}

export const toCornerValues = (means: CornerMeans): CornerValues => ({ ...means });

export interface CycleSummary {
  cycle: string;
  date: Date | null;
  means: CornerMeans;
  bySide: SideMeans[];
}

/** Cycles in date order (oldest first), each with weighted means overall and per side. */
export function cycles(snapshot: Snapshot): CycleSummary[] {
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
  return [...byCycle.entries()]
    .map(([cycle, entry]) => ({ cycle, date: entry.date, means: entry.overall.means(), bySide: entry.sides.sides() }))
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
