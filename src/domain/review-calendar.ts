import type { Calendar } from './calendar';
import type { Corner } from './corners';
import type { FocusReason } from './focus';

/**
 * The quarterly trust review on the calendar (DOMAIN.md "Trust Corner Assessment" 7: "put a
 * recurring 30-minute meeting on your calendar"): a Google Calendar link that opens an event
 * pre-filled for the next reassessment, recurring every three months, with an agenda built from
 * the data. It needs no permission: a link the user opens and saves in their own calendar. Pure:
 * user text (company names, actions) only ever goes into the URL encoded, never into markup.
 */

const CALENDAR_TEMPLATE_URL = 'https://calendar.google.com/calendar/render';
/** Every three months, as the method's quarterly rhythm. */
const QUARTERLY_RRULE = 'RRULE:FREQ=MONTHLY;INTERVAL=3';
/** A gap this large is discussed before anything else (DOMAIN.md "Perception gap"). */
const DISCUSS_FIRST_GAP = 2;
/** An agenda stays short enough for a link: the longest action text and the most actions listed. */
const MAX_ACTION_CHARS = 120;
const MAX_ACTIONS = 8;

export interface ReviewAction {
  id: string;
  commitment: string;
  ownerSide: string;
  /** yyyy-mm-dd, or '' when it has none. */
  dueDate: string;
  status: string;
}

export interface ReviewInput {
  ourCompany: string;
  partnerCompany: string;
  /** The cycle that closed, whose results the review follows up. */
  cycle: string;
  /** The next reassessment: the day of the review. */
  reviewOn: Date;
  /** The spreadsheet's calendar: the day is the one the sheet shows. */
  calendar: Calendar;
  /** Per corner, our company's mean minus the partner's in `cycle` (null when a side has none). */
  gaps: Partial<Record<Corner, number | null>>;
  /** The focus of `cycle` and why (the +2 rule), as the focus across cycles gives it. */
  focus: Corner | null;
  reason: FocusReason | null;
  /** The cycle's actions still to be done (not done, dropped, missed, declined or withdrawn). */
  actions: readonly ReviewAction[];
}

const signed = (value: number): string => `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(1)}`;

/** A lone UTF-16 surrogate (from cut text or a hostile cell) would make encodeURIComponent throw. */
const wellFormed = (text: string): string => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** One line of user text: whitespace runs (new lines too) as one space, cut with an ellipsis. */
function line(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function gapLines(input: ReviewInput): string[] {
  const big = (Object.entries(input.gaps) as Array<[Corner, number | null]>)
    .filter((entry): entry is [Corner, number] => entry[1] !== null && Math.abs(entry[1]) >= DISCUSS_FIRST_GAP - 1e-9)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  if (big.length === 0) return [`1. Perception gaps: none of ${DISCUSS_FIRST_GAP} points or more in ${input.cycle}.`];
  return [
    `1. Discuss first: perception gaps of ${DISCUSS_FIRST_GAP} or more in ${input.cycle} (${line(input.ourCompany, 60)} minus ${line(input.partnerCompany, 60)})`,
    ...big.map(([corner, gap]) => `   - ${corner} ${signed(gap)} (${line(gap > 0 ? input.ourCompany : input.partnerCompany, 60)} rates it higher)`),
  ];
}

function focusLine(input: ReviewInput): string {
  const reason = input.reason;
  if (reason?.rule === 'shifted') {
    return `2. The +2 rule moved the focus: ${reason.from} improved ${signed(reason.improvement)} since ${reason.since}, so the focus is now ${reason.to}.`;
  }
  if (reason?.rule === 'kept') {
    const moved = reason.improvement === null ? 'could not be compared' : `moved ${signed(reason.improvement)}`;
    return `2. The +2 rule kept the focus on ${reason.focus}: it ${moved} since ${reason.since}, less than 2. Discuss why and adjust the actions.`;
  }
  if (reason?.rule === 'first') return `2. Focus: ${reason.weakest}, the weakest corner of the first assessment (${reason.mean.toFixed(1)}).`;
  return input.focus ? `2. Focus: ${input.focus}.` : '2. Focus: none yet.';
}

function actionLines(input: ReviewInput): string[] {
  const actions = [...input.actions].sort((a, b) => (a.dueDate || '9999').localeCompare(b.dueDate || '9999'));
  if (actions.length === 0) return [`3. Actions due: none open for ${input.cycle}. Agree three for the focus.`];
  const listed = actions.slice(0, MAX_ACTIONS).map(
    (action) =>
      `   - ${line(action.id, 12)} ${line(action.commitment, MAX_ACTION_CHARS)} (${line(action.ownerSide, 60)}, ${action.dueDate ? `due ${action.dueDate}` : 'no due date'}, ${line(action.status || 'no status', 20)})`,
  );
  const more = actions.length > MAX_ACTIONS ? [`   - and ${actions.length - MAX_ACTIONS} more in the Shared Commitments Log`] : [];
  return [`3. Actions due for ${input.cycle}${input.focus ? ` (${input.focus})` : ''}:`, ...listed, ...more];
}

/** The event's description: the agenda in plain text, gaps first. */
export function reviewAgenda(input: ReviewInput): string {
  return [
    `Trust Corners quarterly review, 30 minutes, after ${input.cycle}.`,
    '',
    ...gapLines(input),
    focusLine(input),
    ...actionLines(input),
    '4. Both sides take the Trust Corner Assessment for the next cycle (Trust Corners sidebar), then agree the next three actions.',
  ].join('\n');
}

function reviewTitle(input: Pick<ReviewInput, 'ourCompany' | 'partnerCompany'>): string {
  return `Quarterly trust review: ${line(input.ourCompany, 60)} and ${line(input.partnerCompany, 60)}`;
}

/** yyyymmdd of the day `date` falls on in `calendar`, and of the day after (an all-day event's end is exclusive). */
export function allDayDates(date: Date, calendar: Calendar): string {
  const compact = (day: Date) => calendar.isoDay(day).replace(/-/g, '');
  return `${compact(date)}/${compact(calendar.addDays(date, 1))}`;
}

/**
 * The Google Calendar link that opens the review pre-filled. The title and the agenda (user text)
 * are URL-encoded; the dates and the rule are our own constants, written as Calendar documents them.
 */
export function reviewCalendarUrl(input: ReviewInput): string {
  const text = (value: string): string => encodeURIComponent(wellFormed(value));
  return [
    `${CALENDAR_TEMPLATE_URL}?action=TEMPLATE`,
    `text=${text(reviewTitle(input))}`,
    `dates=${allDayDates(input.reviewOn, input.calendar)}`,
    `details=${text(reviewAgenda(input))}`,
    `recur=${QUARTERLY_RRULE}`,
  ].join('&');
}
