/**
 * What the server boundary costs (issue: every server function behind a schema): the time to
 * parse a typical call's arguments, and the bytes of Code.js that the boundary's modules add.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../runtime/bundle/project-root';
import { ARGUMENTS } from '../src/sidebar/server';
import { type Figure, medianMs, printTable, record } from './report';

const RATINGS = { Competence: 7, Reliability: 6, Transparency: 5, Alignment: 8 };
const EVIDENCE = { Competence: 'Shipped the connector in three weeks', Reliability: '', Transparency: 'Shared the roadmap', Alignment: '' };

/** A typical call of the busiest handlers, as the sidebar sends it. */
const TYPICAL: Array<[keyof typeof ARGUMENTS, unknown[]]> = [
  ['submitAssessment', [{ cycle: '2026-Q4', ratings: RATINGS, evidence: EVIDENCE }]],
  ['agreeActions', ['2026-Q4', 'Transparency', [1, 2, 3].map((n) => ({ commitment: `Action ${n}: a weekly report`, ownerSide: 'Acme', ownerPerson: 'Ana Silva', dueDate: '2027-01-10' }))]],
  ['addCommitment', [{ commitment: 'Share the pricing calendar', ownerSide: 'Acme', ownerPerson: 'Ana Silva', corner: 'Transparency', dueDate: '2026-12-31' }]],
  ['updateCommitment', [{ id: 'C-012', status: 'Done', doneOn: '2026-11-20', recoveryPlan: 'Flagged in the weekly sync' }]],
];

/** Calls per timed run: one call takes microseconds, below the clock's resolution. */
const CALLS_PER_RUN = 1_000;

export async function benchBoundary(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const [name, args] of TYPICAL) {
    const parse = ARGUMENTS[name] as (values: readonly unknown[]) => unknown;
    const ms = medianMs(() => {
      for (let i = 0; i < CALLS_PER_RUN; i++) parse(args);
    });
    const figure = { bench: `validation:${name}`, ms_per_call: Number((ms / CALLS_PER_RUN).toFixed(5)) };
    record(figure);
    figures.push(figure);
  }
  // Loaded at run time, not bundled into the bench: the build script finds the sources from its own path.
  const buildScript = pathToFileURL(path.join(projectRoot(), 'scripts/build.mjs')).href;
  const { serverBytesBySource } = (await import(buildScript)) as typeof import('../scripts/build.mjs');
  const bytes = await serverBytesBySource();
  const boundary = Object.entries(bytes).filter(([file]) => file.startsWith('src/sidebar/boundary/')).reduce((sum, [, size]) => sum + size, 0);
  const total = Object.values(bytes).reduce((sum, size) => sum + size, 0);
  const size = { bench: 'size:boundary', bytes: boundary, share_of_bundle: Number((boundary / total).toFixed(3)) };
  record(size);
  figures.push(size);
  printTable('The server boundary: argument parsing per call, and its bytes in Code.js', figures);
  return figures;
}
