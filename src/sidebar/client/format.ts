/** Wording and numbers shared by the views; everything here returns plain text. */
import type { CommitmentSummary } from '../commitments/api';
import type { CornerName } from '../common/api';

export const CORNER_NAMES: CornerName[] = ['Competence', 'Reliability', 'Transparency', 'Alignment'];

export const CORNER_HINTS: Record<CornerName, string> = {
  Competence: 'Skills, resources and market understanding; the ability to adapt.',
  Reliability: 'Delivering commitments big and small, and warning early when one will slip.',
  Transparency: 'Sharing what affects the partner, even when it is uncomfortable.',
  Alignment: 'Goals, incentives, time horizons and risk tolerance that match.',
};

export const BAND_LABEL: Record<string, string> = { low: 'Low', watch: 'Watch', healthy: 'Healthy' };

export function mean(value: number | null): string {
  return value === null ? '–' : value.toFixed(1);
}

export function signed(value: number): string {
  const text = Math.abs(value).toFixed(1);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : '0.0';
}

/** The arrow and its spoken form for a change against the previous cycle. */
export function trend(value: number | null): { arrow: string; spoken: string } {
  if (value === null) return { arrow: '', spoken: 'no previous cycle' };
  if (Math.abs(value) < 0.05) return { arrow: '→', spoken: 'unchanged since the previous cycle' };
  return value > 0
    ? { arrow: `↑ ${signed(value)}`, spoken: `up ${Math.abs(value).toFixed(1)} since the previous cycle` }
    : { arrow: `↓ ${signed(value)}`, spoken: `down ${Math.abs(value).toFixed(1)} since the previous cycle` };
}

/** yyyy-mm-dd of today in the browser's time zone. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from `from` to `to`, both yyyy-mm-dd; null when either is not a date. */
export function daysBetween(from: string, to: string): number | null {
  const parse = (iso: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  };
  const a = parse(from);
  const b = parse(to);
  return a === null || b === null ? null : Math.round((b - a) / 86_400_000);
}

export function addDays(iso: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return d.toISOString().slice(0, 10);
}

export function commitmentMeta(c: CommitmentSummary): string {
  const parts = [c.ownerSide + (c.ownerPerson ? ` · ${c.ownerPerson}` : ''), c.dueDate ? `due ${c.dueDate}` : 'no due date', c.status];
  return parts.filter(Boolean).join(' · ');
}
