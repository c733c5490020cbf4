/**
 * The google.script.run the real build/Sidebar.html gets inside the preview's 300 px panel: Apps
 * Script's shape (chained withSuccessHandler / withFailureHandler / withUserObject, one method per
 * top-level server function, answers delivered asynchronously, a Date argument refused as Apps
 * Script refuses it) over a POST to the preview server, which runs the function in Code.js as the
 * page's user. The same idea as test/browser's harness shim; plain ES5 text injected ahead of the
 * sidebar's own script.
 */
export function sidebarShim(functionNames: string[], user: string): string {
  return `(function () {
  var user = ${JSON.stringify(user)};
  var names = ${JSON.stringify(functionNames)};
  function illegal(value) {
    if (value instanceof Date || typeof value === 'function' || (typeof Node !== 'undefined' && value instanceof Node)) return true;
    if (value && typeof value === 'object') {
      for (var k in value) if (Object.prototype.hasOwnProperty.call(value, k) && illegal(value[k])) return true;
    }
    return false;
  }
  function tellPage(type) {
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
        fetch('/api/run?user=' + encodeURIComponent(user), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: name, args: args })
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
