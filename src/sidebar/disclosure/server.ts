/** The graduated disclosure advisor and the Disclosure Ledger it records to. */
import { DISCLOSURE_STAGES, type Disclosure, type DisclosureStage, nextDisclosureStage } from '../../domain/disclosure';
import { adviseDisclosure as advise } from '../../domain/disclosure-advisor';
import { sideKey } from '../../domain/scores';
import { type LedgerRead, nextLedgerId, readLedger, reciprocatesFor, sharedDisclosures } from '../../workbook/disclosure-read';
import { Workbook } from '../../workbook/workbook';
import { DISCLOSURES } from '../../workbook/templates';
import type { Ritual } from '../ritual';
import type { DisclosureAdviceView, DisclosureApi, DisclosureQuestionInput } from './api';
import { otherSide, requireCaller } from '../common/caller';
import { readPartnership } from '../common/read-model';
import { save, today } from '../common/request';
import { DISCLOSURE_ARGUMENTS } from './inputs';

/** The highest stage `partner` has shared, by the ledger; null while they have shared nothing. */
function highestStageOf(ledger: readonly Disclosure[], partner: string): DisclosureStage | null {
  let highest = -1;
  for (const entry of ledger) if (sideKey(entry.side) === sideKey(partner)) highest = Math.max(highest, DISCLOSURE_STAGES.indexOf(entry.stage));
  return highest < 0 ? null : DISCLOSURE_STAGES[highest];
}

/**
 * The advice from the ledger's shared entries (workbook/disclosure-read.ts: the settled ones by the
 * first entry of each side at each new highest stage, which is all this asks of them).
 */
function adviceFor(input: DisclosureQuestionInput, read: LedgerRead, ours: string, sides: readonly string[]): DisclosureAdviceView {
  const partner = otherSide(sides, ours);
  const ledger = sharedDisclosures(read);
  const allowedStage = nextDisclosureStage(ledger, partner);
  const advice = advise({ ...input, allowedStage, partnerHighestStage: highestStageOf(ledger, partner) });
  const reasons = [...advice.reasons];
  // The person's own "not reciprocated" stands: the ledger cannot tell whether an entry was the equivalent.
  const matched = ledger.find(
    (entry) => sideKey(entry.side) === sideKey(partner) && DISCLOSURE_STAGES.indexOf(entry.stage) >= DISCLOSURE_STAGES.indexOf(input.stage),
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
      const ledger = readLedger(workbook, side);
      const advice = adviceFor(input, ledger, side, known);
      const layout = workbook.layout(DISCLOSURES);
      const id = nextLedgerId(ledger);
      // Which of the partner's entries this one answers (tit-for-tat, one for one); '' when it goes first.
      const reciprocates = reciprocatesFor(workbook, ledger, { side, stage: input.stage, decision: advice.decision });
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
