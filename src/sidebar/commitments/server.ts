/**
 * The Shared Commitments Log on the server: the weekly sync (add, update) and negotiating a
 * proposed commitment. A proposal waits for one side: the side across from the one recorded in
 * "Proposed by (side)". That side accepts, declines with a reason, or counter-proposes; a
 * counter-proposal records the side that made it as the proposer, so the first side now answers.
 * The proposing side may withdraw. Who may do what comes from the caller (their side bound to who
 * they are: common/caller.ts), never from the request; who proposed (side and person) is kept in
 * the document properties when proposing, so neither a hand edit of "Proposed by (side)" nor a
 * person whose side was re-bound lets anyone answer a proposal of their own side or their own.
 */
import { actionSourceOf } from '../../domain/actions';
import { COMMITMENT_STATUSES, parseStatus } from '../../domain/commitments';
import { sameCycleName } from '../../domain/cycles';
import { CORNERS } from '../../domain/corners';
import { actionDueProblem } from '../../domain/dates';
import { type CommitmentChanges, type Proposal, findCommitment, planCommitmentUpdate, planCommitments, planProposal, proposalOf } from '../../workbook/commitments-log';
import { Workbook } from '../../workbook/workbook';
import { type TableRow, dateOf, isoDayOf, parseIsoDay, textOf } from '../../workbook/table';
import type { Ritual } from '../ritual';
import { type Caller, publicIdentity, viewerOf } from '../common/caller';
import { readPartnership, summariseCommitment } from '../common/read-model';
import { type CommitmentLog, actionCycleOf, readCommitmentLog } from '../../workbook/commitments-read';
import { saveThenShow, today } from '../common/request';
import type { CommitmentInput, CommitmentUpdate, CommitmentsApi, CommitmentsView, CounterProposal } from './api';
import { COMMITMENTS_ARGUMENTS } from './inputs';
import { ratesOf } from './rates';

function loadCommitments(workbook = new Workbook()): CommitmentsView {
  const identity = viewerOf(workbook);
  const { sides } = readPartnership(workbook);
  const log = readCommitmentLog(workbook);
  const now = today();
  return {
    sides,
    identity: publicIdentity(identity),
    commitments: log.rows.map((row) => summariseCommitment(row, identity, now, workbook.calendar)),
    settledCount: log.settled.rows,
    rates: ratesOf(log.rows, now, workbook.calendar, log.settled),
    focusLink: focusLinkOf(log),
    statuses: [...COMMITMENT_STATUSES],
    corners: [...CORNERS],
  };
}

function acceptCommitment(id: string): CommitmentsView {
  return saveThenShow('Accept commitment', ({ workbook, plan, caller: callerOf }) => {
    const caller = callerOf();
    const row = findCommitment(workbook, id);
    const status = textOf(row.values.status);
    if (status !== 'Proposed') throw new Error(`${id} is already ${status || 'without a status'}; only a proposed commitment can be accepted.`);
    // Who may accept was fixed when it was proposed: someone of the side across from the proposer's.
    const proposal = requireAnsweringSide(row, id, caller, workbook, 'accepts');
    const late = acceptanceProblem(row, id, today(), workbook.calendar);
    if (late) throw new Error(late);
    planCommitmentUpdate(plan, workbook, row, { status: 'Open', acceptedBy: caller.actor.label, ...keptProposerSide(row, proposal) }, caller.actor);
  }, loadCommitments);
}

/** The cycle whose actions a new commitment may join, from the log as the view read it. */
function focusLinkOf(log: CommitmentLog): CommitmentsView['focusLink'] {
  const found = actionCycleOf(log);
  return found ? { cycle: found.cycle, corner: found.corner } : null;
}

function addCommitment(input: CommitmentInput): CommitmentsView {
  return saveThenShow('Add commitment', ({ workbook, plan, sides: partnershipSides, caller: callerAmong }) => {
    const sides = partnershipSides();
    const caller = callerAmong(sides);
    const due = parseIsoDay(input.dueDate, 'The due date', workbook.calendar);
    if (workbook.calendar.dayNumber(due) < workbook.calendar.dayNumber(today())) {
      throw new Error(`The due date ${input.dueDate} is in the past; a new commitment is due today or later.`);
    }
    // The view returned shows every column: read them all once, under the lock (ids come from it too).
    const log = readCommitmentLog(workbook);
    const { forCycle, ...commitment } = input;
    if (forCycle === undefined) {
      planCommitments(plan, workbook, [{ ...commitment, source: 'Weekly sync', status: 'Proposed' }], sides, caller.actor);
      return;
    }
    // Joining a cycle's actions: its focus corner, and the agreed actions' 30–60 day rule.
    const link = focusLinkOf(log);
    if (!link || !sameCycleName(link.cycle, forCycle)) {
      throw new Error(link ? `The actions in play are ${link.cycle}'s now, not ${forCycle}'s; reload Sync to link to them.` : `No cycle has agreed actions for a commitment to join; agree them from the results first.`);
    }
    const problem = actionDueProblem(today(), due, workbook.calendar);
    if (problem) throw new Error(`The due date ${input.dueDate} ${problem}: it joins ${link.cycle}'s actions.`);
    planCommitments(plan, workbook, [{ ...commitment, corner: link.corner, source: actionSourceOf(link.cycle), status: 'Proposed' }], sides, caller.actor);
  }, loadCommitments);
}

function updateCommitment(update: CommitmentUpdate): CommitmentsView {
  const { id, ...changes } = update;
  return saveThenShow('Update commitment', ({ workbook, plan, caller: callerOf }) => {
    const caller = callerOf();
    const row = findCommitment(workbook, id);
    if (changes.status === 'Open' && textOf(row.values.status) === 'Proposed') {
      throw new Error(`${id} is waiting for the other side to accept it; accepting sets it to Open.`);
    }
    planCommitmentUpdate(plan, workbook, row, changes, caller.actor);
  }, loadCommitments);
}

/** Actions agreed after an assessment carry this source; their due dates follow the 30–60 day rule. */
const isAssessmentAction = (row: TableRow): boolean => textOf(row.values.source).startsWith('Assessment ');

const sameSide = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function requireProposed(row: TableRow, id: string, verb: string): void {
  const status = textOf(row.values.status);
  if (parseStatus(status) !== 'Proposed') {
    throw new Error(`${id} is ${status ? `already ${status}` : 'without a status'}; only a proposed commitment can be ${verb}.`);
  }
}

/**
 * Why a proposal cannot be accepted today as it stands, or null. An action agreed after an
 * assessment falls due 30–60 days from the day it is agreed, and accepting is that day: a proposal
 * left waiting can drift out of the range. The way out is a counter-proposal with a new date,
 * which the proposer then accepts. (A weekly-sync commitment has no such window.)
 */
function acceptanceProblem(row: TableRow, id: string, today: Date, calendar: Workbook['calendar']): string | null {
  const due = dateOf(row.values.dueDate);
  const counter = 'Counter-propose it with a new due date instead';
  if (!isAssessmentAction(row)) {
    // Any other commitment: accepting one already past its due date would make it overdue at once.
    return due && calendar.dayNumber(due) < calendar.dayNumber(today)
      ? `${id} cannot be accepted today: it was due ${isoDayOf(due, calendar)}, which has passed. ${counter}.`
      : null;
  }
  if (!due) return `${id} has no due date; an agreed action falls due 30 to 60 days after it is agreed. ${counter}.`;
  const problem = actionDueProblem(today, due, calendar);
  return problem ? `${id} cannot be accepted today: its due date ${isoDayOf(due, calendar)} ${problem}. ${counter}.` : null;
}

/**
 * The caller must be on the side that answers, and not the person who proposed: nobody accepts,
 * declines or counter-proposes a proposal of their own side or one they made. Who proposed comes
 * from what was kept when it was proposed (commitments-log.ts), not from the row's text.
 */
function requireAnsweringSide(row: TableRow, id: string, caller: Caller, workbook: Workbook, verb = 'answers'): Proposal {
  const proposal = proposalOf(workbook, row);
  if (proposal.side !== '' && sameSide(proposal.side, caller.side)) {
    throw new Error(
      verb === 'accepts'
        ? `${id} was proposed by your side (${caller.side}); the other side accepts it.`
        : `${id} is your side's proposal (${caller.side}); the other side answers it. You can withdraw it.`,
    );
  }
  // Sides are bound to people, so this holds a person whose side was re-bound after proposing (an email list edited) too.
  // The person key, else the tag of the person id; a proposal kept before the tag compares the id itself.
  const sameProposer =
    (proposal.person !== '' && proposal.person === caller.person) ||
    (proposal.personTag !== '' && proposal.personTag === caller.identity.proposerTag()) ||
    (proposal.personId !== '' && proposal.personId === caller.identity.personId());
  if (sameProposer) {
    throw new Error(`You proposed ${id}; someone of the other side ${verb} it.`);
  }
  return proposal;
}

/** The row's "Proposed by (side)" put back as kept when a hand edit changed it (the history shows both). */
const keptProposerSide = (row: TableRow, proposal: Proposal): CommitmentChanges =>
  proposal.person !== '' && proposal.side !== '' && textOf(row.values.proposerSide) !== proposal.side ? { proposerSide: proposal.side } : {};

/**
 * Runs one negotiation step all or nothing: the row is read inside the lock, `decide` checks it
 * and returns the changes (throwing writes nothing), and the update writes the row and its history.
 */
function negotiate(action: string, id: string, decide: (row: TableRow, caller: Caller, workbook: Workbook) => CommitmentChanges): CommitmentsView {
  return saveThenShow(action, ({ workbook, plan, caller: callerOf }) => {
    const caller = callerOf();
    const row = findCommitment(workbook, id);
    const changes = decide(row, caller, workbook);
    // A counter-proposal makes the caller the proposer: kept as a proposal is.
    if (changes.proposerSide !== undefined && changes.proposerSide === caller.side) {
      planProposal(plan, id, { side: caller.side, person: caller.person, personId: '', personTag: caller.identity.proposerTag() });
    }
    planCommitmentUpdate(plan, workbook, row, changes, caller.actor);
  }, loadCommitments);
}

function declineCommitment(id: string, reason: string): CommitmentsView {
  return negotiate('Decline commitment', id, (row, caller, workbook) => {
    requireProposed(row, id, 'declined');
    const proposal = requireAnsweringSide(row, id, caller, workbook);
    return { status: 'Declined', declinedReason: reason, ...keptProposerSide(row, proposal) };
  });
}

function counterProposeCommitment(counter: CounterProposal): CommitmentsView {
  const { id } = counter;
  return negotiate('Counter-propose commitment', id, (row, caller, workbook) => {
    requireProposed(row, id, 'counter-proposed');
    requireAnsweringSide(row, id, caller, workbook);
    const calendar = workbook.calendar;
    const wording = textOf(row.values.commitment);
    const due = dateOf(row.values.dueDate);
    const dueText = due ? isoDayOf(due, calendar) : '';
    const newWording = counter.commitment !== undefined && counter.commitment !== wording ? counter.commitment : undefined;
    const newDue = counter.dueDate !== undefined && counter.dueDate !== dueText ? counter.dueDate : undefined;
    if (newWording === undefined && newDue === undefined) {
      throw new Error(`The counter-proposal for ${id} changes nothing; give a new due date or new wording.`);
    }
    if (newDue !== undefined) {
      const date = parseIsoDay(newDue, 'The new due date', calendar);
      const now = today();
      if (isAssessmentAction(row)) {
        // The day it would be agreed is the earliest: the other side can accept today.
        const problem = actionDueProblem(now, date, calendar);
        if (problem) throw new Error(`The new due date ${newDue} ${problem}.`);
      } else if (calendar.dayNumber(date) < calendar.dayNumber(now)) {
        throw new Error(`The new due date ${newDue} is in the past; a commitment is due today or later.`);
      }
    }
    return {
      commitment: newWording,
      dueDate: newDue,
      proposerSide: caller.side,
      counterTo: `Due ${dueText || '(no date)'}: ${wording}`,
    };
  });
}

function withdrawCommitment(id: string): CommitmentsView {
  return negotiate('Withdraw commitment', id, (row, caller, workbook) => {
    requireProposed(row, id, 'withdrawn');
    const proposal = proposalOf(workbook, row);
    const proposer = proposal.side;
    if (proposer === '') throw new Error(`${id} has no proposing side recorded, so nobody can withdraw it; the other side can decline it.`);
    if (!sameSide(proposer, caller.side)) {
      throw new Error(`${id} was proposed by ${proposer}; only they can withdraw it. You can accept, decline or counter-propose.`);
    }
    return { status: 'Withdrawn', ...keptProposerSide(row, proposal) };
  });
}

export const COMMITMENTS: Ritual<CommitmentsApi> = {
  handlers: {
    loadCommitments: () => loadCommitments(),
    acceptCommitment,
    addCommitment,
    updateCommitment,
    declineCommitment,
    counterProposeCommitment,
    withdrawCommitment,
  },
  arguments: COMMITMENTS_ARGUMENTS,
};
