import { ACTION_DUE_MAX_DAYS, ACTION_DUE_MIN_DAYS, isActionDueOffset } from './dates';

/**
 * The agreed-action rule (DOMAIN.md rule 5) for forms: each of the three actions has an owner
 * person and a due date 30–60 days after the day it is agreed. The rule and its constants live in
 * dates.ts (isActionDueOffset; actionDueProblem checks Dates on the server); these helpers apply it
 * to ISO days, which is what the sidebar client has (no Date crosses google.script.run).
 */

/** Why `dueDay` is not 30–60 days after `agreedDay` (both day numbers), or null when it is. */
export function dueDayProblem(agreedDay: number, dueDay: number, agreedIso: string, dueIso: string): string | null {
  const days = dueDay - agreedDay;
  if (isActionDueOffset(days)) return null;
  const when = days < 0 ? `${-days} days before` : days === 0 ? 'the same day as' : `${days} days after`;
  return `The due date ${dueIso} is ${when} ${agreedIso}, the day it is agreed; an action is due ${ACTION_DUE_MIN_DAYS} to ${ACTION_DUE_MAX_DAYS} days after that.`;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a yyyy-mm-dd text (a calendar day, no zone involved); null if it is not one. */
export function isoDayNumber(iso: string): number | null {
  const match = ISO_DAY.exec(iso.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return time / 86_400_000;
}

const isoOfDayNumber = (dayNumber: number): string => new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);

/** The first and last allowed due day for an action agreed on `agreedIso`: for a date input's min and max. */
export function actionDueWindow(agreedIso: string): { earliest: string; latest: string } {
  const agreed = isoDayNumber(agreedIso);
  if (agreed === null) throw new RangeError(`agreed day is "${agreedIso}"; expected a date written yyyy-mm-dd`);
  return { earliest: isoOfDayNumber(agreed + ACTION_DUE_MIN_DAYS), latest: isoOfDayNumber(agreed + ACTION_DUE_MAX_DAYS) };
}

export interface ActionDraft {
  ownerPerson: string;
  /** yyyy-mm-dd */
  dueDate: string;
}

/** Every problem of one action as a form shows it, field by field; empty when it may be agreed. */
export function actionProblems(action: ActionDraft, agreedIso: string): { field: 'ownerPerson' | 'dueDate'; message: string }[] {
  const problems: { field: 'ownerPerson' | 'dueDate'; message: string }[] = [];
  if (action.ownerPerson.trim() === '') problems.push({ field: 'ownerPerson', message: 'Each action needs an owner person: who on the owner side does it.' });
  const agreed = isoDayNumber(agreedIso);
  if (agreed === null) throw new RangeError(`agreed day is "${agreedIso}"; expected a date written yyyy-mm-dd`);
  const due = isoDayNumber(action.dueDate);
  if (due === null) {
    problems.push({ field: 'dueDate', message: action.dueDate.trim() === '' ? 'Each action needs a due date.' : `The due date "${action.dueDate}" is not a date written yyyy-mm-dd.` });
  } else {
    const problem = dueDayProblem(agreed, due, agreedIso.trim(), action.dueDate.trim());
    if (problem) problems.push({ field: 'dueDate', message: problem });
  }
  return problems;
}
