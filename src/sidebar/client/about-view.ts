/**
 * More → About and diagnostics, in the sidebar: the last calls the sidebar made, with how long the
 * person waited for each (client/call-times.ts), and the same as plain text to copy into a report.
 * The menu's About and diagnostics dialog keeps the build, the authorization and the menu items'
 * timings (src/diagnostics/about.ts).
 */
import type { App } from './app';
import { type TimedCall, recentCalls } from './call-times';
import { h } from './dom';
import { heading, section } from './ui';

const two = (n: number) => String(n).padStart(2, '0');

/** yyyy-mm-dd hh:mm:ss on the browser's clock, where the person is. */
function when(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

function aboutReport(calls: readonly TimedCall[]): string {
  return ['Sidebar calls, from the click to the answer (most recent first):', ...calls.map((call) => `${when(call.at)}\t${call.action}\t${call.ms} ms\t${call.ok ? 'ok' : 'failed'}`)].join('\n');
}

export function showAbout(app: App): void {
  const calls = recentCalls();
  const table =
    calls.length === 0
      ? h('p', { id: 'no-calls' }, 'Nothing measured yet: open a view or save something, then come back.')
      : h(
          'table',
          { id: 'sidebar-calls' },
          h('caption', null, `Your last ${calls.length} actions in this sidebar, most recent first`),
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'At'), h('th', { scope: 'col' }, 'Action'), h('th', { scope: 'col' }, 'Took'), h('th', { scope: 'col' }, 'Result'))),
          h('tbody', null, calls.map((call) => h('tr', null, h('td', null, when(call.at).slice(11)), h('td', null, call.action), h('td', { class: 'num' }, `${call.ms} ms`), h('td', null, call.ok ? 'ok' : 'failed')))),
        );
  const report = h('textarea', { id: 'sidebar-report', readonly: true, rows: 5 });
  report.value = aboutReport(calls);
  app.render(
    heading('About and diagnostics'),
    section(
      'How long you waited',
      table,
      h('p', { class: 'hint' }, 'Measured in this sidebar from the click to the answer, the trip to Google included. Kept in this browser tab only, not in the spreadsheet or your account.'),
      h('label', { for: report.id }, 'To report these figures, copy this text:'),
      report,
    ),
    h('p', { class: 'hint' }, 'The version, authorization, time zones and the menu items’ timings: Extensions → Trust Corners → About and diagnostics.'),
    h('button', { type: 'button', class: 'secondary', onclick: () => app.go('more') }, 'Back to More'),
  );
}
