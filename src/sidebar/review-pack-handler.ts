/**
 * Prepare review: builds (or rebuilds) the "Review pack" sheet for a closed cycle, the latest
 * closed one by default. Reads each table it needs once, then writes the sheet in a few batched
 * calls under the document lock (so two people preparing at once do not interleave).
 */
import { governanceAdvice } from '../domain/governance';
import { Workbook, ownedSheet } from '../workbook/layout';
import { withDocumentLock } from '../workbook/lock';
import { REVIEW_PACK_KEY, REVIEW_PACK_TITLE, reviewPackCells, writeReviewPack } from '../workbook/review-pack';
import { textOf } from '../workbook/table';
import { CYCLES, COMMITMENTS, DISCLOSURES, PARTNERSHIP, ASSESSMENTS, SCORECARD, VALUE_EXCHANGE } from '../workbook/templates';
import { cycleContext, focusReasonOf, readCycleRecords } from './assessment';
import { closedCycleNames, latestClosedCycle } from './governance-handlers';
import type { GovernanceApi } from './governance-api';
import { readSnapshot } from './read-model';

export const prepareReview: GovernanceApi['prepareReview'] = (cycle) => {
  const workbook = new Workbook();
  return withDocumentLock('Prepare review', () => {
    const snapshot = readSnapshot(workbook);
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
    const { cells, lastRow } = reviewPackCells(
      {
        partnership: workbook.layout(PARTNERSHIP),
        assessments: workbook.layout(ASSESSMENTS),
        cycles: workbook.layout(CYCLES),
        commitments: workbook.layout(COMMITMENTS),
        disclosures: workbook.layout(DISCLOSURES),
        scorecard: workbook.layout(SCORECARD),
        valueExchange: workbook.layout(VALUE_EXCHANGE),
      },
      {
        cycle: chosen.name,
        preparedOn: new Date(),
        focusReason: focusReasonOf(chosen.entry.step),
        advice: governanceAdvice({ name: chosen.name, means: chosen.entry.summary.means }).text,
        rationale: row ? textOf(row.values.governanceRationale) : '',
      },
    );
    const { sheet } = ownedSheet(workbook.spreadsheet, REVIEW_PACK_KEY, REVIEW_PACK_TITLE);
    // The name is read before the writes are queued: a read after them would wait for their commit.
    const name = sheet.getName();
    writeReviewPack(sheet, cells, lastRow);
    return { sheet: name, cycle: chosen.name, cycles: closedNames, actions: snapshot.commitments.filter((commitment) => textOf(commitment.values.source) === `Assessment ${chosen.name}`).length };
  });
};
