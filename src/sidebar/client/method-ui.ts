/** Small pieces shared by the method's tools (More tab): dates, numbers, the way back, quarters. */
import type { OlderQuarters } from '../common/api';
import type { App } from './app';
import { h, uid } from './dom';

export function dateInput(value = ''): HTMLInputElement {
  const input = h('input', { type: 'date', id: uid('date') });
  input.value = value;
  return input;
}

export function numberInput(attrs: Record<string, string> = {}, value = ''): HTMLInputElement {
  const input = h('input', { type: 'number', inputmode: 'decimal', ...attrs });
  input.value = value;
  return input;
}

/** A link-styled button back to the list of tools, placed under each tool's heading. */
export function backToTools(app: App): HTMLElement {
  return h('p', null, h('button', { type: 'button', class: 'link', onclick: () => app.go('more') }, '← All tools'));
}

/** The other company, from the two sides and this user's side. */
export function partnerOf(sides: readonly string[], mine: string | undefined): string | null {
  const key = (mine ?? '').toLowerCase();
  return sides.find((side) => side.toLowerCase() !== key) ?? null;
}

/** "2026-Q4" of a date in the browser's time zone, and the quarter after a given one. */
export function quarterOf(date = new Date()): string {
  return `${date.getFullYear()}-Q${Math.floor(date.getMonth() / 3) + 1}`;
}

export function nextQuarter(quarter: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) return quarter;
  const q = Number(m[2]);
  return q === 4 ? `${Number(m[1]) + 1}-Q1` : `${m[1]}-Q${q + 1}`;
}

/** A whole percentage, or a dash when there is nothing to divide. */
export function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/** What a quarterly view does not list (its old quarters are settled), said plainly: where they are and what still counts them. */
export function olderQuartersNote(older: OlderQuarters | null, sheet: string, counted: string): HTMLElement | null {
  if (!older) return null;
  const span = older.from === older.through ? older.from : `${older.from} to ${older.through}`;
  return h('p', { class: 'hint' }, `Quarters ${span} (${older.rows.toLocaleString('en-US')} rows) are not listed here: they are on the ${sheet} sheet. ${counted}`);
}
