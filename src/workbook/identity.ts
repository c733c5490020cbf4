/**
 * Who is acting. Apps Script reveals a user's email only in some domains and auth modes, so the
 * add-on asks people for a display name and their side once, and keeps it in their own user
 * properties (readable by simple triggers in AuthMode.LIMITED).
 */
export interface SavedIdentity {
  displayName: string;
  side: string;
}

const IDENTITY_KEY = 'trustCorners.identity';

export function savedIdentity(): SavedIdentity | null {
  const stored = PropertiesService.getUserProperties().getProperty(IDENTITY_KEY);
  if (!stored) return null;
  try {
    const parsed = JSON.parse(stored) as Partial<SavedIdentity>;
    return typeof parsed.displayName === 'string' && typeof parsed.side === 'string'
      ? { displayName: parsed.displayName, side: parsed.side }
      : null;
  } catch {
    return null;
  }
}

export function saveIdentity(identity: SavedIdentity): void {
  PropertiesService.getUserProperties().setProperty(IDENTITY_KEY, JSON.stringify(identity));
}

/** "Name (Side)", else the email Apps Script gives, else "unknown". */
export function actorLabel(): string {
  const identity = savedIdentity();
  if (identity) return `${identity.displayName} (${identity.side})`;
  let email = '';
  try {
    email = Session.getActiveUser().getEmail();
  } catch {
    email = '';
  }
  return email || 'unknown';
}
