/**
 * Two partners saving at once. The other partner's whole save is run between every pair of
 * service calls of a save (as another execution: while the first holds the document lock, the
 * second cannot get it), and the lock is refused on a schedule. Afterwards every save that
 * reported success is in the workbook exactly once, every refused one wrote nothing, ids are
 * unique and no risk became two commitments.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { ANA, BEN, type Person, asPerson as as, double, useWorkbookDouble } from '../support/workbook-double';

useWorkbookDouble({ double: () => ({ activeUserEmail: ANA.email }) });
beforeEach(() => {
  for (const person of [BEN, ANA]) as(person);
  double.lock.endExecution();
});
afterEach(() => double.calls.beforeEach(null));

interface Save {
  person: Person;
  run: () => unknown;
}

type Outcome = 'saved' | 'refused';

function attempt(save: Save): Outcome {
  double.setActiveUser(save.person.email);
  try {
    save.run();
    return 'saved';
  } catch (error) {
    expect((error as Error).message).toMatch(/other side is saving right now|already commitment|already Open|already answered/);
    return 'refused';
  }
}

/**
 * Runs `first`, and before its `at`-th service call runs the whole of `second` as another
 * execution: if `first` holds the document lock then, `second` cannot have it.
 */
function interleave(first: Save, second: Save, at: number): { first: Outcome; second: Outcome } {
  let calls = 0;
  let secondOutcome: Outcome | null = null;
  double.calls.beforeEach(() => {
    calls++;
    if (calls !== at || secondOutcome !== null) return;
    double.calls.beforeEach(null);
    // While the first execution holds the lock, every attempt of the second fails as Apps Script's would.
    const heldByFirst = double.lock.holder() === 'self';
    if (heldByFirst) double.lock.failNext(1_000);
    const resumeAs = double.activeUser();
    secondOutcome = attempt(second);
    if (heldByFirst) double.lock.failNext(0);
    else double.lock.endExecution();
    double.setActiveUser(resumeAs);
  });
  const firstOutcome = attempt(first);
  double.calls.beforeEach(null);
  double.lock.endExecution();
  return { first: firstOutcome, second: secondOutcome ?? attempt(second) };
}

/**
 * How many service calls `save` makes, the view it returns included: the lock is held until the
 * execution ends (src/workbook/lock.ts), so the other partner is refused at every position before
 * that, and the view's reads cannot interleave with their save either. Counted on a throwaway run
 * of the same kind.
 */
function callsOf(save: Save): number {
  double.setActiveUser(save.person.email);
  let calls = 0;
  let released = 0;
  double.calls.beforeEach((method) => {
    calls++;
    if (method === 'Lock.releaseLock') released++;
  });
  attempt(save);
  double.calls.beforeEach(null);
  expect(released, 'a sidebar save leaves the lock to the end of its execution').toBe(0);
  expect(double.lock.holder(), 'held until the execution ends').toBe('self');
  double.lock.endExecution();
  expect(double.lock.holder()).toBeNull();
  return calls;
}

const log = () => double.inspect.values('Shared Commitments Log').slice(1).filter((row) => row[0] !== '');

function expectUniqueIds(): void {
  const ids = log().map((row) => row[0]);
  expect(new Set(ids).size).toBe(ids.length);
}

/**
 * For every position in the first save, a fresh pair of saves (`pair(k)` makes them distinct, so
 * one workbook serves every position without restoring it) with the second run at that position.
 */
function everyInterleaving(pair: (k: number) => { first: Save; second: Save; check: (outcome: { first: Outcome; second: Outcome }) => void }): void {
  const total = callsOf(pair(0).first);
  expect(total).toBeGreaterThan(3);
  for (let at = 1; at <= total + 1; at++) {
    const { first, second, check } = pair(at);
    check(interleave(first, second, at));
    expectUniqueIds();
  }
}

describe('saves interleaved with the other partner\'s save', () => {
  it('two commitments added at once: each saved one is there exactly once, a refused one not at all', () => {
    const add = (person: Person, text: string): Save => ({
      person,
      run: () => api.addCommitment({ commitment: text, ownerSide: person.side, ownerPerson: person.name, corner: '', dueDate: '2026-12-31' }),
    });
    everyInterleaving((k) => ({
      first: add(ANA, `From Ana ${k}`),
      second: add(BEN, `From Ben ${k}`),
      check: (outcome) => {
        const texts = log().map((row) => row[1]);
        expect(texts.filter((text) => text === `From Ana ${k}`)).toHaveLength(outcome.first === 'saved' ? 1 : 0);
        expect(texts.filter((text) => text === `From Ben ${k}`)).toHaveLength(outcome.second === 'saved' ? 1 : 0);
      },
    }));
  });

  it('both partners turning the same risk into a commitment: one commitment, linked once', () => {
    everyInterleaving((k) => {
      as(ANA);
      const view = api.addRisk({ initiative: 'Launch', risk: `Risk ${k}`, likelihood: 'High', impact: 'High', earlySignal: '', recoveryStandard: '', ownerSide: 'Beta' });
      double.lock.endExecution();
      const id = view.risks.find((risk) => risk.risk === `Risk ${k}`)!.id;
      const convert = (person: Person): Save => ({ person, run: () => api.riskToCommitment(id, '2027-01-10') });
      return {
        first: convert(ANA),
        second: convert(BEN),
        check: (outcome) => {
          const prevent = log().filter((row) => row[1] === `Prevent: Risk ${k}`);
          expect(prevent).toHaveLength(1);
          expect([outcome.first, outcome.second].filter((value) => value === 'saved')).toHaveLength(1);
          const [header, ...risks] = double.inspect.values('Pre-mortem');
          expect(risks.find((row) => row[0] === id)?.[header.indexOf('Commitment')]).toBe(prevent[0][0]);
        },
      };
    });
  });

  it('actions agreed while the partner adds a commitment: three actions or none', () => {
    as(ANA);
    api.startCycle({ name: '2026-Q4', kind: 'Quarterly', anonymity: 'Named' });
    api.submitAssessment({ cycle: '2026-Q4', ratings: { Competence: 7, Reliability: 6, Transparency: 4, Alignment: 8 }, evidence: { Competence: '', Reliability: '', Transparency: '', Alignment: '' } });
    double.lock.endExecution();
    everyInterleaving((k) => {
      const actions = [1, 2, 3].map((n) => ({ commitment: `Action ${n} of ${k}`, ownerSide: 'Acme', ownerPerson: 'Ana', dueDate: '2027-01-10' }));
      return {
        first: { person: ANA, run: () => api.agreeActions('2026-Q4', 'Transparency', actions) },
        second: { person: BEN, run: () => api.addCommitment({ commitment: `From Ben ${k}`, ownerSide: 'Beta', ownerPerson: 'Ben', corner: '', dueDate: '2026-12-31' }) },
        check: (outcome) => {
          expect(log().filter((row) => String(row[1]).endsWith(` of ${k}`))).toHaveLength(outcome.first === 'saved' ? 3 : 0);
          expect(log().filter((row) => row[1] === `From Ben ${k}`)).toHaveLength(outcome.second === 'saved' ? 1 : 0);
        },
      };
    });
  });

  it('an acceptance while the proposer updates the same commitment: both land, history once each', () => {
    everyInterleaving((k) => {
      as(ANA);
      const view = api.addCommitment({ commitment: `Proposal ${k}`, ownerSide: 'Acme', ownerPerson: 'Ana', corner: '', dueDate: '2026-12-20' });
      double.lock.endExecution();
      const id = view.commitments.find((item) => item.commitment === `Proposal ${k}`)!.id;
      return {
        first: { person: BEN, run: () => api.acceptCommitment(id) },
        second: { person: ANA, run: () => api.updateCommitment({ id, recoveryPlan: `Plan ${k}` }) },
        check: (outcome) => {
          const row = log().find((candidate) => candidate[0] === id)!;
          expect(row[7]).toBe(outcome.first === 'saved' ? 'Open' : 'Proposed');
          expect(row[11]).toBe(outcome.second === 'saved' ? `Plan ${k}` : '');
          const [header, ...history] = double.inspect.values('Change History');
          const [rowId, field] = [header.indexOf('Row ID'), header.indexOf('Field')];
          const about = history.filter((entry) => entry[rowId] === id);
          expect(about.filter((entry) => entry[field] === 'Status')).toHaveLength(outcome.first === 'saved' ? 1 : 0);
          expect(about.filter((entry) => entry[field] === 'Recovery plan')).toHaveLength(outcome.second === 'saved' ? 1 : 0);
        },
      };
    });
  });

  it('a lock refused on a schedule: 40 saves by two partners, each saved one exactly once', () => {
    const saved: string[] = [];
    const refused: string[] = [];
    for (let index = 0; index < 40; index++) {
      const person = index % 2 ? BEN : ANA;
      if (index % 3 === 1) double.lock.failNext(1);
      const text = `Save ${index}`;
      const outcome = attempt({ person, run: () => api.addCommitment({ commitment: text, ownerSide: person.side, ownerPerson: person.name, corner: '', dueDate: '2026-12-31' }) });
      (outcome === 'saved' ? saved : refused).push(text);
      double.lock.endExecution();
    }
    const texts = log().map((row) => row[1]);
    for (const text of saved) expect(texts.filter((candidate) => candidate === text)).toHaveLength(1);
    for (const text of refused) expect(texts).not.toContain(text);
    expect(refused.length).toBeGreaterThan(10);
    expectUniqueIds();
  });
});
