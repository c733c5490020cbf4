/** The graduated disclosure advisor and the Disclosure Ledger it records to. */
import { DISCLOSURE_STAGES, type Disclosure, nextDisclosureStage, parseStage } from '../../domain/disclosure';
import { NOT_SHARED, adviseDisclosure as advise } from '../../domain/disclosure-advisor';
import { nextIds } from '../../workbook/input';
import { Workbook } from '../../workbook/layout';
import { readRows, textOf } from '../../workbook/table';
import { DISCLOSURES } from '../../workbook/templates';
import type { Ritual } from '../ritual';
import type { DisclosureAdviceView, DisclosureApi, DisclosureQuestionInput } from './api';
import { otherSide, requireCaller } from '../common/caller';
import { readPartnership } from '../common/read-model';
import { save, today } from '../common/request';
import { DISCLOSURE_ARGUMENTS } from './inputs';

/** The partner's ledger entries that shared something (a recorded decision to wait shared nothing). */
function sharedEntries(workbook: Workbook): Disclosure[] {
  const ledger: Disclosure[] = [];
  for (const row of readRows(workbook.layout(DISCLOSURES), ['side', 'stage', 'decision'])) {
    const stage = parseStage(textOf(row.values.stage));
    if (stage && !NOT_SHARED.has(textOf(row.values.decision))) ledger.push({ side: textOf(row.values.side), stage });
  }
  return ledger;
}

function adviceFor(input: DisclosureQuestionInput, workbook: Workbook, ours: string, sides: readonly string[]): DisclosureAdviceView {
  const partner = otherSide(sides, ours);
  const ledger = sharedEntries(workbook);
  const allowedStage = nextDisclosureStage(ledger, partner);
  const advice = advise({ ...input, allowedStage });
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
    return adviceFor(input, workbook, requireCaller(workbook, sides).side, sides);
  },
  recordDisclosure: (input) => {
    if (input.shared === '') throw new Error('What you share is empty; please fill it in.');
    return save('Record disclosure', ({ workbook, plan, sides, caller, record }) => {
      const known = sides();
      const { side } = caller(known);
      const advice = adviceFor(input, workbook, side, known);
      const layout = workbook.layout(DISCLOSURES);
      const id = nextIds(readRows(layout, ['id']), 'D')[0];
      plan.append(layout, [{
        id,
        date: today(),
        side,
        shared: input.shared,
        stage: input.stage,
        exploitationRisk: input.exploitationRisk,
        coordinationValue: input.coordinationValue,
        decision: advice.decision,
      }]);
      record({ table: DISCLOSURES, rowId: id, what: 'Disclosure', now: `${side} shared (${input.stage} stage): ${input.shared}` });
      return advice;
    });
  },
};

export const DISCLOSURE: Ritual<DisclosureApi> = { handlers, arguments: DISCLOSURE_ARGUMENTS };
