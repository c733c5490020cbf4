/**
 * Embedded charts. A builder edits a private copy of a chart spec; build() freezes it into an
 * EmbeddedChart; Sheet.insertChart/updateChart store it. getChartId() is null until inserted,
 * as in Apps Script.
 */
import { ChartType, EnumValue, enumKey } from './enums';
import type { Env } from './env';
import { assertInteger, assertString } from './env';
import type { ChartSpec } from './model';
import { RangeImpl, makeRangeFromGrid } from './range';

export interface ChartDraft extends Omit<ChartSpec, 'id'> {
  id: number | null;
  sheetId: number;
}

export function newChartBuilder(env: Env, sheetId: number, from?: ChartDraft): EmbeddedChartBuilderImpl {
  const draft: ChartDraft = from
    ? structuredClone(from)
    : {
        id: null,
        sheetId,
        type: 'LINE',
        ranges: [],
        options: {},
        anchorRow: 1,
        anchorCol: 1,
        offsetX: 0,
        offsetY: 0,
        numHeaders: -1,
        transpose: false,
      };
  return env.wrap(new EmbeddedChartBuilderImpl(env, draft), 'EmbeddedChartBuilder');
}

export function chartFacade(env: Env, draft: ChartDraft): EmbeddedChartImpl {
  return env.wrap(new EmbeddedChartImpl(env, structuredClone(draft)), 'EmbeddedChart');
}

export class EmbeddedChartBuilderImpl {
  constructor(
    private readonly env: Env,
    private readonly draft: ChartDraft,
  ) {}

  setChartType(type: unknown): this {
    this.draft.type = enumKey(ChartType, type, 'Charts.EmbeddedChartBuilder.setChartType');
    return this;
  }
  getChartType(): EnumValue {
    return ChartType[this.draft.type];
  }
  addRange(range: unknown): this {
    this.draft.ranges.push(this.env.unwrap(range, RangeImpl, 'Charts.EmbeddedChartBuilder.addRange').grid());
    return this;
  }
  removeRange(range: unknown): this {
    const g = this.env.unwrap(range, RangeImpl, 'Charts.EmbeddedChartBuilder.removeRange').grid();
    this.draft.ranges = this.draft.ranges.filter((r) => JSON.stringify(r) !== JSON.stringify(g));
    return this;
  }
  clearRanges(): this {
    this.draft.ranges = [];
    return this;
  }
  getRanges(): unknown[] {
    return this.draft.ranges.map((g) => makeRangeFromGrid(this.env, g));
  }
  setPosition(anchorRowPos: unknown, anchorColPos: unknown, offsetX: unknown, offsetY: unknown): this {
    const m = 'Charts.EmbeddedChartBuilder.setPosition';
    this.draft.anchorRow = assertInteger(anchorRowPos, m, 'anchorRowPos');
    this.draft.anchorCol = assertInteger(anchorColPos, m, 'anchorColPos');
    this.draft.offsetX = assertInteger(offsetX, m, 'offsetX');
    this.draft.offsetY = assertInteger(offsetY, m, 'offsetY');
    return this;
  }
  setOption(option: unknown, value: unknown): this {
    this.draft.options[assertString(option, 'Charts.EmbeddedChartBuilder.setOption')] = structuredClone(value);
    return this;
  }
  setNumHeaders(n: unknown): this {
    this.draft.numHeaders = assertInteger(n, 'Charts.EmbeddedChartBuilder.setNumHeaders', 'headers');
    return this;
  }
  setTransposeRowsAndColumns(t: unknown): this {
    this.draft.transpose = Boolean(t);
    return this;
  }
  setHiddenDimensionStrategy(): this {
    return this;
  }
  setMergeStrategy(): this {
    return this;
  }
  // Typed builders (asLineChart() etc.) are the same builder with the type set; their title
  // helpers are options, as they are in the Sheets chart spec.
  private as(type: keyof typeof ChartType): this {
    this.draft.type = type;
    return this;
  }
  asAreaChart(): this {
    return this.as('AREA');
  }
  asBarChart(): this {
    return this.as('BAR');
  }
  asColumnChart(): this {
    return this.as('COLUMN');
  }
  asComboChart(): this {
    return this.as('COMBO');
  }
  asHistogramChart(): this {
    return this.as('HISTOGRAM');
  }
  asLineChart(): this {
    return this.as('LINE');
  }
  asPieChart(): this {
    return this.as('PIE');
  }
  asScatterChart(): this {
    return this.as('SCATTER');
  }
  asSteppedAreaChart(): this {
    return this.as('STEPPED_AREA');
  }
  asTableChart(): this {
    return this.as('TABLE');
  }
  setTitle(title: unknown): this {
    return this.setOption('title', assertString(title, 'Charts.EmbeddedChartBuilder.setTitle'));
  }
  setXAxisTitle(title: unknown): this {
    return this.setOption('hAxis.title', assertString(title, 'Charts.EmbeddedChartBuilder.setXAxisTitle'));
  }
  setYAxisTitle(title: unknown): this {
    return this.setOption('vAxis.title', assertString(title, 'Charts.EmbeddedChartBuilder.setYAxisTitle'));
  }
  setColors(colors: unknown): this {
    if (!Array.isArray(colors)) throw new Error('Invalid argument: cssValues');
    return this.setOption('colors', colors);
  }
  setStacked(): this {
    return this.setOption('isStacked', true);
  }
  build(): EmbeddedChartImpl {
    return chartFacade(this.env, this.draft);
  }
}

export class EmbeddedChartImpl {
  constructor(
    private readonly env: Env,
    readonly draft: ChartDraft,
  ) {}
  getChartId(): number | null {
    return this.draft.id;
  }
  getRanges(): unknown[] {
    return this.draft.ranges.map((g) => makeRangeFromGrid(this.env, g));
  }
  getNumHeaders(): number {
    return this.draft.numHeaders;
  }
  getTransposeRowsAndColumns(): boolean {
    return this.draft.transpose;
  }
  getOptions(): unknown {
    const options = this.draft.options;
    return this.env.wrap(
      {
        get: (key: string) => (key in options ? structuredClone(options[key]) : null),
        getOrDefault: (key: string) => (key in options ? structuredClone(options[key]) : null),
      },
      'ChartOptions',
    );
  }
  getContainerInfo(): unknown {
    const d = this.draft;
    return this.env.wrap(
      {
        getAnchorRow: () => d.anchorRow,
        getAnchorColumn: () => d.anchorCol,
        getOffsetX: () => d.offsetX,
        getOffsetY: () => d.offsetY,
      },
      'ContainerInfo',
    );
  }
  modify(): EmbeddedChartBuilderImpl {
    return newChartBuilder(this.env, this.draft.sheetId, this.draft);
  }
}
