/**
 * Who is acting. Apps Script reveals a user's email only in some domains and auth modes, so the
 * add-on asks people for a display name and their side once, and keeps it in their own user
 * properties (readable by simple triggers in AuthMode.LIMITED).
 *
 * User properties belong to the user across every spreadsheet the add-on runs in, so the record is
 * keyed by the spreadsheet's id: a name and side saved in one partnership's workbook mean nothing in
 * another's (where the side could otherwise accept its own proposal).
 */
export interface SavedIdentity {
  displayName: string;
  side: string;
  /**
   * A random id made by the server when the person first saves who they are, kept only in their
   * own user properties: how one answer per person per cycle is recognised without the email.
   */
  personId: string;
}

const IDENTITY_KEY_PREFIX = 'trustCorners.identity.';

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

/** Saves name and side for this spreadsheet, keeping the person's id once made. */
export function saveIdentity(identity: { displayName: string; side: string }, spreadsheetId: string = activeSpreadsheetId()): SavedIdentity {
  const properties = PropertiesService.getUserProperties();
  const key = identityKey(spreadsheetId);
  const personId = parseIdentity(properties.getProperty(key))?.personId ?? Utilities.getUuid();
  const record: SavedIdentity = { displayName: identity.displayName, side: identity.side, personId };
  properties.setProperty(key, JSON.stringify(record));
  return record;
}

/** "Name (Side)" as the history and stamps show it. */
export const labelOf = (identity: SavedIdentity): string => `${identity.displayName} (${identity.side})`;

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
