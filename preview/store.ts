/**
 * The workbook on disk: one JSON file holding the double's snapshot (what is there, not empty
 * grids: runtime/apps-script/snapshot.ts). Written atomically (a temp file in the same folder, then
 * rename) so a crash or Ctrl-C mid-write leaves the previous good copy, never half a file; written
 * after the action, not during it (saveSoon coalesces the changes of quick actions into one write,
 * and a read of the file, the server's close and the process's exit write what is still waiting).
 * A file that exists but cannot be read or parsed is never overwritten: the server refuses to start,
 * so nobody loses a workbook to a typo or a bad merge. A file in the older format loads; a copy of
 * it is kept beside it before the first save in the new format.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_V1, SNAPSHOT_FORMATS_READ, type WorkbookSnapshot } from '../runtime/apps-script';

export class PreviewDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreviewDataError';
  }
}

/** The saved snapshot, or null when there is no file yet. Throws PreviewDataError otherwise. */
export function loadSaved(file: string): WorkbookSnapshot | null {
  // A save of this process still waiting is what the file holds, as far as anyone reading it knows.
  flushSaves(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw refuse(file, `it cannot be read (${(error as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw refuse(file, `it is not valid JSON (${(error as Error).message})`);
  }
  const format = (parsed as { format?: unknown } | null)?.format;
  if (!parsed || typeof parsed !== 'object' || typeof format !== 'string' || !SNAPSHOT_FORMATS_READ.includes(format)) {
    throw refuse(file, `it is not a Trust Corners preview workbook (expected "format": "${SNAPSHOT_FORMAT}", found ${JSON.stringify(format)})`);
  }
  return parsed as WorkbookSnapshot;
}

/**
 * A file in the older format that loaded is copied aside once (FORMAT_1_COPY), before it is saved
 * in the new format; returns the copy's path, or null for a file in the current format.
 */
export function keepOlderFormat(file: string, saved: WorkbookSnapshot): string | null {
  if (saved.format !== SNAPSHOT_FORMAT_V1) return null;
  const copy = `${file}${FORMAT_1_COPY}`;
  if (!existsSync(copy)) copyFileSync(file, copy);
  return copy;
}

export const FORMAT_1_COPY = '.format-1.json';

export function refuse(file: string, why: string): PreviewDataError {
  return new PreviewDataError(
    `Cannot load the saved workbook ${file}: ${why}.\n` +
      'The file was left untouched and the preview did not start. Fix or move the file, or start with ' +
      'another one: TRUST_CORNERS_DATA=/path/to/other.json npm start',
  );
}

/** Writes `json` to `file` atomically: readers see the old or the new file, never a mix. */
export function saveAtomically(file: string, json: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = tempFor(file);
  try {
    writeFileSync(temp, json);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

let temps = 0;
const tempFor = (file: string): string => `${file}.${process.pid}.${++temps}.tmp`;

/** Per file: the newest JSON not yet written (null: none), and versions to keep writes in order. */
interface PendingSave {
  json: string | null;
  version: number;
  written: number;
  timer: NodeJS.Timeout | null;
  writing: Promise<void> | null;
}

const saves = new Map<string, PendingSave>();

/** How long a save waits for the next change to be written with it. */
export const SAVE_COALESCE_MS = 100;

/**
 * Saves `json` to `file` soon, off the action's path: the changes of actions in quick succession go
 * in one write of the newest. The write itself is atomic (saveAtomically's temp-and-rename); an
 * older write never lands over a newer one.
 */
export function saveSoon(file: string, json: string): void {
  const pending = pendingFor(file);
  pending.json = json;
  pending.version++;
  if (!pending.timer) {
    const waiting = pending;
    waiting.timer = setTimeout(() => {
      waiting.timer = null;
      void writeWaiting(file, waiting);
    }, SAVE_COALESCE_MS);
    waiting.timer.unref?.();
  }
}

function pendingFor(file: string): PendingSave {
  let pending = saves.get(file);
  if (!pending) saves.set(file, (pending = { json: null, version: 0, written: 0, timer: null, writing: null }));
  return pending;
}

/** Saves `json` to `file` now, synchronously, superseding anything waiting (the preview's first save). */
export function saveNow(file: string, json: string): void {
  const pending = pendingFor(file);
  pending.json = json;
  pending.version++;
  flushSaves(file);
}

async function writeWaiting(file: string, pending: PendingSave): Promise<void> {
  if (pending.writing) await pending.writing;
  if (pending.json === null) return;
  const json = pending.json;
  const version = pending.version;
  pending.json = null;
  const temp = tempFor(file);
  pending.writing = (async () => {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      await writeFile(temp, json);
      // A synchronous flush may have written something newer meanwhile: then this one is dropped.
      if (pending.written >= version) rmSync(temp, { force: true });
      else {
        renameSync(temp, file);
        pending.written = version;
      }
    } catch (error) {
      rmSync(temp, { force: true });
      if (pending.json === null) pending.json = json; // written by the next flush
      console.error(`preview: the workbook could not be saved to ${file}: ${(error as Error).message}`);
    } finally {
      pending.writing = null;
    }
  })();
  await pending.writing;
}

/** Writes at once, synchronously, what waits for `file` (or every file): before a read, at exit. */
export function flushSaves(file?: string): void {
  for (const [name, pending] of saves) {
    if (file !== undefined && name !== file) continue;
    if (pending.timer) clearTimeout(pending.timer);
    pending.timer = null;
    if (pending.json === null) continue;
    const json = pending.json;
    const version = pending.version;
    pending.json = null;
    saveAtomically(name, json);
    pending.written = Math.max(pending.written, version);
  }
}

/** Resolves once everything waiting for `file` is on disk. */
export async function savesWritten(file: string): Promise<void> {
  const pending = saves.get(file);
  if (!pending) return;
  if (pending.timer) clearTimeout(pending.timer);
  pending.timer = null;
  await writeWaiting(file, pending);
}

process.on('exit', () => flushSaves());
