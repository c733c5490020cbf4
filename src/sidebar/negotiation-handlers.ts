/**
 * Negotiating a proposed commitment. A proposal waits for one side: the side across from the one
 * recorded in "Proposed by (side)". That side accepts (handlers.ts acceptCommitment), declines with a
 * reason, or counter-proposes; a counter-proposal records the side that made it as the proposer, so
 * the first side now answers. The proposing side may withdraw. Who may do what comes from the
 * caller's saved side, never from the request.
 */
import { parseStatus } from '../domain/commitments';
import { actionDueProblem } from '../domain/dates';
import { type CommitmentChanges, findCommitment, planCommitmentUpdate } from '../workbook/commitments-log';
import { Workbook } from '../workbook/layout';
import { type TableRow, dateOf, isoDayOf, parseIsoDay, textOf } from '../workbook/table';
import type { CommitmentsView } from './api';
import { type Caller, requireCaller } from './caller';
import type { CounterProposal, NegotiationApi } from './negotiation-api';
import { readPartnership } from './read-model';
import { saveAtomically } from '../workbook/write-plan';

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
export function acceptanceProblem(row: TableRow, id: string, today: Date, calendar: Workbook['calendar']): string | null {
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

/** The caller must be on the side that answers: not the side whose proposal is waiting. */
function requireAnsweringSide(row: TableRow, id: string, caller: Caller): void {
  const proposer = textOf(row.values.proposerSide);
  if (proposer !== '' && sameSide(proposer, caller.side)) {
    throw new Error(`${id} is your side's proposal (${caller.side}); the other side answers it. You can withdraw it.`);
  }
}

/**
 * Runs one negotiation step all or nothing: the row is read inside the lock, `decide` checks it
 * and returns the changes (throwing writes nothing), and the update writes the row and its history.
 */
function negotiate(action: string, id: string, decide: (row: TableRow, caller: Caller, workbook: Workbook) => CommitmentChanges): Workbook {
  const workbook = new Workbook();
  const identity = workbook.identity;
  saveAtomically(workbook, action, (plan) => {
    const caller = requireCaller(readPartnership(workbook).sides, identity);
    const row = findCommitment(workbook, id);
    planCommitmentUpdate(plan, workbook, row, decide(row, caller, workbook), caller.actor);
  });
  return workbook;
}

function declineCommitment(id: string, reason: string): Workbook {
  return negotiate('Decline commitment', id, (row, caller) => {
    requireProposed(row, id, 'declined');
    requireAnsweringSide(row, id, caller);
    return { status: 'Dropped', declinedReason: reason };
  });
}

function counterProposeCommitment(counter: CounterProposal): Workbook {
  const { id } = counter;
  return negotiate('Counter-propose commitment', id, (row, caller, workbook) => {
    requireProposed(row, id, 'counter-proposed');
    requireAnsweringSide(row, id, caller);
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
      const today = new Date();
      if (isAssessmentAction(row)) {
        // The day it would be agreed is the earliest: the other side can accept today.
        const problem = actionDueProblem(today, date, calendar);
        if (problem) throw new Error(`The new due date ${newDue} ${problem}.`);
      } else if (calendar.dayNumber(date) < calendar.dayNumber(today)) {
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

function withdrawCommitment(id: string): Workbook {
  return negotiate('Withdraw commitment', id, (row, caller) => {
    requireProposed(row, id, 'withdrawn');
    const proposer = textOf(row.values.proposerSide);
    if (proposer === '') throw new Error(`${id} has no proposing side recorded, so nobody can withdraw it; the other side can decline it.`);
    if (!sameSide(proposer, caller.side)) {
      throw new Error(`${id} was proposed by ${proposer}; only they can withdraw it. You can accept, decline or counter-propose.`);
    }
    return { status: 'Dropped' };
  });
}

/** The handlers, each answering with the commitments as they are after the save (from what the save read). */
export function negotiationHandlers(loadCommitments: (workbook: Workbook) => CommitmentsView): NegotiationApi {
  return {
    declineCommitment: (id, reason) => loadCommitments(declineCommitment(id, reason)),
    counterProposeCommitment: (counter) => loadCommitments(counterProposeCommitment(counter)),
    withdrawCommitment: (id) => loadCommitments(withdrawCommitment(id)),
  };
}
