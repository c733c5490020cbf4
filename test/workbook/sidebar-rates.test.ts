/**
 * Home and Sync show both evidence rates of the Shared Commitments Log with what they count, from
 * the rows they read already: proposals still waiting, declined and withdrawn ones never count.
 */
import { describe, expect, it, vi } from 'vitest';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { asAna, asBen, useWorkbookDouble } from '../support/workbook-double';

useWorkbookDouble();

function propose(commitment: string, dueDate: string): string {
  asAna();
  return api.addCommitment({ commitment, ownerSide: 'Acme', ownerPerson: 'Ana', corner: 'Reliability', dueDate }).commitments.find((c) => c.commitment === commitment)!.id;
}

describe('the rates in Home and Sync', () => {
  it('say nothing is due on an empty log', () => {
    asAna();
    const empty = { onTimeRate: null, earlyWarningRate: null, dueSoFar: 0, onTime: 0, slipped: 0, flaggedEarly: 0, notTakenOn: 0, counts: 'nothing due yet · no slips' };
    expect(api.loadHome().rates).toEqual(empty);
    expect(api.loadCommitments().rates).toEqual(empty);
  });

  it('count only what both sides took on, the same in both views', () => {
    const kept = propose('Send the pipeline report', '2026-12-10');
    const slipped = propose('Share the pricing calendar', '2026-12-12');
    const declined = propose('Weekly call notes', '2026-12-05');
    const withdrawn = propose('Quarterly roadmap', '2026-12-06');
    propose('Joint launch plan', '2026-12-08'); // still proposed
    api.withdrawCommitment(withdrawn);
    asBen();
    api.acceptCommitment(kept);
    api.acceptCommitment(slipped);
    api.declineCommitment(declined, 'Not this quarter');

    vi.setSystemTime(new Date('2026-12-15T12:00:00Z'));
    asAna();
    api.updateCommitment({ id: kept, status: 'Done', doneOn: '2026-12-09' });
    api.updateCommitment({ id: slipped, status: 'At risk', flaggedOn: '2026-12-11', recoveryPlan: 'Send it on the 18th' });

    // Declined, withdrawn and proposed rows are past due too: were they counted, on time would read 1 of 5.
    const expected = {
      onTimeRate: 0.5,
      earlyWarningRate: 1,
      dueSoFar: 2,
      onTime: 1,
      slipped: 1,
      flaggedEarly: 1,
      notTakenOn: 3,
      counts: '1 of 2 due so far done on time · 1 of 1 slip flagged early · 3 proposed, declined or withdrawn not counted',
    };
    expect(api.loadCommitments().rates).toEqual(expected);
    expect(api.loadHome().rates).toEqual(expected);
    // The view a save answers with carries them too.
    expect(api.updateCommitment({ id: slipped, recoveryPlan: 'Send it on the 19th' }).rates).toEqual(expected);
    asBen();
    expect(api.loadHome().rates).toEqual(expected);
  });
});
