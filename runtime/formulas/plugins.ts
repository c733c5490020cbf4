/**
 * HyperFormula function plugins built per engine: the add-on's custom functions, and the few
 * built-ins whose HyperFormula behaviour differs from Sheets in ways our formulas depend on.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
} from 'hyperformula';
import { dateToSerial } from './dates';
import { argumentToAppsScript, resultFromAppsScript, type MarshalContext } from './marshal';

export type AppsScriptCustomFunction = (...args: unknown[]) => unknown;

export interface CustomFunctionDecl {
  /** As called in a formula; Sheets shows custom function names upper-case. */
  name: string;
  fn: AppsScriptCustomFunction;
  /**
   * Sheets itself never checks a custom function's argument count (missing ones are undefined,
   * extras are passed). The engine does, so a formula written with the wrong count fails a test.
   */
  minArgs: number;
  maxArgs: number;
  /**
   * First guess of the result size. Optional: the engine learns each call's real size (see
   * SizeLearner), so a wrong or missing guess costs one extra recalculation, never a wrong answer.
   */
  resultShape?: 'scalar' | { rows: number; cols: number };
}

/** The slice of HyperFormula's ProcedureAst / InterpreterState we use (not exported by the package). */
interface CallAst {
  procedureName: string;
  args: unknown[];
}
interface State {
  formulaAddress: { sheet: number; row: number; col: number };
}

/**
 * HyperFormula fixes a formula's spill size when it parses the formula, before any value is known
 * (`sizeOfResultArrayMethod`); Sheets sizes the spill from the actual result. To be faithful, every
 * array-returning function we implement reports the size it last produced at that call site, and
 * the engine re-parses (rebuildAndRecalculate) while any call site's real size differs from the
 * size HyperFormula was told. Data-dependent sizes (FILTER, a custom function returning N rows)
 * therefore come out exactly as in Sheets, including #REF! when the real spill hits data.
 */
export class SizeLearner {
  private readonly sizes = new Map<string, { rows: number; cols: number }>();
  private readonly keys = new WeakMap<object, string>();
  changed = false;

  private key(ast: CallAst, state: State): string {
    let argsKey = this.keys.get(ast);
    if (argsKey === undefined) {
      argsKey = JSON.stringify(ast.args);
      this.keys.set(ast, argsKey);
    }
    const a = state.formulaAddress;
    return `${a.sheet}:${a.row}:${a.col}:${ast.procedureName}:${argsKey}`;
  }

  predicted(ast: CallAst, state: State, guess: { rows: number; cols: number }): ArraySize {
    const s = this.sizes.get(this.key(ast, state)) ?? guess;
    return s.rows === 1 && s.cols === 1 ? ArraySize.scalar() : new ArraySize(s.cols, s.rows);
  }

  /**
   * Records the real size of a result, to re-parse with it when it differs from the size
   * HyperFormula was told, and returns the result whole. It is not cropped to the told size here:
   * a nested call's result is an argument of the enclosing function, which must see it whole even
   * in a pass before the sizes settle (cropped, `CORNER_SCORES(IFERROR(FILTER(...), ""))` got a
   * single value and threw). A formula's own value larger than its told spill is cropped by the
   * array vertex instead (arrays.ts); in a scalar cell it is #VALUE! until the re-parse.
   */
  observe(ast: CallAst, state: State, guess: { rows: number; cols: number }, value: unknown): unknown {
    const rows = value instanceof SimpleRangeValue ? value.height() : 1;
    const cols = value instanceof SimpleRangeValue ? value.width() : 1;
    const key = this.key(ast, state);
    const told = this.sizes.get(key) ?? guess;
    if (told.rows !== rows || told.cols !== cols) {
      this.sizes.set(key, { rows, cols });
      this.changed = true;
    }
    return value;
  }
}

export interface PluginContext extends Omit<MarshalContext, 'typedDate'> {
  now: () => Date;
  sizes: SizeLearner;
}

const SCALAR = { rows: 1, cols: 1 };
const DATE = 'NUMBER_DATE';
const DATETIME = 'NUMBER_DATETIME';

/** Access to FunctionPlugin's protected helpers without widening their types everywhere. */
interface PluginInternals {
  evaluateAst(ast: unknown, state: State): unknown;
  returnNumberWrapper(val: number, type: string): unknown;
  runFunction(args: unknown[], state: State, metadata: unknown, impl: (...a: never[]) => unknown): unknown;
  metadata(name: string): unknown;
}
const internals = (p: FunctionPlugin): PluginInternals => p as unknown as PluginInternals;

function marshalContext(plugin: FunctionPlugin, ctx: PluginContext): MarshalContext {
  return {
    timeZone: ctx.timeZone,
    DateCtor: ctx.DateCtor,
    typedDate: (serial) => internals(plugin).returnNumberWrapper(serial, Number.isInteger(serial) ? DATE : DATETIME),
  };
}

export function customFunctionsPlugin(decls: CustomFunctionDecl[], ctx: PluginContext): FunctionPluginDefinition {
  const byName = new Map(decls.map((d) => [d.name.toUpperCase(), d]));
  const guessOf = (d: CustomFunctionDecl) =>
    d.resultShape === undefined || d.resultShape === 'scalar' ? SCALAR : d.resultShape;

  class AppsScriptCustomFunctions extends FunctionPlugin {
    static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
      [...byName.keys()].map((name) => [
        name,
        {
          method: 'call',
          sizeOfResultArrayMethod: 'size',
          // Arguments are evaluated by `call` itself (no coercion, no vectorization), so
          // a range reaches the function as a range whatever the declaration says.
          parameters: [{ argumentType: FunctionArgumentType.ANY, optionalArg: true }],
          repeatLastArgs: 1,
          vectorizationForbidden: true,
        },
      ]),
    );

    size(ast: CallAst, state: State): ArraySize {
      return ctx.sizes.predicted(ast, state, guessOf(byName.get(ast.procedureName)!));
    }

    call(ast: CallAst, state: State): unknown {
      const decl = byName.get(ast.procedureName)!;
      const n = ast.args.length;
      if (n < decl.minArgs || n > decl.maxArgs) {
        return new CellError(
          ErrorType.NA,
          `Wrong number of arguments to ${decl.name}. Expected between ${decl.minArgs} and ${decl.maxArgs} arguments, but got ${n}.`,
        );
      }
      const mctx = marshalContext(this, ctx);
      const args: unknown[] = [];
      for (const argAst of ast.args) {
        const v = internals(this).evaluateAst(argAst, state);
        // An argument that is itself an error propagates without calling the function.
        if (v instanceof CellError) return v;
        args.push(argumentToAppsScript(v, mctx));
      }
      let result: unknown;
      try {
        result = decl.fn(...args);
      } catch (e) {
        // Sheets shows #ERROR! and keeps the thrown message (tooltip); tests read it back.
        const message = e !== null && typeof e === 'object' && 'message' in e ? String(e.message) : String(e);
        return new CellError(ErrorType.ERROR, message);
      }
      return ctx.sizes.observe(ast, state, guessOf(decl), resultFromAppsScript(result, mctx));
    }
  }
  return AppsScriptCustomFunctions;
}

/** Sheets' FILTER condition truth: TRUE or a non-zero number. */
function isTrue(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v !== null && typeof v === 'object' && typeof (v as { val?: unknown }).val === 'number') return (v as { val: number }).val !== 0;
  return false;
}

export function sheetsCompatPlugins(ctx: PluginContext): FunctionPluginDefinition[] {
  class SheetsCompat extends FunctionPlugin {
    static override implementedFunctions: ImplementedFunctions = {
      FILTER: {
        method: 'filter',
        sizeOfResultArrayMethod: 'filterSize',
        enableArrayArithmeticForArguments: true,
        vectorizationForbidden: true,
        parameters: [{ argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.RANGE }],
        repeatLastArgs: 1,
      },
      IFERROR: {
        method: 'iferror',
        sizeOfResultArrayMethod: 'iferrorSize',
        // Arguments are evaluated by `iferror` itself; this is only what HyperFormula checks.
        parameters: [{ argumentType: FunctionArgumentType.ANY }, { argumentType: FunctionArgumentType.ANY, optionalArg: true }],
        vectorizationForbidden: true,
      },
      TODAY: { method: 'today', parameters: [], isVolatile: true },
      NOW: { method: 'now', parameters: [], isVolatile: true },
    };

    filterSize(ast: CallAst, state: State): ArraySize {
      return ctx.sizes.predicted(ast, state, SCALAR);
    }

    /**
     * Sheets' FILTER(range, condition1, [condition2, ...]): each condition is a column as tall as
     * the range (keeps rows) or a row as wide as the range (keeps columns). HyperFormula's FILTER
     * only accepts a 1-D range and same-shaped conditions, so `FILTER(G2:J, A2:A=x)` fails there.
     */
    filter(ast: CallAst, state: State): unknown {
      return internals(this).runFunction(ast.args, state, internals(this).metadata('FILTER'), ((
        range: SimpleRangeValue,
        ...conditions: SimpleRangeValue[]
      ) => {
        const h = range.height();
        const w = range.width();
        const byRow = conditions.every((c) => c.width() === 1 && c.height() === h);
        const byCol = !byRow && conditions.every((c) => c.height() === 1 && c.width() === w);
        if (!byRow && !byCol) {
          const bad = conditions.find((c) => !(c.width() === 1 && c.height() === h))!;
          return new CellError(
            ErrorType.VALUE,
            `FILTER has mismatched range sizes. Expected row count: ${h}. column count: 1. Actual row count: ${bad.height()}, column count: ${bad.width()}.`,
          );
        }
        const keep: boolean[] = [];
        for (let i = 0; i < (byRow ? h : w); i++) {
          let ok = true;
          for (const c of conditions) {
            const v = byRow ? c.data[i]![0] : c.data[0]![i];
            if (v instanceof CellError) return v;
            if (!isTrue(v)) ok = false;
          }
          keep.push(ok);
        }
        const data = byRow
          ? range.data.filter((_, i) => keep[i])
          : range.data.map((row) => row.filter((_, j) => keep[j]));
        if (data.length === 0 || data[0]!.length === 0) {
          return new CellError(ErrorType.NA, 'No matches are found in FILTER evaluation.');
        }
        return ctx.sizes.observe(ast, state, SCALAR, SimpleRangeValue.onlyValues(data));
      }) as never);
    }

    iferrorSize(ast: CallAst, state: State): ArraySize {
      return ctx.sizes.predicted(ast, state, SCALAR);
    }

    /**
     * Sheets' IFERROR(value, [fallback]): an error gives the fallback (blank when omitted); an
     * array passes through whole, each error element replaced by the fallback, so
     * =IFERROR(FILTER(...), "") spills and IFERROR(FILTER(...), "") reaches a custom function as
     * the whole filtered range. HyperFormula's IFERROR takes scalars and keeps the first value.
     */
    iferror(ast: CallAst, state: State): unknown {
      // Arguments evaluated here: runFunction would return an error argument without calling us.
      const n = ast.args.length;
      if (n < 1 || n > 2) {
        return new CellError(ErrorType.NA, `Wrong number of arguments to IFERROR. Expected between 1 and 2 arguments, but got ${n}.`);
      }
      const value = internals(this).evaluateAst(ast.args[0], state);
      const fallback = () => (n === 2 ? internals(this).evaluateAst(ast.args[1], state) : EmptyValue);
      let result = value instanceof CellError ? fallback() : value;
      if (result instanceof SimpleRangeValue && result.data.some((row) => row.some((v) => v instanceof CellError))) {
        const f = fallback();
        const replacement = (f instanceof SimpleRangeValue ? f.data[0]![0] : f) as SimpleRangeValue['data'][number][number];
        result = SimpleRangeValue.onlyValues(result.data.map((row) => row.map((v) => (v instanceof CellError ? replacement : v))));
      }
      return ctx.sizes.observe(ast, state, SCALAR, result);
    }

    /** TODAY/NOW in the spreadsheet's time zone and on an injectable clock. */
    today(ast: CallAst, state: State): unknown {
      return internals(this).runFunction(ast.args, state, internals(this).metadata('TODAY'), () =>
        internals(this).returnNumberWrapper(Math.floor(dateToSerial(ctx.now(), ctx.timeZone)), DATE),
      );
    }

    now(ast: CallAst, state: State): unknown {
      return internals(this).runFunction(ast.args, state, internals(this).metadata('NOW'), () =>
        internals(this).returnNumberWrapper(dateToSerial(ctx.now(), ctx.timeZone), DATETIME),
      );
    }
  }

  // SUMPRODUCT evaluates its arguments as arrays in Sheets ((A2:A="x")*(B2:B>0) works without
  // ARRAYFORMULA); HyperFormula's does not unless array arithmetic is on for the whole workbook.
  const Sumprod = HyperFormula.getFunctionPlugin('SUMPRODUCT')!;
  const sumprodMeta = Sumprod.implementedFunctions['SUMPRODUCT']!;
  const SheetsSumproduct = class extends (Sumprod as unknown as typeof FunctionPlugin) {
    static override implementedFunctions: ImplementedFunctions = {
      SUMPRODUCT: { ...sumprodMeta, enableArrayArithmeticForArguments: true },
    };
  };
  // HyperFormula looks the method up as an own property of the plugin's prototype.
  const method = sumprodMeta.method as keyof FunctionPlugin;
  Object.defineProperty(SheetsSumproduct.prototype, method, { value: Sumprod.prototype[method] });

  return [SheetsCompat, SheetsSumproduct as unknown as FunctionPluginDefinition];
}
