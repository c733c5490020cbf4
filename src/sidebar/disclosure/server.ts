/** The graduated disclosure advisor and the Disclosure Ledger it records to. */
import { DISCLOSURE_STAGES, type Disclosure, type DisclosureStage, nextDisclosureStage, parseStage } from '../../domain/disclosure';
import { NOT_SHARED, adviseDisclosure as advise } from '../../domain/disclosure-advisor';
import { sideKey } from '../../domain/scores';
import { LEDGER_COLUMNS, reciprocatesCell } from '../../workbook/disclosure-ledger';
import { nextIds } from '../../workbook/input';
import { Workbook } from '../../workbook/workbook';
import { type TableRow, readRows, textOf } from '../../workbook/table';
import { DISCLOSURES } from '../../workbook/templates';
import type { Ritual } from '../ritual';
import type { DisclosureAdviceView, DisclosureApi, DisclosureQuestionInput } from './api';
import { otherSide, requireCaller } from '../common/caller';
import { readPartnership } from '../common/read-model';
import { save, today } from '../common/request';
import { DISCLOSURE_ARGUMENTS } from './inputs';

/**
 * The ledger, read once: the advice needs each entry's side, stage and decision; recording one
 * also its ID and Reciprocates (LEDGER_COLUMNS), for the new row's ID and the entry it answers.
 */
const readLedger = (workbook: Workbook, recording = false): TableRow[] =>
  readRows(workbook.layout(DISCLOSURES), recording ? LEDGER_COLUMNS : ['side', 'stage', 'decision']);

/** The ledger entries that shared something (a recorded decision to wait shared nothing). */
function sharedEntries(rows: readonly TableRow[]): Disclosure[] {
  const ledger: Disclosure[] = [];
  for (const row of rows) {
    const stage = parseStage(textOf(row.values.stage));
    if (stage && !NOT_SHARED.has(textOf(row.values.decision))) ledger.push({ side: textOf(row.values.side), stage });
  }
  return ledger;
}

/** The highest stage `partner` has shared, by the ledger; null while they have shared nothing. */
function highestStageOf(ledger: readonly Disclosure[], partner: string): DisclosureStage | null {
  let highest = -1;
  for (const entry of ledger) if (sideKey(entry.side) === sideKey(partner)) highest = Math.max(highest, DISCLOSURE_STAGES.indexOf(entry.stage));
  return highest < 0 ? null : DISCLOSURE_STAGES[highest];
}

function adviceFor(input: DisclosureQuestionInput, rows: readonly TableRow[], ours: string, sides: readonly string[]): DisclosureAdviceView {
  const partner = otherSide(sides, ours);
  const ledger = sharedEntries(rows);
  const allowedStage = nextDisclosureStage(ledger, partner);
  const advice = advise({ ...input, allowedStage, partnerHighestStage: highestStageOf(ledger, partner) });
  const reasons = [...advice.reasons];
  // The person's own "not reciprocated" stands: the ledger cannot tell whether an entry was the equivalent.
  const matched = ledger.find(
    (entry) => entry.side.toLowerCase() === partner.toLowerCase() && DISCLOSURE_STAGES.indexOf(entry.stage) >= DISCLOSURE_STAGES.indexOf(input.stage),
  );
  if (!input.partnerReciprocated && matched) {
    reasons.push(`The ledger shows ${partner} sharing at the ${matched.stage} stage; if that was the equivalent of this, answer "yes" to reciprocity.`);
  }
  return { decision: advice.decision, reasons, allowedStage, partner };
}

const handlers: DisclosureApi = {
  adviseDisclosure: (input) => {
    const workbook = new Workbook();
    const { sides } = readPartnership(workbook);
    return adviceFor(input, readLedger(workbook), requireCaller(workbook, sides).side, sides);
  },
  recordDisclosure: (input) => {
    if (input.shared === '') throw new Error('What you share is empty; please fill it in.');
    return save('Record disclosure', ({ workbook, plan, sides, caller, record }) => {
      const known = sides();
      const { side } = caller(known);
      const rows = readLedger(workbook, true);
      const advice = adviceFor(input, rows, side, known);
      const layout = workbook.layout(DISCLOSURES);
      const id = nextIds(rows, 'D')[0];
      // Which of the partner's entries this one answers (tit-for-tat, one for one); '' when it goes first.
      const reciprocates = reciprocatesCell(rows, { side, stage: input.stage, decision: advice.decision });
      plan.append(layout, [{
        id,
        date: today(),
        side,
        shared: input.shared,
        stage: input.stage,
        exploitationRisk: input.exploitationRisk,
        coordinationValue: input.coordinationValue,
        decision: advice.decision,
        reciprocates,
      }]);
      record({ table: DISCLOSURES, rowId: id, what: 'Disclosure', now: `${side} shared (${input.stage} stage): ${input.shared}` });
      return { ...advice, recorded: { id, reciprocates } };
    });
  },
};

export const DISCLOSURE: Ritual<DisclosureApi> = { handlers, arguments: DISCLOSURE_ARGUMENTS };
