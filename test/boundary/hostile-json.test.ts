/**
 * Every top-level function of build/Code.js, called as google.script.run lets anyone with the file
 * open call it: with any JSON. Each call returns JSON-safe data or throws an Error a person can
 * read; after a throw the whole workbook (cells, notes, metadata, document and user properties)
 * is exactly as before.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BundleOnDouble, loadBundleOnDouble } from '../../runtime/bundle/bundle-on-double';
import { assertJsonSafe } from '../../runtime/bundle/script-run-shim';
import { contentFingerprint } from '../support/content-fingerprint';

const ANA = 'ana@acme.example';
const BEN = 'ben@beta.example';

/** A valid call of each sidebar handler on the example workbook: mutations of these reach past the first check. */
const VALID: Record<string, unknown[]> = {
  loadHome: [],
  saveIdentity: [{ displayName: 'Ana Silva', side: 'Acme Analytics' }],
  setUpWorkbook: [null],
  changesSince: [0],
  loadAssessment: [],
  submitAssessment: [{
    cycle: 'Fuzz',
    ratings: { Competence: 7, Reliability: 6, Transparency: 5, Alignment: 8 },
    // A sealed cycle keeps no evidence text (it is refused, not dropped).
    evidence: { Competence: '', Reliability: '', Transparency: '', Alignment: '' },
  }],
  // Ana's answer is the third of Acme's: Acme is in the sealed cycle, Beta Cloud is not.
  closeCycleWithout: [{ cycle: 'Fuzz', side: 'Beta Cloud', reason: 'Beta Cloud did not answer in six weeks' }],
  startCycle: [{ name: 'Fuzz 2', kind: 'Ad hoc', anonymity: 'Sealed', sealedMinimum: 3 }],
  // Nobody answered Fuzz 2: it closes with nothing assessed.
  closeCycle: ['Fuzz 2'],
  loadResults: [null],
  agreeActions: ['2026-Q4', 'Transparency', [0, 1, 2].map((index) => ({ commitment: `Action ${index}`, ownerSide: 'Acme Analytics', ownerPerson: 'Ana', dueDate: '2027-01-10' }))],
  // The id is set in beforeAll: an action of the latest cycle that Ana proposed and withdrew.
  proposeReplacement: [{ replaces: 'C-001', commitment: 'A smaller first step', ownerSide: 'Acme Analytics', ownerPerson: 'Ana', dueDate: '2027-01-10' }],
  acceptCommitment: ['C-001'],
  declineCommitment: ['C-001', 'Not this quarter'],
  counterProposeCommitment: [{ id: 'C-001', dueDate: '2027-01-20', commitment: 'Share the roadmap draft' }],
  withdrawCommitment: ['C-001'],
  loadCommitments: [],
  addCommitment: [{ commitment: 'Share the roadmap', ownerSide: 'Acme Analytics', ownerPerson: 'Ana', corner: 'Alignment', dueDate: '2027-01-10' }],
  updateCommitment: [{ id: 'C-001', status: 'Done', doneOn: '2026-11-20', flaggedOn: '', recoveryPlan: 'Plan' }],
  loadCompetenceAudit: [],
  submitCompetenceRating: [{ quarter: '2026-Q4', ratedSide: 'Beta Cloud', participant: '', domainExpertise: 7, executionCapacity: 6, learningVelocity: 5, evidence: '' }],
  addLearningActivity: [{ date: '2026-11-02', side: 'Beta Cloud', person: 'Ben', activity: 'Course', kind: 'Training', hours: 4 }],
  loadAlignmentAudit: [null],
  saveAlignmentAnswers: [{ quarter: '2026-Q4', answers: { 'Shared purpose': 'Grow', Boundaries: 'No poaching' } }],
  markAlignment: ['2026-Q4', 'Boundaries', 'Aligned'],
  loadPremortem: [],
  addRisk: [{ initiative: 'Launch', risk: 'Slip', likelihood: 'Low', impact: 'High', earlySignal: '', recoveryStandard: '', ownerSide: 'Beta Cloud' }],
  riskToCommitment: ['R-001', '2027-01-10'],
  adviseDisclosure: [{ shared: 'List', stage: 'Mid', exploitationRisk: 'Low', coordinationValue: 'High', partnerReciprocated: false, performanceCanShow: false }],
  recordDisclosure: [{ shared: 'List', stage: 'Early', exploitationRisk: 'Low', coordinationValue: 'High', partnerReciprocated: false, performanceCanShow: false }],
  loadBreaches: [],
  recordBreach: [{ date: '2026-11-20', what: 'Leak', corner: 'Transparency' }],
  updateBreach: [{ id: 'B-001', acknowledgedOn: '2026-11-21', preventionPlan: 'Plan', reviewDate: '2026-11-25', status: 'Reset complete' }],
  recordMajorChange: [{ change: 'Launch', note: 'New product' }],
  loadScorecard: ['2026-Q4'],
  saveScorecard: [{
    quarter: '2026-Q4', corners: { Competence: 7, Reliability: 6, Transparency: 5, Alignment: 8 },
    domainExpertise: 8, executionCapacity: null, learningVelocity: 6, satisfaction: 9, comments: 'Steady',
  }],
  addScorecardActionItem: ['2026-Q4', 'Review the pricing notice period'],
  loadGovernance: [],
  saveGovernance: [{ approach: 'Blend', rationale: 'Safeguards for data, shared governance for the roadmap' }],
  // B-002 is the breach recordBreach added above (the example's B-001 is decided already).
  decideBreach: [{ id: 'B-002', dishonestyOrDataMisuse: false, partnerAcknowledged: true, recovered: 'Not yet known', decision: 'Rebuild', reasons: 'Owned at once' }],
  prepareReview: [null],
  loadValueExchange: ['2026-Q4'],
  recordValueEntry: [{ quarter: '2026-Q4', side: 'Beta Cloud', kind: 'Leads', amount: 12, note: 'Webinar' }],
};

const HUGE = 'x'.repeat(100_000);

/** Any JSON value, weighted toward what breaks naive handlers. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, 0, -1, 1e308, '', ' ', HUGE, '=1', [], {}, [[1, 2]], { toString: 'x' }, '2026-02-30', 'C-001') },
);

/** A valid argument list changed in one place: a field dropped, added or replaced, or an argument replaced. */
function mutated(valid: unknown[]): fc.Arbitrary<unknown[]> {
  const replaceArgument = fc.tuple(fc.nat(Math.max(valid.length, 1)), hostileValue).map(([index, value]) => {
    const next = [...valid];
    next[index % (valid.length + 1)] = value;
    return next;
  });
  const objects = valid.map((value, index) => ({ value, index })).filter((entry) => entry.value && typeof entry.value === 'object' && !Array.isArray(entry.value));
  if (objects.length === 0) return replaceArgument;
  const changeField = fc.tuple(fc.constantFrom(...objects), fc.string({ maxLength: 20 }), hostileValue, fc.constantFrom('drop', 'set', 'add')).map(([entry, name, value, how]) => {
    const object = { ...(entry.value as Record<string, unknown>) };
    const keys = Object.keys(object);
    const key = how === 'add' ? name : keys[name.length % keys.length];
    if (how === 'drop') delete object[key];
    else object[key] = value;
    const next = [...valid];
    next[entry.index] = object;
    return next;
  });
  return fc.oneof(replaceArgument, changeField);
}

function callArguments(name: string): fc.Arbitrary<unknown[]> {
  const valid = VALID[name];
  const anyArguments = fc.array(hostileValue, { maxLength: 4 });
  return valid ? fc.oneof({ weight: 3, arbitrary: mutated(valid) }, { weight: 1, arbitrary: anyArguments }) : anyArguments;
}

/** What a person can read: an Error with a short message that is not the runtime's own words. */
function expectReadable(error: unknown, name: string, args: unknown[]): void {
  const where = `${name}(${JSON.stringify(args).slice(0, 200)})`;
  // Errors come from the add-on's own realm (a vm context), so instanceof Error of this realm does not hold.
  expect(Object.prototype.toString.call(error), where).toBe('[object Error]');
  const message = (error as Error).message;
  expect(message.length, where).toBeGreaterThan(0);
  expect(message.length, `${where}: ${message.slice(0, 120)}`).toBeLessThan(300);
  expect(message, where).not.toMatch(/Cannot read propert|is not a function|undefined is not|null is not|\[object Object\]|is not iterable|Maximum call stack/);
}

describe('hostile JSON to every server function', () => {
  let loaded: BundleOnDouble;

  beforeAll(() => {
    loaded = loadBundleOnDouble(() => ({ activeUserEmail: ANA }));
    loaded.setNow(new Date('2026-11-30T12:00:00Z'));
    loaded.bundle.call('menuLoadExample');
    loaded.double.setActiveUser(BEN);
    loaded.bundle.call('saveIdentity', loaded.bundle.realm({ displayName: 'Ben Okafor', side: 'Beta Cloud' }));
    loaded.double.setActiveUser(ANA);
    loaded.bundle.call('saveIdentity', loaded.bundle.realm({ displayName: 'Ana Silva', side: 'Acme Analytics' }));
    // Proposals of Ana's, one per answer (the calls run in order on one workbook): Ben accepts,
    // declines or counter-proposes one each; Ana, who proposed it, withdraws the last.
    const proposed = ['accept', 'decline', 'counter', 'withdraw'].map((use) => {
      const view = loaded.bundle.call('addCommitment', loaded.bundle.realm({ ...(VALID.addCommitment[0] as object), commitment: `To ${use}` })) as {
        commitments: Array<{ id: string; commitment: string }>;
      };
      return view.commitments.find((item) => item.commitment === `To ${use}`)!.id;
    });
    VALID.acceptCommitment = [proposed[0]];
    VALID.declineCommitment[0] = proposed[1];
    (VALID.counterProposeCommitment[0] as { id: string }).id = proposed[2];
    VALID.withdrawCommitment = [proposed[3]];
    // Actions for the latest cycle's focus, and an open sealed cycle to answer.
    const results = loaded.bundle.call('loadResults', null) as { cycle: string; priority: string };
    VALID.agreeActions = [results.cycle, results.priority, VALID.agreeActions[2]];
    const agreed = loaded.bundle.call('agreeActions', ...loaded.bundle.realm(VALID.agreeActions)) as { actions: Array<{ id: string; commitment: string }> };
    const withdrawn = agreed.actions.filter((action) => action.commitment === 'Action 0').at(-1)!.id;
    loaded.bundle.call('withdrawCommitment', withdrawn);
    (VALID.proposeReplacement[0] as { replaces: string }).replaces = withdrawn;
    // Ad hoc: the example's last quarterly cycle closed less than 60 days ago.
    loaded.bundle.call('startCycle', loaded.bundle.realm({ name: 'Fuzz', kind: 'Ad hoc', anonymity: 'Sealed', sealedMinimum: 3 }));
    for (const [email, name] of [['cy@acme.example', 'Cy'], ['di@acme.example', 'Di']]) {
      loaded.double.lock.endExecution();
      loaded.double.setActiveUser(email);
      loaded.bundle.call('saveIdentity', loaded.bundle.realm({ displayName: name, side: 'Acme Analytics' }));
      loaded.bundle.call('submitAssessment', loaded.bundle.realm(VALID.submitAssessment[0]));
    }
    loaded.double.setActiveUser(ANA);
    loaded.double.lock.endExecution();
  });

  const fingerprint = () => contentFingerprint(loaded.double, [ANA, BEN]);

  it('lists every sidebar handler among the functions it calls', () => {
    for (const name of Object.keys(VALID)) expect(loaded.functions, name).toContain(name);
  });

  it('every valid sample call works on the example workbook (so mutations start from a real path)', () => {
    // In order, on one workbook: the sealed cycle is answered, closed, and a new one started.
    for (const [name, args] of Object.entries(VALID)) {
      loaded.double.lock.endExecution();
      if (name === 'acceptCommitment' || name === 'declineCommitment' || name === 'counterProposeCommitment') loaded.double.setActiveUser(BEN);
      try {
        expect(() => loaded.bundle.call(name, ...loaded.bundle.realm(args)), name).not.toThrow();
      } finally {
        loaded.double.setActiveUser(ANA);
      }
    }
  });

  it('returns JSON-safe data or throws a readable error, and a throw changes nothing', () => {
    const names = loaded.functions.filter((name) => !/^[A-Z_]+$/.test(name)); // custom functions have their own tests
    // One workbook throughout: successful calls change it (as a real partner's calls would).
    for (const name of names) {
      fc.assert(
        fc.property(callArguments(name), fc.boolean(), (args, asPartner) => {
          loaded.double.lock.endExecution();
          loaded.double.setActiveUser(asPartner ? BEN : ANA);
          const before = fingerprint();
          let result: unknown;
          try {
            result = loaded.bundle.call(name, ...loaded.bundle.realm(args));
          } catch (error) {
            expectReadable(error, name, args);
            expect(fingerprint() === before, `${name} threw and changed the workbook`).toBe(true);
            return;
          } finally {
            loaded.double.setActiveUser(ANA);
          }
          assertJsonSafe(result, name);
        }),
        { numRuns: 10, seed: 20261130 },
      );
    }
  }, 600_000);
});
