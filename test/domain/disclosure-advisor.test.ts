import { describe, expect, it } from 'vitest';
import { DISCLOSURE_STAGES, type DisclosureStage, nextDisclosureStage } from '../../src/domain/disclosure';
import { type DisclosureDecision, type DisclosureQuestion, LEVELS, adviseDisclosure } from '../../src/domain/disclosure-advisor';

/**
 * Every branch of the decision table, over every combination of answers: the decision is the one
 * the table gives, and no reason claims what the answers contradict (a match the partner never
 * made, an equivalent they never shared, a risk level not chosen).
 */

/** What the partner has shared as the ledger says: nothing, or the highest stage. */
const PARTNER_SHARED: Array<DisclosureStage | null> = [null, ...DISCLOSURE_STAGES];

/** The table written out independently of the code (DOMAIN.md "Graduated disclosure"). */
function expectedDecision(q: DisclosureQuestion): DisclosureDecision {
  const stage = DISCLOSURE_STAGES.indexOf(q.stage);
  if (stage > DISCLOSURE_STAGES.indexOf(q.allowedStage)) return 'Wait for reciprocity';
  if (!q.partnerReciprocated && stage > 0) return 'Wait for reciprocity';
  if (q.performanceCanShow) return 'Show through results';
  if (q.exploitationRisk === 'High') return q.coordinationValue === 'Low' ? 'Wait for reciprocity' : 'Share structurally';
  return 'Share now';
}

interface Case {
  question: DisclosureQuestion;
  partnerHighest: DisclosureStage | null;
  given: boolean;
}

function cases(): Case[] {
  const all: Case[] = [];
  for (const partnerHighest of PARTNER_SHARED) {
    const allowedStage = nextDisclosureStage(partnerHighest === null ? [] : [{ side: 'Beta', stage: partnerHighest }], 'Beta');
    for (const stage of DISCLOSURE_STAGES) {
      for (const exploitationRisk of LEVELS) {
        for (const coordinationValue of LEVELS) {
          for (const partnerReciprocated of [false, true]) {
            for (const performanceCanShow of [false, true]) {
              const question = { stage, allowedStage, exploitationRisk, coordinationValue, partnerReciprocated, performanceCanShow };
              // With the partner's highest stage given by the caller, and read from allowedStage alone.
              all.push({ question: { ...question, partnerHighestStage: partnerHighest }, partnerHighest, given: true });
              all.push({ question, partnerHighest, given: false });
            }
          }
        }
      }
    }
  }
  return all;
}

const describeCase = ({ question: q, partnerHighest }: Case): string =>
  `${q.stage}, partner shared ${partnerHighest ?? 'nothing'}, risk ${q.exploitationRisk}, value ${q.coordinationValue}, reciprocated ${q.partnerReciprocated}, results ${q.performanceCanShow}`;

describe('the disclosure advisor’s reasons are true to the answers', () => {
  const all = cases();

  it('covers every branch of the table', () => {
    const decisions = new Set(all.map((entry) => adviseDisclosure(entry.question).decision));
    expect([...decisions].sort()).toEqual(['Share now', 'Share structurally', 'Show through results', 'Wait for reciprocity']);
    expect(all.length).toBe(4 * 3 * 3 * 3 * 2 * 2 * 2);
  });

  it.each(all.map((entry) => [describeCase(entry), entry] as const))('%s', (_, entry) => {
    const { question: q, partnerHighest } = entry;
    const advice = adviseDisclosure(q);
    const text = advice.reasons.join(' ');
    expect(advice.decision).toBe(expectedDecision(q));
    expect(advice.reasons.length).toBeGreaterThan(0);
    expect(advice.reasons.every((reason) => reason.trim().length > 0)).toBe(true);

    // Never a match the partner did not make.
    if (partnerHighest === null) {
      expect(text).not.toMatch(/matched|shared up to/);
    }
    if (/\bthey matched\b/.test(text)) {
      const below = DISCLOSURE_STAGES.indexOf(q.stage) - 1;
      expect(below).toBeGreaterThanOrEqual(0);
      // "the X stage they matched": X is the stage below, and the partner did share at least that far.
      if (partnerHighest !== null) expect(DISCLOSURE_STAGES.indexOf(partnerHighest)).toBeGreaterThanOrEqual(below);
      else expect(text).toMatch(/by your answer/);
    }
    // Never an equivalent the person said was not shared, nor a refusal they contradicted.
    if (!q.partnerReciprocated) expect(text).not.toMatch(/has shared the equivalent/);
    if (q.partnerReciprocated) expect(text).not.toMatch(/not shared the equivalent/);
    // The partner's ledger is described as it is.
    if (partnerHighest !== null) {
      expect(text).not.toMatch(/shared nothing yet/);
      if (/shared up to the (\w+) stage/.test(text) && entry.given) expect(text).toContain(`shared up to the ${partnerHighest} stage`);
    }
    // The risk and value named are the ones answered.
    for (const level of LEVELS) {
      if (level !== q.exploitationRisk) expect(text).not.toContain(`${level} exploitation risk`);
      if (level !== q.coordinationValue) expect(text).not.toContain(`${level.toLowerCase()} coordination value`);
    }
    // Going first at Early without reciprocity says so, as the opening move.
    if (q.stage === 'Early' && !q.partnerReciprocated && advice.decision !== 'Wait for reciprocity') {
      expect(text).toMatch(/Early is the opening stage: going first/);
    }
    // Waiting for the stage: the reason names the stage asked for and the highest one allowed.
    if (DISCLOSURE_STAGES.indexOf(q.stage) > DISCLOSURE_STAGES.indexOf(q.allowedStage)) {
      expect(text).toContain(`${q.allowedStage} is the highest stage you may open`);
      expect(text).toContain(`${q.stage} waits`);
    }
  });

  it('answers the reported case: nothing shared by the partner, Early, low risk, not reciprocated', () => {
    const advice = adviseDisclosure({
      stage: 'Early', allowedStage: 'Early', exploitationRisk: 'Low', coordinationValue: 'Medium', partnerReciprocated: false, performanceCanShow: false,
    });
    expect(advice.decision).toBe('Share now');
    expect(advice.reasons).toEqual([
      'Low exploitation risk and medium coordination value: share it now.',
      'Early is the opening stage: going first with what is needed to coordinate is how reciprocity starts; the partner has shared nothing yet.',
    ]);
  });
});
