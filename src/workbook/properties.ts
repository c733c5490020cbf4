/**
 * The property stores, touched from this layer only: what the other layers keep in properties goes
 * through here, so one place decides how state outside the sheets is read and written.
 */

/** One document property written outside a save (a save writes its properties in its own plan). */
export function setDocumentProperty(key: string, value: string): void {
  PropertiesService.getDocumentProperties().setProperty(key, value);
}

/** This user's properties, across every spreadsheet the add-on runs in (one round trip). */
export function userProperties(): Record<string, string> {
  return PropertiesService.getUserProperties().getProperties();
}

/** One property of this user's (one round trip). */
export function setUserProperty(key: string, value: string): void {
  PropertiesService.getUserProperties().setProperty(key, value);
}
