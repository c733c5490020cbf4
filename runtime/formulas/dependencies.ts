/**
 * Fix for a HyperFormula 3.5 bug: its dependency collection (parser/collectDependencies) has no
 * case for array literals, so a reference inside `{...}` never becomes a dependency of the formula
 * (upstream issues handsontable/hyperformula#894 and #979, open). Two consequences:
 *   - the referenced cell may not be computed yet when the formula is, and HyperFormula throws
 *     `Value of the formula cell is not computed.` (e.g. `=F({B3;1})` with B3 a formula, or
 *     `=F({"Ana";TRUE})`, since bare TRUE is a named expression here, see engine.ts);
 *   - the formula is not recomputed when the referenced cell changes.
 * Sheets' array literals are ordinary expressions, and the dashboard joins non-adjacent columns
 * with them (`{A2:A, C2:C}`), so the engine must honour those dependencies.
 *
 * The fix reuses HyperFormula's own collector on a stand-in AST in which every array literal is a
 * call of an unregistered function taking the literal's elements as arguments (a call's
 * arguments are dependencies), and puts the result where HyperFormula reads dependencies:
 *   - ParserWithCaching.parse (building a sheet, setting a cell's contents),
 *   - Cache.set (results reused by copy/move operations),
 *   - the DependencyGraph's formulaDependencyQuery (removing a formula's edges when it is
 *     replaced; per instance, see patchDependencyGraph).
 * The first two are patched on the classes' prototypes, once per process; the classes are not
 * exported, so they are reached through an instance.
 */
import { HyperFormula } from 'hyperformula';

/** The slice of HyperFormula's AST we look at (the Ast types are not exported). */
interface AstNode {
  type: string;
  args?: unknown[];
  value?: AstNode;
  left?: AstNode;
  right?: AstNode;
  expression?: AstNode;
}

interface Dependency {
  absolutize(base: unknown): unknown;
}

interface CacheLike {
  set(hash: string, ast: AstNode): { relativeDependencies: Dependency[] };
}
type CacheCtor = new (functionRegistry: unknown) => CacheLike;

interface ParserLike {
  functionRegistry: unknown;
  cache: CacheLike;
  parse(text: string, address: unknown): { ast: AstNode; errors: unknown[]; dependencies: Dependency[] };
}

interface FormulaVertexLike {
  getFormula(service: unknown): AstNode;
  getAddress(service: unknown): unknown;
}
interface DependencyGraphLike {
  lazilyTransformingAstService: unknown;
  functionRegistry: unknown;
  formulaDependencyQuery(vertex: unknown): [unknown, unknown[]] | undefined;
}

/** Not a registered function, so HyperFormula counts its arguments as needed (dependencies). */
const ARRAY_LITERAL_CALL = 'ARRAY_LITERAL_DEPENDENCIES';

function containsArray(ast: AstNode | undefined): boolean {
  if (ast === undefined || ast === null || typeof ast !== 'object') return false;
  switch (ast.type) {
    case 'ARRAY':
      return true;
    case 'FUNCTION_CALL':
      return (ast.args as AstNode[]).some(containsArray);
    default:
      return [ast.value, ast.left, ast.right, ast.expression].some(containsArray);
  }
}

/** A copy of the AST (along the paths to array literals only) with array literals as calls. */
function arraysAsCalls(ast: AstNode): AstNode {
  if (!containsArray(ast)) return ast;
  switch (ast.type) {
    case 'ARRAY':
      return {
        type: 'FUNCTION_CALL',
        procedureName: ARRAY_LITERAL_CALL,
        args: (ast.args as AstNode[][]).flat().map(arraysAsCalls),
      } as AstNode;
    case 'FUNCTION_CALL':
      return { ...ast, args: (ast.args as AstNode[]).map(arraysAsCalls) };
    default: {
      const copy: AstNode = { ...ast };
      for (const key of ['value', 'left', 'right', 'expression'] as const) {
        if (ast[key] !== undefined) copy[key] = arraysAsCalls(ast[key]);
      }
      return copy;
    }
  }
}

/** HyperFormula's own dependency collection, array literals included. */
function collect(Cache: CacheCtor, functionRegistry: unknown, ast: AstNode): Dependency[] {
  return new Cache(functionRegistry).set('', arraysAsCalls(ast)).relativeDependencies;
}

const PATCHED = Symbol.for('sheets-formula-engine.arrayLiteralDependencies');

function patchClasses(): CacheCtor {
  const probe = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
  const parser = (probe as unknown as { _parser: ParserLike })._parser;
  probe.destroy();
  const Parser = Object.getPrototypeOf(parser) as ParserLike & { [PATCHED]?: CacheCtor };
  const existing = Parser[PATCHED];
  if (existing) return existing;

  const Cache = parser.cache.constructor as CacheCtor & { prototype: CacheLike };
  const set = Cache.prototype.set;
  Cache.prototype.set = function (this: CacheLike & { functionRegistry: unknown }, hash, ast) {
    const entry = set.call(this, hash, ast);
    if (containsArray(ast)) entry.relativeDependencies = collect(Cache, this.functionRegistry, ast);
    return entry;
  };

  const parse = Parser.parse;
  Parser.parse = function (this: ParserLike, text, address) {
    const result = parse.call(this, text, address);
    if (result.errors.length === 0 && containsArray(result.ast)) {
      result.dependencies = collect(Cache, this.functionRegistry, result.ast);
    }
    return result;
  };
  Object.defineProperty(Parser, PATCHED, { value: Cache });
  return Cache;
}

const Cache = patchClasses();

/**
 * Makes a HyperFormula instance's graph see array-literal dependencies when it removes a
 * formula's edges (formulaDependencyQuery is an instance property). Call after every build.
 */
export function patchDependencyGraph(hf: HyperFormula): void {
  const graph = (hf as unknown as { _dependencyGraph: DependencyGraphLike })._dependencyGraph;
  const query = graph.formulaDependencyQuery;
  graph.formulaDependencyQuery = (vertex: unknown) => {
    const result = query(vertex);
    if (result === undefined) return result;
    const formula = (vertex as FormulaVertexLike).getFormula(graph.lazilyTransformingAstService);
    if (!containsArray(formula)) return result;
    const [address] = result;
    return [address, collect(Cache, graph.functionRegistry, formula).map((d) => d.absolutize(address))];
  };
}
