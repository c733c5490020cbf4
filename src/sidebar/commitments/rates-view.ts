/**
 * Reliability's evidence as Home and Sync show it: the on-time and early-warning rates side by
 * side, and underneath, in words, what each counts (only commitments both sides took on).
 */
import type { CommitmentRatesView } from './api';
import { h } from '../client/dom';
import { section } from '../client/ui';

const percent = (rate: number | null): string => (rate === null ? '–' : `${Math.round(rate * 100)}%`);

function figure(label: string, rate: number | null, what: string, empty: string): HTMLElement {
  return h(
    'div',
    { class: 'rate' },
    h('dt', null, label),
    h('dd', null, h('strong', null, percent(rate)), h('span', { class: 'hint' }, rate === null ? ` ${empty}` : ` ${what}`)),
  );
}

export function ratesSection(rates: CommitmentRatesView): HTMLElement {
  return section(
    'Reliability evidence',
    h(
      'dl',
      { class: 'rates' },
      figure('On-time rate', rates.onTimeRate, 'of commitments due so far done on time', 'nothing due yet'),
      figure('Early-warning rate', rates.earlyWarningRate, 'of slips flagged before the due date', 'no slips'),
    ),
    h('p', { class: 'hint rates-counts' }, rates.counts, '. Only commitments both sides took on count.'),
  );
}
