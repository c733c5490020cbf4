import { describe, expect, it, vi } from 'vitest';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { asAna, asBen, double, useWorkbookDouble } from '../support/workbook-double';

useWorkbookDouble();

/** Ana (Acme) proposes a weekly-sync commitment; returns its id. */
function anaProposes(commitment = 'Share the roadmap', dueDate = '2027-01-10'): string {
  asAna();
  const view = api.addCommitment({ commitment, ownerSide: 'Acme', ownerPerson: 'Ana', corner: 'Alignment', dueDate });
  return view.commitments.find((item) => item.commitment === commitment)!.id;
}

/** Ana proposes the three actions of an assessment cycle due `dueDate`; returns their ids. */
function anaAgreesActions(dueDate: string): string[] {
  asAna();
  const rate = { Competence: 6, Reliability: 6, Transparency: 4, Alignment: 6 };
  api.startCycle({ name: '2026-Q4', kind: 'Quarterly', anonymity: 'Named' });
  api.submitAssessment({ cycle: '2026-Q4', ratings: rate, evidence: { Competence: '', Reliability: '', Transparency: '', Alignment: '' } });
  const agreed = api.agreeActions('2026-Q4', 'Transparency', [
    { commitment: 'Share the pricing calendar', ownerSide: 'Acme', ownerPerson: 'Ana', dueDate },
    { commitment: 'Monthly pipeline report', ownerSide: 'Beta', ownerPerson: 'Ben', dueDate },
    { commitment: 'No-surprises rule', ownerSide: 'Acme', ownerPerson: 'Ana', dueDate },
  ]);
  return agreed.actions.map((action) => action.id);
}

/** The log row of `id`, keyed by header, as the sheet shows it. */
function logRow(id: string): Record<string, unknown> {
  const [headers, ...rows] = double.inspect.values('Shared Commitments Log');
  const row = rows.find((candidate) => candidate[0] === id)!;
  return Object.fromEntries(headers.map((header, index) => [String(header), row[index]]));
}

/** History rows of `id`: [who, field, old, new]. */
const historyOf = (id: string) =>
  double.inspect.values('Change History').slice(1).filter((row) => row[3] === id).map((row) => [row[1], row[4], row[5], row[6]]);

const summaryOf = (id: string) => api.loadCommitments().commitments.find((item) => item.id === id)!;

/** Everything a save could touch: refused steps must leave it all as it was. */
const everything = () => JSON.stringify([double.inspect.values('Shared Commitments Log'), double.inspect.values('Change History')]);

describe('declining a proposal', () => {
  it('ends it as Declined with the reason both sides see, and records who and why', () => {
    const id = anaProposes();
    asBen();
    expect(summaryOf(id)).toMatchObject({ awaitingYourAcceptance: true, awaitingTheirAnswer: false, proposerSide: 'Acme' });
    const view = api.declineCommitment(id, '=Not this quarter; our team is on the launch');
    const declined = view.commitments.find((item) => item.id === id)!;
    expect(declined).toMatchObject({ status: 'Declined', declinedReason: '=Not this quarter; our team is on the launch', awaitingYourAcceptance: false, acceptedBy: '' });
    // Stored as text, never a formula.
    expect(logRow(id)['Declined because']).toBe('=Not this quarter; our team is on the launch');
    expect(historyOf(id).slice(-2)).toEqual([
      ['Ben (Beta)', 'Status', 'Proposed', 'Declined'],
      ['Ben (Beta)', 'Declined because', '', '=Not this quarter; our team is on the launch'],
    ]);
    asAna();
    expect(summaryOf(id)).toMatchObject({ status: 'Declined', declinedReason: '=Not this quarter; our team is on the launch', awaitingTheirAnswer: false });
  });

  it('is refused to the proposing side, to a commitment no longer proposed, and without a reason', () => {
    const id = anaProposes();
    const before = everything();
    expect(() => api.declineCommitment(id, 'No')).toThrow(`${id} is your side's proposal (Acme); the other side answers it. You can withdraw it.`);
    asBen();
    expect(() => api.declineCommitment(id, '   ')).toThrow('The reason for declining is empty; please fill it in.');
    expect(() => api.declineCommitment(id, 'x'.repeat(301))).toThrow(/The reason for declining is 301 characters long; at most 300 fit/);
    expect(everything()).toBe(before);
    api.acceptCommitment(id);
    const accepted = everything();
    expect(() => api.declineCommitment(id, 'Changed our mind')).toThrow(`${id} is already Open; only a proposed commitment can be declined.`);
    expect(everything()).toBe(accepted);
  });
});

describe('counter-proposing', () => {
  it('replaces the terms, records what they replaced and hands the answer back to the proposer, who accepts', () => {
    const id = anaProposes('Share the roadmap', '2027-01-10');
    asBen();
    const view = api.counterProposeCommitment({ id, dueDate: '2027-01-31', commitment: 'Share the roadmap draft' });
    expect(view.commitments.find((item) => item.id === id)).toMatchObject({
      status: 'Proposed', commitment: 'Share the roadmap draft', dueDate: '2027-01-31', proposerSide: 'Beta',
      counterTo: 'Due 2027-01-10: Share the roadmap', awaitingYourAcceptance: false, awaitingTheirAnswer: true,
    });
    expect(historyOf(id).slice(-4)).toEqual([
      ['Ben (Beta)', 'Commitment', 'Share the roadmap', 'Share the roadmap draft'],
      ['Ben (Beta)', 'Due date', '2027-01-10', '2027-01-31'],
      ['Ben (Beta)', 'Proposed by (side)', 'Acme', 'Beta'],
      ['Ben (Beta)', 'Counter-proposal to', '', 'Due 2027-01-10: Share the roadmap'],
    ]);
    // Now Beta's proposal: Ben may not accept his own counter, Ana answers it.
    expect(() => api.acceptCommitment(id)).toThrow(`${id} was proposed by your side (Beta); the other side accepts it.`);
    asAna();
    expect(summaryOf(id)).toMatchObject({ awaitingYourAcceptance: true, awaitingTheirAnswer: false });
    const accepted = api.acceptCommitment(id).commitments.find((item) => item.id === id)!;
    expect(accepted).toMatchObject({ status: 'Open', acceptedBy: 'Ana (Acme)', commitment: 'Share the roadmap draft', dueDate: '2027-01-31' });
  });

  it('can go back and forth: the proposer counters the counter', () => {
    const id = anaProposes('Share the roadmap', '2027-01-10');
    asBen();
    api.counterProposeCommitment({ id, dueDate: '2027-02-15' });
    asAna();
    expect(() => api.withdrawCommitment(id)).toThrow(`${id} was proposed by Beta; only they can withdraw it. You can accept, decline or counter-propose.`);
    api.counterProposeCommitment({ id, dueDate: '2027-01-31' });
    asBen();
    expect(summaryOf(id)).toMatchObject({ proposerSide: 'Acme', dueDate: '2027-01-31', counterTo: 'Due 2027-02-15: Share the roadmap', awaitingYourAcceptance: true });
    expect(api.acceptCommitment(id).commitments.find((item) => item.id === id)).toMatchObject({ status: 'Open', acceptedBy: 'Ben (Beta)' });
  });

  it('keeps the 30-60 day rule for an assessment action, counted from today', () => {
    const [first] = anaAgreesActions('2027-01-14');
    asBen();
    const before = everything();
    expect(() => api.counterProposeCommitment({ id: first, dueDate: '2027-02-15' })).toThrow(
      'The new due date 2027-02-15 is 77 days from today; agreed actions fall due 30 to 60 days out (2026-12-30 to 2027-01-29).',
    );
    expect(() => api.counterProposeCommitment({ id: first, dueDate: '2026-12-20' })).toThrow(/is 20 days from today/);
    expect(everything()).toBe(before);
    // A week later the window has moved with the day it would be agreed.
    vi.setSystemTime(new Date('2026-12-07T12:00:00Z'));
    expect(api.counterProposeCommitment({ id: first, dueDate: '2027-02-05' }).commitments.find((item) => item.id === first)).toMatchObject({
      dueDate: '2027-02-05', proposerSide: 'Beta',
    });
  });

  it('refuses a counter that changes nothing, a past date, the proposing side and a closed commitment', () => {
    const id = anaProposes('Share the roadmap', '2027-01-10');
    const before = everything();
    expect(() => api.counterProposeCommitment({ id, dueDate: '2027-01-20' })).toThrow(`${id} is your side's proposal (Acme)`);
    asBen();
    expect(() => api.counterProposeCommitment({ id })).toThrow(`The counter-proposal for ${id} changes nothing; give a new due date or new wording.`);
    expect(() => api.counterProposeCommitment({ id, dueDate: '2027-01-10', commitment: 'Share the roadmap' })).toThrow(/changes nothing/);
    expect(() => api.counterProposeCommitment({ id, dueDate: '2026-11-29' })).toThrow('The new due date 2026-11-29 is in the past; a commitment is due today or later.');
    expect(() => api.counterProposeCommitment({ id, dueDate: '2027-02-30' })).toThrow(/The new due date .*a date \(yyyy-mm-dd\)/);
    expect(() => api.counterProposeCommitment({ id, commitment: '' })).toThrow('The new wording is empty; please fill it in.');
    expect(() => api.counterProposeCommitment({ id, acceptedBy: 'Ana' } as never)).toThrow(/acceptedBy/);
    expect(everything()).toBe(before);
    api.declineCommitment(id, 'No');
    expect(() => api.counterProposeCommitment({ id, dueDate: '2027-01-20' })).toThrow(`${id} is already Declined; only a proposed commitment can be counter-proposed.`);
  });
});

describe('accepting late', () => {
  it('re-checks the 30-60 day rule on the day an assessment action is accepted, and points to a counter-proposal', () => {
    // Proposed on 2026-11-30 due 2027-01-14 (45 days): fine then.
    const [first] = anaAgreesActions('2027-01-14');
    asBen();
    // Twenty days later it would be due only 25 days after it is agreed.
    vi.setSystemTime(new Date('2026-12-20T12:00:00Z'));
    const before = everything();
    expect(() => api.acceptCommitment(first)).toThrow(
      `${first} cannot be accepted today: its due date 2027-01-14 is 25 days from today; agreed actions fall due 30 to 60 days out (2027-01-19 to 2027-02-18). Counter-propose it with a new due date instead.`,
    );
    expect(everything()).toBe(before);
    // The way out the message names: a counter-proposal with a date in range, which Ana accepts.
    api.counterProposeCommitment({ id: first, dueDate: '2027-02-01' });
    asAna();
    expect(api.acceptCommitment(first).commitments.find((item) => item.id === first)).toMatchObject({ status: 'Open', dueDate: '2027-02-01', acceptedBy: 'Ana (Acme)' });
  });

  it('refuses a weekly-sync commitment whose due date has passed, and accepts it on its due day', () => {
    const late = anaProposes('Share the roadmap', '2026-12-10');
    const onTime = anaProposes('Send the forecast', '2026-12-10');
    asBen();
    vi.setSystemTime(new Date('2026-12-10T12:00:00Z'));
    expect(api.acceptCommitment(onTime).commitments.find((item) => item.id === onTime)?.status).toBe('Open');
    vi.setSystemTime(new Date('2026-12-11T12:00:00Z'));
    const before = everything();
    expect(() => api.acceptCommitment(late)).toThrow(`${late} cannot be accepted today: it was due 2026-12-10, which has passed. Counter-propose it with a new due date instead.`);
    expect(everything()).toBe(before);
  });

  it('accepts an action on the last day its date is still in range', () => {
    const [first, second] = anaAgreesActions('2027-01-14');
    asBen();
    // 2027-01-14 is exactly 30 days after 2026-12-15, and 31 after 2026-12-14.
    vi.setSystemTime(new Date('2026-12-15T12:00:00Z'));
    expect(api.acceptCommitment(first).commitments.find((item) => item.id === first)?.status).toBe('Open');
    vi.setSystemTime(new Date('2026-12-16T12:00:00Z'));
    expect(() => api.acceptCommitment(second)).toThrow(/is 29 days from today/);
  });
});

describe('withdrawing', () => {
  it('lets only the proposing side take its proposal back', () => {
    const id = anaProposes();
    asBen();
    const before = everything();
    expect(() => api.withdrawCommitment(id)).toThrow(`${id} was proposed by Acme; only they can withdraw it. You can accept, decline or counter-propose.`);
    expect(everything()).toBe(before);
    asAna();
    expect(summaryOf(id).awaitingTheirAnswer).toBe(true);
    expect(api.withdrawCommitment(id).commitments.find((item) => item.id === id)).toMatchObject({ status: 'Withdrawn', declinedReason: '' });
    expect(historyOf(id).at(-1)).toEqual(['Ana (Acme)', 'Status', 'Proposed', 'Withdrawn']);
    expect(() => api.withdrawCommitment(id)).toThrow(`${id} is already Withdrawn; only a proposed commitment can be withdrawn.`);
  });

  it('is refused on a proposal with no proposing side recorded (typed into the sheet)', () => {
    anaProposes();
    const log = double.spreadsheet.getSheetByName('Shared Commitments Log')!;
    const headers = double.inspect.values('Shared Commitments Log')[0] as unknown[];
    const typed = headers.map((header) => (header === 'ID' ? 'C-099' : header === 'Commitment' ? 'Typed by hand' : header === 'Status' ? 'Proposed' : ''));
    log.getRange(3, 1, 1, typed.length).setValues([typed]);
    asAna();
    expect(() => api.withdrawCommitment('C-099')).toThrow('C-099 has no proposing side recorded, so nobody can withdraw it; the other side can decline it.');
    asBen();
    expect(api.declineCommitment('C-099', 'Not ours').commitments.find((item) => item.id === 'C-099')?.status).toBe('Declined');
  });

  it('goes by who proposed as kept when proposing, not by a hand edit of "Proposed by (side)", and puts the row back', () => {
    const id = anaProposes();
    const log = double.spreadsheet.getSheetByName('Shared Commitments Log')!;
    const column = (double.inspect.values('Shared Commitments Log')[0] as unknown[]).indexOf('Proposed by (side)') + 1;
    log.getRange(2, column).setValue('Beta');
    asBen();
    expect(() => api.withdrawCommitment(id)).toThrow(`${id} was proposed by Acme; only they can withdraw it.`);
    asAna();
    expect(() => api.acceptCommitment(id)).toThrow(`${id} was proposed by your side (Acme); the other side accepts it.`);
    expect(api.withdrawCommitment(id).commitments.find((item) => item.id === id)?.status).toBe('Withdrawn');
    expect(logRow(id)['Proposed by (side)']).toBe('Acme');
    expect(historyOf(id)).toContainEqual(['Ana (Acme)', 'Proposed by (side)', 'Beta', 'Acme']);
  });
});

describe('all or nothing, authority from the server', () => {
  it('writes nothing when the lock is refused, and nothing for a caller with no saved identity', () => {
    const id = anaProposes();
    asBen();
    const before = everything();
    double.lock.failNext(1_000);
    expect(() => api.counterProposeCommitment({ id, dueDate: '2027-01-20', commitment: 'Other words' })).toThrow();
    double.lock.release();
    expect(everything()).toBe(before);
    double.setActiveUser('nobody@elsewhere.example');
    expect(() => api.declineCommitment(id, 'No')).toThrow('Tell us who you are first: your name and side.');
    expect(everything()).toBe(before);
  });

  it('refuses an unknown id and a malformed one, naming the field', () => {
    anaProposes();
    asBen();
    expect(() => api.declineCommitment('C-999', 'No')).toThrow(/No commitment with id C-999/);
    expect(() => api.withdrawCommitment('<img>')).toThrow(/The commitment id .*an id such as C-001/);
    expect(() => (api.declineCommitment as (...values: unknown[]) => unknown)('C-001')).toThrow('The reason for declining is missing.');
  });
});
