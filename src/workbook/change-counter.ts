import type { WritePlan } from './write-plan';
import { CHANGE_COUNTER_PROPERTY } from './property-keys';

/**
 * The workbook's change counter: one document property that every save (inside its WritePlan, so
 * it is written with the save's other properties in the one batched call), setup, loading the
 * example and every edit of a tracked sheet (onEdit) move forward. An open sidebar reads only this
 * property to learn that someone else changed something, instead of reloading its view on a timer.
 */

/** The count a stored value means: 0 before the first change, and for a value garbled by hand. */
export function countOf(stored: string | null | undefined): number {
  const count = Number(stored);
  return stored !== null && stored !== undefined && Number.isSafeInteger(count) && count >= 0 ? count : 0;
}

function readChangeCounter(properties: GoogleAppsScript.Properties.Properties = PropertiesService.getDocumentProperties()): number {
  return countOf(properties.getProperty(CHANGE_COUNTER_PROPERTY));
}

/** The property to write with a batch that changes the workbook, from the properties already read. */
export function nextChangeCount(properties: Readonly<Record<string, string>>): Record<string, string> {
  return { [CHANGE_COUNTER_PROPERTY]: String(countOf(properties[CHANGE_COUNTER_PROPERTY]) + 1) };
}

/**
 * Plans the next count into a save. The caller holds the document lock, so two saves cannot read
 * the same count; an onEdit that ran without the lock may lose one step, which still moves the count.
 */
export function planChangeCount(plan: WritePlan, properties: Readonly<Record<string, string>>): void {
  for (const [key, value] of Object.entries(nextChangeCount(properties))) plan.setDocumentProperty(key, value);
}

/**
 * For writers outside a WritePlan (loading the example): reads the count now, before any sheet
 * write is queued (so the read forces no commit), and returns the write to make afterwards.
 */
export function prepareChangeCount(): (alsoSet?: Readonly<Record<string, string>>) => void {
  const properties = PropertiesService.getDocumentProperties();
  const next = String(readChangeCounter(properties) + 1);
  return (alsoSet = {}) => {
    if (Object.keys(alsoSet).length === 0) properties.setProperty(CHANGE_COUNTER_PROPERTY, next);
    else properties.setProperties({ ...alsoSet, [CHANGE_COUNTER_PROPERTY]: next });
  };
}
