/**
 * The steering-committee pack: one sheet, "Review pack", laid out for File → Download → PDF on A4
 * and Letter (six columns, 656 px ≈ 6.8 in, nothing frozen). Every figure is a formula over the
 * data sheets, so the pack shows what the data says; the few sentences a formula cannot write (the
 * +2 rule's reasoning, the governance advice, the rationale) are computed from the same data when
 * the pack is prepared, and the whole sheet is rewritten each time.
 */
import { CORNERS, DEFAULT_ATTENTION_THRESHOLD } from '../domain/corners';
import { NOT_SHARED } from '../domain/disclosure-advisor';
import { columnLetters, sheetRef } from './a1';
import type { TableLayout } from './layout';
import { METADATA_SHEET_KEY } from './schema';

export const REVIEW_PACK_KEY = 'reviewPack';
export const REVIEW_PACK_TITLE = 'Review pack';
/** The document property that remembers the pack's sheet name (as the Dashboard's is remembered). */
export const REVIEW_PACK_PROPERTY = 'trustCorners.reviewPackSheet';
/** The pack's A1: how a remembered sheet is recognised as still the pack. */
const FIRST_CELL = 'Steering-committee review pack';
/** The pack's columns: a label column, then the four corners (and one more for the actions). */
export const REVIEW_PACK_WIDTH = 6;
/** Pixels per column: 230 + 5 × 86 = 660 px, inside the 7 in (672 px) both A4 and Letter print. */
export const REVIEW_PACK_COLUMN_WIDTHS = [230, 86, 86, 86, 86, 86] as const;
/** Rows reserved for the cycle's actions (three are agreed per cycle; room for a few more). */
export const REVIEW_PACK_ACTION_ROWS = 6;
/** Characters per line of a sentence written across the page (column A, overflowing into B:F). */
export const REVIEW_PACK_LINE_CHARS = 95;

export interface ReviewPackLayouts {
  partnership: TableLayout;
  assessments: TableLayout;
  cycles: TableLayout;
  commitments: TableLayout;
  disclosures: TableLayout;
  scorecard: TableLayout;
  valueExchange: TableLayout;
}

/** What formulas cannot compute, taken from the data when the pack is prepared. */
export interface ReviewPackFacts {
  cycle: string;
  preparedOn: Date;
  /** Why the focus is what it is (describeFocus of the cycle's step). */
  focusReason: string;
  /** The governance advice from this cycle (governanceAdvice). */
  advice: string;
  /** The governance rationale as recorded on the Partnership sheet. */
  rationale: string;
  /** The cycle closed without one company: which, and why (null when both were in it). */
  oneSided?: { without: string; reason: string } | null;
}

/** A block of cells whose text wraps (long action wording, long company names) instead of being cut at the page edge. */
export interface WrapBlock {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface PackCell {
  row: number;
  column: number;
  /** A formula, a literal (written as text), a number or a date. */
  content: string | number | Date;
  format?: string;
  bold?: boolean;
}

/** Rows other code (tests, the sidebar) points at. */
export interface ReviewPackRows {
  cycle: number;
  cornerHeader: number;
  ours: number;
  partner: number;
  both: number;
  gap: number;
  focus: number;
  firstAction: number;
  figures: Record<string, number>;
}

/** Splits a sentence into lines short enough to print across the page's width. */
export function packLines(text: string, width = REVIEW_PACK_LINE_CHARS): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line !== '' && line.length + 1 + word.length > width) {
        lines.push(line);
        line = '';
      }
      // A word longer than a line is cut, never lost.
      let rest = word;
      while (rest.length > width) {
        if (line !== '') lines.push(line);
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
        line = '';
      }
      line = line === '' ? rest : `${line} ${rest}`;
    }
    if (line !== '') lines.push(line);
  }
  return lines.length > 0 ? lines : [''];
}

/**
 * The pack's cells for one cycle: labels, formulas over the data sheets, and the facts as text.
 * `sheetNames` holds each table's sheet name as already known (asking a sheet its name is a round
 * trip in Sheets, and the formulas name a sheet a hundred times).
 */
export function reviewPackCells(
  t: ReviewPackLayouts,
  sheetNames: Record<keyof ReviewPackLayouts, string>,
  facts: ReviewPackFacts,
): { cells: PackCell[]; rows: ReviewPackRows; lastRow: number; wrap: WrapBlock[] } {
  const tableOf = new Map<TableLayout, string>(Object.entries(t).map(([key, layout]) => [layout, sheetNames[key as keyof ReviewPackLayouts]]));
  const sheetOf = (layout: TableLayout): string => sheetRef(tableOf.get(layout) as string);
  const columnRange = (layout: TableLayout, key: string): string => {
    const letters = columnLetters(layout.columnOf.get(key) as number);
    return `${sheetOf(layout)}!${letters}2:${letters}`;
  };
  const cells: PackCell[] = [];
  let row = 0;
  const put = (at: number, column: number, content: PackCell['content'], extra: Partial<PackCell> = {}): void => {
    cells.push({ row: at, column, content, ...extra });
  };
  const next = (): number => ++row;
  const gapRow = (): void => {
    next();
  };
  const section = (title: string): void => {
    gapRow();
    put(next(), 1, title, { bold: true });
  };
  const sentence = (text: string): void => {
    for (const line of packLines(text)) put(next(), 1, line);
  };
  const figures: Record<string, number> = {};
  const figure = (label: string, formula: string, format?: string): void => {
    const at = next();
    put(at, 1, label);
    put(at, 2, formula, { format });
    figures[label] = at;
  };

  const partnershipCell = (key: string): string =>
    `${sheetOf(t.partnership)}!$${columnLetters(t.partnership.columnOf.get(key) as number)}$2`;
  const ours = partnershipCell('ourCompany');
  const partner = partnershipCell('partnerCompany');

  put(next(), 1, FIRST_CELL, { bold: true });
  put(next(), 1, `=IF(${ours}="", "", ${ours}&" and "&${partner}&" · "&${partnershipCell('model')}&" partnership")`);
  const cycleRow = next();
  put(cycleRow, 1, 'Assessment cycle', { bold: true });
  put(cycleRow, 2, facts.cycle, { bold: true });
  const cycleName = `$B$${cycleRow}`;
  const preparedRow = next();
  put(preparedRow, 1, 'Prepared on');
  put(preparedRow, 2, facts.preparedOn, { format: 'yyyy-mm-dd' });
  put(next(), 1, 'Rebuilt from the data by Prepare review: anything typed here is overwritten.');
  if (facts.oneSided) {
    put(next(), 1, `One-sided: closed without ${facts.oneSided.without}. Reason: ${facts.oneSided.reason}`, { bold: true });
  }

  // ---- Corners per side and the gap ----
  const assessmentsCycle = columnRange(t.assessments, 'cycle');
  const side = columnRange(t.assessments, 'side');
  const responses = columnRange(t.assessments, 'responses');
  const ratingColumns = CORNERS.map((corner) => t.assessments.columnOf.get(corner.toLowerCase()) as number);
  const adjacent = ratingColumns.every((column, index) => index === 0 || column === ratingColumns[index - 1] + 1);
  const ratings = adjacent
    ? `${sheetOf(t.assessments)}!${columnLetters(ratingColumns[0])}2:${columnLetters(ratingColumns[3])}`
    : `{${CORNERS.map((corner) => columnRange(t.assessments, corner.toLowerCase())).join(', ')}}`;
  const ofCycle = (range: string, company?: string): string =>
    `IFERROR(FILTER(${range}, ${assessmentsCycle}=${cycleName}${company ? `, ${side}=${company}` : ''}), "")`;
  const means = (company?: string): string => `=IFERROR(CORNER_SCORES(${ofCycle(ratings, company)}, ${ofCycle(responses, company)}), "")`;

  section('Trust corners: both sides’ means');
  const cornerHeader = next();
  put(cornerHeader, 1, 'Corner', { bold: true });
  CORNERS.forEach((corner, index) => put(cornerHeader, 2 + index, corner, { bold: true }));
  const meansRow = (label: string, formula: string): number => {
    const at = next();
    put(at, 1, label);
    put(at, 2, formula, { format: '0.0' });
    for (let column = 3; column <= 1 + CORNERS.length; column++) put(at, column, '', { format: '0.0' });
    return at;
  };
  const oursRow = meansRow(`=IF(${ours}="", "Our company", ${ours})`, means(ours));
  const partnerRow = meansRow(`=IF(${partner}="", "Partner company", ${partner})`, means(partner));
  const bothRow = meansRow('Both sides', means());
  const gapAt = next();
  put(gapAt, 1, `="Gap ("&A${oursRow}&" − "&A${partnerRow}&")"`);
  CORNERS.forEach((_, index) => {
    const letter = columnLetters(2 + index);
    put(gapAt, 2 + index, `=IF(OR(${letter}${oursRow}="", ${letter}${partnerRow}=""), "", ${letter}${oursRow}-${letter}${partnerRow})`, { format: '+0.0;-0.0;0' });
  });
  figure(`Corners at or below ${DEFAULT_ATTENTION_THRESHOLD}`, `=IFERROR(CORNERS_AT_RISK(B${bothRow}:E${bothRow}), "")`);
  put(next(), 1, 'A gap of 2 or more is worth discussing first: perception is reality in partnerships.');

  // ---- Focus and the +2 rule ----
  section('Focus and the +2 rule');
  const cyclesName = columnRange(t.cycles, 'name');
  const focusAt = next();
  put(focusAt, 1, 'Focus corner');
  put(focusAt, 2, `=IFERROR(INDEX(FILTER(${columnRange(t.cycles, 'focus')}, ${cyclesName}=${cycleName}), 1), "")`);
  figure('Focus corner’s mean', `=IFERROR(INDEX(B${bothRow}:E${bothRow}, 1, MATCH(B${focusAt}, B${cornerHeader}:E${cornerHeader}, 0)), "")`, '0.0');
  sentence(facts.focusReason || 'No focus: nobody rated this cycle.');

  // ---- Actions and what came of them ----
  section('Actions agreed for this cycle, and what came of them');
  const actionHeader = next();
  ['Action', 'Owner side', 'Due', 'Status', 'Done on', 'ID'].forEach((label, index) => put(actionHeader, 1 + index, label, { bold: true }));
  const source = columnRange(t.commitments, 'source');
  const fromCycle = `"Assessment "&${cycleName}`;
  const actionColumns: Array<[string, string | undefined]> = [
    ['commitment', undefined], ['ownerSide', undefined], ['dueDate', 'yyyy-mm-dd'], ['status', undefined], ['doneOn', 'yyyy-mm-dd'], ['id', undefined],
  ];
  const firstAction = row + 1;
  for (let index = 1; index <= REVIEW_PACK_ACTION_ROWS; index++) {
    const at = next();
    actionColumns.forEach(([key, format], column) => {
      // A blank cell of the log would read as 0 (a date of 1899): shown as blank instead.
      const value = `INDEX(FILTER(${columnRange(t.commitments, key)}, ${source}=${fromCycle}), ${index})`;
      put(at, 1 + column, `=IFERROR(IF(${value}="", "", ${value}), "")`, { format });
    });
  }
  const status = columnRange(t.commitments, 'status');
  figure('Actions agreed', `=COUNTIF(${source}, ${fromCycle})`, '0');
  figure('Actions done', `=COUNTIFS(${source}, ${fromCycle}, ${status}, "Done")`, '0');

  // ---- Reliability ----
  section('Reliability: the Shared Commitments Log, as of today');
  const due = columnRange(t.commitments, 'dueDate');
  const done = columnRange(t.commitments, 'doneOn');
  figure('On-time rate', `=IFERROR(ON_TIME_RATE(${due}, ${done}, TODAY()), "")`, '0%');
  figure('Early-warning rate', `=IFERROR(EARLY_WARNING_RATE(${due}, ${done}, ${columnRange(t.commitments, 'flaggedOn')}, TODAY()), "")`, '0%');
  figure('Reliability mean, this cycle', `=IF(C${bothRow}="", "", C${bothRow})`, '0.0');

  // ---- Disclosure balance ----
  section('Disclosure balance');
  const ledgerSide = columnRange(t.disclosures, 'side');
  const decision = columnRange(t.disclosures, 'decision');
  const shared = (column: string): string =>
    `IFERROR(FILTER(${column}, ${[...NOT_SHARED].map((kept) => `${decision}<>"${kept}"`).join(', ')}), "")`;
  figure('Disclosure balance (1 = even)', `=IFERROR(RECIPROCITY(${shared(ledgerSide)}, ARRAYFORMULA(IF(${shared(ledgerSide)}="", "", 1))), "")`, '0%');
  figure(`=A${oursRow}&" may share up to"`, `=IFERROR(DISCLOSURE_NEXT_STAGE(${shared(ledgerSide)}, ${shared(columnRange(t.disclosures, 'stage'))}, ${partner}), "")`);
  figure(`=A${partnerRow}&" may share up to"`, `=IFERROR(DISCLOSURE_NEXT_STAGE(${shared(ledgerSide)}, ${shared(columnRange(t.disclosures, 'stage'))}, ${ours}), "")`);

  // ---- Value exchange ----
  section('Value exchange, latest quarter');
  const quarter = columnRange(t.valueExchange, 'quarter');
  const distinct = `UNIQUE(FILTER(${quarter}, ${quarter}<>""))`;
  const latestAt = row + 1;
  figure('Latest quarter', `=IFERROR(INDEX(SORT(${distinct}), COUNTA(${distinct})), "")`);
  const latest = `$B$${latestAt}`;
  const inQuarter = (key: string): string => `FILTER(${columnRange(t.valueExchange, key)}, ${quarter}=${latest})`;
  figure('ROPI (value ÷ investment)', `=IFERROR(ROPI(${inQuarter('revenueInfluenced')}, ${inQuarter('investment')}), "")`, '0.00');
  figure('ROPI, all quarters', `=IFERROR(ROPI(${columnRange(t.valueExchange, 'revenueInfluenced')}, ${columnRange(t.valueExchange, 'investment')}), "")`, '0.00');
  figure('Balance of leads', `=IFERROR(RECIPROCITY(${inQuarter('side')}, ${inQuarter('leads')}), "")`, '0%');
  figure('Balance of referrals', `=IFERROR(RECIPROCITY(${inQuarter('side')}, ${inQuarter('referrals')}), "")`, '0%');
  figure('Revenue influenced', `=IF(${latest}="", "", SUMIFS(${columnRange(t.valueExchange, 'revenueInfluenced')}, ${quarter}, ${latest}))`, '#,##0');
  const scorecardQuarter = columnRange(t.scorecard, 'quarter');
  const scored = `UNIQUE(FILTER(${scorecardQuarter}, ${scorecardQuarter}<>""))`;
  figure(
    'PSAT (satisfaction ≥ 8), latest scorecard',
    `=IFERROR(PSAT(FILTER(${columnRange(t.scorecard, 'satisfaction')}, ${scorecardQuarter}=INDEX(SORT(${scored}), COUNTA(${scored})))), "")`,
    '0%',
  );

  // ---- Governance review ----
  section('Governance review');
  figure('Approach', `=IF(${partnershipCell('governanceApproach')}="", "Not chosen yet", ${partnershipCell('governanceApproach')})`);
  figure('Chosen on', `=IF(${partnershipCell('governanceChosenOn')}="", "", ${partnershipCell('governanceChosenOn')})`, 'yyyy-mm-dd');
  figure('Chosen by', `=IF(${partnershipCell('governanceChosenBy')}="", "", ${partnershipCell('governanceChosenBy')})`);
  const reviewDue = partnershipCell('governanceReviewDue');
  figure('Review due', `=IF(${reviewDue}="", "", ${reviewDue})`, 'yyyy-mm-dd');
  figure('Review status', `=IF(${reviewDue}="", "No approach chosen yet", IF(${reviewDue}<=TODAY(), "Review due now", "Next review in "&(${reviewDue}-TODAY())&" days"))`);
  put(next(), 1, 'Rationale', { bold: true });
  sentence(facts.rationale || 'No rationale recorded.');
  put(next(), 1, 'Advice from this cycle', { bold: true });
  sentence(facts.advice);

  return {
    cells,
    wrap: [
      { row: oursRow, column: 1, rows: gapAt - oursRow + 1, columns: 1 },
      { row: firstAction, column: 1, rows: REVIEW_PACK_ACTION_ROWS, columns: REVIEW_PACK_WIDTH },
    ],
    rows: { cycle: cycleRow, cornerHeader, ours: oursRow, partner: partnerRow, both: bothRow, gap: gapAt, focus: focusAt, firstAction, figures },
    lastRow: row,
  };
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;


/**
 * The pack's sheet and its name, all reads before the one create and the writes: the remembered
 * sheet when its first cell still reads as the pack (one read), else (a pack was made before) the
 * sheet marked as the pack, else a new one; a sheet of someone's own called "Review pack" is left alone. `remember` is the
 * name to store in REVIEW_PACK_PROPERTY when it changed (null when it did not).
 */
export function reviewPackSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, remembered: string | undefined): { sheet: Sheet; name: string; remember: string | null } {
  if (remembered) {
    try {
      const first = spreadsheet.getRange(`${sheetRef(remembered)}!A1`);
      if (String(first.getValue()) === FIRST_CELL) return { sheet: first.getSheet(), name: remembered, remember: null };
    } catch {
      // renamed or deleted: found by its mark or made again below
    }
  }
  // The mark is looked for only when a pack was made before and its remembered name no longer
  // leads to it (renamed): a first pack has nothing to find, and the search is a round trip.
  const marked = remembered ? spreadsheet.createDeveloperMetadataFinder().withKey(METADATA_SHEET_KEY).withValue(REVIEW_PACK_KEY).find() : [];
  const found = marked.length > 0 ? marked[0].getLocation().getSheet() : null;
  if (found) {
    const name = found.getName();
    return { sheet: found, name, remember: name };
  }
  let name = REVIEW_PACK_TITLE;
  let sheet: Sheet;
  try {
    sheet = spreadsheet.insertSheet(name);
  } catch {
    // A sheet of someone's own has the name (asking first would cost every first pack a round trip).
    name = `${REVIEW_PACK_TITLE} (Trust Corners)`;
    for (let n = 2; spreadsheet.getSheetByName(name); n++) name = `${REVIEW_PACK_TITLE} (Trust Corners ${n})`;
    sheet = spreadsheet.insertSheet(name);
  }
  sheet.addDeveloperMetadata(METADATA_SHEET_KEY, REVIEW_PACK_KEY);
  return { sheet, name, remember: name };
}

/**
 * Writes the pack in a few batched calls: one clear, one block each of values, number formats and
 * font weights, wrapping for the blocks of long text, the column widths. Writes only: nothing is read back (no forced commit).
 */
export function writeReviewPack(sheet: Sheet, cells: readonly PackCell[], lastRow: number, wrap: readonly WrapBlock[] = []): void {
  const width = REVIEW_PACK_WIDTH;
  const grid: Array<Array<string | number | Date>> = Array.from({ length: lastRow }, () => new Array<string | number | Date>(width).fill(''));
  const formats: string[][] = Array.from({ length: lastRow }, () => new Array<string>(width).fill('General'));
  const weights: Array<Array<'bold' | 'normal'>> = Array.from({ length: lastRow }, () => new Array<'bold' | 'normal'>(width).fill('normal'));
  for (const cell of cells) {
    const { content } = cell;
    // Text is written literally (a cycle named "1/2" stays text); formulas and values as they are.
    grid[cell.row - 1][cell.column - 1] = typeof content === 'string' && content !== '' && !content.startsWith('=') ? `'${content}` : content;
    if (cell.format) formats[cell.row - 1][cell.column - 1] = cell.format;
    if (cell.bold) weights[cell.row - 1][cell.column - 1] = 'bold';
  }
  sheet.clear();
  sheet.setFrozenRows(0);
  sheet.setFrozenColumns(0);
  const area = sheet.getRange(1, 1, lastRow, width);
  area.setValues(grid);
  area.setNumberFormats(formats);
  area.setFontWeights(weights);
  for (const block of wrap) sheet.getRange(block.row, block.column, block.rows, block.columns).setWrap(true);
  REVIEW_PACK_COLUMN_WIDTHS.forEach((pixels, index) => sheet.setColumnWidth(index + 1, pixels));
}
