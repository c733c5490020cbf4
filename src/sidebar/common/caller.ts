/**
 * Who is calling, decided on the server, never from a request's arguments.
 *
 * A person's side is bound to who they are (DOMAIN.md: Who is who): where Apps Script gives the
 * signed-in email, the side is the company whose list on the Partnership sheet names it ("Our
 * company's emails", "Partner company's emails"), or, for an email neither list names, the side
 * the person chose once (kept with the email); where it gives none, the side saved in the person's
 * own user properties, self-declared. Whoever has acted for a side keeps it: the first save they
 * make is recorded in the document properties (src/workbook/identity.ts), in the save's own
 * property write, and a change of side after it is refused with what they did.
 */
import type { Actor } from '../../workbook/commitments-log';
import {
  type CallerIdentity,
  type PersonRecord,
  type SideBasis,
  parseEmailList,
  parsePersonRecord,
  personKey,
  personProperty,
  sideOfEmail,
} from '../../workbook/identity';
import { findSide } from '../../workbook/input';
import type { Workbook } from '../../workbook/workbook';
import { isoDayOf, textOf } from '../../workbook/table';
import type { WritePlan } from '../../workbook/write-plan';
import { readPartnership } from './read-model';

export interface Caller {
  /** The saved name and person id, with the side bound to the person. */
  identity: CallerIdentity;
  /** The caller's side, spelled as the Partnership sheet spells it. */
  side: string;
  actor: Actor;
  /** The person's key in the document properties (a hash of the email, else the person id). */
  person: string;
  basis: SideBasis;
  /** The signed-in email, '' where the platform gave none. */
  email: string;
  record: PersonRecord | null;
}

/** What the server knows of the person calling, before anything is required of them. */
export interface Who {
  /** The signed-in email, '' where Apps Script gave none. */
  email: string;
  identity: CallerIdentity | null;
  key: string | null;
  record: PersonRecord | null;
  /** The company whose email list names the email (null: no email, or neither list, or both). */
  listed: string | null;
  /** The side bound to the person; null while an email on neither list has not chosen, or nobody is known. */
  side: string | null;
  basis: SideBasis | null;
}

/** The two companies' email lists from the Partnership row, as read for this request (no read of its own). */
function emailLists(workbook: Workbook): Array<{ side: string; entries: string[] }> {
  const row = readPartnership(workbook).partnershipRow;
  if (!row) return [];
  return [
    { side: textOf(row.values.ourCompany), entries: parseEmailList(textOf(row.values.ourEmails)) },
    { side: textOf(row.values.partnerCompany), entries: parseEmailList(textOf(row.values.partnerEmails)) },
  ].filter((list) => list.side !== '');
}

/**
 * The person calling and the side bound to them: the side they acted for, else (with an email) the
 * company whose list names it, else the side chosen for the email; without an email, the saved side.
 */
export function whoIs(workbook: Workbook): Who {
  const email = workbook.email;
  const identity = workbook.identity;
  // With an email the key is its hash: the person id (a user-properties read) is not needed for it.
  const key = personKey(email, email === '' ? identity?.personId() ?? null : null);
  const record = key ? parsePersonRecord(workbook.documentProperties()[personProperty(key)]) : null;
  const listed = email !== '' ? sideOfEmail(email, emailLists(workbook)) : null;
  let side: string | null = null;
  let basis: SideBasis | null = null;
  if (record?.acted) {
    side = record.side;
    basis = record.basis;
  } else if (email !== '') {
    if (listed !== null) {
      side = listed;
      basis = 'email';
    } else if (record) {
      side = record.side;
      basis = 'chosen';
    }
  } else if (identity) {
    side = identity.side;
    basis = 'declared';
  }
  return { email, identity, key, record, listed, side, basis };
}

/** "You answered an assessment on 2026-11-30 for Acme; your side stays Acme." */
export const keepsSideMessage = (record: PersonRecord & { acted: NonNullable<PersonRecord['acted']> }): string =>
  `You ${record.acted.what} on ${record.acted.on} for ${record.side}; your side stays ${record.side}.`;

function requireSides(sides: readonly string[]): void {
  if (sides.length < 2) throw new Error('Name the two companies on the Partnership sheet first (Our company, Partner company).');
}

/** The caller, with the side bound to them, checked against `sides`; a clear refusal otherwise. */
export function requireCaller(workbook: Workbook, sides: readonly string[] = readPartnership(workbook).sides): Caller {
  const who = whoIs(workbook);
  if (!who.identity || who.key === null) {
    throw new Error(who.email !== '' ? 'Tell us your name first (Home).' : 'Tell us who you are first: your name and side.');
  }
  requireSides(sides);
  if (who.side === null) {
    throw new Error(`Your email ${who.email} is on neither company's list on the Partnership sheet; choose your side once on Home.`);
  }
  const side = findSide(sides, who.side);
  if (!side) {
    throw new Error(
      who.record?.acted
        ? `You acted for "${who.side}", which is not one of the two companies now (${sides.join(', ')}); put its name back on the Partnership sheet.`
        : `Your side "${who.side}" is not one of the two companies now (${sides.join(', ')}); choose your side again.`,
    );
  }
  const identity: CallerIdentity = { ...who.identity, side };
  return {
    identity,
    side,
    actor: { label: `${identity.displayName} (${side})`, side, person: who.key, proposerTag: identity.proposerTag },
    person: who.key,
    basis: who.basis ?? 'declared',
    email: who.email,
    record: who.record,
  };
}

/** The saved identity with the side bound to the person, for the views; null while they have no name or no side. */
export function viewerOf(workbook: Workbook): CallerIdentity | null {
  const who = whoIs(workbook);
  if (!who.identity || who.side === null) return null;
  const sides = readPartnership(workbook).sides;
  return { ...who.identity, side: findSide(sides, who.side) ?? who.side };
}

/** What a save's action was, as a person did it ("Accept commitment" → "accepted a commitment"). */
const ACTED: Record<string, string> = {
  'Submit assessment': 'answered an assessment cycle',
  'Start cycle': 'started an assessment cycle',
  'Close cycle': 'closed an assessment cycle',
  'Agree actions': 'proposed actions',
  'Add commitment': 'proposed a commitment',
  'Accept commitment': 'accepted a commitment',
  'Decline commitment': 'declined a commitment',
  'Counter-propose commitment': 'counter-proposed a commitment',
  'Withdraw commitment': 'withdrew a commitment',
  'Update commitment': 'updated a commitment',
};
const actedAs = (action: string): string => ACTED[action] ?? `recorded "${action}"`;

/**
 * Records that the caller acted for their side, once: the first save they make (in the save's own
 * property write, so nothing is written unless the save is). Later saves change nothing here.
 */
export function planActed(plan: WritePlan, workbook: Workbook, caller: Caller, action: string, now: Date): void {
  if (caller.record?.acted) return;
  const record: PersonRecord = {
    side: caller.side,
    basis: caller.basis,
    ...(caller.basis === 'chosen' ? { email: caller.email } : {}),
    acted: { what: actedAs(action), on: isoDayOf(now, workbook.calendar) },
  };
  plan.setDocumentProperty(personProperty(caller.person), JSON.stringify(record));
}

/** The side across from `side`. */
export const otherSide = (sides: readonly string[], side: string): string =>
  sides.find((candidate) => candidate.toLowerCase() !== side.toLowerCase()) as string;

/** What the sidebar may see of the saved identity: the name and side, never the person id. */
export const publicIdentity = (identity: CallerIdentity | null): { displayName: string; side: string } | null =>
  identity ? { displayName: identity.displayName, side: identity.side } : null;

