/** Corner means written as four numbers in canonical order (Competence, Reliability, Transparency, Alignment). */
import type { CornerMeans } from '../../src/domain/corners';

export const means = (c: number | null, r: number | null, t: number | null, a: number | null): CornerMeans => ({
  Competence: c,
  Reliability: r,
  Transparency: t,
  Alignment: a,
});
