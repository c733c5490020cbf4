/**
 * The saved name of a person known by their email is kept in the document properties too
 * (src/workbook/identity.ts), so their requests read no user properties; their person id stays
 * in their own user properties, read only where an answer token or a proposal needs it. Without
 * an email, or for a name saved before the copy was kept, the user properties are read as before.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { USERINFO_EMAIL_SCOPE } from '../../runtime/apps-script';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { double, useWorkbookDouble } from '../support/workbook-double';

const EVIDENCE = { Competence: '', Reliability: '', Transparency: '', Alignment: '' };
const RATINGS = { Competence: 7, Reliability: 6, Transparency: 5, Alignment: 8 };
const COPY_PREFIX = 'trustCorners.personIdentity.';

useWorkbookDouble({ double: () => ({ oauthScopes: [USERINFO_EMAIL_SCOPE] }) });

function listDomains(): void {
  const sheet = double.spreadsheet.getSheetByName('Partnership')!;
  const headers = double.inspect.values('Partnership')[0] as unknown[];
  sheet.getRange(2, headers.indexOf("Our company's emails") + 1).setValue('acme.example');
  sheet.getRange(2, headers.indexOf("Partner company's emails") + 1).setValue('beta.example');
}

/** Whether `run` touched the user properties at all (their handle is asked for before any read). */
function readsUserProperties(run: () => unknown): boolean {
  double.endExecution();
  double.calls.reset();
  run();
  return (double.calls.byMethod()['PropertiesService.getUserProperties'] ?? 0) > 0;
}

const copies = () => Object.entries(double.inspect.properties('document')).filter(([key]) => key.startsWith(COPY_PREFIX));
const userRecord = (email: string) => {
  const [text] = Object.entries(double.inspect.properties('user', email)).filter(([key]) => key.startsWith('trustCorners.identity.')).map(([, value]) => value);
  return JSON.parse(text) as { displayName: string; side: string; personId: string };
};

beforeEach(() => {
  listDomains();
  double.setActiveUser('ana@acme.example');
  api.saveIdentity({ displayName: 'Ana' });
});

describe('a caller known by their email', () => {
  it('has their name, side and proposer tag kept in the document, never their person id', () => {
    expect(copies()).toHaveLength(1);
    const [, value] = copies()[0];
    expect(JSON.parse(value)).toEqual({ displayName: 'Ana', side: 'Acme', tag: expect.stringMatching(/^[0-9a-f]{24}$/) });
    const { personId } = userRecord('ana@acme.example');
    expect(JSON.stringify(double.inspect.properties('document'))).not.toContain(personId);
  });

  it('reads no user properties for a view or a save that needs no answer token, proposals and their answers included', () => {
    expect(readsUserProperties(() => api.loadHome())).toBe(false);
    const proposed = api.addCommitment({ commitment: 'Weekly report', ownerSide: 'Acme', ownerPerson: 'Ana', corner: 'Reliability', dueDate: '2026-12-31' });
    const id = proposed.commitments.find((c) => c.commitment === 'Weekly report')!.id;
    expect(readsUserProperties(() => api.addCommitment({ commitment: 'Pipeline review', ownerSide: 'Acme', ownerPerson: 'Ana', corner: 'Reliability', dueDate: '2026-12-31' }))).toBe(false);
    // Ana cannot accept her own proposal, and finding that out reads nothing of hers either.
    expect(readsUserProperties(() => expect(() => api.acceptCommitment(id)).toThrow(/your side|You proposed/))).toBe(false);
    expect(readsUserProperties(() => api.startCycle({ name: '2026-Q4', kind: 'Quarterly', anonymity: 'Anonymous' }))).toBe(false);
    expect(readsUserProperties(() => api.loadAssessment())).toBe(false);
    expect(api.loadHome().identity).toEqual({ displayName: 'Ana', side: 'Acme' });
  });

  it('still answers once per cycle: the token reads the person id, and the view knows they answered', () => {
    api.startCycle({ name: '2026-Q4', kind: 'Quarterly', anonymity: 'Anonymous' });
    expect(readsUserProperties(() => api.submitAssessment({ cycle: '2026-Q4', ratings: RATINGS, evidence: EVIDENCE }))).toBe(true);
    expect(() => api.submitAssessment({ cycle: '2026-Q4', ratings: RATINGS, evidence: EVIDENCE })).toThrow(/already answered/);
    expect(api.loadAssessment().openCycle?.youAnswered).toBe(true);
    // Ben has not answered: his token is his own.
    double.setActiveUser('ben@beta.example');
    api.saveIdentity({ displayName: 'Ben' });
    expect(api.loadAssessment().openCycle?.youAnswered).toBe(false);
    expect(JSON.stringify(double.inspect.properties('document'))).not.toContain(userRecord('ana@acme.example').personId);
  });

  it('keeps the person id with a proposal, so they cannot accept it once their email is withheld', () => {
    const id = api.addCommitment({ commitment: 'Weekly call', ownerSide: 'Acme', ownerPerson: 'Ana', corner: '', dueDate: '2027-01-10' })
      .commitments.find((item) => item.commitment === 'Weekly call')!.id;
    // Without the email, Ana declares the other side: only her person id still says it is her proposal.
    double.session.withholdEmail();
    api.saveIdentity({ displayName: 'Ana', side: 'Beta' });
    expect(() => api.acceptCommitment(id)).toThrow(/You proposed/);
  });
});

describe('a caller without an email, or a name saved before the copy', () => {
  it('without an email: the saved name comes from the user properties', () => {
    double.session.withholdEmail();
    double.setActiveUser('cy@elsewhere.example');
    api.saveIdentity({ displayName: 'Cy', side: 'Beta' });
    expect(readsUserProperties(() => api.loadHome())).toBe(true);
    expect(api.loadHome().identity).toEqual({ displayName: 'Cy', side: 'Beta' });
    expect(copies()).toHaveLength(1); // Ana's only: without an email there is nothing to key a copy by
  });

  it('saved before the copy was kept: still known, and the next save adds the copy in its own property write', () => {
    const [key] = copies()[0];
    PropertiesService.getDocumentProperties().deleteProperty(key);
    expect(readsUserProperties(() => api.loadHome())).toBe(true);
    expect(api.loadHome().identity).toEqual({ displayName: 'Ana', side: 'Acme' });
    double.endExecution();
    double.calls.reset();
    api.startCycle({ name: '2026-Q4', kind: 'Quarterly', anonymity: 'Named' });
    expect(double.calls.byMethod()['Properties.setProperty'] ?? 0).toBe(0);
    expect(copies().map(([copied]) => copied)).toEqual([key]);
    expect(readsUserProperties(() => api.loadHome())).toBe(false);
  });

  it('a copy without the user record behind it (their user properties cleared) asks for the name again', () => {
    const [identityKey] = Object.keys(double.inspect.properties('user', 'ana@acme.example')).filter((key) => key.startsWith('trustCorners.identity.'));
    PropertiesService.getUserProperties().deleteProperty(identityKey);
    api.startCycle({ name: '2026-Q4', kind: 'Quarterly', anonymity: 'Anonymous' });
    expect(() => api.submitAssessment({ cycle: '2026-Q4', ratings: RATINGS, evidence: EVIDENCE })).toThrow(/Tell us your name first/);
    api.saveIdentity({ displayName: 'Ana' });
    api.submitAssessment({ cycle: '2026-Q4', ratings: RATINGS, evidence: EVIDENCE });
  });
});
