import { type Calendar, RUNTIME_CALENDAR, quarterOf } from './calendar';
import type { Corner } from './corners';
import { REASSESSMENT_INTERVAL_DAYS } from './dates';
import { sideKey } from './scores';

/**
 * Assessment cycles (DOMAIN.md "Cycles (decisions)"): one run of the assessment is opened with its
 * name, kind and anonymity fixed, collects answers, and is closed. At most one is open, answers go
 * only to it, and a name is never reused. Everything here is a rule over plain records: callers
 * read the Cycles table, ask these functions, and write what they return.
 */

export const CYCLE_KINDS = ['Quarterly', 'Ad hoc', 'Reset'] as const;
/** Quarterly: the 90-day habit; Ad hoc: after a major change; Reset: after a severe breach. */
export type CycleKind = (typeof CYCLE_KINDS)[number];

export const CYCLE_ANONYMITIES = ['Named', 'Anonymous', 'Sealed'] as const;
/**
 * Named: participants give their name; Anonymous: the name is left blank (version history still
 * shows the editor); Sealed: individual ratings never enter the sheet, only each side's means once
 * `sealedMinimum` people of that side answered.
 */
export type CycleAnonymity = (typeof CYCLE_ANONYMITIES)[number];

export const SEALED_MINIMUM_DEFAULT = 3;
/** With two, each of the pair could work out the other's ratings from the side's means. */
export const SEALED_MINIMUM_LOWEST = 3;
export const SEALED_MINIMUM_HIGHEST = 50;
/** Long enough for "2026-Q4 ad hoc (12)" and a person's own wording; short enough for a tab-like label. */
const CYCLE_NAME_MAX_LENGTH = 60;

export interface CycleRecord {
  name: string;
  kind: CycleKind;
  anonymity: CycleAnonymity;
  /** Only for a sealed cycle: answers per side needed before that side's means are written. */
  sealedMinimum: number | null;
  openedOn: Date;
  openedBy: string;
  /** null while the cycle is open. */
  closedOn: Date | null;
  closedBy: string;
  /** Fixed when the cycle closes (the +2 rule across cycles, focus.ts); null while open or with no ratings. */
  focus: Corner | null;
  /** A cycle closed without one company's answers: that company (absent or '' when both sides are in it). */
  oneSidedWithout?: string;
  /** Why it closed one-sided, as the closer wrote it. */
  oneSidedReason?: string;
}

/** A quarterly cycle opens at the earliest this many days after the last close (DOMAIN.md). */
const QUARTERLY_GAP_DAYS = 60;

export type CycleState = 'open' | 'closed';

/** A rule of the cycle state machine was broken; the message says which and what to do. */
export class CycleRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CycleRuleError';
  }
}

export const cycleState = (cycle: CycleRecord): CycleState => (cycle.closedOn === null ? 'open' : 'closed');

/** Names compare as people read them: case, surrounding and repeated spaces do not matter. */
export const cycleNameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

export const sameCycleName = (a: string, b: string): boolean => cycleNameKey(a) === cycleNameKey(b);

export function findCycle(cycles: readonly CycleRecord[], name: string): CycleRecord | undefined {
  const key = cycleNameKey(name);
  return cycles.find((cycle) => cycleNameKey(cycle.name) === key);
}

/**
 * The open cycle, or null. Two open cycles can only come from hand edits to the Cycles sheet; they
 * are reported rather than guessed between, since answers would otherwise land in the wrong one.
 */
export function openCycleOf(cycles: readonly CycleRecord[]): CycleRecord | null {
  const open = cycles.filter((cycle) => cycleState(cycle) === 'open');
  if (open.length > 1) {
    throw new CycleRuleError(
      `More than one cycle is open (${open.map((cycle) => cycle.name).join(', ')}); on the Cycles sheet give all but one a Closed on date.`,
    );
  }
  return open[0] ?? null;
}

export interface OpenCycleRequest {
  name: string;
  kind: CycleKind;
  anonymity: CycleAnonymity;
  /** Sealed cycles only; defaults to SEALED_MINIMUM_DEFAULT. */
  sealedMinimum?: number | null;
  openedOn: Date;
  openedBy: string;
}

/** Why a name cannot be used, or null when it can. */
export function cycleNameProblem(cycles: readonly CycleRecord[], name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'The cycle needs a name.';
  if (trimmed.length > CYCLE_NAME_MAX_LENGTH) return `A cycle name has at most ${CYCLE_NAME_MAX_LENGTH} characters; "${trimmed.slice(0, 20)}…" has ${trimmed.length}.`;
  const existing = findCycle(cycles, trimmed);
  if (existing) return `A cycle named "${existing.name}" already exists (${cycleState(existing)}); a name is never reused, pick another.`;
  return null;
}

/** The cycle closed last, or null when none has closed. */
function lastClosed(cycles: readonly CycleRecord[]): CycleRecord | null {
  let last: CycleRecord | null = null;
  for (const cycle of cycles) {
    if (cycle.closedOn && (!last || (last.closedOn as Date).getTime() < cycle.closedOn.getTime())) last = cycle;
  }
  return last;
}

/**
 * Why a quarterly cycle cannot open on `day`, or null: within 60 days of the last close it would
 * restart the 90-day clock on a whim. A major change or a reset says why a new cycle is needed:
 * that is an ad hoc or a reset cycle, which this rule does not hold back.
 */
/** The first day a quarterly cycle may open, when that is after `day` (60 days after the last close); null when one may open on `day`. */
export function quarterlyOpensOn(cycles: readonly CycleRecord[], day: Date, calendar: Calendar = RUNTIME_CALENDAR): Date | null {
  const last = lastClosed(cycles);
  if (!last?.closedOn) return null;
  return calendar.dayNumber(day) - calendar.dayNumber(last.closedOn) >= QUARTERLY_GAP_DAYS ? null : calendar.addDays(last.closedOn, QUARTERLY_GAP_DAYS);
}

export function quarterlyTooSoon(cycles: readonly CycleRecord[], day: Date, calendar: Calendar = RUNTIME_CALENDAR): string | null {
  const opens = quarterlyOpensOn(cycles, day, calendar);
  const last = lastClosed(cycles);
  if (!opens || !last?.closedOn) return null;
  const days = calendar.dayNumber(day) - calendar.dayNumber(last.closedOn);
  const from = calendar.isoDay(opens);
  return `Cycle "${last.name}" closed on ${calendar.isoDay(last.closedOn)}, ${days === 1 ? '1 day' : `${days} days`} ago: a quarterly cycle starts at the earliest ${QUARTERLY_GAP_DAYS} days after the last close (from ${from}). After a major change start an ad hoc cycle, after a breach's reset a reset cycle.`;
}

/**
 * Opens a cycle: refused while another is open, with a used or blank name, with a sealed minimum
 * outside 3–50, or a quarterly one within 60 days of the last close. Returns the record to
 * write; nothing is written here.
 */
export function openCycle(cycles: readonly CycleRecord[], request: OpenCycleRequest, calendar: Calendar = RUNTIME_CALENDAR): CycleRecord {
  const open = openCycleOf(cycles);
  if (open) throw new CycleRuleError(`Cycle "${open.name}" is still open: close it before starting another.`);
  const nameProblem = cycleNameProblem(cycles, request.name);
  if (nameProblem) throw new CycleRuleError(nameProblem);
  if (!CYCLE_KINDS.includes(request.kind)) throw new CycleRuleError(`A cycle's kind is one of ${CYCLE_KINDS.join(', ')}; got "${String(request.kind)}".`);
  if (!CYCLE_ANONYMITIES.includes(request.anonymity)) {
    throw new CycleRuleError(`A cycle's anonymity is one of ${CYCLE_ANONYMITIES.join(', ')}; got "${String(request.anonymity)}".`);
  }
  let sealedMinimum: number | null = null;
  if (request.anonymity === 'Sealed') {
    sealedMinimum = request.sealedMinimum ?? SEALED_MINIMUM_DEFAULT;
    if (!Number.isInteger(sealedMinimum) || sealedMinimum < SEALED_MINIMUM_LOWEST || sealedMinimum > SEALED_MINIMUM_HIGHEST) {
      throw new CycleRuleError(
        `A sealed cycle needs a whole number from ${SEALED_MINIMUM_LOWEST} to ${SEALED_MINIMUM_HIGHEST} answers per side before writing means; got ${JSON.stringify(request.sealedMinimum)}.`,
      );
    }
  } else if (request.sealedMinimum !== undefined && request.sealedMinimum !== null) {
    throw new CycleRuleError(`Only a sealed cycle has a minimum of answers per side; this one is ${request.anonymity}.`);
  }
  if (request.openedBy.trim() === '') throw new CycleRuleError('Save your name and side before starting a cycle.');
  const tooSoon = request.kind === 'Quarterly' ? quarterlyTooSoon(cycles, request.openedOn, calendar) : null;
  if (tooSoon) throw new CycleRuleError(tooSoon);
  return {
    name: request.name.trim().replace(/\s+/g, ' '),
    kind: request.kind,
    anonymity: request.anonymity,
    sealedMinimum,
    openedOn: request.openedOn,
    openedBy: request.openedBy.trim(),
    closedOn: null,
    closedBy: '',
    focus: null,
    oneSidedWithout: '',
    oneSidedReason: '',
  };
}

/**
 * The cycle an answer joins: always the open one. `named` is the cycle the answering view was
 * showing, if any: a view left open across a close must not slip its answer into the next cycle.
 */
export function cycleForAnswer(cycles: readonly CycleRecord[], named?: string): CycleRecord {
  const open = openCycleOf(cycles);
  if (!open) throw new CycleRuleError('No assessment cycle is open: start one first.');
  if (named !== undefined && named.trim() !== '' && !sameCycleName(named, open.name)) {
    const asked = findCycle(cycles, named);
    throw new CycleRuleError(
      asked
        ? `Cycle "${asked.name}" is closed; answers go only to the open cycle "${open.name}". Reload to answer it.`
        : `There is no cycle "${named.trim()}"; the open cycle is "${open.name}".`,
    );
  }
  return open;
}

/**
 * Who may close (DOMAIN.md: either side): anyone who saved a side that is one of the two
 * companies on the Partnership sheet. Returns why not, or null when they may.
 */
export function closeProblem(cycle: CycleRecord | null, closer: { name: string; side: string } | null, sides: readonly string[]): string | null {
  if (!cycle) return 'No assessment cycle is open.';
  if (cycleState(cycle) === 'closed') return `Cycle "${cycle.name}" is already closed.`;
  if (!closer || closer.name.trim() === '' || closer.side.trim() === '') return 'Save your name and side before closing a cycle.';
  if (!sides.some((side) => sideKey(side) === sideKey(closer.side))) {
    return `Only the two companies of the partnership (${sides.join(' and ')}) close a cycle; your saved side is "${closer.side}".`;
  }
  return null;
}

export interface CycleClosure {
  /** The record as closed: closed on/by and the focus filled in. */
  closed: CycleRecord;
  /**
   * The next reassessment, 90 days after the close; null when the cycle had no answers (opened by
   * mistake): nothing was assessed, so the previous date stands and no focus is recorded.
   */
  nextReassessment: Date | null;
}

export interface CloseRequest {
  cycle: CycleRecord | null;
  closer: { name: string; side: string } | null;
  /** The two companies on the Partnership sheet. */
  sides: readonly string[];
  closedOn: Date;
  /** The cycle's focus by the rule (focusAcrossCycles over the earlier cycles plus this one). */
  focus: Corner | null;
  /** Answers the cycle holds (people, sealed ones included); 0 means nothing was assessed. */
  answers: number;
  /**
   * Per company (as the Partnership sheet spells it), the answers that count: a person's row, or
   * for a sealed cycle the people whose side's means are written. A side with none is not in the cycle.
   */
  inCycleBySide: Readonly<Record<string, number>>;
  /** An explicit one-sided close: the company that did not answer and why. */
  without?: { side: string; reason: string } | null;
  /** How the side's answers are described in a refusal (a sealed cycle counts held answers differently). */
  describeSide?: (side: string) => string;
}

/**
 * Closes a cycle: fixes its focus (computed by the caller with focusAcrossCycles, so the rule
 * lives in one place) and sets the next reassessment. Returns the values to write.
 */
export function closeCycle(request: CloseRequest, calendar: Calendar = RUNTIME_CALENDAR): CycleClosure {
  const { cycle, closer, closedOn } = request;
  const problem = closeProblem(cycle, closer, request.sides);
  if (problem || !cycle || !closer) throw new CycleRuleError(problem ?? 'No assessment cycle is open.');
  if (calendar.dayNumber(closedOn) < calendar.dayNumber(cycle.openedOn)) {
    throw new CycleRuleError(`Cycle "${cycle.name}" opened on ${calendar.isoDay(cycle.openedOn)}; it cannot close on ${calendar.isoDay(closedOn)}, before that.`);
  }
  if (!Number.isInteger(request.answers) || request.answers < 0) throw new RangeError(`answers must be a whole number ≥ 0; got ${request.answers}`);
  const assessed = request.answers > 0;
  const without = assessed ? oneSidedClose(cycle, request) : request.without ? refuseWithout(cycle) : '';
  return {
    closed: {
      ...cycle,
      closedOn,
      closedBy: closer.name.trim(),
      focus: assessed ? request.focus : null,
      oneSidedWithout: without,
      oneSidedReason: without === '' ? '' : (request.without?.reason.trim() ?? ''),
    },
    nextReassessment: assessed ? calendar.addDays(closedOn, REASSESSMENT_INTERVAL_DAYS) : null,
  };
}

const countOf = (request: CloseRequest, side: string): number => request.inCycleBySide[side] ?? 0;

function tally(request: CloseRequest): string {
  return request.sides.map((side) => (request.describeSide ? request.describeSide(side) : `${side} ${countOf(request, side)}`)).join(', ');
}

function refuseWithout(cycle: CycleRecord): never {
  throw new CycleRuleError(`Nobody has answered "${cycle.name}" yet: close it as it is (nothing is assessed), not without one company.`);
}

/**
 * A cycle closes with both sides in it (DOMAIN.md). Returns the company a one-sided close leaves
 * out ('' when both are in), or throws: a side missing without an explicit close naming it and a
 * reason, a one-sided close naming a side that did answer, or one naming a company not in the
 * partnership.
 */
function oneSidedClose(cycle: CycleRecord, request: CloseRequest): string {
  const missing = request.sides.filter((side) => countOf(request, side) === 0);
  const without = request.without ?? null;
  if (!without) {
    if (missing.length === 0) return '';
    const side = missing[0];
    throw new CycleRuleError(
      `Cycle "${cycle.name}" cannot close yet: ${side} is not in it (${tally(request)}). A cycle closes with both companies in it. Wait for ${side}'s answers, or close it without ${side} and write down why.`,
    );
  }
  const side = request.sides.find((candidate) => sideKey(candidate) === sideKey(without.side));
  if (!side) throw new CycleRuleError(`"${without.side}" is not one of the two companies (${request.sides.join(', ')}).`);
  if (!missing.includes(side)) {
    throw new CycleRuleError(`${side} is in cycle "${cycle.name}" (${tally(request)}): it closes with both companies, not without ${side}.`);
  }
  if (missing.length === request.sides.length) throw new CycleRuleError(`Neither company is in cycle "${cycle.name}" yet (${tally(request)}): nothing to close one-sided.`);
  if (without.reason.trim() === '') throw new CycleRuleError(`Closing "${cycle.name}" without ${side} needs a reason both companies can read later.`);
  return side;
}

/**
 * The name offered when a cycle starts, never one that exists (compared as cycleNameKey does):
 * Quarterly → the calendar quarter, `2026-Q4`; Ad hoc → the month, `2026-11 ad hoc`, or with the
 * major change it follows (`about`), `2026-11 ad hoc: Leadership change`; Reset → the month,
 * `2026-11 reset`. When taken, ` (2)`, ` (3)`… is appended: the first free one.
 */
export function suggestCycleName(
  cycles: readonly CycleRecord[] | readonly string[],
  kind: CycleKind,
  today: Date,
  calendar: Calendar = RUNTIME_CALENDAR,
  about = '',
): string {
  const taken = new Set<string>();
  for (const cycle of cycles) taken.add(cycleNameKey(typeof cycle === 'string' ? cycle : cycle.name));
  const month = calendar.isoDay(today).slice(0, 7);
  // A cycle name holds at most 60 characters, with room left for " (2)".
  const topic = about.trim().replace(/\s+/g, ' ').slice(0, 35).trim();
  const base = kind === 'Quarterly' ? quarterOf(calendar, today) : kind === 'Ad hoc' ? `${month} ad hoc${topic ? `: ${topic}` : ''}` : `${month} reset`;
  if (!taken.has(cycleNameKey(base))) return base;
  for (let number = 2; ; number++) {
    const candidate = `${base} (${number})`;
    if (!taken.has(cycleNameKey(candidate))) return candidate;
  }
}

/** What the person answering has already given to this cycle, as the caller can tell. */
export interface PriorAnswer {
  /** This person already answered the cycle (named, anonymous or sealed). */
  answered: boolean;
  /** Named cycles: the sheet row of their earlier answer, if it is still there. */
  namedRow: number | null;
}

export type AnswerPlacement = { action: 'append' } | { action: 'replace'; row: number };

/**
 * One answer per person per cycle (DOMAIN.md): a named answer replaces the same person's earlier
 * row; a second anonymous or sealed answer is refused, since nobody (the person included) can
 * tell which row or held answer was theirs.
 */
export function placeAnswer(cycle: CycleRecord, prior: PriorAnswer): AnswerPlacement {
  if (!prior.answered) return { action: 'append' };
  if (cycle.anonymity === 'Named') return prior.namedRow === null ? { action: 'append' } : { action: 'replace', row: prior.namedRow };
  throw new CycleRuleError(
    cycle.anonymity === 'Sealed'
      ? `You have already answered "${cycle.name}". A sealed answer is held unseen, so it cannot be changed or given twice.`
      : `You have already answered "${cycle.name}". An anonymous answer carries no name, so it cannot be changed or given twice.`,
  );
}

export type CycleOfferReason = 'first' | 'reset-complete' | 'major-change' | 'due';

export interface CycleOffer {
  kind: CycleKind;
  reason: CycleOfferReason;
}

export interface OfferFacts {
  cycles: readonly CycleRecord[];
  /** The Partnership sheet's next reassessment. */
  nextReassessment: Date | null;
  /** The Partnership sheet's "Major change on". */
  majorChangeOn: Date | null;
  /** The date of a breach whose reset is complete (the latest), if any. */
  resetCompleteForBreachOn: Date | null;
  today: Date;
}

/**
 * Which new cycle Home offers, or null: none while a cycle is open; otherwise, in this order, a
 * reset cycle after a completed breach reset not yet reassessed, an ad hoc cycle after a major
 * change recorded since the last cycle opened, a quarterly one when the reassessment is due (never
 * within 60 days of the last close: a reassessment date typed earlier by hand does not restart the
 * clock), and a first quarterly cycle in a workbook without any.
 */
export function cycleToOffer(facts: OfferFacts, calendar: Calendar = RUNTIME_CALENDAR): CycleOffer | null {
  if (openCycleOf(facts.cycles)) return null;
  if (facts.cycles.length === 0) return { kind: 'Quarterly', reason: 'first' };
  const day = (date: Date) => calendar.dayNumber(date);
  const openedSince = (date: Date, kind?: CycleKind) =>
    facts.cycles.some((cycle) => day(cycle.openedOn) >= day(date) && (kind === undefined || cycle.kind === kind));
  if (facts.resetCompleteForBreachOn && !openedSince(facts.resetCompleteForBreachOn, 'Reset')) return { kind: 'Reset', reason: 'reset-complete' };
  if (facts.majorChangeOn && !openedSince(facts.majorChangeOn)) return { kind: 'Ad hoc', reason: 'major-change' };
  if (facts.nextReassessment && day(facts.nextReassessment) <= day(facts.today) && !quarterlyTooSoon(facts.cycles, facts.today, calendar)) {
    return { kind: 'Quarterly', reason: 'due' };
  }
  return null;
}
