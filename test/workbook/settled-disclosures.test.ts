/**
 * The Disclosure Ledger's settled rows (src/workbook/disclosure-read.ts): a save sums up the first
 * entries (per side the first entry at each new highest stage, the highest ID, the entries not yet
 * answered), and the advice and Record in the ledger then read the rows after them. Whatever the
 * rows hold, the advice, the new entry's ID and its Reciprocates link are what a whole read gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repairWorkbook } from '../../src/addon';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import type { DisclosureAdviceView, DisclosureQuestionInput } from '../../src/sidebar/disclosure/api';
import { DISCLOSURE_DECISIONS } from '../../src/domain/disclosure-advisor';
import { missingReciprocates, reciprocatesCell } from '../../src/workbook/disclosure-ledger';
import { nextIds } from '../../src/workbook/input';
import { SETTLED_PROPERTY_PREFIX } from '../../src/workbook/property-keys';
import { appendRows, type CellValue, type TableRow } from '../../src/workbook/table';
import { locateTable } from '../../src/workbook/layout';
import { DISCLOSURES, PARTNERSHIP } from '../../src/workbook/templates';
import { BEN, as, asAna, asBen, double, editByHand, useWorkbookDouble, withSettlementSetAside } from '../support/workbook-double';

useWorkbookDouble();

const PROPERTY = `${SETTLED_PROPERTY_PREFIX}${DISCLOSURES.key}`;
const STAGES = ['Early', 'Mid', 'Late'] as const;

interface Typed {
  id?: string;
  side: string;
  stage: string;
  decision: string;
  /** A typed link; undefined: the one recording would have given (the ledger's own rule). */
  reciprocates?: string;
}

/** Rows typed into the ledger after what is there (IDs D-n after the rows above, unless given). */
function seed(rows: readonly Typed[]): void {
  const before = ledgerRows().length;
  const records: Array<Record<string, CellValue>> = rows.map((row, i) => ({
    id: row.id ?? `D-${before + i + 1}`, side: row.side, stage: row.stage, decision: row.decision, reciprocates: row.reciprocates ?? '', shared: `Item ${before + i + 1}`,
  }));
  const all = [...ledgerRows().map((row) => row.values), ...records];
  for (const { index, reciprocates } of missingReciprocates(all.map((values) => ({ values })))) {
    const at = index - before;
    if (at >= 0 && rows[at].reciprocates === undefined) records[at].reciprocates = reciprocates;
  }
  appendRows(locateTable(double.spreadsheet, DISCLOSURES), records);
  double.endExecution();
}

/** The ledger as the sheet holds it now, read straight from the double (the oracle: a whole read). */
function ledgerRows(): TableRow[] {
  const [header, ...rows] = double.inspect.values(DISCLOSURES.title);
  const at = (key: string) => header.indexOf(DISCLOSURES.columns.find((column) => column.key === key)!.header);
  return rows
    .map((row, i): TableRow => ({ rowNumber: i + 2, values: Object.fromEntries(DISCLOSURES.columns.map((column) => [column.key, row[at(column.key)] as CellValue])) }))
    .filter((row) => Object.values(row.values).some((value) => value !== ''));
}

const settlement = (): { through: number; summary: { rows: number; sides: string[]; open: unknown[] } } | null => {
  const text = double.inspect.properties('document')[PROPERTY];
  return text ? JSON.parse(text) : null;
};

const question = (stage: DisclosureQuestionInput['stage'], partnerReciprocated = false): DisclosureQuestionInput => ({
  shared: 'Account list', stage, exploitationRisk: 'Low', coordinationValue: 'High', partnerReciprocated, performanceCanShow: false,
});

/** A view as a new request sees it, and the cells it read. */
function fresh<T>(view: () => T): { shown: T; cells: number } {
  double.endExecution();
  double.calls.reset();
  const shown = view();
  const cells = double.roundTrips.counts().cells_read;
  double.endExecution();
  return { shown, cells };
}

/** The same request with the ledger's settlement set aside: a whole read. */
function readWhole<T>(view: () => T): { shown: T; cells: number } {
  return withSettlementSetAside(DISCLOSURES.key, () => fresh(view));
}

/** Every advice (each stage, reciprocated or not) the caller gets is the whole read's. */
function expectAdviceAsWhole(): void {
  for (const stage of STAGES) {
    for (const reciprocated of [false, true]) {
      const ask = () => api.adviseDisclosure(question(stage, reciprocated));
      expect(fresh(ask).shown).toEqual(readWhole(ask).shown);
    }
  }
}

/** Records an entry and checks its ID, link and advice against the ledger as it was (a whole read). */
function recordAsWhole(input: DisclosureQuestionInput, side: string): DisclosureAdviceView {
  const before = ledgerRows();
  const advice = readWhole(() => api.adviseDisclosure(input)).shown;
  const { shown } = fresh(() => api.recordDisclosure(input));
  expect({ ...shown, recorded: undefined }).toEqual({ ...advice, recorded: undefined });
  expect(shown.recorded).toEqual({
    id: nextIds(before, 'D')[0],
    reciprocates: reciprocatesCell(before, { side, stage: input.stage, decision: shown.decision }),
  });
  return shown;
}

/** Acme and Beta taking turns as a partnership does, every entry answered but the last few. */
const TURNS: Typed[] = Array.from({ length: 36 }, (_, i) => ({
  side: i % 2 === 0 ? 'Acme' : 'Beta',
  stage: STAGES[Math.min(2, Math.floor(i / 12))],
  decision: i % 5 === 4 ? 'Wait for reciprocity' : 'Share now',
}));

describe('settled disclosure ledger', () => {
  it('a save sums up the entries; the advice then reads the rows after them and says what a whole read says', () => {
    seed(TURNS);
    asAna();
    recordAsWhole(question('Early'), 'Acme');
    expect(settlement()).toMatchObject({ through: 37, summary: { rows: 36, sides: ['acme', 'beta'] } });
    for (const caller of [asAna, asBen]) {
      caller();
      expectAdviceAsWhole();
      const settled = fresh(() => api.adviseDisclosure(question('Late')));
      expect(readWhole(() => api.adviseDisclosure(question('Late'))).cells - settled.cells).toBeGreaterThanOrEqual(30 * 3);
    }
    // Ben answers Ana's entries one for one: the ones the summary keeps unanswered, then the one after them.
    asBen();
    const first = recordAsWhole(question('Early', true), 'Beta');
    expect(first.recorded?.reciprocates).not.toBe('');
    for (const stage of ['Early', 'Late', 'Late', 'Mid'] as const) recordAsWhole(question(stage, true), 'Beta');
    asAna();
    for (const stage of ['Late', 'Early', 'Mid'] as const) recordAsWhole(question(stage, true), 'Acme');
    expect(settlement()!.through).toBeGreaterThan(37);
    expectAdviceAsWhole();
    // The entries after the settled ones deleted by hand: the next ID still comes after every settled one.
    const sheet = double.spreadsheet.getSheetByName(DISCLOSURES.title)!;
    sheet.deleteRows(settlement()!.through + 1, sheet.getLastRow() - settlement()!.through);
    double.endExecution();
    expect(recordAsWhole(question('Early'), 'Acme').recorded?.id).toBe('D-045');
  });

  it('an entry of a third side ends the settled rows; a company renamed since reads the ledger whole and gets the same link', () => {
    seed([...TURNS.slice(0, 10), { side: 'Gamma', stage: 'Early', decision: 'Share now' }, ...TURNS.slice(10, 20)]);
    asAna();
    recordAsWhole(question('Early'), 'Acme');
    expect(settlement()?.through).toBe(11);
    // Beta becomes Beta Group: Ben's side is the new name, which the settled entries do not follow.
    const partnership = locateTable(double.spreadsheet, PARTNERSHIP);
    const column = PARTNERSHIP.columns.findIndex((spec) => spec.key === 'partnerCompany') + 1;
    partnership.sheet.getRange(2, column).setValue('Beta Group');
    double.endExecution();
    as(BEN.email, BEN.name, 'Beta Group');
    for (const stage of STAGES) recordAsWhole(question(stage, true), 'Beta Group');
    asAna();
    expectAdviceAsWhole();
  });

  it('an edit by hand among the settled entries clears them; rows deleted above give a whole read; so does Repair', () => {
    seed(TURNS);
    asAna();
    recordAsWhole(question('Early'), 'Acme');
    expect(settlement()?.through).toBe(37);
    const reciprocatesColumn = DISCLOSURES.columns.findIndex((spec) => spec.key === 'reciprocates') + 1;
    editByHand(DISCLOSURES.title, 5, reciprocatesColumn, '', 'D-3');
    const sheet = double.spreadsheet.getSheetByName(DISCLOSURES.title)!;
    double.endExecution();
    expect(settlement()).toBeNull();
    asBen();
    recordAsWhole(question('Early', true), 'Beta');
    expect(settlement()?.through).toBeGreaterThan(1);
    sheet.deleteRow(3);
    double.endExecution();
    expectAdviceAsWhole();
    recordAsWhole(question('Mid', true), 'Beta');
    repairWorkbook();
    double.endExecution();
    expect(settlement()).toBeNull();
  });

  it('links typed by hand: an ID copied from a settled entry, an answer typed ahead of the entry it answers', () => {
    // A copy of D-1, which Beta answered: it is answered too, so Beta's next Early entry answers nothing.
    seed([
      { side: 'Acme', stage: 'Early', decision: 'Share now', reciprocates: '' },
      { side: 'Beta', stage: 'Early', decision: 'Share now', reciprocates: 'D-1' },
      { id: 'D-1', side: 'Acme', stage: 'Early', decision: 'Share now', reciprocates: '' },
    ]);
    asAna();
    recordAsWhole(question('Mid'), 'Acme');
    expect(settlement()?.through).toBe(3);
    asBen();
    expect(recordAsWhole(question('Early', true), 'Beta').recorded?.reciprocates).toBe('');

    // Beta answered D-5 and D-6 before Acme's were on the sheet: they come after the settled rows, then among them.
    double.spreadsheet.getSheetByName(DISCLOSURES.title)!.getRange(2, 1, 20, DISCLOSURES.columns.length).clearContent();
    double.globals.PropertiesService.getDocumentProperties().deleteProperty(PROPERTY);
    seed([
      { side: 'Acme', stage: 'Early', decision: 'Share now', reciprocates: '' },
      { side: 'Beta', stage: 'Mid', decision: 'Share now', reciprocates: 'D-5' },
      { side: 'Beta', stage: 'Late', decision: 'Share now', reciprocates: 'D-6' },
    ]);
    asAna();
    recordAsWhole(question('Early'), 'Acme');
    expect(settlement()?.through).toBe(4);
    seed([
      { side: 'Acme', stage: 'Mid', decision: 'Share now', reciprocates: '' },
      { side: 'Acme', stage: 'Late', decision: 'Share now', reciprocates: '' },
    ]);
    asBen();
    expect(recordAsWhole(question('Late', true), 'Beta').recorded?.reciprocates).toBe('');
    expect(settlement()?.through).toBe(7);
    expect(recordAsWhole(question('Mid', true), 'Beta').recorded?.reciprocates).toBe('');
  });

  it('entries left unanswered are kept up to a bound: past it the rows stay unsettled, and the link is still the whole read\'s', () => {
    seed(Array.from({ length: 50 }, () => ({ side: 'Acme', stage: 'Early', decision: 'Share now' })));
    asAna();
    recordAsWhole(question('Early'), 'Acme');
    expect(settlement()).toMatchObject({ through: 41, summary: { rows: 40 } });
    expect(settlement()!.summary.open).toHaveLength(40);
    asBen();
    expect(recordAsWhole(question('Early', true), 'Beta').recorded?.reciprocates).toBe('D-1');
    expect(recordAsWhole(question('Early', true), 'Beta').recorded?.reciprocates).toBe('D-2');
    expectAdviceAsWhole();
  });

  it('gives the advice, the ID and the link a whole read gives, for any rows typed on the sheet before and after the settled ones', () => {
    const id = fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('', 'D-2', ' d-3', 'D-0005', 'X-1', 'D-40', 'd-41') });
    const row = fc.record({
      id,
      side: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('Acme', 'Beta') }, { weight: 1, arbitrary: fc.constantFrom('beta ', 'ACME', 'Gamma', '') }),
      stage: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...STAGES) }, { weight: 1, arbitrary: fc.constantFrom('late', '', 'Final') }),
      decision: fc.constantFrom(...DISCLOSURE_DECISIONS, 'Share now', ''),
      reciprocates: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('D-1', 'd-2 ', 'D-7', 'D-33', 'D-45', 'D-50', 'nope') }),
    });
    const record = fc.record({ ben: fc.boolean(), stage: fc.constantFrom(...STAGES), reciprocated: fc.boolean() });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 24 }), fc.array(row, { maxLength: 8 }), fc.array(record, { minLength: 1, maxLength: 4 }), (before, after, records) => {
        double.spreadsheet.getSheetByName(DISCLOSURES.title)!.getRange(2, 1, 80, DISCLOSURES.columns.length).clearContent();
        double.globals.PropertiesService.getDocumentProperties().deleteProperty(PROPERTY);
        double.endExecution();
        seed(before);
        asAna();
        recordAsWhole(question('Early'), 'Acme');
        seed(after);
        for (const { ben, stage, reciprocated } of records) {
          (ben ? asBen : asAna)();
          expectAdviceAsWhole();
          recordAsWhole(question(stage, reciprocated), ben ? 'Beta' : 'Acme');
        }
      }),
      { numRuns: 40 },
    );
  });
});
