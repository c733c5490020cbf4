/** More: the rest of the method, one tool per line, each a guided flow writing to its own sheet. */
import type { App, ViewName } from './app';
import { h, uid } from './dom';
import { heading } from './ui';

export function showMore(app: App, tools: ReadonlyArray<{ view: ViewName; name: string; what: string }>): void {
  const items = tools.map((tool) => {
    const hint = h('p', { class: 'hint', id: uid('tool') }, tool.what);
    const button = h('button', { type: 'button', class: 'tool', 'aria-describedby': hint.id, onclick: () => app.go(tool.view) }, tool.name);
    return h('li', null, button, hint);
  });
  app.render(
    heading('More tools'),
    h('p', null, 'The rest of the trust method. Each tool writes to its own sheet in this workbook.'),
    h('ul', { class: 'tools' }, items),
    h('p', null, h('button', { type: 'button', class: 'link', onclick: () => app.go('about') }, 'About and diagnostics')),
  );
}
