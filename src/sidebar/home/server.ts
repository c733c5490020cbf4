/**
 * Home and who is who on the server: the trust square of the latest cycle, the open cycle and the
 * one Home offers, what needs attention, governance and breach notes; saving who you are; set-up
 * and the example partnership.
 */
import type { Calendar } from '../../domain/calendar';
import { needsSafeguards } from '../../domain/corners';
import { PARTNERSHIP_MODELS } from '../../domain/models';
import { CycleStore } from '../../workbook/cycle-store';
import { planHistory } from '../../workbook/history';
import { type CallerIdentity, type SavedIdentity, personProperty, saveIdentity as storeIdentity } from '../../workbook/identity';
import { findSide } from '../../workbook/input';
import { Workbook } from '../../workbook/workbook';
import { loadExamplePartnership } from '../../workbook/load-example';
import { setUpWorkbook as runSetup } from '../../workbook/setup';
import { dateOf, isoDayOf, textOf } from '../../workbook/table';
import { PARTNERSHIP } from '../../workbook/templates';
import type { Ritual } from '../ritual';
import { cycleContext, cycleInfo, directedGap, focusReasonOf, offerOf, pendingMajorChange, readCycleRecords } from '../assessment/cycles';
import { exitOf } from '../breach/server';
import type { CornerName } from '../common/api';
import { type Who, keepsSideMessage, publicIdentity, viewerOf, whoIs } from '../common/caller';
import { cornerSummaries, daysUntil, orderedSides, readPartnership, commitmentsWithActionsOf, readSnapshot, summariseCommitment, toCornerValues, whyItMatters } from '../common/read-model';
import { save, today } from '../common/request';
import { NO_RATES, ratesOf } from '../commitments/rates';
import { governanceHomeNote } from '../governance/server';
import type { HomeApi, HomeView, IdentityInput, PartnershipInput, WhoView } from './api';
import { HOME_ARGUMENTS } from './inputs';
import { reviewCalendarOf } from './review-calendar';
import { type BreachState, openBreaches, readBreachState } from '../../workbook/breach-read';

function notSetUpHome(workbook: Workbook): HomeView {
  return {
    setUp: false, who: { email: null, basis: null, fixedSide: null, keptBecause: null }, models: [...PARTNERSHIP_MODELS], identity: publicIdentity(workbook.identity), sides: [], model: '', latestCycle: null, corners: cornerSummaries(undefined, undefined),
    sideMeans: [], gaps: null, gapLabel: null, weakest: null, weakestWhy: '', focusReason: '', openCycle: null, offer: null, needsSafeguards: false, attention: [], rates: NO_RATES, daysToReassessment: null, reviewCalendar: null,
    nextReassessment: null, actions: [], breachMode: null, adHocReason: null, governance: { state: 'unchosen', approach: '', reviewDue: null, daysToReview: null }, exited: null,
  };
}

export function loadHome(workbook = new Workbook()): HomeView {
  if (!workbook.isSetUp()) return notSetUpHome(workbook);
  const identity = viewerOf(workbook);
  const snapshot = readSnapshot(workbook);
  const context = cycleContext(snapshot, readCycleRecords(workbook).records);
  const latestEntry = context.assessed[context.assessed.length - 1];
  const latest = latestEntry?.summary;
  const previous = context.assessed[context.assessed.length - 2]?.summary;
  const now = today();
  const calendar = workbook.calendar;
  const summaries = snapshot.commitments.map((row) => summariseCommitment(row, identity, now, calendar));
  // The latest cycle's actions, settled ones too (Home lists them all).
  const actionRows = latest ? commitmentsWithActionsOf(workbook, latest.cycle) : [];
  const gap = directedGap(snapshot, latest);
  const focus = (latestEntry?.step.focus ?? null) as CornerName | null;
  const breaches = readBreachState(workbook);
  // An exit closes the loop: no reset to guide, no reassessment, no new cycle; the records stay.
  const exited = exitOf(snapshot.partnershipRow, calendar);
  const actions = latest
    ? actionRows.map((row) => summariseCommitment(row, identity, now, calendar)).filter((item) => item.source === `Assessment ${latest.cycle}`)
    : [];
  const breachMode = exited ? null : openBreach(breaches, calendar);
  return {
    setUp: true,
    who: whoView(whoIs(workbook), snapshot.sides),
    models: [...PARTNERSHIP_MODELS],
    identity: publicIdentity(identity),
    sides: snapshot.sides,
    model: snapshot.model ?? '',
    latestCycle: latest?.cycle ?? null,
    corners: cornerSummaries(latest, previous),
    sideMeans: orderedSides(snapshot.sides, latest?.bySide ?? []).map((side) => ({ side: side.side, means: toCornerValues(side.means), responses: side.responses })),
    gaps: gap ? toCornerValues(gap.gaps) : null,
    gapLabel: gap?.label ?? null,
    weakest: focus,
    weakestWhy: whyItMatters(focus, snapshot.model),
    focusReason: focusReasonOf(latestEntry?.step),
    openCycle: context.open ? cycleInfo(context.open, CycleStore.of(workbook), snapshot.assessments, identity, calendar) : null,
    offer: context.open || exited ? null : offerOf(snapshot, context, calendar, breaches),
    needsSafeguards: latest ? needsSafeguards(latest.means) : false,
    attention: summaries
      .filter((item) => item.overdue || item.status === 'At risk')
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
      .slice(0, 5),
    rates: ratesOf(snapshot.commitments, now, calendar, snapshot.settledCommitments),
    daysToReassessment: snapshot.nextReassessment && !exited ? daysUntil(snapshot.nextReassessment, now, calendar) : null,
    nextReassessment: snapshot.nextReassessment && !exited ? isoDayOf(snapshot.nextReassessment, calendar) : null,
    // The review goes on the calendar once a cycle closed; not in breach mode or after an exit.
    reviewCalendar: exited || breachMode ? null : reviewCalendarOf({ sides: snapshot.sides, context, gap, actions, nextReassessment: snapshot.nextReassessment, calendar }),
    actions,
    breachMode,
    adHocReason: exited ? null : adHocReason(snapshot, calendar),
    governance: governanceHomeNote(snapshot.partnershipRow, now, calendar),
    exited,
  };
}

/** The oldest breach whose reset is not complete: while there is one, the home view guides a reset. */
function openBreach(breaches: BreachState, calendar: Calendar): HomeView['breachMode'] {
  const open = openBreaches(breaches)[0];
  if (!open) return null;
  const review = dateOf(open.values.reviewDate);
  return { what: textOf(open.values.what), corner: textOf(open.values.corner), reviewDate: review ? isoDayOf(review, calendar) : null };
}

/** A major change recorded after the latest assessment makes the reassessment due now, and says why. */
function adHocReason(snapshot: ReturnType<typeof readSnapshot>, calendar: Calendar): string | null {
  const pending = pendingMajorChange(snapshot);
  if (!pending) return null;
  const note = textOf(snapshot.partnershipRow?.values.majorChangeNote).trim();
  return `${pending.change} on ${isoDayOf(pending.on, calendar)}${note ? `: ${asSentence(note)}` : '.'} Reassess now rather than waiting for the 90 days.`;
}

/** A note as a sentence: its own closing mark kept (no "left).."), a full stop added when it has none. */
const asSentence = (text: string): string => (/[.!?…]["'”’)\]]*$/.test(text) ? text : `${text}.`);


/** What the sidebar is told of how the caller's side is known (never the person's key). */
function whoView(who: Who, sides: readonly string[]): WhoView {
  const spelled = (side: string) => findSide(sides, side) ?? side;
  const kept = who.record?.acted ? { ...who.record, acted: who.record.acted } : null;
  return {
    email: who.email === '' ? null : who.email,
    basis: who.basis,
    fixedSide: kept ? spelled(kept.side) : who.basis === 'email' && who.side !== null ? spelled(who.side) : null,
    keptBecause: kept ? keepsSideMessage({ ...kept, side: spelled(kept.side) }) : null,
  };
}

const sameSide = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * The saved record as this request found it, so saving keeps its person id without reading it
 * again; undefined (read it) when the document's copy of the name has no record of theirs behind it.
 */
function knownRecord(identity: CallerIdentity | null): SavedIdentity | null | undefined {
  if (!identity) return null;
  try {
    return { displayName: identity.displayName, side: identity.side, personId: identity.personId() };
  } catch {
    return undefined;
  }
}

/**
 * Saves the caller's name, and their side where it is theirs to say: a side bound by their email
 * or by what they did for it cannot be changed here (a different one is refused, naming why); a
 * side chosen for an email neither list names is recorded with the email and in the Change History.
 */
function saveIdentity(input: IdentityInput): HomeView {
  const workbook = new Workbook();
  const sides = workbook.isSetUp() ? readPartnership(workbook).sides : [];
  if (sides.length < 2) {
    // Before the two companies are named, the side is the company the person typed.
    const side = input.side ?? workbook.identity?.side;
    if (!side) throw new Error('Your side is missing: name your company.');
    workbook.rememberIdentity(storeIdentity({ displayName: input.displayName, side }, workbook.id, knownRecord(workbook.identity), workbook.email));
    return loadHome(workbook);
  }
  let asked: string | null = null;
  if (input.side !== undefined) {
    asked = findSide(sides, input.side) ?? null;
    if (!asked) throw new Error(`"${input.side}" is not one of the two companies (${sides.join(', ')}).`);
  }
  const who = whoIs(workbook);
  const side = boundSide(workbook, who, asked, sides, input.displayName);
  workbook.rememberIdentity(storeIdentity({ displayName: input.displayName, side }, workbook.id, knownRecord(who.identity), who.email));
  return loadHome(workbook);
}

/** The side the caller is to have, refusing a change that is not theirs to make. */
function boundSide(workbook: Workbook, who: Who, asked: string | null, sides: readonly string[], displayName: string): string {
  const acted = who.record?.acted ? { ...who.record, acted: who.record.acted } : null;
  if (acted) {
    const kept = findSide(sides, acted.side) ?? acted.side;
    if (asked && !sameSide(asked, kept)) throw new Error(keepsSideMessage({ ...acted, side: kept }));
    return kept;
  }
  if (who.email !== '' && who.listed !== null) {
    if (asked && !sameSide(asked, who.listed)) {
      throw new Error(`Your email ${who.email} is on ${who.listed}'s list on the Partnership sheet, so your side is ${who.listed}.`);
    }
    return who.listed;
  }
  if (who.email !== '') {
    const chosen = asked ?? (who.record ? findSide(sides, who.record.side) ?? null : null);
    if (!chosen) {
      throw new Error(`Your email ${who.email} is on neither company's list on the Partnership sheet: choose your side (${sides.join(' or ')}).`);
    }
    if (!who.record || !sameSide(who.record.side, chosen)) recordChoice(workbook, who.email, chosen, displayName);
    return chosen;
  }
  const declared = asked ?? (who.identity ? findSide(sides, who.identity.side) ?? null : null);
  if (!declared) throw new Error('Choose your side.');
  return declared;
}

/** A side chosen for an email neither list names: kept with the email, and a row in the Change History. */
function recordChoice(workbook: Workbook, email: string, side: string, displayName: string): void {
  save('Choose side', ({ workbook: locked, plan }) => {
    // Decided again under the lock: a save of theirs in another tab may have bound them meanwhile.
    const now = whoIs(locked);
    if (now.record?.acted && !sameSide(now.record.side, side)) throw new Error(keepsSideMessage({ ...now.record, acted: now.record.acted }));
    if (now.key === null) throw new Error('Your email is needed to record your side.');
    plan.setDocumentProperty(personProperty(now.key), JSON.stringify({ side, basis: 'chosen', email }));
    planHistory(plan, locked, `${displayName} (${side})`, [{
      sheet: '',
      rowId: email,
      field: "Side chosen (email on neither company's list)",
      oldValue: now.record?.side ?? '',
      newValue: side,
    }]);
  }, workbook);
}

function setUpWorkbook(partnership?: PartnershipInput | null): HomeView {
  if (partnership && partnership.ourCompany.toLowerCase() === partnership.partnerCompany.toLowerCase()) {
    throw new Error('The two companies need different names.');
  }
  runSetup();
  const workbook = new Workbook();
  if (partnership) {
    save('Name the partnership', ({ plan }) => {
      // Never overwrite what someone already typed on the Partnership sheet: a row there (made by
      // hand, or by a major change or governance record before the names) gets only its blanks.
      const row = readPartnership(workbook).partnershipRow;
      if (row === null) {
        plan.append(workbook.layout(PARTNERSHIP), [{ ...partnership, startDate: today() }]);
        return;
      }
      const blanks: Record<string, string | Date> = {};
      for (const key of ['ourCompany', 'partnerCompany', 'model'] as const) if (textOf(row.values[key]).trim() === '') blanks[key] = partnership[key];
      if (textOf(row.values.startDate).trim() === '' && Object.keys(blanks).length > 0) blanks.startDate = today();
      const named = [row.values.ourCompany, row.values.partnerCompany].map((cell) => textOf(cell).trim().toLowerCase());
      const after = [blanks.ourCompany ?? named[0], blanks.partnerCompany ?? named[1]].map((side) => String(side).trim().toLowerCase());
      if (after[0] === after[1]) throw new Error(`The Partnership sheet already names ${textOf(row.values.ourCompany) || textOf(row.values.partnerCompany)}: name the other company.`);
      if (Object.keys(blanks).length > 0) plan.update(workbook.layout(PARTNERSHIP), row.rowNumber, blanks);
    }, workbook);
  }
  return loadHome(workbook);
}

export const HOME: Ritual<HomeApi> = {
  handlers: {
    loadHome: () => loadHome(),
    saveIdentity,
    setUpWorkbook,
    loadExample: () => {
      loadExamplePartnership();
      return loadHome();
    },
  },
  arguments: HOME_ARGUMENTS,
};
