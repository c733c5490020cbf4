/**
 * The browser side of the harness: a `google.script.run` with Apps Script's shape (chained
 * withSuccessHandler / withFailureHandler / withUserObject, one method per server function, results
 * and failures delivered asynchronously) that POSTs each call to the harness server. It is plain
 * ES5 text because it is injected ahead of the sidebar's own script.
 */
export function shimSource(functionNames: string[]): string {
  return `(function () {
  var user = new URLSearchParams(location.search).get('user') || '';
  var names = ${JSON.stringify(functionNames)};
  // Apps Script refuses these as arguments instead of converting them; JSON would silently stringify a Date.
  function illegal(value) {
    if (value instanceof Date || typeof value === 'function' || (typeof Node !== 'undefined' && value instanceof Node)) return true;
    if (value && typeof value === 'object') {
      for (var k in value) if (Object.prototype.hasOwnProperty.call(value, k) && illegal(value[k])) return true;
    }
    return false;
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
        fetch('/rpc', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user: user, name: name, args: args })
        })
          .then(function (response) { return response.json(); })
          .then(function (reply) {
            if (reply.ok) { if (success) success(reply.value, userObject); }
            else fail(new Error(reply.message));
          }, function (error) { fail(error); });
      };
    });
    return r;
  }
  window.google = { script: { run: runner(null, null, undefined), host: { close: function () {} } } };
})();`;
}
