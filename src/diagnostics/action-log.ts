/**
 * The add-on's own record of how long its actions take, kept in the user's properties so each
 * person sees their own figures. It costs one property write per action and no read: each action
 * name has one key holding its latest run, so the store stays bounded (one key per entry point)
 * without reading what is already there. What is stored is the action's name, when it started,
 * how long it ran and whether it succeeded: nothing personal, no cell content.
 */
import { setUserProperty } from '../workbook/properties';
import { ACTION_KEY_PREFIX } from '../workbook/property-keys';


export interface ActionRecord {
  action: string;
  /** Start, epoch milliseconds from the server's clock. */
  startedAt: number;
  /** Duration measured by the server around the action, excluding this record's own write. */
  durationMs: number;
  ok: boolean;
}

interface StoredRecord {
  at: number;
  ms: number;
  ok: boolean;
}

/** Writes one record. A failure to record never fails the action it describes. */
export function recordAction(record: ActionRecord): void {
  const stored: StoredRecord = { at: record.startedAt, ms: record.durationMs, ok: record.ok };
  try {
    setUserProperty(ACTION_KEY_PREFIX + record.action, JSON.stringify(stored));
  } catch {
    // Quota, a full property store or a mode without properties: the action itself has succeeded or failed on its own.
  }
}

function parseRecord(action: string, text: string): ActionRecord | null {
  try {
    const value = JSON.parse(text) as Partial<StoredRecord>;
    if (typeof value.at !== 'number' || typeof value.ms !== 'number' || typeof value.ok !== 'boolean') return null;
    return { action, startedAt: value.at, durationMs: value.ms, ok: value.ok };
  } catch {
    return null;
  }
}

/** The latest run of each action, most recent first, at most `limit`, from a user's properties. */
export function recentActions(properties: Record<string, string>, limit: number): ActionRecord[] {
  const records: ActionRecord[] = [];
  for (const [key, text] of Object.entries(properties)) {
    if (!key.startsWith(ACTION_KEY_PREFIX)) continue;
    const record = parseRecord(key.slice(ACTION_KEY_PREFIX.length), text);
    if (record) records.push(record);
  }
  records.sort((a, b) => b.startedAt - a.startedAt || a.action.localeCompare(b.action));
  return records.slice(0, limit);
}
