import type { Calendar } from './calendar';
import { CORNERS, type Corner, type CornerMeans, DEFAULT_ATTENTION_THRESHOLD, bandOf, cornersAtRisk } from './corners';

/**
 * How the partnership is governed (DOMAIN.md "Value and governance"): the trust-building approach
 * chosen on purpose, with a written rationale, reviewed six months later; and after a severe
 * breach, whether to rebuild or exit.
 */

/** The four approaches of the four-corners guide. */
export const GOVERNANCE_APPROACHES = ['Contractual safeguards', 'Gradual commitment', 'Shared governance', 'Blend'] as const;
export type GovernanceApproach = (typeof GOVERNANCE_APPROACHES)[number];

const GOVERNANCE_REVIEW_MONTHS = 6;

export function parseApproach(text: string): GovernanceApproach | undefined {
  const wanted = text.trim().toLowerCase();
  return GOVERNANCE_APPROACHES.find((approach) => approach.toLowerCase() === wanted);
}

/**
 * The review date: the same day of the month six months after the choice, or that month's last
 * day when it has no such day (31 August → 28/29 February), in the spreadsheet's calendar.
 */
export function governanceReviewDue(chosenOn: Date, calendar: Calendar, months = GOVERNANCE_REVIEW_MONTHS): Date {
  const [year, month, day] = calendar.isoDay(chosenOn).split('-').map(Number);
  const monthIndex = month - 1 + months;
  const targetYear = year + Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return calendar.startOfDay(targetYear, targetMonth, Math.min(day, lastDay));
}

export type GovernanceState =
  /** No approach recorded yet: Home offers a gentle prompt. */
  | { state: 'unchosen' }
  /** Chosen, review not yet due. */
  | { state: 'current'; approach: GovernanceApproach; reviewDue: Date; daysToReview: number }
  /** Six months (or the recorded review date) have passed: Home says the review is due. */
  | { state: 'review-due'; approach: GovernanceApproach; reviewDue: Date; daysOverdue: number };

/**
 * Where the governance record stands today. A review date typed on the sheet wins over the
 * computed one; without either, six months after the choice.
 */
export function governanceState(
  record: { approach: string; chosenOn: Date | null; reviewDue: Date | null },
  today: Date,
  calendar: Calendar,
): GovernanceState {
  const approach = parseApproach(record.approach);
  if (!approach) return { state: 'unchosen' };
  const reviewDue = record.reviewDue ?? (record.chosenOn ? governanceReviewDue(record.chosenOn, calendar) : null);
  if (!reviewDue) return { state: 'review-due', approach, reviewDue: today, daysOverdue: 0 };
  const days = calendar.dayNumber(reviewDue) - calendar.dayNumber(today);
  return days > 0 ? { state: 'current', approach, reviewDue, daysToReview: days } : { state: 'review-due', approach, reviewDue, daysOverdue: days === 0 ? 0 : -days };
}

export interface GovernanceAdvice {
  /** 'slower-ramp': two or more corners are low (band 1–4); 'keep': fewer; 'no-cycle': nothing closed yet. */
  advice: 'slower-ramp' | 'keep' | 'no-cycle';
  /** The corners at or below the attention threshold in that cycle, canonical order. */
  cornersNeedingAttention: Corner[];
  /** The approaches that fit the advice best (a slower ramp: gradual commitment and contractual safeguards). */
  suggested: GovernanceApproach[];
  text: string;
}

/** The number of *low* corners (band 1–4) from which a slower ramp and more safeguards are advised. */
const SLOWER_RAMP_CORNERS = 2;

/**
 * The advice from the latest closed cycle (DOMAIN.md): two or more *low* corners (band 1–4, as
 * Home's safeguards notice counts them) → a slower ramp and more safeguards (gradual commitment,
 * contractual safeguards); else the approach may stay as chosen. The corners at or below the
 * attention threshold are named either way. `means` null: no closed cycle yet.
 */
export function governanceAdvice(cycle: { name: string; means: CornerMeans } | null, threshold = DEFAULT_ATTENTION_THRESHOLD): GovernanceAdvice {
  if (!cycle || CORNERS.every((corner) => cycle.means[corner] === null)) {
    return { advice: 'no-cycle', cornersNeedingAttention: [], suggested: [], text: 'No closed assessment cycle yet: choose from what you know, and revisit after the first cycle.' };
  }
  const attention = cornersAtRisk(cycle.means, threshold);
  const low = CORNERS.filter((corner) => {
    const mean = cycle.means[corner];
    return mean !== null && bandOf(mean) === 'low';
  });
  if (low.length >= SLOWER_RAMP_CORNERS) {
    return {
      advice: 'slower-ramp',
      cornersNeedingAttention: attention,
      suggested: ['Gradual commitment', 'Contractual safeguards'],
      text: `In ${cycle.name}, ${low.length} corners (${low.join(', ')}) are low (below 5): ramp up more slowly and add safeguards (gradual commitment, contractual safeguards).`,
    };
  }
  const attentionOnly = attention;
  return {
    advice: 'keep',
    cornersNeedingAttention: attentionOnly,
    suggested: [],
    text:
      attentionOnly.length === 0
        ? `In ${cycle.name}, no corner is at or below ${threshold}: the chosen approach can stay.`
        : `In ${cycle.name}, ${attentionOnly.length === 1 ? `one corner (${attentionOnly[0]}) is` : `${attentionOnly.length} corners (${attentionOnly.join(', ')}) are`} at or below ${threshold} but fewer than two are low (below 5): no need to slow down; work on ${attentionOnly.length === 1 ? 'it' : 'them'} through the 90-day loop.`,
  };
}

// ---- Rebuild or exit after a severe breach ----

export const BREACH_DECISIONS = ['Rebuild', 'Exit'] as const;
export type BreachDecision = (typeof BREACH_DECISIONS)[number];

export const YES_NO = ['Yes', 'No'] as const;
export type YesNo = (typeof YES_NO)[number];
/** Whether the next cycle recovered: unknown until a cycle after the breach has ratings for its corner. */
export const RECOVERY_ANSWERS = ['Yes', 'No', 'Not yet known'] as const;
export type RecoveryAnswer = (typeof RECOVERY_ANSWERS)[number];

export interface BreachFacts {
  /** Dishonesty or misuse of data: the kinds the guide calls possibly irreparable. */
  dishonestyOrDataMisuse: boolean;
  partnerAcknowledged: boolean;
  recovered: RecoveryAnswer;
}

export interface BreachRecommendation {
  decision: BreachDecision;
  reasons: string[];
}

/**
 * Which answers point to exit (decision): rebuilding needs the breach owned and trust coming back.
 * Exit when dishonesty or data misuse was not acknowledged; when it was, but the next cycle did not
 * recover; or when nothing was acknowledged and the next cycle did not recover. Everything else
 * points to rebuild (with "not yet known" recovery, rebuild and look again after the next cycle).
 */
export function recommendBreachDecision(facts: BreachFacts): BreachRecommendation {
  const reasons: string[] = [];
  const notRecovered = facts.recovered === 'No';
  if (facts.dishonestyOrDataMisuse && !facts.partnerAcknowledged) {
    reasons.push('Dishonesty or misuse of data that the partner has not acknowledged is the kind of breach the guide calls irreparable.');
  }
  if (facts.dishonestyOrDataMisuse && facts.partnerAcknowledged && notRecovered) {
    reasons.push('It was dishonesty or misuse of data, and even after it was acknowledged the next cycle did not recover.');
  }
  if (!facts.dishonestyOrDataMisuse && !facts.partnerAcknowledged && notRecovered) {
    reasons.push('The partner has not acknowledged the breach and the next cycle did not recover.');
  }
  if (reasons.length > 0) return { decision: 'Exit', reasons };
  if (facts.partnerAcknowledged) reasons.push('The partner acknowledged the breach.');
  else reasons.push('Not acknowledged yet: rebuilding depends on the acknowledgment coming.');
  if (facts.recovered === 'Yes') reasons.push('The next cycle recovered.');
  else if (facts.recovered === 'Not yet known') reasons.push('No cycle since the breach shows whether trust recovered: look again after the next one.');
  else reasons.push('The next cycle did not recover yet, but the breach was not dishonesty or misuse of data.');
  return { decision: 'Rebuild', reasons };
}

export interface AssessedCycle {
  name: string;
  /** The cycle's latest answer (or its close). */
  date: Date;
  means: CornerMeans;
}

/**
 * Whether the breached corner recovered (decision): in the first cycle dated after the breach, its
 * mean is above the attention threshold, or back to at least its mean in the last cycle before
 * the breach. No such cycle (or no rating of the corner there): not yet known.
 */
export function breachRecovery(
  corner: Corner,
  breachDay: Date,
  cycles: readonly AssessedCycle[],
  calendar: Calendar,
  threshold = DEFAULT_ATTENTION_THRESHOLD,
): { recovered: RecoveryAnswer; before: { cycle: string; mean: number } | null; after: { cycle: string; mean: number } | null } {
  const day = calendar.dayNumber(breachDay);
  const ordered = [...cycles].sort((a, b) => a.date.getTime() - b.date.getTime());
  const beforeCycle = [...ordered].reverse().find((cycle) => calendar.dayNumber(cycle.date) < day && cycle.means[corner] !== null);
  const afterCycle = ordered.find((cycle) => calendar.dayNumber(cycle.date) > day);
  const before = beforeCycle ? { cycle: beforeCycle.name, mean: beforeCycle.means[corner] as number } : null;
  const afterMean = afterCycle?.means[corner] ?? null;
  if (!afterCycle || afterMean === null) return { recovered: 'Not yet known', before, after: null };
  const after = { cycle: afterCycle.name, mean: afterMean };
  const recovered = afterMean > threshold || (before !== null && afterMean >= before.mean - 1e-9);
  return { recovered: recovered ? 'Yes' : 'No', before, after };
}
