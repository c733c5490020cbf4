/** Every figure is printed twice: in a readable table for people and as one JSON line for tools. */
export interface Figure {
  bench: string;
  [key: string]: string | number | boolean;
}

const figures: Figure[] = [];

export function record(figure: Figure): void {
  figures.push(figure);
  console.log(JSON.stringify(figure));
}

export function printTable(title: string, rows: Figure[] = figures): void {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cells = rows.map((row) => columns.map((column) => String(row[column] ?? '')));
  const widths = columns.map((column, index) => Math.max(column.length, ...cells.map((line) => line[index].length)));
  const line = (values: string[]): string => values.map((value, index) => value.padEnd(widths[index])).join('  ');
  console.log(`\n${title}\n${line(columns)}\n${line(widths.map((w) => '-'.repeat(w)))}`);
  for (const values of cells) console.log(line(values));
}

export function allFigures(): Figure[] {
  return figures;
}

/** Median of `runs` timed runs after `warmups` untimed ones, in milliseconds. */
export function medianMs(run: () => unknown, runs = 15, warmups = 5): number {
  for (let i = 0; i < warmups; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
