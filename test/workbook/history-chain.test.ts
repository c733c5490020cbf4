import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppsScriptDouble, createAppsScriptDouble } from '../../runtime/apps-script';
import { GENESIS, type StoredHistoryRow, formatLink, nextLink, verifyChain } from '../../src/workbook/history-chain';
import { setUpWorkbook } from '../../src/workbook/setup';
import { stampEdit } from '../../src/workbook/stamp';
import { verifyHistory } from '../../src/workbook/verify-history';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { saveIdentity } from '../../src/workbook/identity';
import { COMMITMENTS, HISTORY } from '../../src/workbook/templates';
import { CHAIN_HEAD_KEY, PENDING_PREFIX } from '../../src/workbook/property-keys';

/** Adds commitments through the sidebar's handler (one save each), as the saved identity; returns their ids. */
function addCommitments(inputs: ReadonlyArray<{ commitment: string; ownerSide: string; ownerPerson: string }>): string[] {
  return inputs.map((input) => {
    const before = new Set(api.loadCommitments().commitments.map((item) => item.id));
    const after = api.addCommitment({ ...input, corner: '', dueDate: '2027-06-30' }).commitments;
    return after.find((item) => !before.has(item.id))!.id;
  });
}

/** A chain of `count` rows as the add-on writes it, starting at sheet row 2. */
function chainOf(count: number): StoredHistoryRow[] {
  let link = GENESIS;
  return Array.from({ length: count }, (_, index) => {
    const fields = ['2026-11-30 3600', 'Ana (Acme)', 'Log', `C-00${index}`, 'Status', 'Open', `v${index}`];
    link = nextLink(link, fields);
    return { rowNumber: index + 2, fields, link: formatLink(link), blank: false };
  });
}

describe('the chain as pure functions', () => {
  it('verifies an untouched chain and names a changed row, a changed hash, deleted and reordered rows', () => {
    const rows = chainOf(8);
    const head = nextLinkOf(rows);
    expect(verifyChain(rows, head).problems).toEqual([]);

    const changed = rows.map((row) => (row.rowNumber === 4 ? { ...row, fields: row.fields.map((f, i) => (i === 6 ? 'edited' : f)) } : row));
    expect(verifyChain(changed, head).problems).toEqual(['row 4 was changed after it was written']);

    const lastHashEdited = rows.map((row) => (row.rowNumber === 9 ? { ...row, link: String(row.link).replace(/.$/, (c) => (c === '0' ? '1' : '0')) } : row));
    expect(verifyChain(lastHashEdited, head).problems).toEqual(["row 9's chain hash was changed after it was written"]);
    const lastChanged = rows.map((row) => (row.rowNumber === 9 ? { ...row, fields: row.fields.map((f, i) => (i === 1 ? 'Ben (Beta)' : f)) } : row));
    expect(verifyChain(lastChanged, head).problems).toEqual(['row 9 was changed after it was written']);

    const hashEdited = rows.map((row) => (row.rowNumber === 5 ? { ...row, link: String(row.link).replace(/.$/, (c) => (c === '0' ? '1' : '0')) } : row));
    expect(verifyChain(hashEdited, head).problems).toEqual(["row 5's chain hash was changed after it was written"]);

    const deleted = rows.filter((row) => row.rowNumber !== 6 && row.rowNumber !== 7).map((row) => ({ ...row, rowNumber: row.rowNumber > 7 ? row.rowNumber - 2 : row.rowNumber }));
    expect(verifyChain(deleted, head).problems).toEqual(['between row 5 and row 6, 2 entries are missing (#5–#6): deleted or cleared']);

    expect(verifyChain(rows.slice(0, 6), head).problems).toEqual(['after row 7, the newest 2 entries are missing (#7–#8)']);
    expect(verifyChain(rows.slice(2), head).problems[0]).toBe('before row 4, 2 entries of the chain are missing (#1–#2)');
    const swapped = [rows[0], rows[2], rows[1], ...rows.slice(3)];
    expect(verifyChain(swapped, head).problems.some((problem) => /out of order/.test(problem))).toBe(true);

    const handAdded = [...rows.slice(0, 3), { rowNumber: 99, fields: ['x'], link: '', blank: false }, ...rows.slice(3)];
    expect(verifyChain(handAdded, head).problems).toEqual(['row 99 has no chain hash: it was added by hand, or its hash was removed']);
  });

  it('starts at the first hashed row: older rows without a hash are counted, not checked', () => {
    const older = [2, 3, 4].map((rowNumber) => ({ rowNumber, fields: ['old'], link: '', blank: false }));
    const rows = chainOf(3).map((row) => ({ ...row, rowNumber: row.rowNumber + 3 }));
    const verdict = verifyChain([...older, ...rows], null);
    expect(verdict).toEqual({ chained: 3, unchained: 3, firstChainedRow: 5, problems: [] });
  });

  it('any single edit of a hashed field or deletion of a row is reported, naming that row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.nat(), fc.nat(6), fc.string({ minLength: 1, maxLength: 8 }), fc.boolean(), (count, pick, field, text, remove) => {
        const rows = chainOf(count);
        const head = nextLinkOf(rows);
        const target = pick % count;
        if (remove) {
          const kept = rows.filter((_, index) => index !== target);
          const problems = verifyChain(kept, head).problems;
          expect(problems.length).toBe(1);
          expect(problems[0]).toMatch(target === count - 1 ? /newest 1 entry is missing/ : target === 0 ? /before row/ : new RegExp(`and row ${rows[target + 1].rowNumber}, 1 entry is missing`));
        } else {
          fc.pre(rows[target].fields[field] !== text);
          const edited = rows.map((row, index) => (index === target ? { ...row, fields: row.fields.map((f, i) => (i === field ? text : f)) } : row));
          expect(verifyChain(edited, head).problems).toEqual([`row ${rows[target].rowNumber} was changed after it was written`]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

function nextLinkOf(rows: StoredHistoryRow[]) {
  const [, seq, hash] = /^#(\d+) (\w+)$/.exec(String(rows[rows.length - 1].link)) ?? [];
  return { seq: Number(seq), hash };
}

let double: AppsScriptDouble;
let uninstall: () => void;

beforeEach(() => {
  double = createAppsScriptDouble({ timeZone: 'America/Los_Angeles' });
  uninstall = double.install(globalThis);
  setUpWorkbook();
  double.spreadsheet.getSheetByName('Partnership')!.getRange(2, 1, 1, 3).setValues([["'Acme", "'Beta", 'Strategic']]);
  saveIdentity({ displayName: 'Ana', side: 'Acme' });
});
afterEach(() => uninstall());

const history = () => double.inspect.values(HISTORY.title);
const logSheet = () => double.spreadsheet.getSheetByName(COMMITMENTS.title)!;
const historySheet = () => double.spreadsheet.getSheetByName(HISTORY.title)!;
const HASH_COLUMN = HISTORY.columns.findIndex((column) => column.key === 'hash');

/**
 * Types `value` into a cell of the log as a person would, then runs onEdit as Sheets does, and the
 * open sidebar's poll, which chains the entries onEdit held (unless the other side holds the lock).
 */
function typeInto(a1: string, value: string) {
  const range = logSheet().getRange(a1);
  const oldValue = range.getValue();
  range.setValue(value);
  stampEdit({ range, value, oldValue: oldValue === '' ? undefined : String(oldValue) } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
  api.changesSince(null);
}

/**
 * Rows 2..n+1 of the log hold commitments with ids, so edits there record no id allocation; typed
 * straight into the grid, so the Change History starts empty (a proposal made in the sidebar is a
 * decision with its own history row).
 */
function withCommitments(count = 5) {
  logSheet().getRange(2, 1, count, 2).setValues(Array.from({ length: count }, (_, i) => [`'C-00${i + 1}`, `'c${i}`]));
}

const as = (email: string, name: string, side: string) => {
  double.setActiveUser(email);
  saveIdentity({ displayName: name, side });
};

describe('Change History chain on the double', () => {
  it('chains every entry, and an untouched history verifies', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    addCommitments([{ commitment: 'Share the roadmap', ownerSide: 'Acme', ownerPerson: 'Ana' }]);
    typeInto('H2', 'At risk');
    as('ben@beta.example', 'Ben', 'Beta');
    typeInto('L2', '=IMPORTXML("x")');
    api.updateCommitment({ id: 'C-001', status: 'Done', recoveryPlan: 'Weekly call' });
    const rows = history().slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.map((row) => row[HASH_COLUMN])).toEqual(rows.map((_, index) => expect.stringMatching(new RegExp(`^#${index + 1} [0-9a-f]{12}$`))));
    expect(double.inspect.properties('document')[CHAIN_HEAD_KEY]).toBe(rows[rows.length - 1][HASH_COLUMN]);
    const check = verifyHistory();
    expect(check.verdict?.problems).toEqual([]);
    expect(check.verified).toBe(true);
    expect(check.message).toMatch(/^The Change History verifies: \d+ entries from row 2/);
  });

  it('names a row edited by hand, a row deleted, and the newest rows deleted', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    withCommitments();
    for (const [cell, value] of [['L2', 'a'], ['L2', 'b'], ['L2', 'c'], ['L2', 'd'], ['L2', 'e'], ['L2', 'f']] as const) typeInto(cell, value);
    expect(verifyHistory().verified).toBe(true);

    historySheet().getRange(4, 7).setValue('forged'); // row 4's "New"
    let check = verifyHistory();
    expect(check.verified).toBe(false);
    expect(check.verdict?.problems).toEqual(['row 4 was changed after it was written']);
    expect(check.message).toContain('• row 4 was changed after it was written');
    historySheet().getRange(4, 7).setValue("'c"); // put back as it was: verifies again
    expect(verifyHistory().verified).toBe(true);

    historySheet().deleteRow(5);
    expect(verifyHistory().verdict?.problems).toEqual(['between row 4 and row 5, 1 entry is missing (#4): deleted or cleared']);

    historySheet().deleteRow(historySheet().getLastRow());
    expect(verifyHistory().verdict?.problems).toEqual([
      'between row 4 and row 5, 1 entry is missing (#4): deleted or cleared',
      'after row 5, the newest 1 entry is missing (#6)',
    ]);
    // The next entry chains from the recorded end, so the deletion stays a visible gap.
    typeInto('L2', 'g');
    expect(verifyHistory().verdict?.problems).toEqual([
      'between row 4 and row 5, 1 entry is missing (#4): deleted or cleared',
      'between row 5 and row 6, 1 entry is missing (#6): deleted or cleared',
    ]);
  });

  it('a changed timestamp is a changed row', () => {
    withCommitments();
    typeInto('L2', 'a');
    typeInto('L2', 'b');
    expect(verifyHistory().verified).toBe(true);
    const when = historySheet().getRange(2, 1);
    when.setValue(new Date((when.getValue() as Date).getTime() + 60_000));
    expect(verifyHistory().verdict?.problems).toEqual(['row 2 was changed after it was written']);
  });

  it('an older workbook: the history keeps taking rows before Repair, and the chain starts after it', () => {
    withCommitments();
    historySheet().deleteColumn(HASH_COLUMN + 1); // as a workbook set up before the chain existed
    typeInto('L2', 'old one');
    typeInto('L2', 'old two');
    expect(history().slice(1).map((row) => row[6])).toEqual(['old one', 'old two']);
    expect(verifyHistory().message).toMatch(/no "Chain" column.*Repair workbook/);
    setUpWorkbook(); // Repair adds the column at the end
    typeInto('L2', 'chained');
    typeInto('L2', 'chained again');
    const check = verifyHistory();
    expect(check.verdict).toEqual({ unchained: 2, chained: 2, firstChainedRow: 4, problems: [] });
    expect(check.message).toContain('2 older rows were written before the chain existed and are not covered');
    historySheet().getRange(2, 7).setValue('rewritten'); // older rows are not covered: nothing to report
    historySheet().getRange(5, 7).setValue('rewritten');
    expect(verifyHistory().verdict?.problems).toEqual(['row 5 was changed after it was written']);
  });
});

describe('appends by several writers, and a refused lock', () => {
  it('holds the entries when the lock is refused and writes them first, in the chain, with the next save', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    withCommitments();
    typeInto('L2', 'first');
    double.lock.holdByOther(); // Ben's save is running
    typeInto('L3', 'typed while Ben saves');
    expect(history().length).toBe(2);
    const held = Object.keys(double.inspect.properties('document')).filter((key) => key.startsWith(PENDING_PREFIX));
    expect(held.length).toBe(1);
    expect(verifyHistory().message).toContain('1 edit made in the sheet waits to be written into the Change History');
    double.lock.release();
    as('ben@beta.example', 'Ben', 'Beta');
    addCommitments([{ commitment: 'x', ownerSide: 'Beta', ownerPerson: 'Ben' }]);
    api.updateCommitment({ id: 'C-001', status: 'At risk' });
    const rows = history().slice(1);
    expect(rows.map((row) => [row[1], row[4], row[6]])).toEqual([
      ['Ana (Acme)', 'Recovery plan', 'first'],
      ['Ana (Acme)', 'Recovery plan', 'typed while Ben saves'],
      ['Ben (Beta)', 'Commitment proposed', 'x (owner Beta, Ben; due 2027-06-30; from Weekly sync)'],
      ['Ben (Beta)', 'Status', 'At risk'],
    ]);
    expect(Object.keys(double.inspect.properties('document')).filter((key) => key.startsWith(PENDING_PREFIX))).toEqual([]);
    expect(verifyHistory().verified).toBe(true);
  });

  it('with the Change History sheet deleted, edits are still stamped and their entries wait for Repair', () => {
    withCommitments();
    typeInto('L2', 'before');
    double.spreadsheet.deleteSheet(historySheet());
    typeInto('L3', 'while the sheet is gone');
    expect(double.inspect.values(COMMITMENTS.title)[2][COMMITMENTS.columns.findIndex((c) => c.key === 'updatedBy')]).toBe('Ana (Acme)');
    setUpWorkbook(); // Repair recreates the sheet, empty
    typeInto('L4', 'after repair');
    expect(history().slice(1).map((row) => row[6])).toEqual(['while the sheet is gone', 'after repair']);
    // The deleted sheet held entry #1: the recorded end makes that loss visible.
    expect(verifyHistory().verdict?.problems).toEqual(['before row 2, 1 entry of the chain is missing (#1)']);
  });

  it('a held paste spread over several properties comes back whole, astral characters included', () => {
    withCommitments();
    double.lock.holdByOther();
    const text = (i: number) => `plan ${i} 🤝 Zusammenarbeit — ${'é'.repeat(20)}`;
    const paste = logSheet().getRange(2, 12, 100, 1);
    paste.setValues(Array.from({ length: 100 }, (_, i) => [`'${text(i)}`]));
    stampEdit({ range: paste } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
    const pieces = Object.keys(double.inspect.properties('document')).filter((key) => key.startsWith(PENDING_PREFIX));
    expect(pieces.length).toBeGreaterThan(2);
    double.lock.release();
    typeInto('M2', 'next');
    const rows = history().slice(1);
    expect(rows.slice(0, 100).map((row) => row[6])).toEqual(Array.from({ length: 100 }, (_, i) => text(i)));
    expect(rows.map((row) => row[3]).slice(0, 100).filter((id) => id === '').length).toBe(95); // rows 7..101 hold no commitment
    expect(verifyHistory().verified).toBe(true);
  });

  it('a paste too large to hold is kept as one entry saying where the values are', () => {
    withCommitments();
    double.lock.holdByOther();
    const paste = logSheet().getRange(2, 12, 300, 1);
    paste.setValues(Array.from({ length: 300 }, (_, i) => [`'${'plan '.repeat(80)}${i}`]));
    stampEdit({ range: paste } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
    double.lock.release();
    typeInto('L2', 'next');
    const rows = history().slice(1);
    expect(rows.length).toBe(2);
    expect(rows[0][6]).toBe('(300 cells were edited while the other side was saving, too many to hold: see File → Version history)');
    expect(verifyHistory().verified).toBe(true);
  });

  it('when even the property store refuses, one row outside the chain says what was edited, and Verify names it', () => {
    withCommitments();
    typeInto('L2', 'before');
    const properties = PropertiesService.getDocumentProperties();
    let fillers = 0;
    for (const size of [8_000, 1_000, 100, 10]) {
      for (;;) {
        try {
          properties.setProperty(`filler.${fillers++}`, 'x'.repeat(size));
        } catch {
          break; // full at this size: go on with smaller ones
        }
      }
    }
    double.lock.holdByOther();
    typeInto('L3', 'typed while the store is full');
    double.lock.release();
    const rows = history().slice(1);
    expect(rows.length).toBe(2);
    expect(rows[1].slice(3, 5)).toEqual(['C-002', 'Recovery plan']);
    expect(rows[1][6]).toMatch(/^\(1 cell edited while the other side was saving could not be held: .*quota/);
    typeInto('L4', 'after');
    expect(verifyHistory().verdict?.problems).toEqual([
      'row 3 was written outside the chain while the other side was saving (its edits could not be held): compare it with File → Version history',
    ]);
  });

  it('any interleaving of writers and refused locks keeps every entry exactly once and the chain whole', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ writer: fc.constantFrom('ana', 'ben'), refused: fc.boolean(), row: fc.integer({ min: 2, max: 6 }) }), { minLength: 1, maxLength: 12 }),
        (steps) => {
          uninstall();
          double = createAppsScriptDouble();
          uninstall = double.install(globalThis);
          setUpWorkbook();
          // Five commitments with ids, typed straight into the grid: the property is about the history.
          logSheet().getRange(2, 1, 5, 2).setValues(Array.from({ length: 5 }, (_, i) => [`'C-00${i + 1}`, `'c${i}`]));
          steps.forEach((step, index) => {
            if (step.writer === 'ana') as('ana@acme.example', 'Ana', 'Acme');
            else as('ben@beta.example', 'Ben', 'Beta');
            if (step.refused) double.lock.holdByOther();
            typeInto(`L${step.row}`, `edit ${index}`);
            double.lock.release();
          });
          typeInto('M2', 'final'); // a save with the lock writes whatever is held
          const written = history().slice(1).map((row) => row[6]).filter((value) => String(value).startsWith('edit '));
          expect(written).toEqual(steps.map((_, index) => `edit ${index}`));
          expect(verifyHistory().verified).toBe(true);
        },
      ),
      { numRuns: 20 },
    );
  });
});
