/**
 * Workbooks for the bench: set up, with the Partnership row filled in and every other table holding
 * `rows` rows, so an action whose reads grow with a table shows it. Seeding is never counted.
 */
import { type AppsScriptDouble, createAppsScriptDouble } from '../runtime/apps-script';
import { manifestScopes } from '../runtime/bundle/bundle-on-double';
import { setUpWorkbook } from '../src/workbook/setup';
import { locateTable } from '../src/workbook/layout';
import { Workbook } from '../src/workbook/workbook';
import { planHistoryEntries } from '../src/workbook/history';
import { saveAtomically } from '../src/workbook/write-plan';
import { type CellValue, appendRows } from '../src/workbook/table';
import type { ColumnSpec, TableSpec } from '../src/workbook/schema';
import { ALIGNMENT_AUDIT, BREACHES, COMMITMENTS, DISCLOSURES, LEARNING_LOG, PARTNERSHIP, SCORECARD, TABLES, CYCLES, VALUE_EXCHANGE } from '../src/workbook/templates';
import { extentPropertyOf, extentText } from '../src/workbook/extent';
import { repairCycleSummaries } from '../src/workbook/cycle-repair';
import { readCommitmentLog } from '../src/workbook/commitments-read';
import { readBreachState } from '../src/workbook/breach-read';
import { ASSESSMENT_RATING_KEYS, readAnswerRows } from '../src/workbook/answers-read';
import { settlementProperties } from '../src/workbook/settled';
import { SETTLED_RISKS } from '../src/workbook/premortem-read';
import { SETTLED_TABLES } from '../src/workbook/settled-tables';
import { SETTLED_SCORECARD, SETTLED_VALUE } from '../src/workbook/quarterly-read';
import { readCountedLog, readUnsettled } from '../src/workbook/settled';
import { readCompetenceRatings } from '../src/workbook/competence-read';
import { readLearningLog } from '../src/workbook/learning-read';
import { missingReciprocates } from '../src/workbook/disclosure-ledger';
import { readLedger } from '../src/workbook/disclosure-read';
import { readAlignment } from '../src/workbook/alignment-read';
import { ALIGNMENT_QUESTIONS } from '../src/domain/audits';

export const SIDES = ['Acme', 'Beta'] as const;

const ID_PREFIX: Record<string, string> = { commitments: 'C', premortem: 'R', disclosures: 'D', breaches: 'B' };

/**
 * The Shared Commitments Log as years of use leave it: rows in the order they were made, the last
 * OPEN_COMMITMENTS still in play (proposed, open, at risk, due from two weeks ago to a month
 * ahead), every earlier one closed (mostly done, some missed, dropped, declined or withdrawn) and
 * due before the bench's today, eight a day going back. A log where every ninth row of 10,000 is
 * still proposed is not one a partnership keeps.
 */
export const OPEN_COMMITMENTS = 30;
/** Pre-mortem risks not yet turned into commitments, at the end of the sheet. */
const OPEN_RISKS = 12;
const OPEN_STATUSES = ['Proposed', 'Open', 'At risk'] as const;
const CLOSED_STATUSES = ['Done', 'Done', 'Done', 'Done', 'Missed', 'Dropped', 'Declined', 'Withdrawn'] as const;
const BENCH_DAY = Date.UTC(2026, 10, 20);
const DAY_MS = 86_400_000;

/** The status of seeded commitment `i` of `rows`. */
export function seededCommitmentStatus(i: number, rows: number): string {
  const fromEnd = rows - 1 - i;
  return fromEnd < OPEN_COMMITMENTS ? OPEN_STATUSES[i % OPEN_STATUSES.length] : CLOSED_STATUSES[i % CLOSED_STATUSES.length];
}

/** The dates and status of seeded commitment `i` of `rows` (see OPEN_COMMITMENTS). */
function commitmentLife(i: number, rows: number): Record<string, CellValue> {
  const fromEnd = rows - 1 - i;
  const status = seededCommitmentStatus(i, rows);
  if (fromEnd < OPEN_COMMITMENTS) {
    return { status, dueDate: new Date(BENCH_DAY + (OPEN_COMMITMENTS - 15 - fromEnd) * DAY_MS), doneOn: '', flaggedOn: status === 'At risk' ? new Date(BENCH_DAY - DAY_MS) : '' };
  }
  const due = new Date(BENCH_DAY - (14 + Math.floor((fromEnd - OPEN_COMMITMENTS) / 8)) * DAY_MS);
  const done = status === 'Done' ? new Date(due.getTime() - (i % 5 === 0 ? -2 : 1) * DAY_MS) : '';
  return { status, dueDate: due, doneOn: done, flaggedOn: status === 'Missed' && i % 2 === 0 ? new Date(due.getTime() - 3 * DAY_MS) : '' };
}

/**
 * The Joint Health Scorecard and the Value Exchange keep one row per quarter and side, added as
 * the quarters pass: row `i` of `rows` is the quarter `(rows - 1 - i) / 2` before the bench's
 * (2026-Q4), the two sides in turn. (10,000 rows are 5,000 quarters, back to the year 776: what a
 * table of that many rows of this shape is. Four quarters a year repeated 2,500 times each would
 * make every quarter a pile of duplicates no partnership keeps, and no quarter ever a year old.)
 */
function quarterlyRow(i: number, rows: number): Record<string, CellValue> {
  const index = 2026 * 4 + 3 - Math.floor((rows - 1 - i) / 2);
  return { quarter: `${String(Math.floor(index / 4)).padStart(4, '0')}-Q${(index % 4) + 1}`, side: SIDES[(rows - 1 - i) % 2 === 0 ? 1 : 0] };
}

/**
 * The Alignment Audit as quarterly reviews leave it: each quarter's six questions together, in
 * their order, the quarters going back in time from the bench's (2026-Q4) as rows go up. (10,000
 * rows are 1,667 quarters: the shape a table of that many rows has; the same four quarters
 * repeated would make thousands of duplicate answers no partnership keeps.)
 */
function alignmentRow(i: number, rows: number): Record<string, CellValue> {
  const fromEnd = rows - 1 - i;
  const index = 2026 * 4 + 3 - Math.floor(fromEnd / ALIGNMENT_QUESTIONS.length);
  return {
    quarter: `${String(Math.floor(index / 4)).padStart(4, '0')}-Q${(index % 4) + 1}`,
    question: ALIGNMENT_QUESTIONS[ALIGNMENT_QUESTIONS.length - 1 - (fromEnd % ALIGNMENT_QUESTIONS.length)],
  };
}

/**
 * A Breach Log as use leaves it: breaches in the order they happened, each earlier one reset and
 * decided (rebuild or exit decided a week after its facilitated review), the latest, three days
 * before the bench's today, still being reset (acknowledged, its review held, not yet marked complete) and undecided (Home is in breach mode, the breach view
 * lists it). A log where breaches from all year are still in play is not one a partnership keeps.
 */
function breachLife(i: number, rows: number): Record<string, CellValue> {
  const fromEnd = rows - 1 - i;
  const date = new Date(BENCH_DAY - (3 + 7 * fromEnd) * DAY_MS);
  if (fromEnd === 0) return { date, status: 'Reset under way', acknowledgedOn: date, reviewDate: new Date(date.getTime() + DAY_MS), nextCycleRecovered: '', decision: '', decisionReasons: '', decidedOn: '', decidedBy: '' };
  return { date, status: 'Reset complete', acknowledgedOn: date, reviewDate: new Date(date.getTime() + 14 * DAY_MS), decidedOn: new Date(date.getTime() + 21 * DAY_MS) };
}

/**
 * A Learning Log as use leaves it: activities logged as they happen, so in date order, four a day
 * going back from the bench's today (a log whose dates cycle through one year over and over is
 * not one a partnership keeps).
 */
const learningDate = (i: number, rows: number): Record<string, CellValue> => ({ date: new Date(BENCH_DAY - Math.floor((rows - 1 - i) / 4) * DAY_MS) });

/** A plausible value for row `i` of `column`, spread over a year, four quarters and both sides. */
function seedValue(table: TableSpec, column: ColumnSpec, i: number, rows: number): CellValue {
  if (column.key === 'cycle' || column.key === 'quarter') return `2026-Q${1 + (i % 4)}`;
  // A pre-mortem in use: every risk but the last OPEN_RISKS became a commitment (its id here); the
  // open ones may still become one. 10,000 risks none of which was ever acted on is not a log a
  // partnership keeps.
  if (column.key === 'commitmentId') return table.key === 'premortem' && rows - 1 - i >= OPEN_RISKS ? `C-${i + 1}` : '';
  switch (column.kind) {
    case 'id':
      return `${ID_PREFIX[table.key] ?? table.key.slice(0, 1).toUpperCase()}-${i + 1}`;
    case 'date':
    case 'timestamp':
      return new Date(Date.UTC(2026, 0, 1 + (i % 360)));
    case 'rating':
      return 1 + (i % 10);
    case 'score0to10':
      return i % 11;
    case 'count':
      return 1;
    case 'amount':
      return 100 + (i % 900);
    case 'choice': {
      const choices = column.choices === 'sides' ? SIDES : (column.choices ?? ['']);
      return choices[i % choices.length];
    }
    case 'text':
      return `${column.key} ${i % 97}`;
  }
}

/**
 * A Disclosure Ledger's Reciprocates as recording fills it (tit-for-tat, one for one: the ledger's
 * own link rule), not text: the seeded sides take turns, each sharing at every stage, so all but
 * the last entries are answered.
 */
function linkDisclosures(records: Array<Record<string, CellValue>>): void {
  for (const record of records) record.reciprocates = '';
  for (const { index, reciprocates } of missingReciprocates(records.map((values) => ({ values })))) records[index].reciprocates = reciprocates;
}

export interface BenchWorkbook {
  double: AppsScriptDouble;
  uninstall: () => void;
}

/** A double installed on globalThis with `prepare` done and its calls reset. */
function withDouble(prepare: (double: AppsScriptDouble) => void): BenchWorkbook {
  // The scopes appsscript.json asks for: Ana's email reaches the add-on, as in Sheets.
  const double = createAppsScriptDouble({ oauthScopes: manifestScopes(), now: () => new Date('2026-11-20T10:00:00Z') });
  const uninstall = double.install(globalThis);
  prepare(double);
  double.endExecution();
  double.calls.reset();
  return { double, uninstall };
}

/** The four quarters the seeded answers name, each opened and closed in its quarter (the last before the bench's today). */
const SEEDED_CYCLES = [1, 2, 3, 4].map((quarter) => ({
  name: `2026-Q${quarter}`,
  kind: 'Quarterly',
  anonymity: 'Named',
  openedOn: new Date(Date.UTC(2026, (quarter - 1) * 3, 1)),
  openedBy: 'Seed',
  closedOn: quarter < 4 ? new Date(Date.UTC(2026, quarter * 3, 0)) : new Date(Date.UTC(2026, 10, 15)),
  closedBy: 'Seed',
}));

/**
 * A set-up workbook with `rows` rows in every table but the Partnership sheet. The cycles the
 * answers name are on the Cycles sheet, closed, each with its summary (as closing a cycle or Repair
 * leaves them: a partnership has a few cycles a year, not thousands); `cycles: 'legacy'` leaves the
 * Cycles sheet empty, as a workbook from before it has it (the cycles only in the Assessments'
 * Cycle column).
 */
export function seededWorkbook(rows: number, { cycles = 'recorded' }: { cycles?: 'recorded' | 'legacy' } = {}): BenchWorkbook {
  return withDouble((double) => {
    setUpWorkbook();
    const spreadsheet = double.spreadsheet;
    appendRows(locateTable(spreadsheet, PARTNERSHIP), [{ ourCompany: SIDES[0], partnerCompany: SIDES[1], model: 'Strategic', startDate: new Date(Date.UTC(2025, 0, 6)), ourEmails: 'acme.example', partnerEmails: 'beta.example' }]);
    for (const table of TABLES) {
      // The Cycles sheet is seeded below, with the cycles the answers name.
      if (table === PARTNERSHIP || table === CYCLES) continue;
      const records = Array.from({ length: rows }, (_, i) => ({
        ...Object.fromEntries(table.columns.map((column) => [column.key, seedValue(table, column, i, rows)])),
        ...(table === COMMITMENTS ? commitmentLife(i, rows) : {}),
        ...(table === SCORECARD || table === VALUE_EXCHANGE ? quarterlyRow(i, rows) : {}),
        ...(table === BREACHES ? breachLife(i, rows) : {}),
        ...(table === LEARNING_LOG ? learningDate(i, rows) : {}),
        ...(table === ALIGNMENT_AUDIT ? alignmentRow(i, rows) : {}),
      }));
      if (table === DISCLOSURES) linkDisclosures(records);
      appendRows(locateTable(spreadsheet, table), records);
    }
    if (cycles === 'recorded') {
      appendRows(locateTable(spreadsheet, CYCLES), SEEDED_CYCLES);
      repairCycleSummaries(new Workbook());
    }
    // In a workbook in use, rows came in through saves and edits, which keep where each table ends.
    const extents: Record<string, string> = {};
    for (const table of TABLES) {
      if (table.rowsRead !== undefined) continue;
      const sheet = locateTable(spreadsheet, table).sheet;
      extents[extentPropertyOf(table.key)] = extentText({ lastRow: Math.max(1, sheet.getLastRow()), gridRows: sheet.getMaxRows() });
    }
    double.globals.PropertiesService.getDocumentProperties().setProperties(extents);
    // A workbook in use has been saved in: its Change History chain has a recorded head.
    // And its saves have summed up the settled rows of the tables they read (settled.ts).
    const workbook = new Workbook();
    saveAtomically(workbook, 'Seed', (plan) => {
      readCommitmentLog(workbook);
      readBreachState(workbook);
      readAnswerRows(workbook, ASSESSMENT_RATING_KEYS, new Set());
      readUnsettled(workbook, SETTLED_SCORECARD);
      readUnsettled(workbook, SETTLED_VALUE);
      readCountedLog(workbook, SETTLED_RISKS);
      readCompetenceRatings(workbook);
      readLearningLog(workbook);
      readLedger(workbook);
      readAlignment(workbook, null);
      for (const [key, value] of Object.entries(settlementProperties(workbook, () => new Set(), new Date(), SETTLED_TABLES))) plan.setDocumentProperty(key, value);
      planHistoryEntries(plan, workbook, [{ when: new Date(), who: 'Seed', sheet: '', rowId: '', field: '', oldValue: '', newValue: 'seeded' }]);
    });
  });
}

/**
 * A spreadsheet the add-on has not set up: one sheet of the user's own with `rows` rows, which
 * setting up must leave alone (and not read).
 */
export function ownDataWorkbook(rows: number): BenchWorkbook {
  return withDouble((double) => {
    const sheet = double.spreadsheet.getSheets()[0];
    if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
    sheet.getRange(1, 1, rows, 3).setValues(Array.from({ length: rows }, (_, i) => [`item ${i}`, i, i % 2 === 0]));
  });
}
