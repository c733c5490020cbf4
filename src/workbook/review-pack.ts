/**
 * The steering-committee pack: one sheet, "Review pack", laid out for File → Download → PDF on A4
 * and Letter in portrait (six columns, 670 px ≈ 7 in, nothing frozen, every row but the lines
 * written across the page wrapped), with the print steps in its last section. Every figure is a formula over the
 * data sheets, so the pack shows what the data says; the few sentences a formula cannot write (the
 * +2 rule's reasoning, the governance advice, the rationale) are computed from the same data when
 * the pack is prepared, and the whole sheet is rewritten each time.
 */
import { CORNERS, DEFAULT_ATTENTION_THRESHOLD } from '../domain/corners';
import { NOT_SHARED } from '../domain/disclosure-advisor';
import { NOT_TAKEN_ON } from '../domain/commitments';
import { columnLetters, sheetRef } from './a1';
import { DISCLOSURE_BALANCE_LABEL, RATIO_FORMAT, balanceLabel } from './dashboard';
import type { TableLayout } from './layout';
import { METADATA_SHEET_KEY } from './property-keys';

const REVIEW_PACK_KEY = 'reviewPack';
export const REVIEW_PACK_TITLE = 'Review pack';
/** The pack's A1: how a remembered sheet is recognised as still the pack. */
const FIRST_CELL = 'Steering-committee review pack';
/** The pack's columns: a label column, then the four corners (and one more for the actions). */
export const REVIEW_PACK_WIDTH = 6;
/**
 * Pixels per column: 200 + 4 × 96 + 86 = 670 px, inside the 7 in (672 px) both A4 and Letter
 * print in portrait with normal margins; every corner's name ("Transparency") fits its column.
 */
export const REVIEW_PACK_COLUMN_WIDTHS = [200, 96, 96, 96, 96, 86] as const;
/** Breaches listed (the Breaches sheet's first rows); a partnership with more has bigger problems than a pack. */
export const REVIEW_PACK_BREACH_ROWS = 3;
/**
 * How to print the pack. Apps Script has no page-setup API for a sheet (paper size, orientation,
 * scale are chosen in the print dialog), so the pack carries the steps itself.
 */
export const REVIEW_PACK_PRINT_STEPS = [
  'Select this sheet, then File → Download → PDF (.pdf), or File → Print (Ctrl+P / ⌘P).',
  'Export: Current sheet. Paper size: A4 or Letter. Page orientation: Portrait.',
  'Scale: Fit to width. Margins: Normal. Formatting: untick Show gridlines.',
  'Click Export (or Next, then Print or Save as PDF): every column fits the page width.',
] as const;
/** Rows reserved for the cycle's actions (three are agreed per cycle; room for a few more). */
const REVIEW_PACK_ACTION_ROWS = 6;
/** Characters per line of a sentence written across the page (column A, overflowing into B:F). */
export const REVIEW_PACK_LINE_CHARS = 95;

/** Tables the pack reads when the caller has them (the Breaches sheet, for the breach decisions). */
export interface ReviewPackExtras {
  breaches?: { layout: TableLayout; sheetName: string };
}

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
  /** The first breach row, or null when the Breaches sheet was not given. */
  firstBreach: number | null;
  figures: Record<string, number>;
}

/** Splits a sentence into lines short enough to print across the page's width. */
function packLines(text: string, width = REVIEW_PACK_LINE_CHARS): string[] {
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
  extras: ReviewPackExtras = {},
): { cells: PackCell[]; rows: ReviewPackRows; lastRow: number; wrap: WrapBlock[] } {
  const tableOf = new Map<TableLayout, string>(Object.entries(t).map(([key, layout]) => [layout, sheetNames[key as keyof ReviewPackLayouts]]));
  if (extras.breaches) tableOf.set(extras.breaches.layout, extras.breaches.sheetName);
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
  // Rows of text written across the page (titles, notes, sentences): they overflow A into the
  // empty B:F, so they are left unwrapped (a wrapped A would fold them into its own width). Figure
  // rows wrap their label only, so a text value in B runs on into C:F; table rows wrap every cell.
  const overflowRows = new Set<number>();
  const figureRows = new Set<number>();
  const gapRow = (): void => {
    next();
  };
  const section = (title: string): void => {
    gapRow();
    const at = next();
    put(at, 1, title, { bold: true });
    overflowRows.add(at);
  };
  const sentence = (text: string): void => {
    for (const line of packLines(text)) {
      const at = next();
      put(at, 1, line);
      overflowRows.add(at);
    }
  };
  const note = (text: string): void => {
    const at = next();
    put(at, 1, text);
    overflowRows.add(at);
  };
  const figures: Record<string, number> = {};
  const figure = (label: string, formula: string, format?: string): void => {
    const at = next();
    put(at, 1, label);
    put(at, 2, formula, { format });
    figures[label] = at;
    figureRows.add(at);
  };

  const partnershipCell = (key: string): string =>
    `${sheetOf(t.partnership)}!$${columnLetters(t.partnership.columnOf.get(key) as number)}$2`;
  const ours = partnershipCell('ourCompany');
  const partner = partnershipCell('partnerCompany');

  put(next(), 1, FIRST_CELL, { bold: true });
  overflowRows.add(row);
  put(next(), 1, `=IF(${ours}="", "", ${ours}&" and "&${partner}&" · "&${partnershipCell('model')}&" partnership")`);
  overflowRows.add(row);
  const cycleRow = next();
  put(cycleRow, 1, 'Assessment cycle', { bold: true });
  put(cycleRow, 2, facts.cycle, { bold: true });
  const cycleName = `$B$${cycleRow}`;
  const preparedRow = next();
  put(preparedRow, 1, 'Prepared on');
  put(preparedRow, 2, facts.preparedOn, { format: 'yyyy-mm-dd' });
  note('Rebuilt from the data by Prepare review: anything typed here is overwritten.');
  note('To print or save as PDF: see the last section, “Saving this pack as PDF”.');
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
  note('A gap of 2 or more is worth discussing first: perception is reality in partnerships.');

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
  // Agreed = taken on by both sides: a proposal still waiting, declined or withdrawn is not agreed.
  const takenOn = NOT_TAKEN_ON.map((kept) => `${status}, "<>${kept}"`).join(', ');
  figure('Actions agreed', `=COUNTIFS(${source}, ${fromCycle}, ${takenOn})`, '0');
  figure('Actions done', `=COUNTIFS(${source}, ${fromCycle}, ${status}, "Done")`, '0');
  figure('Actions still proposed', `=COUNTIFS(${source}, ${fromCycle}, ${status}, "Proposed")`, '0');
  figure('Actions declined or withdrawn', `=COUNTIFS(${source}, ${fromCycle}, ${status}, "Declined")+COUNTIFS(${source}, ${fromCycle}, ${status}, "Withdrawn")`, '0');

  // ---- Reliability ----
  section('Reliability: the Shared Commitments Log, as of today');
  const due = columnRange(t.commitments, 'dueDate');
  const done = columnRange(t.commitments, 'doneOn');
  // Only commitments both sides took on count: the Status column leaves out Proposed, Declined, Withdrawn.
  figure('On-time rate', `=IFERROR(ON_TIME_RATE(${due}, ${done}, TODAY(), ${status}), "")`, '0%');
  figure('Early-warning rate', `=IFERROR(EARLY_WARNING_RATE(${due}, ${done}, ${columnRange(t.commitments, 'flaggedOn')}, TODAY(), ${status}), "")`, '0%');
  figure('Reliability mean, this cycle', `=IF(C${bothRow}="", "", C${bothRow})`, '0.0');

  // ---- Disclosure balance ----
  section('Disclosure balance');
  const ledgerSide = columnRange(t.disclosures, 'side');
  const decision = columnRange(t.disclosures, 'decision');
  const shared = (column: string): string =>
    `IFERROR(FILTER(${column}, ${[...NOT_SHARED].map((kept) => `${decision}<>"${kept}"`).join(', ')}), "")`;
  figure(DISCLOSURE_BALANCE_LABEL, `=IFERROR(RECIPROCITY(${shared(ledgerSide)}, ARRAYFORMULA(IF(${shared(ledgerSide)}="", "", 1))), "")`, RATIO_FORMAT);
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
  figure(balanceLabel('leads'), `=IFERROR(RECIPROCITY(${inQuarter('side')}, ${inQuarter('leads')}), "")`, RATIO_FORMAT);
  figure(balanceLabel('referrals'), `=IFERROR(RECIPROCITY(${inQuarter('side')}, ${inQuarter('referrals')}), "")`, RATIO_FORMAT);
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
  note('Rationale');
  cells[cells.length - 1].bold = true;
  sentence(facts.rationale || 'No rationale recorded.');
  note('Advice from this cycle');
  cells[cells.length - 1].bold = true;
  sentence(facts.advice);

  // ---- Breaches and the exit decision ----
  section('Breaches and the rebuild-or-exit decision');
  const exitedOn = partnershipCell('exitedOn');
  figure(
    'Exit decision',
    `=IF(${exitedOn}="", "No exit: the partnership continues", "Exited on "&TEXT(${exitedOn}, "yyyy-mm-dd")&IF(${partnershipCell('exitedAfter')}="", "", " after breach "&${partnershipCell('exitedAfter')})&": the loop stops, every record is kept")`,
  );
  let breachFirst: number | null = null;
  if (extras.breaches) {
    const b = extras.breaches.layout;
    const breachColumn = (key: string): string => columnRange(b, key);
    const ids = breachColumn('id');
    const breachHeader = next();
    ['Breach, and why it was decided so', 'Date', 'Status', 'Decision', 'Decided on', 'ID'].forEach((label, index) => put(breachHeader, 1 + index, label, { bold: true }));
    breachFirst = row + 1;
    for (let index = 1; index <= REVIEW_PACK_BREACH_ROWS; index++) {
      const at = next();
      const nth = (key: string): string => `INDEX(FILTER(${breachColumn(key)}, ${ids}<>""), ${index})`;
      const shown = (key: string): string => `IFERROR(IF(${nth(key)}="", "", ${nth(key)}), "")`;
      put(at, 1, `=IFERROR(IF(${nth('what')}="", "", ${nth('what')}&IF(${nth('decisionReasons')}="", "", CHAR(10)&"Why: "&${nth('decisionReasons')})), "")`);
      put(at, 2, `=${shown('date')}`, { format: 'yyyy-mm-dd' });
      put(at, 3, `=${shown('status')}`);
      put(at, 4, `=IFERROR(IF(${nth('decision')}="", IF(${nth('what')}="", "", "Not decided"), ${nth('decision')}), "")`);
      put(at, 5, `=${shown('decidedOn')}`, { format: 'yyyy-mm-dd' });
      put(at, 6, `=${shown('id')}`);
    }
    figure('Breaches recorded', `=COUNTIF(${ids}, "<>")`, '0');
  }

  // ---- Printing: Sheets offers no page setup to a script, so the steps are in the pack ----
  section('Saving this pack as PDF');
  REVIEW_PACK_PRINT_STEPS.forEach((step, index) => {
    for (const line of packLines(`${index + 1}. ${step}`)) note(line);
  });

  const lastRow = row;
  // Table rows (corner names, company names, action wording, breach reasons) wrap every cell,
  // figure rows their label, the lines written across the page nothing: consecutive rows of one
  // kind make one block.
  const columnsOf = (at: number): number => (overflowRows.has(at) ? 0 : figureRows.has(at) ? 1 : REVIEW_PACK_WIDTH);
  const wrap: WrapBlock[] = [];
  for (let start = 1; start <= lastRow; start++) {
    const columns = columnsOf(start);
    if (columns === 0) continue;
    let end = start;
    while (end + 1 <= lastRow && columnsOf(end + 1) === columns) end++;
    wrap.push({ row: start, column: 1, rows: end - start + 1, columns });
    start = end;
  }

  return {
    cells,
    wrap,
    rows: { cycle: cycleRow, cornerHeader, ours: oursRow, partner: partnerRow, both: bothRow, gap: gapAt, focus: focusAt, firstAction, firstBreach: breachFirst, figures },
    lastRow,
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
