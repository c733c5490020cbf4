/**
 * The trend over every cycle for the sidebar (DOMAIN.md "The trend"), from the reads Results makes
 * already: the Assessments' ratings and the Cycles sheet. The domain's cornerTrend computes it, as
 * it does for the Dashboard, so both show one trend.
 */
import { CORNERS, type Corner } from '../../domain/corners';
import type { CycleRecord } from '../../domain/cycles';
import { type TrendAnswer, cornerDrift, cornerTrend } from '../../domain/trend';
import { dateOf, textOf } from '../../workbook/table';
import type { CornerName, CornerValues } from '../common/api';
import type { Snapshot } from '../common/read-model';
import type { TrendView } from './api';

const values = (means: Record<Corner, number | null>): CornerValues => ({ ...means }) as CornerValues;

export function trendOf(snapshot: Pick<Snapshot, 'sides' | 'model' | 'assessments' | 'summarized'>, records: readonly CycleRecord[]): TrendView {
  const [ours = '', partner = ''] = snapshot.sides;
  const answered: TrendAnswer[] = snapshot.assessments.map((row) => ({
    cycle: textOf(row.values.cycle),
    date: dateOf(row.values.date),
    side: textOf(row.values.side),
    weight: typeof row.values.responses === 'number' && row.values.responses >= 1 ? row.values.responses : 1,
    ratings: Object.fromEntries(CORNERS.map((corner) => [corner, typeof row.values[corner.toLowerCase()] === 'number' ? row.values[corner.toLowerCase()] : null])) as Record<Corner, number | null>,
  }));
  // A closed cycle read as its summary (read-model.ts) stands in as each company's means, weighed
  // by how many answered for it: the same means per side and over both as its answers give.
  const summed: TrendAnswer[] = snapshot.summarized.flatMap(({ name, openedOn, closedOn, summary }) =>
    summary.sides
      .filter((side) => side.responses > 0)
      .map((side) => ({ cycle: name, date: openedOn ?? closedOn, side: side.side, weight: side.responses, ratings: side.means })),
  );
  const points = cornerTrend({
    // Summed-up cycles first, in the Cycles sheet's order: the open cycle, read from its answers, is
    // the latest (cycles opened on one day keep this order).
    answers: [...summed, ...answered],
    cycles: records,
    ourCompany: ours,
    partnerCompany: partner,
    model: snapshot.model,
  });
  return {
    ours,
    partner,
    points: points.map((point) => ({
      cycle: point.cycle,
      caption: point.caption,
      labels: point.labels,
      focus: point.focus as CornerName | null,
      focusMoved: point.focusMoved,
      both: values(point.both),
      ours: values(point.ours),
      partner: values(point.partner),
    })),
    drift: cornerDrift(points).map((drift) => ({ corner: drift.corner as CornerName, change: drift.change, direction: drift.direction })),
  };
}
