/**
 * Home and who is who on the server: the trust square of the latest cycle, the open cycle and the
 * one Home offers, what needs attention, governance and breach notes; saving who you are; set-up
 * and the example partnership.
 */
import type { Calendar } from '../../domain/calendar';
import { needsSafeguards } from '../../domain/corners';
import { PARTNERSHIP_MODELS } from '../../domain/models';
import { CycleStore } from '../../workbook/cycle-store';
import { saveIdentity as storeIdentity } from '../../workbook/identity';
import { findSide } from '../../workbook/input';
import { Workbook } from '../../workbook/layout';
import { loadExamplePartnership } from '../../workbook/load-example';
import { setUpWorkbook as runSetup } from '../../workbook/setup';
import { type TableRow, dateOf, isoDayOf, readRows, textOf } from '../../workbook/table';
import { BREACHES, PARTNERSHIP } from '../../workbook/templates';
import type { Ritual } from '../ritual';
import { cycleContext, cycleInfo, directedGap, focusReasonOf, offerOf, readCycleRecords } from '../assessment/cycles';
import { exitOf } from '../breach/server';
import type { CornerName, Identity } from '../common/api';
import { publicIdentity } from '../common/caller';
import { BREACH_STATE_KEYS, cornerSummaries, daysUntil, orderedSides, readPartnership, readSnapshot, summariseCommitment, toCornerValues, whyItMatters } from '../common/read-model';
import { save, today } from '../common/request';
import { governanceHomeNote } from '../governance/server';
import type { HomeApi, HomeView, PartnershipInput } from './api';
import { HOME_ARGUMENTS } from './inputs';

function notSetUpHome(workbook: Workbook): HomeView {
  return {
    setUp: false, models: [...PARTNERSHIP_MODELS], identity: publicIdentity(workbook.identity), sides: [], model: '', latestCycle: null, corners: cornerSummaries(undefined, undefined),
    sideMeans: [], gaps: null, gapLabel: null, weakest: null, weakestWhy: '', focusReason: '', openCycle: null, offer: null, needsSafeguards: false, attention: [], daysToReassessment: null,
    nextReassessment: null, actions: [], breachMode: null, adHocReason: null, governance: { state: 'unchosen', approach: '', reviewDue: null, daysToReview: null }, exited: null,
  };
}

export function loadHome(workbook = new Workbook()): HomeView {
  if (!workbook.isSetUp()) return notSetUpHome(workbook);
  const identity = workbook.identity;
  const snapshot = readSnapshot(workbook);
  const context = cycleContext(snapshot, readCycleRecords(workbook).records);
  const latestEntry = context.assessed[context.assessed.length - 1];
  const latest = latestEntry?.summary;
  const previous = context.assessed[context.assessed.length - 2]?.summary;
  const now = today();
  const calendar = workbook.calendar;
  const summaries = snapshot.commitments.map((row) => summariseCommitment(row, identity, now, calendar));
  const gap = directedGap(snapshot, latest);
  const focus = (latestEntry?.step.focus ?? null) as CornerName | null;
  const breaches = readRows(workbook.layout(BREACHES), BREACH_STATE_KEYS);
  // An exit closes the loop: no reset to guide, no reassessment, no new cycle; the records stay.
  const exited = exitOf(snapshot.partnershipRow, calendar);
  return {
    setUp: true,
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
    daysToReassessment: snapshot.nextReassessment && !exited ? daysUntil(snapshot.nextReassessment, now, calendar) : null,
    nextReassessment: snapshot.nextReassessment && !exited ? isoDayOf(snapshot.nextReassessment, calendar) : null,
    actions: latest ? summaries.filter((item) => item.source === `Assessment ${latest.cycle}`) : [],
    breachMode: exited ? null : openBreach(breaches, calendar),
    adHocReason: exited ? null : adHocReason(snapshot, calendar),
    governance: governanceHomeNote(snapshot.partnershipRow, now, calendar),
    exited,
  };
}

/** The oldest breach whose reset is not complete: while there is one, the home view guides a reset. */
function openBreach(breaches: readonly TableRow[], calendar: Calendar): HomeView['breachMode'] {
  const open = breaches.find((row) => textOf(row.values.status) !== 'Reset complete');
  if (!open) return null;
  const review = dateOf(open.values.reviewDate);
  return { what: textOf(open.values.what), corner: textOf(open.values.corner), reviewDate: review ? isoDayOf(review, calendar) : null };
}

/** A major change recorded after the latest assessment makes the reassessment due now, and says why. */
function adHocReason(snapshot: ReturnType<typeof readSnapshot>, calendar: Calendar): string | null {
  const row = snapshot.partnershipRow;
  if (!row) return null;
  const change = textOf(row.values.majorChange);
  const on = dateOf(row.values.majorChangeOn);
  if (change === '' || !on) return null;
  // A summed-up cycle never spans the change (read-model.ts reads such a cycle's answers): it was
  // answered since when it opened after it.
  const assessedSince =
    snapshot.assessments.some((assessment) => {
      const date = dateOf(assessment.values.date);
      return date !== null && date.getTime() >= on.getTime();
    }) || snapshot.summarized.some((cycle) => cycle.openedOn !== null && cycle.openedOn.getTime() >= on.getTime());
  if (assessedSince) return null;
  const note = textOf(row.values.majorChangeNote);
  return `${change} on ${isoDayOf(on, calendar)}${note ? `: ${note}` : ''}. Reassess now rather than waiting for the 90 days.`;
}

function saveIdentity(identity: Identity): HomeView {
  const workbook = new Workbook();
  let side = identity.side;
  if (workbook.isSetUp()) {
    const { sides } = readPartnership(workbook);
    if (sides.length > 0) {
      const found = findSide(sides, identity.side);
      if (!found) throw new Error(`"${identity.side}" is not one of the two companies (${sides.join(', ')}).`);
      side = found;
    }
  }
  workbook.rememberIdentity(storeIdentity({ displayName: identity.displayName, side }));
  return loadHome(workbook);
}

function setUpWorkbook(partnership?: PartnershipInput | null): HomeView {
  if (partnership && partnership.ourCompany.toLowerCase() === partnership.partnerCompany.toLowerCase()) {
    throw new Error('The two companies need different names.');
  }
  runSetup();
  const workbook = new Workbook();
  if (partnership) {
    save('Name the partnership', ({ plan }) => {
      // Never overwrite what someone already typed on the Partnership sheet.
      if (readPartnership(workbook).partnershipRow === null) plan.append(workbook.layout(PARTNERSHIP), [{ ...partnership, startDate: today() }]);
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
