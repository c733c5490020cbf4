import { describe, expect, it, vi } from 'vitest';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { adviseDisclosure } from '../../src/domain/disclosure-advisor';
import type { DisclosureQuestionInput } from '../../src/sidebar/disclosure/api';
import { INJECTION_PAYLOADS } from '../support/payloads';
import { as, double, useWorkbookDouble } from '../support/workbook-double';

useWorkbookDouble();

const stored = (payload: string) => payload.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');

describe('Competence Audit', () => {
  it('each side rates the other; means per quarter and side; learning log', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    expect(() => api.submitCompetenceRating({ quarter: '2026-Q4', ratedSide: 'Acme', participant: '', domainExpertise: 7, executionCapacity: 6, learningVelocity: 5, evidence: '' })).toThrow(/each side rates the other/);
    api.submitCompetenceRating({ quarter: '2026-Q4', ratedSide: 'Beta', participant: 'Ana', domainExpertise: 8, executionCapacity: 6, learningVelocity: 5, evidence: 'Demo' });
    as('raj@acme.example', 'Raj', 'Acme');
    const view = api.submitCompetenceRating({ quarter: '2026-Q4', ratedSide: 'Beta', participant: '', domainExpertise: 6, executionCapacity: 6, learningVelocity: 7, evidence: '' });
    expect(view.byQuarter).toEqual([{ quarter: '2026-Q4', side: 'Beta', domainExpertise: 7, executionCapacity: 6, learningVelocity: 6, ratings: 2 }]);
    expect(() => api.submitCompetenceRating({ quarter: '2026-Q4', ratedSide: 'Beta', participant: '', domainExpertise: 11, executionCapacity: 6, learningVelocity: 7, evidence: '' })).toThrow('Domain expertise must be a whole number from 1 to 10; got 11.');
    const learning = api.addLearningActivity({ date: '2026-11-02', side: 'Beta', person: 'Ben', activity: 'Cloud architect certification', kind: 'certification', hours: 40 });
    expect(learning.learning[0]).toEqual({ date: '2026-11-02', side: 'Beta', person: 'Ben', activity: 'Cloud architect certification', kind: 'Certification', hours: 40 });
  });
});

describe('Alignment Audit', () => {
  it('keeps both sides’ answers side by side per quarter and the share aligned', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    api.saveAlignmentAnswers({ quarter: '2026-Q4', answers: { 'Shared purpose': 'Win mid-market retail', Boundaries: 'No poaching' } });
    as('ben@beta.example', 'Ben', 'Beta');
    let view = api.saveAlignmentAnswers({ quarter: '2026-Q4', answers: { 'Shared purpose': 'Grow cloud revenue', Boundaries: 'No poaching' } });
    expect(view.questions.find((q) => q.question === 'Shared purpose')).toMatchObject({ ours: 'Win mid-market retail', partner: 'Grow cloud revenue', mark: '' });
    expect(view.shareAligned).toBeNull();
    api.markAlignment('2026-Q4', 'Boundaries', 'Aligned');
    view = api.markAlignment('2026-Q4', 'Shared purpose', 'Partly');
    expect(view.shareAligned).toBe(0.5);
    expect(() => api.markAlignment('2026-Q4', 'Shared purpose', 'Sort of')).toThrow('The mark must be one of blank, Aligned, Partly, Not aligned; got "Sort of".');
    expect(api.loadAlignmentAudit('2027-Q1').questions.every((q) => q.ours === '' && q.partner === '')).toBe(true);
  });
});

describe('Pre-mortem', () => {
  it('records risks and turns one into a commitment', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    api.addRisk({ initiative: 'Joint launch', risk: 'Integration slips past the launch date', likelihood: 'medium', impact: 'High', earlySignal: 'Beta build red two weeks running', recoveryStandard: 'Tell the partner within 48 hours', ownerSide: 'Beta' });
    const view = api.riskToCommitment('R-001', '2027-01-15');
    expect(view.risks[0].commitmentId).toBe('C-001');
    const log = double.inspect.values('Shared Commitments Log')[1];
    expect(log[1]).toBe('Prevent: Integration slips past the launch date (recovery standard: Tell the partner within 48 hours)');
    expect(log[2]).toBe('Beta');
    expect(log[12]).toBe('Pre-mortem Joint launch');
    expect(() => api.riskToCommitment('R-001', '2027-01-15')).toThrow('R-001 is already commitment C-001.');
  });
});

describe('Graduated disclosure advisor', () => {
  it('answers from the decision table and the ledger, and records the decision', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    const question: DisclosureQuestionInput = { shared: 'Monthly account list', stage: 'Mid', exploitationRisk: 'Medium', coordinationValue: 'High', partnerReciprocated: false, performanceCanShow: false };
    expect(api.adviseDisclosure(question)).toMatchObject({ decision: 'Wait for reciprocity', allowedStage: 'Early', partner: 'Beta' });
    expect(api.adviseDisclosure({ ...question, stage: 'Early' }).decision).toBe('Share now');
    const recorded = api.recordDisclosure({ ...question, stage: 'Early', exploitationRisk: 'High' });
    expect(recorded.decision).toBe('Share structurally');
    expect(double.inspect.values('Disclosure Ledger')[1].slice(2, 7)).toEqual(['Acme', 'Monthly account list', 'Early', 'High', 'High']);
    expect(double.inspect.values('Disclosure Ledger')[1][8]).toBe('Share structurally');
    as('ben@beta.example', 'Ben', 'Beta');
    api.recordDisclosure({ ...question, shared: 'Account sizes', stage: 'Early' });
    as('ana@acme.example', 'Ana', 'Acme');
    // The person's "not reciprocated" stands; the ledger's Early entry is pointed out, not assumed equivalent.
    const unmatched = api.adviseDisclosure({ ...question, stage: 'Early' });
    expect(unmatched.decision).toBe('Share now');
    const waiting = api.adviseDisclosure(question);
    expect(waiting).toMatchObject({ decision: 'Wait for reciprocity', allowedStage: 'Mid' });
    expect(api.adviseDisclosure({ ...question, stage: 'Early', partnerReciprocated: false }).reasons.join(' ')).toMatch(/ledger shows Beta sharing at the Early stage/);
    expect(api.adviseDisclosure({ ...question, partnerReciprocated: true })).toMatchObject({ decision: 'Share now', allowedStage: 'Mid' });
  });

  it('never counts a recorded decision not to share as shared', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    const late: DisclosureQuestionInput = { shared: 'Roadmap', stage: 'Late', exploitationRisk: 'High', coordinationValue: 'High', partnerReciprocated: false, performanceCanShow: false };
    expect(api.recordDisclosure(late).decision).toBe('Wait for reciprocity');
    as('ben@beta.example', 'Ben', 'Beta');
    expect(api.adviseDisclosure({ ...late, shared: 'Margins' })).toMatchObject({ decision: 'Wait for reciprocity', allowedStage: 'Early' });
  });

  it('follows the table in the domain', () => {
    const base = { stage: 'Mid' as const, allowedStage: 'Mid' as const, exploitationRisk: 'Low' as const, coordinationValue: 'Low' as const, partnerReciprocated: true, performanceCanShow: false };
    expect(adviseDisclosure(base).decision).toBe('Share now');
    expect(adviseDisclosure({ ...base, performanceCanShow: true }).decision).toBe('Show through results');
    expect(adviseDisclosure({ ...base, exploitationRisk: 'High' }).decision).toBe('Wait for reciprocity');
    expect(adviseDisclosure({ ...base, exploitationRisk: 'High', coordinationValue: 'Medium' }).decision).toBe('Share structurally');
    expect(adviseDisclosure({ ...base, partnerReciprocated: false }).decision).toBe('Wait for reciprocity');
    expect(adviseDisclosure({ ...base, stage: 'Late' }).decision).toBe('Wait for reciprocity');
  });
});

describe('Breach mode and ad hoc reassessment', () => {
  it('a severe breach replaces the 90-day loop on home until the reset is complete', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    expect(api.loadHome().breachMode).toBeNull();
    const view = api.recordBreach({ date: '2026-11-20', what: 'Confidential pricing shared with a competitor', corner: 'transparency' });
    expect(view.active).toBe(true);
    expect(view.steps).toHaveLength(4);
    expect(api.loadHome().breachMode).toEqual({ what: 'Confidential pricing shared with a competitor', corner: 'Transparency', reviewDate: null });
    expect(() => api.updateBreach({ id: 'B-001', status: 'Reset complete' })).toThrow(/acknowledged and the facilitated review date before/);
    api.updateBreach({ id: 'B-001', acknowledgedOn: '2026-11-21', preventionPlan: 'Need-to-know list', reviewDate: '2027-02-01' });
    expect(api.loadHome().breachMode?.reviewDate).toBe('2027-02-01');
    expect(() => api.updateBreach({ id: 'B-001', status: 'Reset complete' })).toThrow('The facilitated review is on 2027-02-01; the reset is complete once it has been held.');
    expect(() => api.updateBreach({ id: 'B-001', reviewDate: '2026-11-19' })).toThrow('The review date 2026-11-19 is before the breach (2026-11-20).');
    expect(() => api.recordBreach({ date: '2026-12-01', what: 'x', corner: 'Reliability' })).toThrow('The date 2026-12-01 is in the future; record a breach once it has happened.');
    vi.setSystemTime(new Date('2027-02-01T18:00:00Z'));
    api.updateBreach({ id: 'B-001', status: 'Reset complete' });
    expect(api.loadHome().breachMode).toBeNull();
  });

  it('a major change makes the reassessment due now, with the reason on home', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    const home = api.recordMajorChange({ change: 'leadership change', note: 'New CRO at Beta' });
    expect(home.daysToReassessment).toBe(0);
    expect(home.adHocReason).toMatch(/^Leadership change on \d{4}-\d{2}-\d{2}: New CRO at Beta\. Reassess now/);
    expect(() => api.recordMajorChange({ change: 'Reorg', note: '' })).toThrow(/must be one of Leadership change, Launch, Merger, Market disruption, Other/);
  });
});

describe('formula injection through the new inputs', () => {
  it('stores every payload as literal text', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    for (const payload of INJECTION_PAYLOADS) {
      const safe = payload.trim() === '' ? 'x' : payload;
      api.submitCompetenceRating({ quarter: '2026-Q4', ratedSide: 'Beta', participant: payload, domainExpertise: 5, executionCapacity: 5, learningVelocity: 5, evidence: payload });
      api.addLearningActivity({ date: '2026-11-01', side: 'Acme', person: payload, activity: safe, kind: 'Other', hours: null });
      api.saveAlignmentAnswers({ quarter: '2026-Q4', answers: { 'Shared purpose': payload } });
      api.addRisk({ initiative: safe, risk: safe, likelihood: 'Low', impact: 'Low', earlySignal: payload, recoveryStandard: payload, ownerSide: 'Acme' });
      api.recordBreach({ date: '2026-11-01', what: safe, corner: 'Reliability' });
      api.recordMajorChange({ change: 'Other', note: payload });
      // Text is trimmed at the boundary on every path; what remains is kept exactly, as text.
      expect(double.inspect.values('Competence Audit').at(-1)?.[8]).toBe(stored(payload).trim());
      expect(double.inspect.values('Alignment Audit')[1][2]).toBe(stored(payload).trim());
      expect(double.inspect.values('Pre-mortem').at(-1)?.[5]).toBe(stored(payload).trim());
    }
    for (const sheet of ['Competence Audit', 'Learning Log', 'Alignment Audit', 'Pre-mortem', 'Breaches', 'Partnership']) {
      expect(double.inspect.formulas(sheet).flat().filter((f) => f !== ''), sheet).toEqual([]);
    }
  });
});
