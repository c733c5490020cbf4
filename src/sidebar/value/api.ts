/**
 * The Value Exchange in the sidebar: what each side gave the other per quarter (leads, referrals,
 * deals and revenue influenced) and what it invested, one figure at a time with validation, and
 * the balance each way as the ratio it is (1 = even). Only JSON crosses.
 */
import type { Identity, OlderQuarters } from '../common/api';

export interface ValueSideRow {
  side: string;
  /** Each kind's figure on this side's row of the quarter (VALUE_KINDS); null where the cell is blank. */
  amounts: Record<string, number | null>;
  note: string;
}

export interface ValueBalance {
  kind: string;
  /** "0.50 (1 = even)"; '' without figures. */
  balance: string;
  /** Why there is no ratio, in words, when there is none. */
  missing: string;
}

export interface ValueExchangeView {
  identity: Identity | null;
  /** The two companies, as the Partnership sheet names them. */
  sides: string[];
  /** The kinds of exchange a figure may be (the sheet's columns), in the sheet's order. */
  kinds: string[];
  /** Kinds that count things: whole numbers only. */
  countedKinds: string[];
  /** The quarter shown (`2026-Q4`). */
  quarter: string;
  /** Today's quarter in the spreadsheet's time zone. */
  currentQuarter: string;
  /** Quarters with figures, latest first, today's included. */
  quarters: string[];
  /** Each company's row of the quarter, in the Partnership sheet's order (blank amounts when it has none). */
  rows: ValueSideRow[];
  /** The balance each way of the counted kinds (RECIPROCITY's rule: smaller side's total ÷ larger's). */
  balances: ValueBalance[];
  /** Revenue influenced ÷ investment, both sides together, for the quarter: "3.20"; '' without figures. */
  ropi: string;
  /** Companies with more than one row for the quarter (typed on the sheet): the sidebar writes to the first. */
  duplicateSides: string[];
  /**
   * Quarters a year old or more, summed up as settled (workbook/quarterly-read.ts): not in
   * `quarters`, kept on the sheet (recording a figure for one still finds its row); null when
   * every quarter is listed.
   */
  olderQuarters: OlderQuarters | null;
}

export interface ValueEntryForm {
  quarter: string;
  /** The company that gave what the figure counts (and whose investment it is). */
  side: string;
  kind: string;
  amount: number;
  note: string;
}

export interface ValueApi {
  /** The quarter's figures and balances; today's quarter without one. */
  loadValueExchange(quarter?: string | null): ValueExchangeView;
  /** Records one figure: it fills (or replaces) that kind's cell on the side's row of the quarter. */
  recordValueEntry(input: ValueEntryForm): ValueExchangeView;
}
