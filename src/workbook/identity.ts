/**
 * Who is acting. Everyone saves a display name once, kept in their own user properties (readable
 * by simple triggers in AuthMode.LIMITED) and, for a person known by their email, copied into the
 * document properties so their sidebar calls read no user properties (see "The saved identity for
 * one request" below). Their side is bound to their signed-in email where Apps
 * Script reveals it (the userinfo.email scope, in a sidebar call); it is the side saved here,
 * self-declared, only where it does not (see "Sides bound to verified people" below).
 *
 * User properties belong to the user across every spreadsheet the add-on runs in, so the record is
 * keyed by the spreadsheet's id: a name and side saved in one partnership's workbook mean nothing in
 * another's (where the side could otherwise accept its own proposal).
 */
import { sha256Hex } from './sha256';
import { IDENTITY_KEY_PREFIX, PERSON_IDENTITY_PREFIX, PERSON_PROPERTY_PREFIX } from './property-keys';

export interface SavedIdentity {
  displayName: string;
  side: string;
  /**
   * A random id made by the server when the person first saves who they are, kept only in their
   * own user properties: how one answer per person per cycle is recognised without the email.
   */
  personId: string;
}


const identityKey = (spreadsheetId: string): string => `${IDENTITY_KEY_PREFIX}${spreadsheetId}`;

const activeSpreadsheetId = (): string => SpreadsheetApp.getActiveSpreadsheet().getId();

function parseIdentity(stored: string | null): SavedIdentity | null {
  if (!stored) return null;
  try {
    const parsed = JSON.parse(stored) as Partial<SavedIdentity>;
    return typeof parsed.displayName === 'string' && typeof parsed.side === 'string' && typeof parsed.personId === 'string'
      ? { displayName: parsed.displayName, side: parsed.side, personId: parsed.personId }
      : null;
  } catch {
    return null;
  }
}

export function savedIdentity(spreadsheetId: string = activeSpreadsheetId()): SavedIdentity | null {
  return parseIdentity(PropertiesService.getUserProperties().getProperty(identityKey(spreadsheetId)));
}

/**
 * Saves name and side for this spreadsheet, keeping the person's id once made. `known` is the
 * record as this request read it already (so it is not read twice); left out, it is read here.
 * With the caller's `email`, the name and side are copied into the document properties too
 * (personIdentityProperty), so the next request of theirs needs no user-properties read.
 */
export function saveIdentity(
  identity: { displayName: string; side: string },
  spreadsheetId: string = activeSpreadsheetId(),
  known?: SavedIdentity | null,
  email = '',
): SavedIdentity {
  const properties = PropertiesService.getUserProperties();
  const key = identityKey(spreadsheetId);
  const stored = known === undefined ? parseIdentity(properties.getProperty(key)) : known;
  const personId = stored?.personId ?? Utilities.getUuid();
  const record: SavedIdentity = { displayName: identity.displayName, side: identity.side, personId };
  properties.setProperty(key, JSON.stringify(record));
  const person = personKey(email, null);
  if (person !== null) {
    const copy = documentCopyOf(person, { ...record, proposerTag: proposerTagOf(record.personId) });
    PropertiesService.getDocumentProperties().setProperty(copy.key, copy.value);
  }
  return record;
}

// ---- The saved identity for one request ----
//
// A person known by their email has a record in the document properties keyed by a hash of it
// (personKey), read with every request's single document-properties read; their name and side are
// kept there as well, so a request of theirs reads no user properties. The person id is not: kept
// in the document, it would let whoever reads the document properties link each answer token
// (respondentToken, cycle-store.ts) to a person. It stays in the user properties, read only by
// what needs it. A caller without an email, or one whose copy is missing (saved before the copy
// was kept), reads the user properties as before.

/** The caller's saved identity as a request holds it: the person id is asked for only where it is needed. */
export interface CallerIdentity {
  displayName: string;
  side: string;
  /** The person's random id (their user properties): one round trip the first time, for a caller whose name came from the document. */
  personId: () => string;
  /** The tag a proposal keeps of its proposer (proposerTagOf): from the document's copy, else from the person id. */
  proposerTag: () => string;
}

/**
 * What a proposal keeps of its proposer besides their person key: a hash of their person id, so the
 * same person is recognised with or without an email, while the id itself (which, with a cycle's
 * name, gives their answer token: cycle-store.ts) stays in their own user properties.
 */
const proposerTagOf = (personId: string): string => sha256Hex(`proposer\u0000${personId}`).slice(0, 24);

export const callerIdentityOf = (saved: SavedIdentity): CallerIdentity => ({
  displayName: saved.displayName,
  side: saved.side,
  personId: () => saved.personId,
  proposerTag: () => proposerTagOf(saved.personId),
});

/** The document property holding the name, side and proposer tag of the person with key `person` (never the person id). */
export function documentCopyOf(person: string, identity: { displayName: string; side: string; proposerTag: string }): { key: string; value: string } {
  return { key: `${PERSON_IDENTITY_PREFIX}${person}`, value: JSON.stringify({ displayName: identity.displayName, side: identity.side, tag: identity.proposerTag }) };
}

function parseCopy(text: string | undefined): { displayName: string; side: string; tag: string | null } | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as { displayName?: unknown; side?: unknown; tag?: unknown };
    return typeof parsed.displayName === 'string' && parsed.displayName !== '' && typeof parsed.side === 'string'
      ? { displayName: parsed.displayName, side: parsed.side, tag: typeof parsed.tag === 'string' && parsed.tag !== '' ? parsed.tag : null }
      : null;
  } catch {
    return null;
  }
}

/**
 * The caller's identity: from the document properties (`properties`, read already) where the
 * email's copy is kept, its person id read from the user properties only when asked for; else
 * from the user properties. `copied` says whether the document holds the copy (false: a save may add it).
 */
export function identityOfCaller(
  email: string,
  properties: Readonly<Record<string, string>>,
  spreadsheetId: string,
): { identity: CallerIdentity | null; copied: boolean } {
  const person = personKey(email, null);
  const copy = person === null ? null : parseCopy(properties[`${PERSON_IDENTITY_PREFIX}${person}`]);
  if (copy) {
    let saved: SavedIdentity | null | undefined;
    const personId = (): string => {
      saved ??= savedIdentity(spreadsheetId);
      // The copy without the user's own record (their user properties were cleared): as with no name saved.
      if (!saved) throw new Error('Tell us your name first (Home).');
      return saved.personId;
    };
    const { tag, ...named } = copy;
    // A copy kept before the tag was: tagged from the person id, and kept again by the next save.
    return { identity: { ...named, personId, proposerTag: () => tag ?? proposerTagOf(personId()) }, copied: tag !== null };
  }
  const saved = savedIdentity(spreadsheetId);
  return { identity: saved ? callerIdentityOf(saved) : null, copied: person === null || saved === null };
}

/** "Name (Side)" as the history and stamps show it. */
const labelOf = (identity: SavedIdentity): string => `${identity.displayName} (${identity.side})`;

/** "Name (Side)", else the email Apps Script gives (empty in simple triggers), else "unknown". */
export function actorLabel(spreadsheetId: string = activeSpreadsheetId()): string {
  const identity = savedIdentity(spreadsheetId);
  if (identity) return labelOf(identity);
  let email = '';
  try {
    email = Session.getActiveUser().getEmail();
  } catch {
    email = '';
  }
  return email || 'unknown';
}

// ---- Sides bound to verified people ----
//
// Where Apps Script gives the signed-in user's email (the userinfo.email scope, in a sidebar call),
// a person's side is the company whose email list on the Partnership sheet names that email; an
// email neither list names is asked to choose once, and the choice is kept with the email. Where
// it gives none (a consumer account, an admin policy, a simple trigger, a custom function), the
// saved identity's side is used, self-declared. In both modes a person who has acted keeps the side
// they acted for. What the server trusts about a person lives in the document properties (a shared
// sheet is a place anyone types), keyed by a hash of the email, or by the person id without one.

/** The signed-in user's email as Apps Script reveals it: '' in simple triggers, custom functions, without the scope, or where a policy withholds it. */
export function activeUserEmail(): string {
  try {
    const email = Session.getActiveUser().getEmail();
    return typeof email === 'string' ? email.trim() : '';
  } catch {
    return '';
  }
}

/** How a person's side was bound: by their email on the Partnership sheet, chosen once for an email neither company lists, or self-declared without an email. */
export type SideBasis = 'email' | 'chosen' | 'declared';

/** What the server keeps about one person: the side bound to them, and the first thing they did for it. */
export interface PersonRecord {
  side: string;
  basis: SideBasis;
  /** Kept with a side chosen for an email neither list names (the choice is recorded with the email). */
  email?: string;
  /** The first save they made for `side`, e.g. "submitted an assessment", and its day (yyyy-mm-dd). */
  acted?: { what: string; on: string };
}


/** The person's key: a hash of the lower-cased email, else their person id. */
export const personKey = (email: string, personId: string | null): string | null =>
  email !== '' ? `e${sha256Hex(email.toLowerCase()).slice(0, 32)}` : personId ? `p${personId}` : null;

export const personProperty = (key: string): string => `${PERSON_PROPERTY_PREFIX}${key}`;

export function parsePersonRecord(text: string | undefined): PersonRecord | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as Partial<PersonRecord>;
    if (typeof parsed.side !== 'string' || !['email', 'chosen', 'declared'].includes(String(parsed.basis))) return null;
    const record: PersonRecord = { side: parsed.side, basis: parsed.basis as SideBasis };
    if (typeof parsed.email === 'string') record.email = parsed.email;
    const acted = parsed.acted;
    if (acted && typeof acted.what === 'string' && typeof acted.on === 'string') record.acted = { what: acted.what, on: acted.on };
    return record;
  } catch {
    return null;
  }
}

/**
 * The entries of an email list cell, lower-cased: addresses (with an @) and domains (a leading @
 * or "*." is dropped), separated by commas, semicolons or white space.
 */
export function parseEmailList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((entry) => entry.trim().toLowerCase().replace(/^\*\./, ''))
    .map((entry) => (entry.startsWith('@') ? entry.slice(1) : entry))
    .filter((entry) => entry !== '');
}

const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * The sides whose list names `email`: an address listed exactly wins over a domain; a domain
 * matches the email's domain and its subdomains. One side is a match; none or both is no match.
 */
export function sideOfEmail(email: string, lists: ReadonlyArray<{ side: string; entries: readonly string[] }>): string | null {
  const address = email.toLowerCase();
  const domain = domainOf(address);
  const byAddress = lists.filter((list) => list.entries.some((entry) => entry.includes('@') && entry === address));
  if (byAddress.length === 1) return byAddress[0].side;
  if (byAddress.length > 1) return null;
  const byDomain = lists.filter((list) => list.entries.some((entry) => !entry.includes('@') && (domain === entry || domain.endsWith(`.${entry}`))));
  return byDomain.length === 1 ? byDomain[0].side : null;
}
