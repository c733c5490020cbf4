import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISCLOSURE_STAGES, type DisclosureStage } from '../../src/domain/disclosure';
import { type LedgerEntry, entryToReciprocate, reciprocationLinks, reciprocationOf } from '../../src/domain/disclosure-ledger';
import { missingReciprocates, reciprocatesCell } from '../../src/workbook/disclosure-ledger';

const entry = (id: string, side: string, stage: DisclosureStage, decision = 'Share now', reciprocates = ''): LedgerEntry => ({ id, side, stage, decision, reciprocates });

describe('the ledger’s Reciprocates column', () => {
  const ledger = [
    entry('D-001', 'Acme', 'Early'),
    entry('D-002', 'Acme', 'Early', 'Share structurally'),
    entry('D-003', 'Acme', 'Mid', 'Wait for reciprocity'),
    entry('D-004', 'Beta', 'Early', 'Share now', 'D-001'),
  ];

  it('answers the other side’s earliest shared entry at the same stage that this side has not answered yet', () => {
    expect(entryToReciprocate(ledger, { side: 'beta', stage: 'Early', decision: 'Share now' })?.id).toBe('D-002');
    // Acme's Mid entry was a decision not to share: nothing to answer at Mid.
    expect(entryToReciprocate(ledger, { side: 'Beta', stage: 'Mid', decision: 'Share now' })).toBeNull();
    // Going first: Beta has nothing at Late for Acme to answer.
    expect(entryToReciprocate(ledger, { side: 'Acme', stage: 'Late', decision: 'Share now' })).toBeNull();
    expect(entryToReciprocate(ledger, { side: 'Acme', stage: 'Early', decision: 'Share now' })?.id).toBe('D-004');
    // A decision not to share answers nothing.
    expect(entryToReciprocate(ledger, { side: 'Beta', stage: 'Early', decision: 'Show through results' })).toBeNull();
  });

  it('derives blank cells in ledger order and keeps the typed ones', () => {
    const old = [entry('D-001', 'Acme', 'Early'), entry('D-002', 'Beta', 'Early'), entry('D-003', 'Beta', 'Early'), entry('D-004', 'Acme', 'Early', 'Share now', 'D-999')];
    expect(reciprocationLinks(old)).toEqual(['', 'D-001', '', 'D-999']);
    expect(reciprocationOf(old, 'Acme')).toEqual({ shared: 2, answered: 1, waiting: ['D-004'] });
    expect(reciprocationOf(old, 'Beta')).toEqual({ shared: 2, answered: 0, waiting: ['D-002', 'D-003'] });
  });

  it('reads the sheet’s rows and says which blank cells to fill', () => {
    const rows = [
      { values: { id: 'D-001', side: 'Acme', stage: 'Early', decision: 'Share now', reciprocates: '' } },
      { values: { id: 'D-002', side: 'Beta', stage: 'Soon', decision: 'Share now', reciprocates: '' } },
      { values: { id: 'D-003', side: 'Beta', stage: 'early', decision: '', reciprocates: '' } },
    ];
    expect(missingReciprocates(rows)).toEqual([{ index: 2, reciprocates: 'D-001' }]);
    expect(reciprocatesCell(rows, { side: 'Beta', stage: 'Early', decision: 'Share now' })).toBe('D-001');
  });

  it('links each entry at most once, to the other side, at its own stage (property)', () => {
    const row = fc.record({
      side: fc.constantFrom('Acme', 'Beta', 'acme'),
      stage: fc.constantFrom(...DISCLOSURE_STAGES),
      decision: fc.constantFrom('Share now', 'Share structurally', 'Wait for reciprocity', 'Show through results', ''),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (drawn) => {
        const ledger = drawn.map((r, index) => entry(`D-${index + 1}`, r.side, r.stage, r.decision));
        const links = reciprocationLinks(ledger);
        const byId = new Map(ledger.map((e) => [e.id, e]));
        const seen = new Set<string>();
        links.forEach((link, index) => {
          if (link === '') return;
          const answered = byId.get(link)!;
          const self = ledger[index];
          expect(answered.side.toLowerCase()).not.toBe(self.side.toLowerCase());
          expect(answered.stage).toBe(self.stage);
          expect(ledger.indexOf(answered)).toBeLessThan(index);
          expect(['Wait for reciprocity', 'Show through results']).not.toContain(self.decision);
          expect(['Wait for reciprocity', 'Show through results']).not.toContain(answered.decision);
          expect(seen.has(link)).toBe(false);
          seen.add(link);
        });
      }),
    );
  });
});
