import { CORNERS, type Corner, type CornerMeans } from './corners';
import { type CycleRecord, cycleNameKey } from './cycles';
import type { PartnershipModel } from './models';
import { REQUIRED_IMPROVEMENT, weakestCorner } from './scores';

/**
 * Focus across cycles (DOMAIN.md "Cycles (decisions)"): the first cycle's focus is its weakest
 * corner; each later cycle keeps the previous focus while that corner improved by less than 2
 * points since the cycle in which it became the focus, and otherwise shifts to the lowest of the
 * other corners now. Each step carries its reasoning as data, so Results can show why.
 */

/** One cycle's means, oldest first; `recordedFocus` is the focus a closed cycle has on the Cycles sheet. */
export interface CycleRatings {
  name: string;
  means: CornerMeans;
  recordedFocus?: Corner | null;
}

export type FocusReason =
  /** The first cycle with ratings: its weakest corner. */
  | { rule: 'first'; weakest: Corner; mean: number }
  /**
   * The focus stays: it improved by less than 2 since `since` (or was not rated now, or had no
   * rating when it became the focus, or no other corner is rated now).
   */
  | {
      rule: 'kept';
      focus: Corner;
      since: string;
      baseline: number | null;
      now: number | null;
      improvement: number | null;
      otherCornersUnrated?: true;
    }
  /** It improved by 2 or more since `since`: the lowest of the other corners now. */
  | { rule: 'shifted'; from: Corner; since: string; baseline: number; now: number; improvement: number; to: Corner; toMean: number }
  /** This cycle has no ratings: nothing was assessed, the previous focus (if any) carries on. */
  | { rule: 'unrated'; focus: Corner | null }
  /** The Cycles sheet records another focus than the rule gives (edited by hand): the record wins. */
  | { rule: 'recorded'; focus: Corner; byRule: Corner | null };

export interface FocusStep {
  cycle: string;
  focus: Corner | null;
  /** The cycle in which `focus` became the focus (its mean there is the baseline for the +2 rule). */
  since: string | null;
  reason: FocusReason;
}

// 5.0 -> 7.0 computed from thirds (6.999999…) still counts as +2, as in nextFocus.
const EPSILON = 1e-9;

const hasRatings = (means: CornerMeans): boolean => CORNERS.some((corner) => means[corner] !== null);

/** One step per cycle, in the order given (oldest first). */
export function focusAcrossCycles(cycles: readonly CycleRatings[], model?: PartnershipModel): FocusStep[] {
  const steps: FocusStep[] = [];
  let focus: Corner | null = null;
  let since: string | null = null;
  let baseline: number | null = null;
  for (const cycle of cycles) {
    const byRule = ruleStep(cycle, focus, since, baseline, model);
    let step = byRule;
    const recorded = cycle.recordedFocus ?? null;
    if (recorded !== null && recorded !== byRule.focus) {
      // A new focus starts its own +2 count here; the same corner as before keeps its older start.
      const continues = recorded === focus;
      step = { cycle: cycle.name, focus: recorded, since: continues ? since : cycle.name, reason: { rule: 'recorded', focus: recorded, byRule: byRule.focus } };
    }
    if (step.focus !== focus || step.since !== since) {
      // Only a focus that started in this cycle takes this cycle's mean as its baseline.
      baseline = step.since === cycle.name && step.focus !== null ? cycle.means[step.focus] : baseline;
    }
    focus = step.focus;
    since = step.since;
    steps.push(step);
  }
  return steps;
}

function ruleStep(cycle: CycleRatings, focus: Corner | null, since: string | null, baseline: number | null, model?: PartnershipModel): FocusStep {
  const { name, means } = cycle;
  if (!hasRatings(means)) return { cycle: name, focus, since, reason: { rule: 'unrated', focus } };
  if (focus === null || since === null) {
    const weakest = weakestCorner(means, model) as Corner;
    return { cycle: name, focus: weakest, since: name, reason: { rule: 'first', weakest, mean: means[weakest] as number } };
  }
  const now = means[focus];
  const improvement = now === null || baseline === null ? null : now - baseline;
  const kept = (extra: { otherCornersUnrated?: true } = {}): FocusStep => ({
    cycle: name,
    focus,
    since,
    reason: { rule: 'kept', focus, since, baseline, now, improvement, ...extra },
  });
  if (improvement === null || improvement < REQUIRED_IMPROVEMENT - EPSILON) return kept();
  const next = weakestCorner(means, model, [focus]);
  if (next === null) return kept({ otherCornersUnrated: true });
  return {
    cycle: name,
    focus: next,
    since: name,
    reason: { rule: 'shifted', from: focus, since, baseline: baseline as number, now: now as number, improvement, to: next, toMean: means[next] as number },
  };
}

/** The focus now: the last cycle's step, or null before any cycle. */
export function currentFocus(cycles: readonly CycleRatings[], model?: PartnershipModel): FocusStep | null {
  const steps = focusAcrossCycles(cycles, model);
  return steps[steps.length - 1] ?? null;
}

/**
 * The input of focusAcrossCycles: each assessed cycle's means in the order the cycles were opened
 * (a cycle with answers but no record yet, before Repair, goes by the date of its answers), with
 * the focus a closed cycle has on the sheet. Only closed cycles carry a recorded focus; the open
 * one gets the rule's.
 */
export function cycleRatingsInOrder(
  records: readonly Pick<CycleRecord, 'name' | 'openedOn' | 'closedOn' | 'focus'>[],
  assessed: readonly { cycle: string; date: Date | null; means: CornerMeans }[],
): CycleRatings[] {
  const recordOf = new Map(records.map((record) => [cycleNameKey(record.name), record]));
  return assessed
    .map((summary, index) => {
      const record = recordOf.get(cycleNameKey(summary.cycle));
      const when = record?.openedOn ?? summary.date;
      return { summary, record, when: when ? when.getTime() : Number.POSITIVE_INFINITY, index };
    })
    .sort((a, b) => a.when - b.when || a.index - b.index)
    .map(({ summary, record }) => ({
      name: record?.name ?? summary.cycle,
      means: summary.means,
      recordedFocus: record && record.closedOn !== null ? record.focus : null,
    }));
}

const points = (value: number): string => {
  const rounded = Math.round(value * 10) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded).toFixed(1)}`;
};
const mean = (value: number): string => (Math.round(value * 10) / 10).toFixed(1);

/** The reasoning as one sentence, for Results and Home. */
export function describeFocus(step: FocusStep): string {
  const reason = step.reason;
  switch (reason.rule) {
    case 'first':
      return `${reason.weakest} is the focus: the weakest corner of ${step.cycle}, the first assessment (mean ${mean(reason.mean)}).`;
    case 'kept': {
      const why =
        reason.otherCornersUnrated
          ? `it improved by ${points(reason.improvement as number)} since ${reason.since}, but no other corner is rated in ${step.cycle}`
          : reason.baseline === null
            ? `it had no rating in ${reason.since}, when it became the focus, so no improvement can be measured`
            : reason.now === null
              ? `nobody rated it in ${step.cycle}, so no improvement can be measured`
              : `it moved ${points(reason.improvement as number)} since ${reason.since} (${mean(reason.baseline)} → ${mean(reason.now)}), less than the ${REQUIRED_IMPROVEMENT} points that shift the focus`;
      return `${reason.focus} stays the focus: ${why}.`;
    }
    case 'shifted':
      return `${reason.to} is the focus: ${reason.from} improved by ${points(reason.improvement)} since ${reason.since} (${mean(reason.baseline)} → ${mean(reason.now)}), so the focus moved to the lowest of the other corners (${reason.to}, mean ${mean(reason.toMean)}).`;
    case 'unrated':
      return reason.focus === null ? `${step.cycle} has no ratings yet: no focus.` : `${step.cycle} has no ratings: ${reason.focus} stays the focus.`;
    case 'recorded':
      return `${reason.focus} is the focus recorded for ${step.cycle} on the Cycles sheet${reason.byRule ? ` (the +2 rule alone gives ${reason.byRule})` : ''}.`;
  }
}
