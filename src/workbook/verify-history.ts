import { HASHED_KEYS } from './history';
import { countHeldBatches } from './history-held';
import { type ChainVerdict, type StoredHistoryRow, chainFieldText, parseLink, verifyChain } from './history-chain';
import { MissingTableError } from './layout';
import { Workbook } from './workbook';
import type { CellValue } from './table';
import { HISTORY } from './templates';
import { CHAIN_HEAD_KEY } from './property-keys';

export interface HistoryCheck {
  verified: boolean;
  verdict: ChainVerdict | null;
  /** What the menu shows: the verdict in plain words. */
  message: string;
}

/** Problems listed one per line; a sorted or wholesale-edited sheet would otherwise fill the dialog. */
const SHOWN_PROBLEMS = 15;

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/**
 * Verify history: reads the Change History once and checks its chain. Read-only: entries held
 * while the lock was refused are counted, and written by the next save, not by this check.
 */
export function verifyHistory(workbook = new Workbook()): HistoryCheck {
  let layout;
  try {
    layout = workbook.layout(HISTORY);
    void layout.columnOf; // a cached layout is checked against the header row here, and may throw
  } catch (error) {
    if (!(error instanceof MissingTableError)) throw error;
    return {
      verified: false,
      verdict: null,
      message: `${error.message} Entries written after that carry a chain hash Verify history can check.`,
    };
  }
  const sheet = layout.sheet;
  const lastRow = sheet.getLastRow();
  const grid = lastRow < 2 ? [] : (sheet.getRange(2, 1, lastRow - 1, layout.width).getValues() as CellValue[][]);
  const calendar = workbook.calendar;
  const hashColumn = layout.columnOf.get('hash') as number;
  const rows: StoredHistoryRow[] = grid.map((values, index) => {
    const ours = [...layout.columnOf.values()].map((column) => values[column - 1]);
    return {
      rowNumber: index + 2,
      fields: HASHED_KEYS.map((key) => chainFieldText(values[(layout.columnOf.get(key) as number) - 1], calendar)),
      link: values[hashColumn - 1],
      blank: ours.every((value) => value === '' || value === null),
    };
  });
  const properties = workbook.documentProperties();
  const head = parseLink(properties[CHAIN_HEAD_KEY]);
  const held = countHeldBatches(properties);
  const verdict = verifyChain(rows, head);

  const lines: string[] = [];
  if (verdict.problems.length === 0) {
    lines.push(
      verdict.chained === 0
        ? 'The Change History has no chained entries yet: nothing to check.'
        : `The Change History verifies: ${plural(verdict.chained, 'entry', 'entries')} from row ${verdict.firstChainedRow}, ${verdict.chained === 1 ? 'unchanged since it was written' : 'none changed or deleted since they were written'}.`,
    );
  } else {
    lines.push(`The Change History does not verify (${plural(verdict.problems.length, 'finding', 'findings')}):`);
    for (const problem of verdict.problems.slice(0, SHOWN_PROBLEMS)) lines.push(`• ${problem}`);
    if (verdict.problems.length > SHOWN_PROBLEMS) lines.push(`• … and ${verdict.problems.length - SHOWN_PROBLEMS} more.`);
    lines.push('File → Version history shows what these rows held before.');
  }
  if (verdict.unchained > 0) {
    lines.push(`${plural(verdict.unchained, 'older row was', 'older rows were')} written before the chain existed and ${verdict.unchained === 1 ? 'is' : 'are'} not covered.`);
  }
  if (held > 0) {
    lines.push(`${plural(held, 'edit', 'edits')} made in the sheet ${held === 1 ? 'waits' : 'wait'} to be written into the Change History: the next save writes ${held === 1 ? 'it' : 'them'} (an open sidebar does within a minute).`);
  }
  lines.push('The chain shows casual edits and deletions; someone who rewrites every row after it consistently is not caught (see the README).');
  return { verified: verdict.problems.length === 0, verdict, message: lines.join('\n') };
}
