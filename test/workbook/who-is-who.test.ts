/**
 * Who is who (DOMAIN.md): a side is bound to the signed-in email where the platform gives it,
 * chosen once for an email neither company lists, self-declared only without an email; whoever
 * acted for a side keeps it; nobody answers a proposal of their own side or one they made.
 */
import { describe, expect, it } from 'vitest';
import { USERINFO_EMAIL_SCOPE } from '../../runtime/apps-script';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { stampEdit } from '../../src/workbook/stamp';
import { setUpWorkbook } from '../../src/workbook/setup';
import { verifyHistory } from '../../src/workbook/verify-history';
import { double, useWorkbookDouble } from '../support/workbook-double';

const EVIDENCE = { Competence: '', Reliability: '', Transparency: '', Alignment: '' };
const RATINGS = { Competence: 7, Reliability: 6, Transparency: 5, Alignment: 8 };

/** Everything a save could change: cells, notes, document and user properties. */
const everything = () => JSON.stringify(double.snapshot());

function partnershipCell(header: string): GoogleAppsScript.Spreadsheet.Range {
  const headers = double.inspect.values('Partnership')[0] as unknown[];
  const column = headers.indexOf(header) + 1;
  expect(column, header).toBeGreaterThan(0);
  return double.spreadsheet.getSheetByName('Partnership')!.getRange(2, column);
}

/** Both companies name their domains on the Partnership sheet, as a person types them. */
function listDomains(ours = 'acme.example', theirs = 'beta.example'): void {
  partnershipCell("Our company's emails").setValue(ours);
  partnershipCell("Partner company's emails").setValue(theirs);
}

const historyRows = () => double.inspect.values('Change History').slice(1);
const personRecords = () => Object.entries(double.inspect.properties('document')).filter(([key]) => key.startsWith('trustCorners.person.'));

/** `email` opens the sidebar and saves a name (and a side, where one is given). */
function as(email: string, displayName: string, side?: string) {
  double.setActiveUser(email);
  return api.saveIdentity(side === undefined ? { displayName } : { displayName, side });
}

const propose = (commitment: string) =>
  api.addCommitment({ commitment, ownerSide: 'Beta', ownerPerson: 'Ben', corner: 'Alignment', dueDate: '2027-01-10' }).commitments.find((item) => item.commitment === commitment)!.id;

describe('with the email scope: a side is the company whose list names the email', () => {
  useWorkbookDouble({ double: () => ({ oauthScopes: [USERINFO_EMAIL_SCOPE] }) });

  it('binds sides by domain without asking, and refuses a side the email does not belong to', () => {
    listDomains();
    const home = as('ben@beta.example', 'Ben');
    expect(home.identity).toEqual({ displayName: 'Ben', side: 'Beta' });
    expect(home.who).toEqual({ email: 'ben@beta.example', basis: 'email', fixedSide: 'Beta', keptBecause: null });
    const before = everything();
    expect(() => as('ben@beta.example', 'Ben', 'Acme')).toThrow('Your email ben@beta.example is on Beta\'s list on the Partnership sheet, so your side is Beta.');
    expect(everything()).toBe(before);
    // An address listed exactly wins over the domain (a Beta address working for Acme).
    partnershipCell("Our company's emails").setValue('acme.example, consultant@beta.example');
    expect(as('consultant@beta.example', 'Cora').identity?.side).toBe('Acme');
    expect(as('eu.sales@team.acme.example', 'Eve').identity?.side).toBe('Acme');
  });

  it('a Beta person who says Acme cannot accept Beta\'s own proposal: the side comes from the email', () => {
    listDomains();
    as('ben@beta.example', 'Ben');
    const id = propose('Share the pipeline');
    as('bea@beta.example', 'Bea');
    expect(() => as('bea@beta.example', 'Bea', 'Acme')).toThrow(/so your side is Beta/);
    const before = everything();
    expect(() => api.acceptCommitment(id)).toThrow(`${id} was proposed by your side (Beta); the other side accepts it.`);
    expect(() => api.declineCommitment(id, 'No')).toThrow(`${id} is your side's proposal (Beta)`);
    expect(everything()).toBe(before);
    as('ana@acme.example', 'Ana');
    expect(api.acceptCommitment(id).commitments.find((item) => item.id === id)?.status).toBe('Open');
  });

  it('the padding attack cannot happen: two Beta people cannot answer a sealed cycle as Acme', () => {
    listDomains();
    as('ana@acme.example', 'Ana');
    api.startCycle({ name: '2026-Q4', kind: 'Quarterly', anonymity: 'Sealed', sealedMinimum: 3 });
    for (const [email, name] of [['ben@beta.example', 'Ben'], ['bea@beta.example', 'Bea']]) {
      expect(() => as(email, name, 'Acme')).toThrow(/so your side is Beta/);
      as(email, name);
      api.submitAssessment({ cycle: '2026-Q4', ratings: RATINGS, evidence: EVIDENCE });
    }
    expect(api.loadAssessment().openCycle?.answeredBySide).toEqual({ Beta: 2 });
  });

  it('an email on neither list chooses once: kept with the email and in the Change History; kept once acted', () => {
    const home = as('cleo@globex.example', 'Cleo', 'Beta');
    expect(home.who).toEqual({ email: 'cleo@globex.example', basis: 'chosen', fixedSide: null, keptBecause: null });
    expect(personRecords().map(([, value]) => JSON.parse(value))).toEqual([{ side: 'Beta', basis: 'chosen', email: 'cleo@globex.example' }]);
    expect(historyRows().at(-1)?.slice(1, 7)).toEqual(['Cleo (Beta)', '', 'cleo@globex.example', "Side chosen (email on neither company's list)", '', 'Beta']);
    // Asked once: the next visit needs no side.
    expect(as('cleo@globex.example', 'Cleo').identity?.side).toBe('Beta');
    expect(() => as('dan@globex.example', 'Dan')).toThrow("Your email dan@globex.example is on neither company's list on the Partnership sheet: choose your side (Acme or Beta).");
    double.setActiveUser('cleo@globex.example');
    propose('Weekly status mail');
    const before = everything();
    expect(() => as('cleo@globex.example', 'Cleo', 'Acme')).toThrow('You proposed a commitment on 2026-11-30 for Beta; your side stays Beta.');
    expect(everything()).toBe(before);
    expect(api.loadHome().who.keptBecause).toBe('You proposed a commitment on 2026-11-30 for Beta; your side stays Beta.');
    expect(verifyHistory().verified).toBe(true);
  });

  it('someone who acted keeps their side when the lists are edited afterwards', () => {
    listDomains();
    as('ben@beta.example', 'Ben');
    propose('Joint webinar');
    listDomains('acme.example, beta.example', '');
    expect(api.loadHome().identity?.side).toBe('Beta');
    // Bea never acted: the edited list decides for her (and the edit is in the history).
    expect(as('bea@beta.example', 'Bea').identity?.side).toBe('Acme');
  });

  it('a proposer cannot accept their own proposal, even once their verified email puts them on the other side', () => {
    listDomains();
    // A policy withholds Dan's email: he declares Beta and proposes.
    double.session.withholdEmail();
    as('dan@acme.example', 'Dan', 'Beta');
    const id = propose('Quarterly roadmap review');
    // The policy is lifted: his email puts him on Acme, the side that accepts.
    double.session.withholdEmail(false);
    expect(api.loadHome().identity?.side).toBe('Acme');
    const before = everything();
    expect(() => api.acceptCommitment(id)).toThrow(`You proposed ${id}; someone of the other side accepts it.`);
    expect(() => api.counterProposeCommitment({ id, dueDate: '2027-01-20' })).toThrow(`You proposed ${id}; someone of the other side answers it.`);
    expect(everything()).toBe(before);
    as('ana@acme.example', 'Ana');
    expect(api.acceptCommitment(id).commitments.find((item) => item.id === id)?.status).toBe('Open');
  });

  it('no email (a policy withholds it): the saved side is used, and Home says it is self-declared', () => {
    listDomains();
    double.session.withholdEmail();
    const home = as('ana@acme.example', 'Ana', 'Acme');
    expect(home.who).toEqual({ email: null, basis: 'declared', fixedSide: null, keptBecause: null });
    expect(home.identity).toEqual({ displayName: 'Ana', side: 'Acme' });
    expect(api.addCommitment({ commitment: 'Demo day', ownerSide: 'Acme', ownerPerson: 'Ana', corner: '', dueDate: '2027-01-10' }).commitments).toHaveLength(1);
  });

  it('hostile JSON to saveIdentity gets a clear error and writes nothing', () => {
    listDomains();
    double.setActiveUser('ben@beta.example');
    const before = everything();
    const call = (value: unknown) => () => (api.saveIdentity as (value: unknown) => unknown)(value);
    expect(call({ displayName: 'Ben', side: 42 })).toThrow('Your side must be text; got 42.');
    expect(call({ displayName: 'Ben', side: 'Beta', email: 'ana@acme.example' })).toThrow(/has a field "email" that is not part of it/);
    expect(call({ side: 'Beta' })).toThrow('Your name is missing.');
    expect(call({ displayName: 'Ben', side: 'Nobody Inc' })).toThrow('"Nobody Inc" is not one of the two companies (Acme, Beta).');
    expect(call(null)).toThrow(/Who you are must be an object/);
    expect(everything()).toBe(before);
  });

  it('the Partnership sheet\'s email columns are tracked: a hand edit is in the Change History', () => {
    const cell = partnershipCell("Partner company's emails");
    cell.setValue('beta.example');
    double.runSimpleTrigger('LIMITED', () => stampEdit({ range: cell, value: 'beta.example', oldValue: undefined } as unknown as GoogleAppsScript.Events.SheetsOnEdit));
    api.changesSince(null); // an open sidebar's poll chains what onEdit held
    expect(historyRows().at(-1)?.slice(2, 7)).toEqual(['Partnership', 'row 2', "Partner company's emails", '', 'beta.example']);
  });
});

describe('without an email (no scope, as in a simple trigger): sides are self-declared', () => {
  useWorkbookDouble();

  it('works as before, Home says the side is self-declared, and a switch after acting is refused', () => {
    const home = as('ana@acme.example', 'Ana', 'Acme');
    expect(home.who).toEqual({ email: null, basis: 'declared', fixedSide: null, keptBecause: null });
    // Before acting the side may change.
    expect(as('ana@acme.example', 'Ana', 'Beta').identity?.side).toBe('Beta');
    as('ana@acme.example', 'Ana', 'Acme');
    api.startCycle({ name: '2026-Q4', kind: 'Quarterly', anonymity: 'Named' });
    api.submitAssessment({ cycle: '2026-Q4', ratings: RATINGS, evidence: EVIDENCE });
    const before = everything();
    expect(() => as('ana@acme.example', 'Ana', 'Beta')).toThrow('You started an assessment cycle on 2026-11-30 for Acme; your side stays Acme.');
    expect(everything()).toBe(before);
    // Her name may still change.
    expect(as('ana@acme.example', 'Ana Silva').identity).toEqual({ displayName: 'Ana Silva', side: 'Acme' });
  });

  it('the padding attack: two Beta people who answered a sealed cycle cannot then switch to Acme', () => {
    as('ana@acme.example', 'Ana', 'Acme');
    api.startCycle({ name: '2026-Q4', kind: 'Quarterly', anonymity: 'Sealed', sealedMinimum: 3 });
    for (const [email, name] of [['ben@beta.example', 'Ben'], ['bea@beta.example', 'Bea']]) {
      as(email, name, 'Beta');
      api.submitAssessment({ cycle: '2026-Q4', ratings: RATINGS, evidence: EVIDENCE });
      const before = everything();
      expect(() => as(email, name, 'Acme')).toThrow('You answered an assessment cycle on 2026-11-30 for Beta; your side stays Beta.');
      expect(everything()).toBe(before);
      expect(() => api.submitAssessment({ cycle: '2026-Q4', ratings: RATINGS, evidence: EVIDENCE })).toThrow();
    }
    expect(api.loadAssessment().openCycle?.answeredBySide).toEqual({ Beta: 2 });
  });

  it('a failed save records no act: the side may still change', () => {
    as('ben@beta.example', 'Ben', 'Beta');
    expect(() => api.acceptCommitment('C-404')).toThrow(/No commitment with id C-404/);
    expect(personRecords()).toEqual([]);
    expect(as('ben@beta.example', 'Ben', 'Acme').identity?.side).toBe('Acme');
  });

  it('Repair adds the email columns to a workbook set up before them', () => {
    const sheet = double.spreadsheet.getSheetByName('Partnership')!;
    const headers = () => double.inspect.values('Partnership')[0] as unknown[];
    for (const header of ["Partner company's emails", "Our company's emails"]) sheet.deleteColumn(headers().indexOf(header) + 1);
    expect(headers()).not.toContain("Our company's emails");
    const report = setUpWorkbook();
    expect(report.addedColumns.join('; ')).toMatch(/Our company's emails/);
    expect(headers()).toEqual(expect.arrayContaining(["Our company's emails", "Partner company's emails"]));
  });
});
