/**
 * The round-trip cost model: what a user waits for in real Sheets is a round trip to the
 * spreadsheet server, not a method call. Every counted call is classified here by `Class.method`
 * (the same key the call counter uses), and a meter follows the write queue so that the first read
 * after queued writes is charged a forced commit. runtime/README.md states the rules and the prices.
 */

/**
 * - `free`: local to the script (range handles by A1 or coordinates, builders, coordinates of a
 *   range already in hand, value objects that came back with a read, logging, utilities);
 * - `read`: returns anything about the spreadsheet's content or structure: one round trip, plus a
 *   forced commit first when writes are queued;
 * - `create`: makes something on the server and hands back a new object (insertSheet, protect,
 *   copyTo): one round trip, and it cannot be answered before the queue is applied either;
 * - `write`: queued, free on its own, committed by the next read/create/flush or the end of the execution;
 * - `flush`: SpreadsheetApp.flush(): one round trip, a forced commit when writes are queued;
 * - `service`: Properties, Lock, Session, HtmlService and Ui calls: one round trip each, no commit.
 */
export type CallKind = 'free' | 'read' | 'create' | 'write' | 'flush' | 'service';

/** Classes whose every method is local: builders, value objects and script-side utilities. */
const FREE_CLASSES = new Set([
  'DataValidationBuilder',
  'DataValidation',
  'ConditionalFormatRuleBuilder',
  'ConditionalFormatRule',
  'BooleanCondition',
  'Color',
  'RgbColor',
  'EmbeddedChartBuilder',
  'HtmlOutput',
  'HtmlTemplate',
  'PromptResponse',
  'User',
  'Utilities',
  'Logger',
  'console',
  'ScriptApp',
  'Charts',
]);

/** Classes whose every method talks to a service other than the spreadsheet: a round trip, never a commit. */
const SERVICE_CLASSES = new Set(['Properties', 'Lock', 'Session', 'HtmlService']);

/** Local handles of a service (the call that uses the store or lock is the round trip). */
const FREE_METHODS = new Set([
  'SpreadsheetApp.getActiveSpreadsheet',
  'SpreadsheetApp.getActive',
  'SpreadsheetApp.getUi',
  'SpreadsheetApp.newDataValidation',
  'SpreadsheetApp.newConditionalFormatRule',
  'PropertiesService.getUserProperties',
  'PropertiesService.getDocumentProperties',
  'PropertiesService.getScriptProperties',
  'LockService.getDocumentLock',
  'LockService.getScriptLock',
  'LockService.getUserLock',
  // Handles by A1 or coordinates, and coordinates of a range in hand.
  'Spreadsheet.getRange',
  // The active spreadsheet's id is how the execution found the file: the handle carries it.
  'Spreadsheet.getId',
  'Spreadsheet.createDeveloperMetadataFinder',
  'Sheet.getRange',
  'Sheet.getParent',
  'Sheet.newChart',
  'Sheet.createDeveloperMetadataFinder',
  'Range.getRow',
  'Range.getRowIndex',
  'Range.getColumn',
  'Range.getNumRows',
  'Range.getNumColumns',
  'Range.getHeight',
  'Range.getWidth',
  'Range.getLastRow',
  'Range.getLastColumn',
  'Range.getGridId',
  'Range.getSheet',
  'Range.getA1Notation',
  'Range.offset',
  'Range.getCell',
  'Range.createDeveloperMetadataFinder',
  'DeveloperMetadataFinder.withKey',
  'DeveloperMetadataFinder.withValue',
  'DeveloperMetadataFinder.withId',
  'DeveloperMetadataFinder.withLocationType',
  'DeveloperMetadataFinder.withVisibility',
  'DeveloperMetadataFinder.onIntersectingLocations',
  'EmbeddedChart.modify',
  'Ui.createAddonMenu',
  'Ui.createMenu',
  'Menu.addItem',
  'Menu.addSeparator',
  'Menu.addSubMenu',
]);

const CREATE_METHODS = new Set(['Spreadsheet.insertSheet', 'Sheet.protect', 'Range.protect', 'Sheet.copyTo', 'Range.copyTo', 'Spreadsheet.copy']);

/** Reads that do not look like getters. */
const READ_METHODS = new Set(['Range.isBlank', 'Sheet.isSheetHidden', 'Protection.canEdit', 'Protection.canDomainEdit', 'Protection.isWarningOnly', 'DeveloperMetadataFinder.find', 'SpreadsheetApp.openById']);

export function kindOf(className: string, method: string): CallKind {
  const key = `${className}.${method}`;
  if (FREE_CLASSES.has(className) || FREE_METHODS.has(key)) return 'free';
  if (SERVICE_CLASSES.has(className) || className === 'Ui' || className === 'Menu') return 'service';
  if (key === 'SpreadsheetApp.flush') return 'flush';
  if (CREATE_METHODS.has(key)) return 'create';
  if (READ_METHODS.has(key) || /^get[A-Z]/.test(method)) return 'read';
  return 'write';
}

/** Range methods whose payload is one value per cell of the range. */
const CELL_READS = /^(getValues?|getDisplayValues?|getFormulas?|getNotes?|getNumberFormats?|getFontWeights?|getBackgrounds?|getDataValidations?|getFontColor|getFontStyle|getHorizontalAlignment|getWrap|isBlank)$/;
const CELL_WRITES = /^(setValues?|setFormulas?|setNotes?|clearContent|clear|insertCheckboxes)$/;

export interface RoundTripCounts {
  roundtrips: number;
  /** Reads (or creates, or flushes) that had to wait for queued writes to be applied first. */
  commits: number;
  cells_read: number;
  cells_written: number;
}

/** What a round trip and a forced commit cost in Sheets, in milliseconds (runtime/README.md). */
export interface Prices {
  roundTripMs: number;
  commitMs: number;
  perCellReadMs: number;
}

export const SHEETS_PRICES: Prices = { roundTripMs: 90, commitMs: 300, perCellReadMs: 0.02 };

/** Anything with a range's size, as the counting proxy hands over its raw target. */
interface Sized {
  numRows: number;
  numCols: number;
}

function isSized(target: unknown): target is Sized {
  return typeof target === 'object' && target !== null && typeof (target as Sized).numRows === 'number' && typeof (target as Sized).numCols === 'number';
}

export class RoundTripMeter {
  private counts: RoundTripCounts = { roundtrips: 0, commits: 0, cells_read: 0, cells_written: 0 };
  private writesQueued = false;

  /** Called for every counted call, before it runs. */
  observe(className: string, method: string, target: unknown, args: readonly unknown[]): void {
    const kind = kindOf(className, method);
    if (kind === 'free') return;
    if (kind === 'write') {
      this.writesQueued = true;
      if (className === 'Range' && CELL_WRITES.test(method) && isSized(target)) this.counts.cells_written += target.numRows * target.numCols;
      if (className === 'Sheet' && method === 'appendRow' && Array.isArray(args[0])) this.counts.cells_written += args[0].length;
      return;
    }
    if (kind === 'service') {
      this.counts.roundtrips++;
      return;
    }
    // read, create, flush: the server applies the queue before it can answer.
    if (this.writesQueued) {
      this.counts.commits++;
      this.counts.roundtrips++;
      this.writesQueued = false;
      if (kind === 'flush') return;
    }
    this.counts.roundtrips++;
    if (kind === 'read' && className === 'Range' && CELL_READS.test(method) && isSized(target)) {
      this.counts.cells_read += target.numRows * target.numCols;
    }
  }

  /**
   * The end of an execution commits what is still queued: one round trip the user waits for, but
   * not a forced commit (nothing had to wait for it).
   */
  endExecution(): void {
    if (!this.writesQueued) return;
    this.counts.roundtrips++;
    this.writesQueued = false;
  }

  current(): RoundTripCounts {
    return { ...this.counts };
  }

  reset(): void {
    this.counts = { roundtrips: 0, commits: 0, cells_read: 0, cells_written: 0 };
    this.writesQueued = false;
  }
}

/** What the counts would cost in Sheets at `prices`. */
export function pricedMs(counts: RoundTripCounts, prices: Prices = SHEETS_PRICES): number {
  return counts.roundtrips * prices.roundTripMs + counts.commits * prices.commitMs + counts.cells_read * prices.perCellReadMs;
}
