/**
 * Replacing a declined (or withdrawn) action from Results, and a weekly-sync commitment joining the
 * cycle's actions for its focus: on the double, each step, who may take it, the counts Results
 * show, and refusals that write nothing.
 */
import { describe, expect, it, vi } from 'vitest';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { asAna, asBen, double, useWorkbookDouble } from '../support/workbook-double';

useWorkbookDouble();

const noEvidence = { Competence: '', Reliability: '', Transparency: '', Alignment: '' };
/** 45 days after the pinned 2026-11-30. */
const DUE = '2027-01-14';

/** Both sides answer 2026-Q4 (Transparency lowest); Ana proposes its three actions. Returns their ids. */
function cycleWithActions(): string[] {
  asAna();
  api.startCycle({ name: '2026-Q4', kind: 'Quarterly', anonymity: 'Named' });
  api.submitAssessment({ cycle: '2026-Q4', ratings: { Competence: 7, Reliability: 6, Transparency: 4, Alignment: 6 }, evidence: noEvidence });
  asBen();
  api.submitAssessment({ cycle: '2026-Q4', ratings: { Competence: 7, Reliability: 7, Transparency: 5, Alignment: 6 }, evidence: noEvidence });
  asAna();
  const agreed = api.agreeActions('2026-Q4', 'Transparency', [
    { commitment: 'Share the pricing calendar', ownerSide: 'Acme', ownerPerson: 'Ana', dueDate: DUE },
    { commitment: 'Monthly pipeline report', ownerSide: 'Beta', ownerPerson: 'Ben', dueDate: DUE },
    { commitment: 'No-surprises rule', ownerSide: 'Acme', ownerPerson: 'Ana', dueDate: DUE },
  ]);
  return agreed.actions.map((action) => action.id);
}

function logRow(id: string): Record<string, unknown> {
  const [headers, ...rows] = double.inspect.values('Shared Commitments Log');
  const row = rows.find((candidate) => candidate[0] === id)!;
  return Object.fromEntries(headers.map((header, index) => [String(header), row[index]]));
}

const everything = () => JSON.stringify([double.inspect.values('Shared Commitments Log'), double.inspect.values('Change History')]);
const replacement = (replaces: string, dueDate = DUE) => ({ replaces, commitment: 'Share the pricing calendar for the top ten accounts', ownerSide: 'Acme', ownerPerson: 'Ana', dueDate });

describe('replacing a declined action', () => {
  it('proposes one for the same cycle and corner, linked to the declined one, and Results count truthfully', () => {
    const [first, second, third] = cycleWithActions();
    asBen();
    expect(api.loadResults('2026-Q4').actionCounts).toMatchObject({ agreed: 0, waiting: 3, declined: 0, replaced: 0, open: [], text: '0 agreed · 3 waiting for an answer' });
    api.acceptCommitment(second);
    api.acceptCommitment(third);
    api.declineCommitment(first, 'Pricing is confidential until the launch');
    expect(api.loadResults('2026-Q4').actionCounts).toMatchObject({ agreed: 2, declined: 1, replaced: 0, open: [first], text: '2 agreed · 1 declined · 0 replaced' });

    asAna();
    const view = api.proposeReplacement(replacement(first));
    const added = view.actions.find((action) => action.replaces === first)!;
    expect(added).toMatchObject({ status: 'Proposed', source: 'Assessment 2026-Q4', corner: 'Transparency', proposerSide: 'Acme', awaitingTheirAnswer: true, dueDate: DUE });
    expect(logRow(added.id)).toMatchObject({ Replaces: first, Source: 'Assessment 2026-Q4', Corner: 'Transparency', Status: 'Proposed' });
    expect(view.cycle).toBe('2026-Q4');
    expect(view.actionCounts).toMatchObject({ agreed: 2, waiting: 1, declined: 1, replaced: 1, open: [], text: '2 agreed · 1 declined · 1 replaced · 1 waiting for an answer' });

    // Negotiated like the others: Beta answers it, under the 30–60 day rule of agreed actions.
    asBen();
    expect(api.loadResults('2026-Q4').actions.find((action) => action.id === added.id)).toMatchObject({ awaitingYourAcceptance: true });
    api.acceptCommitment(added.id);
    expect(api.loadResults('2026-Q4').actionCounts.text).toBe('3 agreed · 1 declined · 1 replaced');
  });

  it('is refused, writing nothing, for an action replaced already, one not declined, a sync commitment, a due date outside 30–60 days, an unknown id, or a caller nobody knows', () => {
    const [first, second] = cycleWithActions();
    asBen();
    api.declineCommitment(first, 'Not this quarter');
    asAna();
    const sync = api.addCommitment({ commitment: 'Weekly call notes', ownerSide: 'Acme', ownerPerson: 'Ana', corner: '', dueDate: '2026-12-20' }).commitments.find((c) => c.commitment === 'Weekly call notes')!.id;
    asBen();
    api.declineCommitment(sync, 'We take notes already');
    asAna();
    const before = everything();
    expect(() => api.proposeReplacement(replacement(second))).toThrow(`${second} is Proposed; only a declined or withdrawn action can be replaced.`);
    expect(() => api.proposeReplacement(replacement(sync))).toThrow(`${sync} is not an action of an assessment cycle; add another commitment under Sync instead.`);
    expect(() => api.proposeReplacement(replacement(first, '2026-12-20'))).toThrow(/^The due date 2026-12-20 .*30/);
    expect(() => api.proposeReplacement(replacement('C-999'))).toThrow('No commitment with id C-999');
    expect(() => api.proposeReplacement({ ...replacement(first), corner: 'Alignment' } as never)).toThrow(/corner/);
    double.setActiveUser('nobody@elsewhere.example');
    expect(() => api.proposeReplacement(replacement(first))).toThrow('Tell us who you are first: your name and side.');
    asAna();
    double.lock.failNext(1_000);
    expect(() => api.proposeReplacement(replacement(first))).toThrow();
    double.lock.release();
    expect(everything()).toBe(before);

    const added = api.proposeReplacement(replacement(first)).actions.find((action) => action.replaces === first)!;
    const once = everything();
    expect(() => api.proposeReplacement(replacement(first))).toThrow(`${first} is replaced already, by ${added.id}.`);
    expect(everything()).toBe(once);
  });

  it('replaces a withdrawn action too, proposed by either side; a declined replacement may be replaced in turn', () => {
    const [first] = cycleWithActions();
    api.withdrawCommitment(first);
    asBen();
    const byBeta = api.proposeReplacement({ ...replacement(first), ownerSide: 'Beta', ownerPerson: 'Ben' }).actions.find((action) => action.replaces === first)!;
    expect(byBeta).toMatchObject({ proposerSide: 'Beta', status: 'Proposed', corner: 'Transparency' });
    asAna();
    api.declineCommitment(byBeta.id, 'Too big for one owner');
    const view = api.proposeReplacement(replacement(byBeta.id));
    expect(view.actions.find((action) => action.replaces === byBeta.id)).toMatchObject({ proposerSide: 'Acme', status: 'Proposed' });
    expect(view.actionCounts).toMatchObject({ agreed: 0, waiting: 3, declined: 1, withdrawn: 1, replaced: 2, open: [] });
  });
});

describe('a weekly-sync commitment for the cycle’s focus', () => {
  it('is offered once a cycle has actions, and joins them: source, corner and the 30–60 day rule', () => {
    asAna();
    expect(api.loadCommitments().focusLink).toBeNull();
    cycleWithActions();
    expect(api.loadCommitments().focusLink).toEqual({ cycle: '2026-Q4', corner: 'Transparency' });
    const input = { commitment: 'Publish the no-surprises log', ownerSide: 'Acme', ownerPerson: 'Ana', corner: '' as const, dueDate: DUE };
    const before = everything();
    expect(() => api.addCommitment({ ...input, dueDate: '2026-12-10', forCycle: '2026-Q4' })).toThrow(/^The due date 2026-12-10 .*: it joins 2026-Q4's actions\.$/);
    expect(() => api.addCommitment({ ...input, forCycle: '2026-Q3' })).toThrow("The actions in play are 2026-Q4's now, not 2026-Q3's; reload Sync to link to them.");
    expect(everything()).toBe(before);

    const view = api.addCommitment({ ...input, forCycle: '2026-q4' });
    const added = view.commitments.find((c) => c.commitment === input.commitment)!;
    expect(added).toMatchObject({ source: 'Assessment 2026-Q4', corner: 'Transparency', status: 'Proposed' });
    expect(api.loadResults('2026-Q4').actions.map((action) => action.id)).toContain(added.id);
    // Without the link it stays a weekly-sync commitment, due any day from today.
    const plain = api.addCommitment({ ...input, commitment: 'Call notes', dueDate: '2026-12-01' }).commitments.find((c) => c.commitment === 'Call notes')!;
    expect(plain).toMatchObject({ source: 'Weekly sync', corner: '' });
  });
});

describe('the replacement counts in the view after time passes', () => {
  it('keeps the declined action out of the rates', () => {
    const [first] = cycleWithActions();
    asBen();
    api.declineCommitment(first, 'No');
    vi.setSystemTime(new Date('2027-02-01T12:00:00Z'));
    expect(api.loadHome().rates).toMatchObject({ dueSoFar: 0, notTakenOn: 3 });
  });
});
