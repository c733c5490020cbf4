/**
 * A `google.script.run` with Apps Script's shape for the real build/Sidebar.html outside Sheets:
 * chained withSuccessHandler / withFailureHandler / withUserObject, one method per top-level
 * server function, answers delivered asynchronously, and a Date (or function, or DOM node) argument
 * refused as Apps Script refuses it rather than silently stringified. Each call is POSTed as
 * `{user, name, args}` to `endpoint?user=…`; the server answers `{ok, value}` or `{ok: false, message}`.
 * Used by the browser tests' harness and by the local preview. Plain ES5 text, injected ahead of
 * the sidebar's own script.
 */
export interface ScriptRunShimOptions {
  functionNames: readonly string[];
  endpoint: string;
  /** The acting user; null reads it from the page's `?user=` parameter. */
  user: string | null;
  /** Tell the embedding page (postMessage) after every call and on google.script.host.close(). */
  notifyParent: boolean;
}

export function scriptRunShim(options: ScriptRunShimOptions): string {
  const user = options.user === null ? "new URLSearchParams(location.search).get('user') || ''" : JSON.stringify(options.user);
  return `(function () {
  var user = ${user};
  var names = ${JSON.stringify(options.functionNames)};
  var notifyParent = ${options.notifyParent ? 'true' : 'false'};
  function illegal(value) {
    if (value instanceof Date || typeof value === 'function' || (typeof Node !== 'undefined' && value instanceof Node)) return true;
    if (value && typeof value === 'object') {
      for (var k in value) if (Object.prototype.hasOwnProperty.call(value, k) && illegal(value[k])) return true;
    }
    return false;
  }
  function tellPage(type) {
    if (!notifyParent) return;
    try { window.parent.postMessage({ source: 'trust-corners-sidebar', type: type }, location.origin); } catch (e) {}
  }
  function runner(success, failure, userObject) {
    var r = {
      withSuccessHandler: function (f) { return runner(f, failure, userObject); },
      withFailureHandler: function (f) { return runner(success, f, userObject); },
      withUserObject: function (o) { return runner(success, failure, o); }
    };
    names.forEach(function (name) {
      r[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        function fail(error) {
          if (failure) failure(error, userObject); else console.error(error);
        }
        if (illegal(args)) throw new TypeError('Failed due to illegal value in argument of ' + name);
        fetch(${JSON.stringify(options.endpoint)} + '?user=' + encodeURIComponent(user), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user: user, name: name, args: args })
        })
          .then(function (response) { return response.json(); })
          .then(function (reply) {
            tellPage('changed');
            if (reply.ok) { if (success) success(reply.value, userObject); }
            else fail(new Error(reply.message));
          }, function (error) { fail(error); });
      };
    });
    return r;
  }
  window.google = { script: { run: runner(null, null, undefined), host: { close: function () { tellPage('close'); } } } };
})();`;
}

/** The server side of the bridge: answers must be plain JSON, as Apps Script cannot send a Date back either. */
export function assertJsonSafe(value: unknown, where: string, seen = new Set<unknown>()): void {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') throw new Error(`${where} is a function`);
    return;
  }
  if (Object.prototype.toString.call(value) === '[object Date]') throw new Error(`${where} is a Date: send an ISO string`);
  if (seen.has(value)) return;
  seen.add(value);
  for (const [key, inner] of Object.entries(value)) assertJsonSafe(inner, `${where}.${key}`, seen);
}
