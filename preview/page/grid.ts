/**
 * The cell grid: a table with column letters and row numbers, values as the server displayed
 * them, header styling, frozen rows, dropdown marks, conditional-format highlights, and the
 * charts laid over the cells they are anchored to. Editing: double-click, Enter or typing opens an
 * editor on the cell (a list for dropdown cells); Enter or a choice commits, Escape cancels.
 */
import type { CellView, SheetView } from '../protocol';
import { CHART_HEIGHT, CHART_WIDTH, chartSvg } from './chart';

const DEFAULT_WIDTH = 100;
const ROW_HEIGHT = 23; // 22px + 1px border
const ROW_HEAD_WIDTH = 46;

export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export interface GridHandlers {
  select(a1: string, cell: CellView): void;
  commit(row: number, col: number, text: string): void;
}

export class Grid {
  private view: SheetView | null = null;
  private selected: { row: number; col: number } | null = null;
  private editor: HTMLElement | null = null;
  /** A newer view that arrived while the user was typing: drawn when the editor closes. */
  private deferred: SheetView | null = null;

  constructor(
    private readonly wrap: HTMLElement,
    private readonly handlers: GridHandlers,
  ) {
    wrap.addEventListener('click', (e) => {
      const td = (e.target as HTMLElement).closest('td');
      if (td) this.select(Number(td.dataset.row), Number(td.dataset.col));
    });
    wrap.addEventListener('dblclick', (e) => {
      const td = (e.target as HTMLElement).closest('td');
      if (td) this.openEditor(Number(td.dataset.row), Number(td.dataset.col));
    });
    document.addEventListener('keydown', (e) => this.onKey(e));
    wrap.addEventListener('mouseover', (e) => {
      const td = (e.target as HTMLElement).closest('td');
      if (td?.dataset.error) this.showErrorTip(td);
      else this.hideErrorTip();
    });
    wrap.addEventListener('mouseleave', () => this.hideErrorTip());
  }

  private errorTip: HTMLElement | null = null;

  /** Sheets' error popup: the code in red and the message, under the cell. Text only, never HTML. */
  private showErrorTip(td: HTMLElement): void {
    this.hideErrorTip();
    const tip = document.createElement('div');
    tip.className = 'error-tip';
    tip.setAttribute('role', 'tooltip');
    const code = document.createElement('strong');
    code.textContent = 'Error';
    const message = document.createElement('span');
    message.textContent = td.dataset.error ?? '';
    tip.append(code, message);
    const box = td.getBoundingClientRect();
    const outer = this.wrap.getBoundingClientRect();
    tip.style.left = `${box.left - outer.left + this.wrap.scrollLeft}px`;
    tip.style.top = `${box.bottom - outer.top + this.wrap.scrollTop + 2}px`;
    this.wrap.append(tip);
    this.errorTip = tip;
  }

  private hideErrorTip(): void {
    this.errorTip?.remove();
    this.errorTip = null;
  }

  get editing(): boolean {
    return this.editor !== null;
  }

  get sheetName(): string | undefined {
    return this.view?.name;
  }

  render(view: SheetView): void {
    if (this.editor && this.view?.name === view.name) {
      this.deferred = view;
      return;
    }
    this.closeEditor();
    const sameSheet = this.view?.name === view.name;
    this.view = view;
    if (!sameSheet) this.selected = null;
    const width = (c: number) => view.columnWidths[c] ?? DEFAULT_WIDTH;
    const html: string[] = [];
    // An explicit width makes table-layout: fixed hold the column widths, so charts line up.
    const total = ROW_HEAD_WIDTH + Array.from({ length: view.cols }, (_, i) => width(i + 1)).reduce((a, b) => a + b, 0);
    html.push(`<table class="grid" style="width:${total}px" data-sheet="${escapeAttr(view.name)}" data-revision="${view.revision}"><colgroup><col style="width:${ROW_HEAD_WIDTH}px">`);
    for (let c = 1; c <= view.cols; c++) html.push(`<col style="width:${width(c)}px">`);
    html.push('</colgroup><thead><tr><th class="rowhead"></th>');
    for (let c = 1; c <= view.cols; c++) html.push(`<th>${columnLetters(c)}</th>`);
    html.push('</tr></thead><tbody>');
    view.cells.forEach((row, r) => {
      const frozen = r < view.frozenRows;
      html.push(`<tr${r === view.frozenRows - 1 ? ' class="frozen-last"' : ''}><th class="rowhead"${frozen ? ` style="top:${ROW_HEIGHT * (r + 1)}px;z-index:4"` : ''}>${r + 1}</th>`);
      row.forEach((cell, c) => {
        const classes: string[] = [];
        const style: string[] = [];
        if (cell.bold || cell.highlight?.bold) classes.push('bold');
        if (cell.numeric) classes.push('num');
        if (cell.error) classes.push('err');
        if (cell.options) classes.push('dropdown');
        // Text runs on into an empty neighbour, as in Sheets.
        if (cell.wrap) classes.push('wrap');
        else if (!cell.numeric && !cell.options && cell.text !== '' && row[c + 1]?.text === '') classes.push('spill');
        if (frozen) {
          classes.push('frozen');
          style.push(`top:${ROW_HEIGHT * (r + 1)}px`);
        }
        const background = cell.highlight?.background ?? cell.background ?? (frozen ? '#fff' : undefined);
        if (background) style.push(`background:${background}`);
        if (cell.highlight?.color) style.push(`color:${cell.highlight.color}`);
        if (this.selected && this.selected.row === r + 1 && this.selected.col === c + 1) classes.push('selected');
        const a1 = `${columnLetters(c + 1)}${r + 1}`;
        // An error cell explains itself on hover (the tip below); other cells show their validation help.
        const title = cell.errorMessage ? ` data-error="${escapeAttr(cell.errorMessage)}"` : cell.help ? ` title="${escapeAttr(cell.help)}"` : '';
        html.push(
          `<td data-row="${r + 1}" data-col="${c + 1}" data-a1="${a1}"${classes.length ? ` class="${classes.join(' ')}"` : ''}${style.length ? ` style="${style.join(';')}"` : ''}${title}>${escapeHtml(cell.text)}</td>`,
        );
      });
      html.push('</tr>');
    });
    html.push('</tbody></table>');
    const left = (col: number) => ROW_HEAD_WIDTH + Array.from({ length: col - 1 }, (_, i) => width(i + 1)).reduce((a, b) => a + b, 0);
    for (const chart of view.charts) {
      html.push(
        `<div class="chart" style="left:${left(chart.anchorCol)}px;top:${ROW_HEIGHT * chart.anchorRow}px;width:${CHART_WIDTH + 2}px;height:${CHART_HEIGHT + 2}px" data-chart="${escapeAttr(chart.title)}">${chartSvg(chart)}</div>`,
      );
    }
    this.errorTip = null;
    this.wrap.innerHTML = html.join('');
    if (!sameSheet) {
      // Another tab: start at A1 with nothing selected, as Sheets does.
      this.wrap.scrollTo(0, 0);
      this.handlers.select('', { text: '', input: '' });
    }
    if (this.selected) this.select(this.selected.row, this.selected.col);
  }

  select(row: number, col: number): void {
    if (!this.view) return;
    const cell = this.view.cells[row - 1]?.[col - 1];
    if (!cell) return;
    this.wrap.querySelector('td.selected')?.classList.remove('selected');
    this.cellElement(row, col)?.classList.add('selected');
    this.selected = { row, col };
    this.handlers.select(`${columnLetters(col)}${row}`, cell);
  }

  private cellElement(row: number, col: number): HTMLElement | null {
    return this.wrap.querySelector(`td[data-row="${row}"][data-col="${col}"]`);
  }

  openEditor(row: number, col: number, initial?: string): void {
    if (!this.view) return;
    this.closeEditor();
    this.select(row, col);
    const cell = this.view.cells[row - 1]?.[col - 1];
    const td = this.cellElement(row, col);
    if (!cell || !td) return;
    let editor: HTMLInputElement | HTMLSelectElement;
    if (cell.options && initial === undefined) {
      const select = document.createElement('select');
      const choices = ['', ...cell.options];
      if (!choices.includes(cell.text)) choices.push(cell.text);
      for (const choice of choices) {
        const option = document.createElement('option');
        option.value = choice;
        option.textContent = choice === '' ? '(blank)' : choice;
        option.selected = choice === cell.text;
        select.append(option);
      }
      select.addEventListener('change', () => this.finish(row, col, select.value));
      editor = select;
    } else {
      const input = document.createElement('input');
      input.value = initial ?? cell.input;
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          this.finish(row, col, input.value);
        }
      });
      editor = input;
    }
    editor.id = 'cell-editor';
    editor.className = 'editor';
    editor.setAttribute('aria-label', `Edit ${columnLetters(col)}${row}`);
    editor.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape') this.closeEditor();
    });
    editor.addEventListener('blur', () => setTimeout(() => this.editor === editor && this.closeEditor(), 150));
    const box = td.getBoundingClientRect();
    const outer = this.wrap.getBoundingClientRect();
    editor.style.left = `${box.left - outer.left + this.wrap.scrollLeft}px`;
    editor.style.top = `${box.top - outer.top + this.wrap.scrollTop}px`;
    editor.style.minWidth = `${Math.max(box.width, 160)}px`;
    editor.style.height = `${box.height}px`;
    this.wrap.append(editor);
    this.editor = editor;
    editor.focus();
  }

  closeEditor(): void {
    this.editor?.remove();
    this.editor = null;
    const deferred = this.deferred;
    this.deferred = null;
    if (deferred) this.render(deferred);
  }

  private finish(row: number, col: number, text: string): void {
    this.closeEditor();
    this.handlers.commit(row, col, text);
  }

  private onKey(e: KeyboardEvent): void {
    if (this.editor || !this.selected || !this.view) return;
    const target = e.target as HTMLElement;
    if (target.closest('input, select, textarea, button, iframe')) return;
    const { row, col } = this.selected;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, 1] };
    if (moves[e.key]) {
      e.preventDefault();
      const [dr, dc] = moves[e.key]!;
      this.select(Math.min(this.view.rows, Math.max(1, row + dr)), Math.min(this.view.cols, Math.max(1, col + dc)));
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      this.openEditor(row, col);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      this.handlers.commit(row, col, '');
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.openEditor(row, col, e.key);
    }
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttr(s: string): string {
  return escapeHtml(s).replace(/"/g, '&quot;');
}
