import { type Calendar, startOfDayOf } from '../domain/calendar';
import { CORNERS, type Corner, parseCorner } from '../domain/corners';
import { type CycleAnonymity, type CycleKind, cycleNameKey, SEALED_MINIMUM_DEFAULT } from '../domain/cycles';
import { type CycleRatings, focusAcrossCycles } from '../domain/focus';
import type { PartnershipModel } from '../domain/models';
import { CornerTally } from '../domain/scores';
import { type CellValue, dateOf, textOf } from './table';
import { ratingRowOf, summarizeCycle, summaryCells } from './cycle-summary';
import type { RatingRow } from '../domain/scores';

/**
 * The Cycles rows Repair adds for a workbook that has assessments from before cycles were records
 * (the example included): one per cycle named on the Assessments sheet and missing from the
 * Cycles sheet, recorded as closed, with its focus by the rule across all cycles. Pure: the caller
 * reads both tables once and appends what this returns.
 */

/** Who the Closed by / Opened by cells name for cycles recorded this way. */
export const BACKFILL_RECORDER = 'Repair (from Assessments)';

/** The cycle the old document property says is open (sealed.ts's record), if any. */
export interface LegacyOpenCycle {
  cycle: string;
  sealed: boolean;
  minimumPerSide: number;
}

export interface BackfillInput {
  /** Assessments rows' values by column key (readRows(...).map(row => row.values)). */
  assessments: readonly Record<string, CellValue>[];
  /** Cycles rows' values already on the sheet: their names are skipped, their focus is kept. */
  existingCycles: readonly Record<string, CellValue>[];
  model: PartnershipModel | undefined;
  /**
   * A sealed cycle still open in the old document property holds answers not yet written to the
   * sheet: it is recorded open, so those answers are not lost. An open named or anonymous one is
   * closed like the rest (its answers are all on the sheet already).
   */
  legacyOpen: LegacyOpenCycle | null;
  /** Now; undated cycles get the start of today in `calendar` (the spreadsheet's). */
  today: Date;
  calendar: Calendar;
  /** The two companies (Partnership sheet: ours, the partner's): a closed cycle is recorded with its summary. */
  companies?: readonly [string, string];
}

/** A Cycles row by column key (CYCLES in templates.ts), ready for appendRows. */
export type CycleRow = Record<'name' | 'kind' | 'anonymity' | 'sealedMinimum' | 'openedOn' | 'openedBy' | 'closedOn' | 'closedBy' | 'focus' | 'oneSided' | 'oneSidedReason', CellValue | null> &
  Record<string, CellValue | null>;

interface PastCycle {
  name: string;
  order: number;
  first: Date | null;
  last: Date | null;
  tally: CornerTally;
  answers: RatingRow[];
  named: boolean;
  sealedRows: boolean;
}

/** Quarterly unless the name says otherwise: the loop's habit is quarterly, and the name is all there is to go on. */
function kindFromName(name: string): CycleKind {
  const key = name.toLowerCase().replace(/[^a-z]/g, '');
  if (key.includes('reset')) return 'Reset';
  if (key.includes('adhoc')) return 'Ad hoc';
  return 'Quarterly';
}

/** Sealed if a row holds several people's means without a name; Named if anyone gave a name; else Anonymous. */
function anonymityOf(cycle: PastCycle): CycleAnonymity {
  if (cycle.sealedRows) return 'Sealed';
  return cycle.named ? 'Named' : 'Anonymous';
}

function collect(assessments: BackfillInput['assessments']): PastCycle[] {
  const byKey = new Map<string, PastCycle>();
  for (const values of assessments) {
    const name = textOf(values.cycle);
    if (name === '') continue;
    const key = cycleNameKey(name);
    let cycle = byKey.get(key);
    if (!cycle) {
      cycle = { name, order: byKey.size, first: null, last: null, tally: new CornerTally(), answers: [], named: false, sealedRows: false };
      byKey.set(key, cycle);
    }
    const date = dateOf(values.date);
    if (date && (!cycle.first || date < cycle.first)) cycle.first = date;
    if (date && (!cycle.last || date > cycle.last)) cycle.last = date;
    const responses = typeof values.responses === 'number' && values.responses >= 1 ? values.responses : 1;
    cycle.answers.push(ratingRowOf(values));
    const participant = textOf(values.participant);
    if (participant !== '') cycle.named = true;
    if (participant === '' && responses > 1) cycle.sealedRows = true;
    CORNERS.forEach((corner, index) => {
      const rating = values[corner.toLowerCase()];
      if (typeof rating === 'number') cycle.tally.addWeighted(index, rating, responses);
    });
  }
  // The same order the views use: by the cycle's latest answer; undated cycles last, as they appear.
  return [...byKey.values()].sort((a, b) => {
    if (a.last && b.last) return a.last.getTime() - b.last.getTime() || a.order - b.order;
    if (a.last || b.last) return a.last ? -1 : 1;
    return a.order - b.order;
  });
}

export function backfillCycles(input: BackfillInput): CycleRow[] {
  const recordedFocus = new Map<string, Corner | null>();
  for (const values of input.existingCycles) {
    const name = textOf(values.name);
    if (name !== '') recordedFocus.set(cycleNameKey(name), parseCorner(textOf(values.focus)) ?? null);
  }
  const past = collect(input.assessments);
  const legacyOpenKey = input.legacyOpen?.sealed ? cycleNameKey(input.legacyOpen.cycle) : null;
  const ratings: CycleRatings[] = past.map((cycle) => ({
    name: cycle.name,
    means: cycle.tally.means(),
    recordedFocus: recordedFocus.get(cycleNameKey(cycle.name)) ?? null,
  }));
  const steps = focusAcrossCycles(ratings, input.model);
  const today = startOfDayOf(input.calendar, input.today);
  const rows: CycleRow[] = [];
  past.forEach((cycle, index) => {
    const key = cycleNameKey(cycle.name);
    if (recordedFocus.has(key)) return;
    const open = key === legacyOpenKey;
    const anonymity = open ? 'Sealed' : anonymityOf(cycle);
    // Undated rows say nothing about when: the repair day is the only honest date there is.
    const openedOn = cycle.first ?? today;
    rows.push({
      name: cycle.name,
      kind: kindFromName(cycle.name),
      anonymity,
      sealedMinimum: open ? (input.legacyOpen?.minimumPerSide ?? SEALED_MINIMUM_DEFAULT) : null,
      openedOn,
      openedBy: BACKFILL_RECORDER,
      closedOn: open ? null : (cycle.last ?? today),
      closedBy: open ? null : BACKFILL_RECORDER,
      focus: open ? null : steps[index].focus,
      oneSided: null,
      oneSidedReason: null,
      // A closed cycle is recorded with its summary (cycle-summary.ts), from the same answers.
      ...(open || !input.companies ? {} : summaryCells(summarizeCycle(cycle.answers, input.companies, steps[index].focus))),
    });
  });
  // A sealed cycle open in the old property with no rows yet (nobody's side reached the minimum).
  if (legacyOpenKey !== null && input.legacyOpen && !recordedFocus.has(legacyOpenKey) && !past.some((cycle) => cycleNameKey(cycle.name) === legacyOpenKey)) {
    rows.push({
      name: input.legacyOpen.cycle.trim(),
      kind: kindFromName(input.legacyOpen.cycle),
      anonymity: 'Sealed',
      sealedMinimum: input.legacyOpen.minimumPerSide,
      openedOn: today,
      openedBy: BACKFILL_RECORDER,
      closedOn: null,
      closedBy: null,
      focus: null,
      oneSided: null,
      oneSidedReason: null,
    });
  }
  return rows;
}
