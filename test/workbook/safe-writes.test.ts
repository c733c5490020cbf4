import { beforeEach, describe, expect, it } from 'vitest';
import { BusyError } from '../../src/workbook/lock';
import { SIDEBAR_HANDLERS } from '../../src/sidebar/server';
import { COMMITMENTS } from '../../src/workbook/templates';
import { INJECTION_PAYLOADS } from '../support/payloads';
import { as, double, useWorkbookDouble } from '../support/workbook-double';


const SIDES = ['Acme', 'Beta'];

const api = SIDEBAR_HANDLERS;

useWorkbookDouble();
beforeEach(() => as('ana@acme.example', 'Ana', 'Acme'));

/** Adds one commitment through the sidebar's handler and returns its id. */
function addCommitment(commitment: string, ownerSide: string, ownerPerson: string): string {
  const before = new Set(api.loadCommitments().commitments.map((item) => item.id));
  const after = api.addCommitment({ commitment, ownerSide, ownerPerson, corner: '', dueDate: '2026-12-31' }).commitments;
  return after.find((item) => !before.has(item.id))!.id;
}

const log = () => double.inspect.values(COMMITMENTS.title);
const logFormulas = () => double.inspect.formulas(COMMITMENTS.title);
/** What the add-on stores for typed text: the text itself, minus control characters it strips. */
const stored = (payload: string) => payload.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');

describe('formula injection: user text is stored as literal text on every write path', () => {
  it.each(INJECTION_PAYLOADS.map((p) => [JSON.stringify(p), p] as const))('append commitment %s', (_label, payload) => {
    api.addCommitment({ commitment: payload.trim() === '' ? 'x' : payload, ownerSide: 'Acme', ownerPerson: payload.trim() === '' ? 'x' : payload.slice(0, 100), corner: 'Reliability', dueDate: '2026-12-31' });
    const row = log()[1];
    // Names and commitments are trimmed; what remains is kept exactly, as text.
    expect(row[1]).toBe(payload.trim() === '' ? 'x' : stored(payload).trim());
    expect(row[3]).toBe(payload.trim() === '' ? 'x' : stored(payload.slice(0, 100)).trim());
    expect(logFormulas()[1].every((formula) => formula === '')).toBe(true);
  });

  it('update commitment, assessment evidence and names keep every payload as text', () => {
    const id = addCommitment('x', 'Acme', 'Ana');
    api.startCycle({ name: '2026-Q4', kind: 'Quarterly', anonymity: 'Named' });
    for (const payload of INJECTION_PAYLOADS) {
      api.updateCommitment({ id, recoveryPlan: payload });
      expect(log()[1][11]).toBe(stored(payload).trim());
      as(`p${INJECTION_PAYLOADS.indexOf(payload)}@acme.example`, payload.trim() === '' ? 'x' : payload.slice(0, 100), 'Acme');
      api.submitAssessment({
        cycle: '2026-Q4',
        ratings: { Competence: 5, Reliability: 6, Transparency: 7, Alignment: 8 },
        evidence: { Competence: payload, Reliability: '', Transparency: '', Alignment: '' },
      });
      const assessments = double.inspect.values('Assessments');
      const last = assessments[assessments.length - 1];
      expect(last[3]).toBe(stored(payload.slice(0, 100)).trim());
      expect(last[9]).toBe(stored(payload).trim());
    }
    for (const sheet of ['Shared Commitments Log', 'Assessments', 'Change History']) {
      expect(double.inspect.formulas(sheet).flat().filter((f) => f !== ''), sheet).toEqual([]);
    }
  });
});

describe('concurrent saves from two partners', () => {
  it('keeps every row with unique ids and reports saves that could not get the lock', () => {
    const saved: string[] = [];
    const refused: string[] = [];
    for (let index = 0; index < 60; index++) {
      if (index < 2) as(index % 2 ? 'ben@beta.example' : 'ana@acme.example', index % 2 ? 'Ben' : 'Ana', SIDES[index % 2]);
      double.setActiveUser(index % 2 ? 'ben@beta.example' : 'ana@acme.example');
      if (index % 7 === 3) double.lock.failNext(1);
      const text = `commitment ${index}`;
      try {
        saved.push(addCommitment(text, SIDES[index % 2], 'P'));
      } catch (error) {
        expect(error).toBeInstanceOf(BusyError);
        expect((error as Error).message).toMatch(/other side is saving/);
        refused.push(text);
      }
      // Each save is an execution of its own: the lock goes when it ends (src/workbook/lock.ts), and
      // a refused one never held it.
      double.lock.endExecution();
      expect(double.lock.holder()).toBeNull();
    }
    const rows = log().slice(1).filter((row) => row[0] !== '');
    expect(rows).toHaveLength(saved.length);
    expect(new Set(rows.map((row) => row[0])).size).toBe(rows.length);
    expect(refused.length).toBeGreaterThan(0);
    expect(saved.length + refused.length).toBe(60);
    for (const text of refused) expect(rows.some((row) => row[1] === text)).toBe(false);
  });

  it('writes nothing when the lock is held by the other side', () => {
    double.lock.holdByOther();
    expect(() => addCommitment('x', 'Acme', 'Ana')).toThrow(BusyError);
    expect(log().length).toBeLessThanOrEqual(1);
  });
});
