/**
 * Ui (menus, alerts, prompts, sidebars, dialogs) and HtmlService. Everything shown is recorded on
 * the Env for inspect; alert/prompt answers come from a queue the test fills
 * (double.ui.respond(...)), defaulting to the first button of the button set.
 */
import { Button, ButtonSet, EnumValue, SandboxMode, XFrameOptionsMode, enumKey, type ButtonSetKey } from './enums';
import type { Env, MenuItemRecord, MenuRecord } from './env';
import { assertInteger, assertString } from './env';

export function uiFacade(env: Env): UiImpl {
  return env.cached('ui', () => new UiImpl(env), 'Ui');
}

const DEFAULT_BUTTON: Record<ButtonSetKey, keyof typeof Button> = {
  OK: 'OK',
  OK_CANCEL: 'OK',
  YES_NO: 'YES',
  YES_NO_CANCEL: 'YES',
};
const ALLOWED: Record<ButtonSetKey, Array<keyof typeof Button>> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

export class UiImpl {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(private readonly env: Env) {}

  createAddonMenu(): MenuImpl {
    return this.env.wrap(new MenuImpl(this.env, { title: this.env.options.addonName, addon: true, items: [] }), 'Menu');
  }
  createMenu(caption: unknown): MenuImpl {
    return this.env.wrap(new MenuImpl(this.env, { title: assertString(caption, 'Ui.createMenu'), addon: false, items: [] }), 'Menu');
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons) */
  private dialog(kind: 'alert' | 'prompt', args: unknown[]): { button: keyof typeof Button; text: string } {
    const method = `Ui.${kind}`;
    let title = '';
    let prompt: string;
    let set: ButtonSetKey = kind === 'alert' ? 'OK' : 'OK';
    if (args.length >= 3) {
      title = assertString(args[0], method);
      prompt = assertString(args[1], method);
      set = enumKey(ButtonSet, args[2], method);
    } else {
      prompt = assertString(args[0], method);
      if (args.length === 2) set = enumKey(ButtonSet, args[1], method);
    }
    const scripted = this.env.uiResponses.shift();
    const button = scripted?.button ?? DEFAULT_BUTTON[set];
    if (!ALLOWED[set].includes(button)) throw new Error(`Scripted response ${button} is not a button of ButtonSet.${set}.`);
    const text = scripted?.text ?? '';
    this.env.dialogs.push({ kind, title, prompt, buttons: set, response: button, ...(kind === 'prompt' ? { text } : {}) });
    return { button, text };
  }

  alert(...args: unknown[]): EnumValue {
    return Button[this.dialog('alert', args).button];
  }
  prompt(...args: unknown[]): unknown {
    const { button, text } = this.dialog('prompt', args);
    return this.env.wrap({ getResponseText: () => text, getSelectedButton: () => Button[button] }, 'PromptResponse');
  }
  showSidebar(output: unknown): void {
    const o = this.env.unwrap(output, HtmlOutputImpl, 'Ui.showSidebar');
    this.env.shown.push({ kind: 'sidebar', title: o.title, html: o.content, width: o.width, height: o.height });
  }
  showModalDialog(output: unknown, title: unknown): void {
    const o = this.env.unwrap(output, HtmlOutputImpl, 'Ui.showModalDialog');
    this.env.shown.push({ kind: 'modal', title: assertString(title, 'Ui.showModalDialog'), html: o.content, width: o.width, height: o.height });
  }
  showModelessDialog(output: unknown, title: unknown): void {
    const o = this.env.unwrap(output, HtmlOutputImpl, 'Ui.showModelessDialog');
    this.env.shown.push({ kind: 'modeless', title: assertString(title, 'Ui.showModelessDialog'), html: o.content, width: o.width, height: o.height });
  }
}

export class MenuImpl {
  constructor(
    private readonly env: Env,
    readonly record: MenuRecord,
  ) {}
  addItem(caption: unknown, functionName: unknown): this {
    const item: MenuItemRecord = {
      caption: assertString(caption, 'Menu.addItem'),
      functionName: assertString(functionName, 'Menu.addItem'),
    };
    this.record.items.push(item);
    return this;
  }
  addSeparator(): this {
    this.record.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: unknown): this {
    const sub = this.env.unwrap(menu, MenuImpl, 'Menu.addSubMenu');
    this.record.items.push({ submenu: structuredClone(sub.record) });
    return this;
  }
  addToUi(): void {
    const snapshot = structuredClone(this.record);
    // Adding the same menu again (e.g. onOpen run twice) replaces it, as the menu bar does.
    const i = this.env.menus.findIndex((m) => m.title === snapshot.title && m.addon === snapshot.addon);
    if (i >= 0) this.env.menus[i] = snapshot;
    else this.env.menus.push(snapshot);
  }
}

// ---- HtmlService ----

export function htmlServiceFacade(env: Env): unknown {
  return env.cached('HtmlService', () => new HtmlServiceImpl(env), 'HtmlService');
}

function fileContent(env: Env, name: unknown, method: string): string {
  const n = assertString(name, method).replace(/\.html$/, '');
  const files = env.options.htmlFiles;
  if (!Object.prototype.hasOwnProperty.call(files, n)) throw new Error(`No HTML file named ${n} was found.`);
  return files[n]!;
}

export class HtmlServiceImpl {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  constructor(private readonly env: Env) {}
  createHtmlOutput(html?: unknown): HtmlOutputImpl {
    if (html !== undefined && typeof html !== 'string') {
      const tpl = this.env.unwrap(html, HtmlTemplateImpl, 'HtmlService.createHtmlOutput');
      return tpl.evaluate();
    }
    return this.env.wrap(new HtmlOutputImpl(html ?? ''), 'HtmlOutput');
  }
  createHtmlOutputFromFile(name: unknown): HtmlOutputImpl {
    return this.env.wrap(new HtmlOutputImpl(fileContent(this.env, name, 'HtmlService.createHtmlOutputFromFile')), 'HtmlOutput');
  }
  createTemplate(html: unknown): HtmlTemplateImpl {
    return this.env.wrap(new HtmlTemplateImpl(this.env, assertString(html, 'HtmlService.createTemplate')), 'HtmlTemplate');
  }
  createTemplateFromFile(name: unknown): HtmlTemplateImpl {
    return this.env.wrap(new HtmlTemplateImpl(this.env, fileContent(this.env, name, 'HtmlService.createTemplateFromFile')), 'HtmlTemplate');
  }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export class HtmlOutputImpl {
  title = 'Apps Script application';
  width: number | undefined;
  height: number | undefined;
  sandbox = 'IFRAME';
  xFrame = 'DEFAULT';
  readonly metaTags: Array<{ name: string; content: string }> = [];
  favicon: string | null = null;

  constructor(public content: string) {}
  getContent(): string {
    return this.content;
  }
  setContent(content: unknown): this {
    this.content = assertString(content, 'HtmlOutput.setContent');
    return this;
  }
  append(html: unknown): this {
    this.content += assertString(html, 'HtmlOutput.append');
    return this;
  }
  appendUntrusted(text: unknown): this {
    this.content += escapeHtml(assertString(text, 'HtmlOutput.appendUntrusted'));
    return this;
  }
  clear(): this {
    this.content = '';
    return this;
  }
  setTitle(title: unknown): this {
    this.title = assertString(title, 'HtmlOutput.setTitle');
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(w: unknown): this {
    this.width = assertInteger(w, 'HtmlOutput.setWidth', 'width');
    return this;
  }
  getWidth(): number {
    return this.width ?? 0;
  }
  setHeight(h: unknown): this {
    this.height = assertInteger(h, 'HtmlOutput.setHeight', 'height');
    return this;
  }
  getHeight(): number {
    return this.height ?? 0;
  }
  setSandboxMode(mode: unknown): this {
    this.sandbox = enumKey(SandboxMode, mode, 'HtmlOutput.setSandboxMode');
    return this;
  }
  setXFrameOptionsMode(mode: unknown): this {
    this.xFrame = enumKey(XFrameOptionsMode, mode, 'HtmlOutput.setXFrameOptionsMode');
    return this;
  }
  addMetaTag(name: unknown, content: unknown): this {
    this.metaTags.push({ name: assertString(name, 'HtmlOutput.addMetaTag'), content: assertString(content, 'HtmlOutput.addMetaTag') });
    return this;
  }
  setFaviconUrl(url: unknown): this {
    this.favicon = assertString(url, 'HtmlOutput.setFaviconUrl');
    return this;
  }
  getFaviconUrl(): string | null {
    return this.favicon;
  }
}

/**
 * HtmlTemplate: `<?= expr ?>` (escaped), `<?!= expr ?>` (raw) and `<? code ?>` scriptlets, with the
 * template's own properties in scope, compiled with `new Function` (tests only).
 */
export class HtmlTemplateImpl {
  [key: string]: unknown;
  constructor(
    private readonly env: Env,
    private readonly source: string,
  ) {}
  getRawContent(): string {
    return this.source;
  }
  evaluate(): HtmlOutputImpl {
    const parts = this.source.split(/(<\?!?=?[\s\S]*?\?>)/);
    let body = 'let __out = "";\n';
    for (const p of parts) {
      if (p.startsWith('<?!=')) body += `__out += String(${p.slice(4, -2)});\n`;
      else if (p.startsWith('<?=')) body += `__out += __esc(String(${p.slice(3, -2)}));\n`;
      else if (p.startsWith('<?')) body += `${p.slice(2, -2)}\n`;
      else body += `__out += ${JSON.stringify(p)};\n`;
    }
    body += 'return __out;';
    const names = Object.keys(this).filter((k) => k !== 'env' && k !== 'source' && /^[A-Za-z_$][\w$]*$/.test(k));
    const fn = new Function('__esc', ...names, body) as (...args: unknown[]) => string;
    const html = fn(escapeHtml, ...names.map((n) => this[n]));
    return this.env.wrap(new HtmlOutputImpl(html), 'HtmlOutput');
  }
}
