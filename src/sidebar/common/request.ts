/**
 * One request from the sidebar, so a handler states only what it reads, checks and writes: the
 * workbook opened once for the request, the caller resolved on the server (never from the
 * arguments), and a save run all or nothing under the document lock.
 */
import { type Decision, planDecisions } from '../../workbook/history';
import { Workbook } from '../../workbook/workbook';
import { type WritePlan, saveAtomically } from '../../workbook/write-plan';
import { settlementProperties } from '../../workbook/settled';
import { SETTLED_TABLES } from '../../workbook/settled-tables';
import { type Caller, planActed, requireCaller } from './caller';
import { readPartnership } from './read-model';

/** The add-on's clock: the one place a handler asks what time it is. */
export const today = (): Date => new Date();

export interface Save {
  workbook: Workbook;
  plan: WritePlan;
  /** The two companies as the Partnership sheet names them, read under the lock. */
  sides(): string[];
  /** Who is calling, checked against `sides` (the Partnership sheet's, unless the handler read them already). */
  caller(sides?: readonly string[]): Caller;
  /**
   * Records decisions in the Change History, chained, in this save's plan: by the caller this save
   * resolved (call `caller` first), or by `who` ('' names nobody).
   */
  record(decisions: Decision | readonly Decision[], who?: string): void;
}

/**
 * Runs one save and returns what `build` returned; nothing is written if it throws. A sidebar
 * request only reads after its save (the view it returns), so the lock goes with the execution
 * rather than by a round trip of its own (src/workbook/lock.ts).
 */
export function save<R>(action: string, build: (request: Save) => R, workbook = new Workbook()): R {
  return saveAtomically(workbook, action, (plan) => {
    const sides = () => readPartnership(workbook).sides;
    // A save that asks who is calling acts for the caller's side: the first one is recorded (caller.ts).
    let acting: Caller | null = null;
    const caller = (known?: readonly string[]) => (acting = requireCaller(workbook, known ?? sides()));
    const record = (decisions: Decision | readonly Decision[], who?: string) => {
      const by = who ?? (acting as Caller | null)?.actor.label;
      if (by === undefined) throw new Error('A decision is recorded by the caller: resolve the caller before recording it.');
      planDecisions(plan, workbook, by, Array.isArray(decisions) ? decisions : [decisions as Decision]);
    };
    const result = build({ workbook, plan, sides, caller, record });
    if (acting) planActed(plan, workbook, acting, action, today());
    // The settled rows of the tables this save read, summed up in the same property write (settled.ts).
    const settled = settlementProperties(workbook, (table) => plan.updatedRowsOf(table), today(), SETTLED_TABLES);
    for (const [key, value] of Object.entries(settled)) plan.setDocumentProperty(key, value);
    // A name saved before the document kept a copy of it: copied now, in this save's property write.
    const copy = workbook.identityCopyToKeep();
    if (copy) plan.setDocumentProperty(copy.key, copy.value);
    return result;
  }, 'with the execution');
}

/** Runs one save, then builds the view it returns from what the save read and wrote (no second read). */
export function saveThenShow<V>(action: string, build: (request: Save) => void, show: (workbook: Workbook) => V): V {
  const workbook = new Workbook();
  save(action, build, workbook);
  return show(workbook);
}
