import { CORNERS, type Corner, type CornerMeans } from './corners';
import { type CycleAnonymity, type CycleKind, type CycleRecord, cycleNameKey } from './cycles';
import { type FocusStep, cycleRatingsInOrder, focusAcrossCycles } from './focus';
import type { PartnershipModel } from './models';
import { CornerTally, type RatingRow, sideKey } from './scores';

/**
 * The trend (DOMAIN.md "Cycles (decisions)"): each corner's mean per cycle over every cycle, for
 * both sides together and per side, with the focus marked and one-sided or sealed cycles
 * labelled. It is what shows which partnerships strengthen and which drift. Pure: callers read
 * the Assessments and Cycles tables once and hand over the rows.
 */

/** One row of the Assessments sheet as the trend needs it (a sealed row carries its responses as weight). */
export interface TrendAnswer extends RatingRow {
  cycle: string;
  date: Date | null;
}

/** What the Cycles sheet says of a cycle; `oneSidedReason` is the reason an explicit one-sided close recorded. */
export type TrendCycleRecord = Pick<CycleRecord, 'name' | 'openedOn' | 'closedOn' | 'focus'> &
  Partial<Pick<CycleRecord, 'kind' | 'anonymity'>> & { oneSidedReason?: string };

export interface TrendInput {
  answers: readonly TrendAnswer[];
  cycles: readonly TrendCycleRecord[];
  /** The two companies as the Partnership sheet names them: our company first. */
  ourCompany: string;
  partnerCompany: string;
  model?: PartnershipModel;
}

export type TrendLabel = 'one-sided' | 'sealed' | 'open';

export interface TrendPoint {
  cycle: string;
  kind: CycleKind | null;
  anonymity: CycleAnonymity | null;
  /** Both sides together (sealed rows weighted by their responses). */
  both: CornerMeans;
  ours: CornerMeans;
  partner: CornerMeans;
  /** People behind each side's means (a sealed row counts its responses). */
  responses: { ours: number; partner: number };
  /** The focus of this cycle (recorded for a closed cycle, the +2 rule for the open one). */
  focus: Corner | null;
  /** The focus moved to a new corner in this cycle (the first focus counts as a move). */
  focusMoved: boolean;
  /** Only one company answered (or a one-sided close said so): its means are that side's view. */
  oneSided: boolean;
  /** The side that answered, when one-sided; null otherwise or when nobody answered. */
  onlySide: string | null;
  labels: TrendLabel[];
  /** "2026-Q1 · focus Transparency · one-sided (only Acme) · sealed": a point's label on a chart or a list. */
  caption: string;
  /** Change of the both-sides mean since the previous cycle with a rating of that corner; null without one. */
  change: CornerMeans;
}

const emptyMeans = (): CornerMeans => ({ Competence: null, Reliability: null, Transparency: null, Alignment: null });

/**
 * One point per cycle, oldest first (the order the cycles were opened; a cycle with answers and
 * no record yet goes by the date of its answers). A cycle recorded with no answers is kept, with
 * blank means, so a gap in the habit shows. Answers of a side that is neither company count in
 * `both` only (as on the Dashboard) and are not lost.
 */
export function cornerTrend(input: TrendInput): TrendPoint[] {
  const ourKey = sideKey(input.ourCompany);
  const partnerKey = sideKey(input.partnerCompany);
  interface Tallies {
    cycle: string;
    date: Date | null;
    both: CornerTally;
    ours: CornerTally;
    partner: CornerTally;
    oursResponses: number;
    partnerResponses: number;
  }
  const byCycle = new Map<string, Tallies>();
  const tallyOf = (cycle: string, date: Date | null): Tallies => {
    const key = cycleNameKey(cycle);
    let tallies = byCycle.get(key);
    if (!tallies) {
      tallies = { cycle: cycle.trim(), date, both: new CornerTally(), ours: new CornerTally(), partner: new CornerTally(), oursResponses: 0, partnerResponses: 0 };
      byCycle.set(key, tallies);
    } else if (date !== null && (tallies.date === null || date.getTime() < tallies.date.getTime())) {
      tallies.date = date;
    }
    return tallies;
  };
  for (const answer of input.answers) {
    if (answer.cycle.trim() === '') continue;
    const weight = answer.weight ?? 1;
    const tallies = tallyOf(answer.cycle, answer.date);
    tallies.both.addRow(answer.ratings, weight);
    const key = answer.side === undefined ? '' : sideKey(answer.side);
    if (key !== '' && key === ourKey) {
      tallies.ours.addRow(answer.ratings, weight);
      tallies.oursResponses += weight;
    } else if (key !== '' && key === partnerKey) {
      tallies.partner.addRow(answer.ratings, weight);
      tallies.partnerResponses += weight;
    }
  }
  // Recorded cycles without answers still take their place in the order.
  for (const record of input.cycles) tallyOf(record.name, record.openedOn);

  const assessed = [...byCycle.values()].map((tallies) => ({ cycle: tallies.cycle, date: tallies.date, means: tallies.both.means() }));
  const ordered = cycleRatingsInOrder(input.cycles, assessed);
  const steps = focusAcrossCycles(ordered, input.model);
  const recordOf = new Map(input.cycles.map((record) => [cycleNameKey(record.name), record]));
  const points: TrendPoint[] = [];
  const lastRated = emptyMeans();
  steps.forEach((step: FocusStep, index) => {
    const key = cycleNameKey(step.cycle);
    const tallies = byCycle.get(key) as Tallies;
    const record = recordOf.get(key);
    const both = ordered[index].means;
    const anyAnswer = CORNERS.some((corner) => both[corner] !== null);
    const oursAnswered = tallies.oursResponses > 0;
    const partnerAnswered = tallies.partnerResponses > 0;
    const recordedOneSided = (record?.oneSidedReason ?? '').trim() !== '';
    const oneSided = recordedOneSided || (anyAnswer && oursAnswered !== partnerAnswered);
    const onlySide = oursAnswered && !partnerAnswered ? input.ourCompany.trim() : partnerAnswered && !oursAnswered ? input.partnerCompany.trim() : null;
    const anonymity = record?.anonymity ?? null;
    const open = record !== undefined && record.closedOn === null;
    const labels: TrendLabel[] = [];
    if (oneSided) labels.push('one-sided');
    if (anonymity === 'Sealed') labels.push('sealed');
    if (open) labels.push('open');
    const previousFocus = index === 0 ? null : steps[index - 1].focus;
    const change = emptyMeans();
    for (const corner of CORNERS) {
      const now = both[corner];
      const before = lastRated[corner];
      change[corner] = now === null || before === null ? null : now - before;
      if (now !== null) lastRated[corner] = now;
    }
    const parts = [step.cycle];
    if (step.focus !== null) parts.push(`focus ${step.focus}`);
    if (oneSided) parts.push(onlySide ? `one-sided (only ${onlySide})` : 'one-sided');
    if (anonymity === 'Sealed') parts.push('sealed');
    if (open) parts.push('open');
    if (!anyAnswer) parts.push('no answers');
    points.push({
      cycle: step.cycle,
      kind: record?.kind ?? null,
      anonymity,
      both,
      ours: tallies.ours.means(),
      partner: tallies.partner.means(),
      responses: { ours: tallies.oursResponses, partner: tallies.partnerResponses },
      focus: step.focus,
      focusMoved: step.focus !== null && step.focus !== previousFocus,
      oneSided,
      onlySide: oneSided ? onlySide : null,
      labels,
      caption: parts.join(' · '),
      change,
    });
  });
  return points;
}

/** Which way a corner went over the trend: first rated mean to last, in whole tenths. */
export interface CornerDrift {
  corner: Corner;
  first: number | null;
  last: number | null;
  /** last − first; null with fewer than two rated cycles. */
  change: number | null;
  direction: 'strengthening' | 'drifting' | 'steady' | 'unknown';
}

/** Half a point either way is movement; less is noise in a 1–10 mean (as the portfolio's arrows). */
const TREND_STEP = 0.5;

/** Per corner, from its first rated cycle to its last: strengthening, drifting or steady. */
export function cornerDrift(points: readonly TrendPoint[]): CornerDrift[] {
  return CORNERS.map((corner) => {
    const rated = points.map((point) => point.both[corner]).filter((mean): mean is number => mean !== null);
    if (rated.length < 2) return { corner, first: rated[0] ?? null, last: rated[0] ?? null, change: null, direction: 'unknown' as const };
    const first = rated[0];
    const last = rated[rated.length - 1];
    const change = last - first;
    const direction = change >= TREND_STEP - 1e-9 ? 'strengthening' : change <= -TREND_STEP + 1e-9 ? 'drifting' : 'steady';
    return { corner, first, last, change, direction };
  });
}
