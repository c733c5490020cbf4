/**
 * The workbook on disk: one JSON file holding the double's snapshot. Written atomically (a temp
 * file in the same folder, then rename) so a crash or Ctrl-C mid-write leaves the previous good
 * copy, never half a file. A file that exists but cannot be read or parsed is never overwritten:
 * the server refuses to start, so nobody loses a workbook to a typo or a bad merge.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { SNAPSHOT_FORMAT, type WorkbookSnapshot } from '../runtime/apps-script';

export class PreviewDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreviewDataError';
  }
}

/** The saved snapshot, or null when there is no file yet. Throws PreviewDataError otherwise. */
export function loadSaved(file: string): WorkbookSnapshot | null {
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
  if (!parsed || typeof parsed !== 'object' || format !== SNAPSHOT_FORMAT) {
    throw refuse(file, `it is not a Trust Corners preview workbook (expected "format": "${SNAPSHOT_FORMAT}", found ${JSON.stringify(format)})`);
  }
  return parsed as WorkbookSnapshot;
}

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
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, json);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
