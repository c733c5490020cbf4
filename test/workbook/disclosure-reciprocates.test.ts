/**
 * Record in the ledger fills the Disclosure Ledger's Reciprocates column (tit-for-tat, one for
 * one) and the advice it records says what the ledger shows the partner has shared.
 */
import { describe, expect, it } from 'vitest';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import type { DisclosureQuestionInput } from '../../src/sidebar/disclosure/api';
import { asAna, asBen, double, useWorkbookDouble } from '../support/workbook-double';

useWorkbookDouble();

const question: DisclosureQuestionInput = { shared: 'Target industries', stage: 'Early', exploitationRisk: 'Low', coordinationValue: 'High', partnerReciprocated: false, performanceCanShow: false };

/** The ledger as [ID, side, stage, decision, reciprocates] per row. */
function ledger(): string[][] {
  const [header, ...rows] = double.inspect.values('Disclosure Ledger');
  const at = (name: string) => header.indexOf(name);
  return rows.filter((row) => row.some((cell) => cell !== '')).map((row) => ['ID', 'Side', 'Stage', 'Decision', 'Reciprocates'].map((name) => String(row[at(name)])));
}

describe('Disclosure Ledger: Reciprocates', () => {
  it('an entry answering the partner’s names it; one going first, or a decision not to share, leaves it blank', () => {
    asAna();
    const first = api.recordDisclosure(question);
    expect(first.recorded).toEqual({ id: 'D-001', reciprocates: '' });
    // Going first at Early: the reason says so, never that the partner matched.
    expect(first.reasons.join(' ')).toMatch(/the partner has shared nothing yet/);
    expect(first.reasons.join(' ')).not.toMatch(/matched/);
    asBen();
    expect(api.recordDisclosure({ ...question, shared: 'Rough account sizes', partnerReciprocated: true }).recorded).toEqual({ id: 'D-002', reciprocates: 'D-001' });
    // Ben's second Early entry has nothing left of Acme's to answer (one for one).
    expect(api.recordDisclosure({ ...question, shared: 'Regions' }).recorded).toEqual({ id: 'D-003', reciprocates: '' });
    asAna();
    // Acme's next Early entry answers Beta's earliest one Acme has not answered yet.
    expect(api.recordDisclosure({ ...question, shared: 'Regions too', partnerReciprocated: true }).recorded).toEqual({ id: 'D-004', reciprocates: 'D-002' });
    // A decision to wait shared nothing: it answers nothing.
    const waited = api.recordDisclosure({ ...question, shared: 'Roadmap', stage: 'Late' });
    expect(waited.decision).toBe('Wait for reciprocity');
    expect(waited.recorded?.reciprocates).toBe('');
    expect(ledger()).toEqual([
      ['D-001', 'Acme', 'Early', 'Share now', ''],
      ['D-002', 'Beta', 'Early', 'Share now', 'D-001'],
      ['D-003', 'Beta', 'Early', 'Share now', ''],
      ['D-004', 'Acme', 'Early', 'Share now', 'D-002'],
      ['D-005', 'Acme', 'Late', 'Wait for reciprocity', ''],
    ]);
  });

  it('the advice names the highest stage the ledger shows the partner sharing', () => {
    asBen();
    api.recordDisclosure(question);
    asAna();
    const advice = api.adviseDisclosure({ ...question, stage: 'Mid', partnerReciprocated: true });
    expect(advice).toMatchObject({ decision: 'Share now', allowedStage: 'Mid' });
    expect(advice.reasons.join(' ')).toMatch(/the Early stage they matched opens Mid/);
    expect(advice.reasons.join(' ')).not.toMatch(/by your answer/);
  });
});
