/**
 * The Value Exchange (server side): one row per quarter and company, a column per kind. A figure
 * from the form goes into its kind's cell on the giving side's row of the quarter (a new row when
 * there is none), all or nothing under the document lock; a figure replaced is written to the
 * Change History with who replaced it. The view after a save is built from what the save read.
 */
import { quarterOf } from '../../domain/calendar';
import { sideKey } from '../../domain/scores';
import { COUNTED_KINDS, VALUE_KINDS, formatBalance, parseQuarterLabel, parseValueEntry, returnOnInvestment } from '../../domain/value';
import { planHistory } from '../../workbook/history';
import { sheetNameOf } from '../../workbook/layout';
import { Workbook } from '../../workbook/workbook';
import { SETTLED_VALUE, readQuarterly } from '../../workbook/quarterly-read';
import { type CellValue, textOf } from '../../workbook/table';
import { VALUE_EXCHANGE } from '../../workbook/templates';
import { VALUE_KIND_COLUMNS, planValueEntry, quarterBalances } from '../../workbook/value-exchange';
import type { Ritual } from '../ritual';
import { publicIdentity } from '../common/caller';
import { readPartnership } from '../common/read-model';
import { saveThenShow, today } from '../common/request';
import type { ValueApi, ValueExchangeView, ValueSideRow } from './api';
import { VALUE_ARGUMENTS } from './inputs';

const quarterKeyOf = (cell: CellValue | undefined): string => {
  const text = textOf(cell).trim();
  return parseQuarterLabel(text) ?? text;
};

const amountOf = (cell: CellValue | undefined): number | null => (typeof cell === 'number' && Number.isFinite(cell) ? cell : null);

function loadValueExchange(requested: string | null, workbook = new Workbook()): ValueExchangeView {
  const { sides } = readPartnership(workbook);
  const currentQuarter = quarterOf(workbook.calendar, today());
  const quarter = requested ? parseQuarterLabel(requested) ?? requested.trim() : currentQuarter;
  // A recent quarter's rows are all after the settled ones (quarterly-read.ts): the old quarters are only counted.
  const { rows, settled } = readQuarterly(workbook, SETTLED_VALUE, quarter);
  const listed = (label: string): boolean => parseQuarterLabel(label) !== null && (settled?.latest == null || label > settled.latest.key);
  const quarters = [...new Set([currentQuarter, quarter, ...rows.map((row) => quarterKeyOf(row.values.quarter)).filter(listed)])]
    .sort((a, b) => b.localeCompare(a));
  const inQuarter = rows.filter((row) => quarterKeyOf(row.values.quarter) === quarter);
  const sideRows: ValueSideRow[] = sides.map((side) => {
    const row = inQuarter.find((candidate) => sideKey(textOf(candidate.values.side)) === sideKey(side));
    const amounts: Record<string, number | null> = {};
    for (const kind of VALUE_KINDS) amounts[kind] = row ? amountOf(row.values[VALUE_KIND_COLUMNS[kind]]) : null;
    return { side, amounts, note: row ? textOf(row.values.note) : '' };
  });
  const ropi = returnOnInvestment(
    inQuarter.map((row) => ({ value: amountOf(row.values.revenueInfluenced), investment: amountOf(row.values.investment) })),
  );
  return {
    identity: publicIdentity(workbook.identity),
    sides,
    kinds: [...VALUE_KINDS],
    countedKinds: VALUE_KINDS.filter((kind) => COUNTED_KINDS.has(kind)),
    quarter,
    currentQuarter,
    quarters,
    rows: sideRows,
    balances: quarterBalances(rows, quarter).map(({ kind, result }) => ({
      kind,
      balance: formatBalance(result),
      missing:
        result.status === 'no data'
          ? 'No figures yet.'
          : result.status === 'too many sides'
            ? `A third side ("${result.side}") is typed on the sheet: a balance is between the two companies.`
            : '',
    })),
    ropi: ropi.status === 'ratio' ? ropi.ratio.toFixed(2) : '',
    duplicateSides: sides.filter((side) => inQuarter.filter((row) => sideKey(textOf(row.values.side)) === sideKey(side)).length > 1),
    olderQuarters: settled?.latest && settled.earliest ? { from: settled.earliest, through: settled.latest.key, rows: settled.rows } : null,
  };
}

const recordValueEntry: ValueApi['recordValueEntry'] = (input) => {
  let quarter = input.quarter;
  return saveThenShow('Record value', ({ workbook, plan, sides, caller: callerOf }) => {
    const known = sides();
    // Either side may record either company's figure (both keep the sheet); who did is on the record.
    const caller = callerOf(known);
    const entry = parseValueEntry(input, known);
    quarter = entry.quarter;
    const current = quarterOf(workbook.calendar, today());
    if (entry.quarter > current) throw new Error(`${entry.quarter} has not begun yet (it is ${current} now); record a quarter's figures once it has started.`);
    const layout = workbook.layout(VALUE_EXCHANGE);
    // Every row of the entry's quarter and side: the unsettled rows for a recent quarter, else the whole sheet.
    const { rows } = readQuarterly(workbook, SETTLED_VALUE, entry.quarter);
    const planned = planValueEntry(rows, entry);
    if (planned.action === 'append') {
      plan.append(layout, [planned.values]);
      return;
    }
    const row = rows[planned.index];
    const changes: Record<string, CellValue> = { [planned.column]: planned.value };
    const previousNote = textOf(row.values.note).trim();
    // A note adds to the row's note (one note serves every kind of the row), never wiping another's.
    if (planned.note && !previousNote.includes(planned.note)) changes.note = previousNote ? `${previousNote}; ${planned.note}` : planned.note;
    plan.update(layout, row.rowNumber, changes);
    const header = (key: string): string => VALUE_EXCHANGE.columns.find((column) => column.key === key)?.header ?? key;
    planHistory(
      plan,
      workbook,
      caller.actor.label,
      Object.entries(changes)
        .filter(([key, value]) => textOf(row.values[key], workbook.calendar) !== textOf(value, workbook.calendar))
        .map(([key, value]) => ({ sheet: sheetNameOf(layout), rowId: `${entry.quarter} ${entry.side}`, field: header(key), oldValue: row.values[key], newValue: value })),
      today(),
    );
  }, (workbook) => loadValueExchange(quarter, workbook));
};

export const VALUE: Ritual<ValueApi> = {
  handlers: { loadValueExchange: (quarter) => loadValueExchange(quarter ?? null), recordValueEntry },
  arguments: VALUE_ARGUMENTS,
};
