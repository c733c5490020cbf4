/**
 * Prepare review: builds (or rebuilds) the "Review pack" sheet for a closed cycle, the latest
 * closed one by default. Reads each table it needs once, then writes the sheet in a few batched
 * calls under the document lock (so two people preparing at once do not interleave).
 */
import { governanceAdvice } from '../../domain/governance';
import { parseCachedLayout } from '../../workbook/layout';
import { Workbook } from '../../workbook/workbook';
import type { TableSpec } from '../../workbook/schema';
import { withDocumentLock } from '../../workbook/lock';
import { setDocumentProperty } from '../../workbook/properties';
import { type ReviewPackLayouts, reviewPackCells, reviewPackSheet, writeReviewPack } from '../../workbook/review-pack';
import { textOf } from '../../workbook/table';
import { BREACHES, CYCLES, COMMITMENTS, DISCLOSURES, PARTNERSHIP, ASSESSMENTS, SCORECARD, VALUE_EXCHANGE } from '../../workbook/templates';
import { closedCycleNames, cycleContext, focusReasonOf, latestClosedCycle, oneSidedOf, readCycleRecords } from '../assessment/cycles';
import type { Ritual } from '../ritual';
import { today } from '../common/request';
import type { ReviewPackApi } from './api';
import { REVIEW_PACK_ARGUMENTS } from './inputs';
import { readSnapshot } from '../common/read-model';
import { LAYOUT_PROPERTY_PREFIX, REVIEW_PACK_PROPERTY } from '../../workbook/property-keys';

/** The sheet name the layout cache holds for `table` (kept current whenever a layout is relocated). */
function cachedSheetName(workbook: Workbook, table: TableSpec): string | undefined {
  return parseCachedLayout(workbook.documentProperties()[`${LAYOUT_PROPERTY_PREFIX}${table.key}`])?.sheet;
}

const prepareReview: ReviewPackApi['prepareReview'] = (cycle) => {
  const workbook = new Workbook();
  return withDocumentLock('Prepare review', () => {
    // Under the lock (a fresh Workbook, nothing read yet): reads may come from the top, header and all (settled.ts).
    workbook.forgetReads();
    // The commitments are not read (the pack's formulas read them). A pack is of a closed cycle: the
    // answers are read only when a closed cycle is not summed up on its Cycles row (then with every
    // column, so on a small sheet their layout is checked by this one read, not by its header alone).
    const snapshot = readSnapshot(workbook, { commitments: false, assessments: ASSESSMENTS.columns.map((column) => column.key), closedOnly: true });
    const context = cycleContext(snapshot, readCycleRecords(workbook).records);
    const closedNames = closedCycleNames(context);
    const chosen = latestClosedCycle(context, cycle ?? null);
    if (!chosen) {
      throw new Error(
        cycle
          ? `"${cycle}" is not a closed cycle with answers${closedNames.length ? ` (closed: ${closedNames.join(', ')})` : ''}; a pack is prepared once a cycle is closed.`
          : 'No closed cycle with answers yet: close an assessment cycle first, then prepare its review.',
      );
    }
    const row = snapshot.partnershipRow;
    const tables: Record<keyof ReviewPackLayouts, TableSpec> = {
      partnership: PARTNERSHIP, assessments: ASSESSMENTS, cycles: CYCLES, commitments: COMMITMENTS, disclosures: DISCLOSURES, scorecard: SCORECARD, valueExchange: VALUE_EXCHANGE,
    };
    const keys = Object.keys(tables) as Array<keyof ReviewPackLayouts>;
    const layouts = {} as ReviewPackLayouts;
    const sheetNames = {} as Record<keyof ReviewPackLayouts, string>;
    for (const key of keys) {
      const layout = workbook.layout(tables[key]);
      // Asking for the columns checks a cached layout against its header row (free when the data
      // was read with it); a checked layout's sheet name is the one in the layout cache, so no
      // sheet is asked its name (a round trip each).
      void layout.columnOf;
      layouts[key] = layout;
      sheetNames[key] = cachedSheetName(workbook, tables[key]) ?? layout.sheet.getName();
    }
    // The breaches and their rebuild-or-exit decisions, listed by the pack (found as the tables above are).
    const breaches = workbook.layout(BREACHES);
    void breaches.columnOf;
    const breachesSheet = cachedSheetName(workbook, BREACHES) ?? breaches.sheet.getName();
    const { cells, lastRow, wrap } = reviewPackCells(
      layouts,
      sheetNames,
      {
        cycle: chosen.name,
        preparedOn: today(),
        focusReason: focusReasonOf(chosen.entry.step),
        advice: governanceAdvice({ name: chosen.name, means: chosen.entry.summary.means }).text,
        rationale: row ? textOf(row.values.governanceRationale) : '',
        oneSided: oneSidedOf(context, chosen.name),
      },
      { breaches: { layout: breaches, sheetName: breachesSheet } },
    );
    const { sheet, name, remember } = reviewPackSheet(workbook.spreadsheet, workbook.documentProperties()[REVIEW_PACK_PROPERTY]);
    writeReviewPack(sheet, cells, lastRow, wrap);
    if (remember !== null) setDocumentProperty(REVIEW_PACK_PROPERTY, remember);
    return { sheet: name, cycle: chosen.name, cycles: closedNames, oneSided: oneSidedOf(context, chosen.name) };
    // Nothing follows the pack's writes: the lock goes with the execution (src/workbook/lock.ts).
  }, 'with the execution');
};

export const REVIEW_PACK: Ritual<ReviewPackApi> = { handlers: { prepareReview }, arguments: REVIEW_PACK_ARGUMENTS };
