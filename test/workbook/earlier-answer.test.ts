/**
 * "Replace my answer" starts from the person's earlier answer: the assessment view returns the
 * caller's own ratings and evidence for a named cycle, nobody else's, and nothing for anonymous or
 * sealed cycles (which cannot be told apart or are never stored).
 */
import { describe, expect, it } from 'vitest';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { as, asAna, asBen, useWorkbookDouble } from '../support/workbook-double';

useWorkbookDouble();

const evidence = { Competence: 'Shipped the connector', Reliability: '', Transparency: 'Shared the pipeline <b>early</b>', Alignment: '' };

describe('the earlier answer in the assessment view', () => {
  it('a named cycle: the caller’s own ratings and evidence, never another person’s of the same side', () => {
    asAna();
    api.startCycle({ name: '2026-Q4', kind: 'Quarterly', anonymity: 'Named' });
    expect(api.loadAssessment().yourAnswer).toBeNull();
    api.submitAssessment({ cycle: '2026-Q4', ratings: { Competence: 7, Reliability: 6, Transparency: 5, Alignment: 8 }, evidence });
    const view = api.loadAssessment();
    expect(view.openCycle?.youAnswered).toBe(true);
    expect(view.yourAnswer).toEqual({ ratings: { Competence: 7, Reliability: 6, Transparency: 5, Alignment: 8 }, evidence, answeredOn: '2026-11-30' });
    as('raj@acme.example', 'Raj', 'Acme');
    expect(api.loadAssessment().yourAnswer).toBeNull();
    api.submitAssessment({ cycle: '2026-Q4', ratings: { Competence: 3, Reliability: 3, Transparency: 3, Alignment: 3 }, evidence: { Competence: '', Reliability: '', Transparency: '', Alignment: '' } });
    expect(api.loadAssessment().yourAnswer?.ratings.Competence).toBe(3);
    asBen();
    expect(api.loadAssessment().yourAnswer).toBeNull();
    // Ana's replacement: the view then shows the new answer.
    asAna();
    api.submitAssessment({ cycle: '2026-Q4', ratings: { Competence: 8, Reliability: 6, Transparency: 5, Alignment: 8 }, evidence: { ...evidence, Reliability: 'On time twice' } });
    expect(api.loadAssessment().yourAnswer).toMatchObject({ ratings: { Competence: 8 }, evidence: { Reliability: 'On time twice' } });
  });

  for (const anonymity of ['Anonymous', 'Sealed'] as const) {
    it(`a ${anonymity.toLowerCase()} cycle: answered, but no earlier answer to show`, () => {
      asAna();
      api.startCycle({ name: '2026-Q4', kind: 'Quarterly', anonymity, ...(anonymity === 'Sealed' ? { sealedMinimum: 3 } : {}) });
      // A sealed cycle keeps no evidence (the server refuses it): the answer carries none.
      const sent = anonymity === 'Sealed' ? { Competence: '', Reliability: '', Transparency: '', Alignment: '' } : evidence;
      api.submitAssessment({ cycle: '2026-Q4', ratings: { Competence: 7, Reliability: 6, Transparency: 5, Alignment: 8 }, evidence: sent });
      const view = api.loadAssessment();
      expect(view.openCycle).toMatchObject({ name: '2026-Q4', youAnswered: true });
      expect(view.yourAnswer).toBeNull();
      expect(JSON.stringify(view)).not.toContain('Shipped the connector');
    });
  }
});
