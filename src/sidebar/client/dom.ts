/**
 * The sidebar builds every element through these helpers. Data only ever reaches the page as
 * `textContent` or an attribute value, never as markup, so a commitment or a name typed as HTML
 * stays text. URL-carrying attributes and string event handlers are refused outright, so there is
 * no way to pass a `javascript:` URL through them by mistake; the one link the sidebar shows goes
 * through external-link.ts, which allows a single https prefix.
 */
export type Child = Node | string | number | null | undefined | false | readonly Child[];
export type AttrValue = string | number | boolean | null | undefined;
export interface Attrs {
  [name: string]: AttrValue | ((event: Event) => void);
}

const FORBIDDEN_ATTRIBUTES = new Set(['href', 'src', 'srcdoc', 'action', 'formaction', 'xlink:href', 'style']);

function applyAttrs(el: Element, attrs: Attrs | null | undefined): void {
  if (!attrs) return;
  for (const name of Object.keys(attrs)) {
    const value = attrs[name];
    const lower = name.toLowerCase();
    if (typeof value === 'function') {
      if (!lower.startsWith('on')) throw new Error(`dom: ${name} takes a function only as an event`);
      el.addEventListener(lower.slice(2), value);
      continue;
    }
    if (lower.startsWith('on') || FORBIDDEN_ATTRIBUTES.has(lower)) throw new Error(`dom: attribute ${name} is not allowed`);
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
}

function isList(child: Child): child is readonly Child[] {
  return Array.isArray(child);
}

function append(el: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (isList(child)) append(el, child);
    else if (child === null || child === undefined || child === false) continue;
    else if (typeof child === 'string' || typeof child === 'number') el.appendChild(document.createTextNode(String(child)));
    else el.appendChild(child);
  }
}

/** An HTML element with attributes, listeners (`onclick: fn`) and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element: same rules as h(). */
export function svg(tag: string, attrs?: Attrs | null, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

/** Replaces everything inside `el`. */
export function replaceChildren(el: Element, ...children: Child[]): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  append(el, children);
}

let nextId = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
