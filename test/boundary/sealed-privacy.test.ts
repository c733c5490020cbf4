/**
 * A sealed cycle against a hostile partner: padding a side with answers from the other side, one
 * person answering twice, lowering the minimum, unsealing. All refused, and nothing anyone can
 * see (sheet cells, notes, view results, document properties) lets them work out one person's
 * ratings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { as, double, useWorkbookDouble } from '../support/workbook-double';

const NO_EVIDENCE = { Competence: '', Reliability: '', Transparency: '', Alignment: '' };
const rate = (value: number) => ({ Competence: value, Reliability: value, Transparency: value, Alignment: value });

useWorkbookDouble();

function person(side: 'Acme' | 'Beta', index: number): void {
  as(`${side.toLowerCase()}${index}@example.com`, `${side} person ${index}`, side);
}

const answer = (rating: number, extra: Record<string, unknown> = {}) =>
  api.submitAssessment({ cycle: 'S', ratings: rate(rating), evidence: NO_EVIDENCE, ...extra } as Parameters<typeof api.submitAssessment>[0]);

/** Opens the sealed cycle "S" as someone of Acme. */
function openSealed(minimum = 3): void {
  person('Acme', 99);
  api.startCycle({ name: 'S', kind: 'Quarterly', anonymity: 'Sealed', sealedMinimum: minimum });
}

/** Sealed rows as the sheet shows them: side -> [responses, Competence mean]. */
function sealedRows(): Map<string, [number, number]> {
  const rows = new Map<string, [number, number]>();
  for (const row of double.inspect.values('Assessments').slice(1)) {
    if (row[0] === 'S') rows.set(String(row[2]), [row[4] as number, row[5] as number]);
  }
  return rows;
}

describe('a sealed cycle against a hostile partner', () => {
  it('answers count for the side the person saved, never a side sent in the request', () => {
    openSealed();
    person('Acme', 0);
    answer(8);
    person('Beta', 0);
    expect(() => answer(1, { side: 'Acme' })).toThrow('The assessment has a field "side" that is not part of it; expected only cycle, ratings, evidence.');
    const result = answer(1);
    expect(result.answeredBySide).toEqual({ Acme: 1, Beta: 1 });
  });

  it('refuses a second answer by the same person, however it is sent', () => {
    openSealed();
    person('Acme', 0);
    answer(8);
    expect(() => answer(3)).toThrow('You have already answered "S". A sealed answer is held unseen, so it cannot be changed or given twice.');
    expect(() => answer(3, { cycle: ' s ' })).toThrow(/already answered "S"/);
    api.saveIdentity({ displayName: 'Someone else', side: 'Acme' });
    expect(() => answer(3)).toThrow(/already answered/);
    expect(api.loadAssessment().openCycle?.answeredBySide).toEqual({ Acme: 1 });
  });

  it('keeps the settings fixed when it opened: no lower minimum, no unsealing, no second open cycle', () => {
    openSealed(3);
    person('Acme', 1);
    expect(() => answer(5, { sealedMinimum: 2 })).toThrow(/has a field "sealedMinimum" that is not part of it/);
    expect(() => answer(5, { sealed: false })).toThrow(/has a field "sealed" that is not part of it/);
    expect(() => api.startCycle({ name: 'S2', kind: 'Ad hoc', anonymity: 'Named' })).toThrow('Cycle "S" is still open: close it before starting another.');
    expect(double.inspect.values('Cycles')[1].slice(0, 4)).toEqual(['S', 'Quarterly', 'Sealed', 3]);
    expect(double.inspect.values('Assessments').slice(1).filter((row) => row[0] !== '')).toEqual([]);
  });

  it('never lets what anyone can see single out one person\'s ratings', () => {
    const setUp = JSON.stringify(double.snapshot());
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }),
        fc.array(fc.tuple(fc.constantFrom<'Acme' | 'Beta'>('Acme', 'Beta'), fc.integer({ min: 1, max: 10 })), { minLength: 1, maxLength: 9 }),
        (minimum, answers) => {
          double.restore(setUp);
          openSealed(minimum);
          const seen = new Map<string, Array<[number, number]>>();
          answers.forEach(([side, rating], index) => {
            person(side, index);
            const result = answer(rating);
            // What a person of either side can see after each answer: the sheet, the views, the properties.
            for (const [rowSide, state] of sealedRows()) {
              const states = seen.get(rowSide) ?? [];
              const last = states[states.length - 1];
              if (!last || last[0] !== state[0]) states.push(state);
              seen.set(rowSide, states);
            }
            const properties = JSON.stringify(double.inspect.properties('document'));
            // A sealed side shows means of at least `minimum` people, and each change adds a whole batch.
            for (const states of seen.values()) {
              states.forEach(([count], at) => {
                expect(count % minimum).toBe(0);
                if (at > 0) expect(count - states[at - 1][0]).toBeGreaterThanOrEqual(minimum);
              });
            }
            expect(JSON.stringify(result)).not.toMatch(/"responses"/);
            // The properties hold running sums per side, never a list of answers.
            expect(properties).not.toMatch(/\[\[/);
          });
          // The views show the same sheet rows and counts, never a row of fewer people than the minimum.
          const views = JSON.stringify([api.loadHome(), api.loadResults(null), api.loadAssessment()]);
          for (const match of views.matchAll(/"responses":(\d+)/g)) expect(Number(match[1]) % minimum).toBe(0);
        },
      ),
      { numRuns: 10, seed: 7 },
    );
  }, 180_000);
});
