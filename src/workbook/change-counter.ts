import type { WritePlan } from './write-plan';

/**
 * The workbook's change counter: one document property that every save (inside its WritePlan, so
 * it is written with the save's other properties in the one batched call) and every edit of a
 * tracked sheet (onEdit) moves forward. An open sidebar reads only this property to learn that
 * the partner changed something, instead of reloading its whole view on a timer.
 */
export const CHANGE_COUNTER_PROPERTY = 'trustCorners.changeCounter';

/** The count as stored; 0 before the first change, and for a value someone garbled by hand. */
export function readChangeCounter(properties: GoogleAppsScript.Properties.Properties = PropertiesService.getDocumentProperties()): number {
  const stored = Number(properties.getProperty(CHANGE_COUNTER_PROPERTY));
  return Number.isSafeInteger(stored) && stored >= 0 ? stored : 0;
}

/**
 * Plans the next count into a save. The caller holds the document lock, so two saves cannot read
 * the same count; an onEdit that ran without the lock may lose one step, which still moves the count.
 */
export function planChangeCount(plan: WritePlan): void {
  plan.setDocumentProperty(CHANGE_COUNTER_PROPERTY, String(readChangeCounter() + 1));
}

/** For writers outside a WritePlan (onEdit, setup): one read and one write. */
export function countChange(): void {
  const properties = PropertiesService.getDocumentProperties();
  properties.setProperty(CHANGE_COUNTER_PROPERTY, String(readChangeCounter(properties) + 1));
}
