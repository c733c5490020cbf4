/**
 * Two HyperFormula 3.5 array-formula states that throw instead of giving a value; the engine
 * needs both to be values, since a pass before the SizeLearner has settled (see plugins.ts) can
 * produce them, and a real error in an array formula must show as an error, as in Sheets:
 *   - Reading a range that coincides with an array formula's spill area (`=F(B7:E7)` with B7
 *     `=CORNER_SCORES(...)` spilling into B7:E7) whose result is an error: the array vertex holds
 *     an ErroredArray, which the interpreter's CELL_RANGE case does not handle
 *     (`Error: Unknown array`). Patched: the read gives that error, as HyperFormula already does
 *     for an array holding a plain CellError (Sheets gives the error too: a function reading the
 *     range sees the error cell).
 *   - An array formula whose value is larger than the size predicted when it was parsed: the
 *     vertex throws `Resizing to smaller array`. Patched: the value is cropped to the predicted
 *     size (the SizeLearner has then recorded the real size and the engine re-parses).
 * Both are patched on the classes' prototypes (not exported; reached through a probe instance),
 * once per process, because the first evaluation runs inside buildFromSheets. Each patch acts
 * only where HyperFormula would otherwise throw.
 */
import { CellError, HyperFormula, SimpleRangeValue } from 'hyperformula';

interface ArrayLike {
  size: { width: number; height: number; isRef: boolean };
  error?: unknown;
}
interface ArrayVertexLike {
  array: ArrayLike;
  setCellValue(value: unknown): unknown;
}
interface GraphLike {
  getArray(range: unknown): ArrayVertexLike | undefined;
  addressMapping: { getCell(address: unknown): unknown };
}

const PATCHED = Symbol.for('sheets-formula-engine.arrayPatches');

/** HyperFormula's ErroredArray (not exported): an array vertex's result that is an error. */
function isErroredArray(array: ArrayLike): array is ArrayLike & { error: CellError } {
  return !(array instanceof CellError) && array.error instanceof CellError;
}

function patchClasses(): void {
  const probe = HyperFormula.buildFromArray([['={1,2}']], { licenseKey: 'gpl-v3' });
  const graph = (probe as unknown as { _dependencyGraph: GraphLike })._dependencyGraph;
  const vertex = graph.addressMapping.getCell({ sheet: 0, row: 0, col: 0 }) as ArrayVertexLike;
  probe.destroy();
  const Graph = Object.getPrototypeOf(graph) as GraphLike & { [PATCHED]?: true };
  if (Graph[PATCHED]) return;
  const ArrayVertex = Object.getPrototypeOf(vertex) as ArrayVertexLike;

  // Only the interpreter's CELL_RANGE case calls DependencyGraph.getArray; it returns a
  // CellError held as the array, and throws on an ErroredArray.
  const getArray = Graph.getArray;
  Graph.getArray = function (this: GraphLike, range) {
    const arrayVertex = getArray.call(this, range);
    if (arrayVertex === undefined || !isErroredArray(arrayVertex.array)) return arrayVertex;
    return { array: arrayVertex.array.error } as unknown as ArrayVertexLike;
  };

  const setCellValue = ArrayVertex.setCellValue;
  ArrayVertex.setCellValue = function (this: ArrayVertexLike, value) {
    const { width, height, isRef } = this.array.size;
    if (value instanceof SimpleRangeValue && !isRef && (value.width() > width || value.height() > height)) {
      value = SimpleRangeValue.onlyValues(value.data.slice(0, height).map((row) => row.slice(0, width)));
    }
    return setCellValue.call(this, value);
  };
  Object.defineProperty(Graph, PATCHED, { value: true });
}

patchClasses();
