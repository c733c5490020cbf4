/**
 * Extensions → Trust Corners → Set up partnership workbook asks for what the sidebar's set-up asks
 * for: the two companies and the partnership model. After the sheets are set up, a small dialog
 * shows the same three fields (prefilled with whatever the Partnership sheet or the person's saved
 * side already says) and calls the sidebar's own `setUpWorkbook` handler, so the Partnership row is
 * written by the same code, under the same checks, as from the sidebar. Text reaches the page only
 * as escaped attribute values or as textContent.
 */
import { PARTNERSHIP_MODELS } from './domain/models';

export const SETUP_DIALOG_TITLE = 'Set up the partnership';

export interface SetupDialogValues {
  ourCompany: string;
  partnerCompany: string;
  model: string;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function setupDialogHtml(values: SetupDialogValues): string {
  const model = (PARTNERSHIP_MODELS as readonly string[]).includes(values.model) ? values.model : 'Strategic';
  const options = PARTNERSHIP_MODELS.map((name) => `<option value="${escapeHtml(name)}"${name === model ? ' selected' : ''}>${escapeHtml(name)}</option>`).join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(SETUP_DIALOG_TITLE)}</title>
<style>
body{font:13px/1.45 Arial,Helvetica,sans-serif;color:#202124;margin:0 4px}
label{display:block;font-weight:600;margin-top:10px}
input,select{font:inherit;width:100%;box-sizing:border-box;padding:5px 6px;margin-top:2px}
.hint{color:#5f6368;font-size:12px;margin:2px 0 0}
.error{color:#b3261e;font-weight:500}
.buttons{margin-top:14px;display:flex;gap:8px}
button{font:inherit;padding:6px 14px;border-radius:4px;border:1px solid #1a73e8;background:#1a73e8;color:white;cursor:pointer}
button.secondary{background:white;color:#1a73e8}
</style>
</head><body>
<p id="intro">The sheets are in place. Name the two companies (they are the two sides everywhere) and the partnership model.</p>
<form id="setup" novalidate aria-label="Set up the partnership workbook">
<label for="ours">Your company</label>
<input id="ours" autocomplete="organization" required value="${escapeHtml(values.ourCompany)}">
<label for="partner">Partner company</label>
<input id="partner" required value="${escapeHtml(values.partnerCompany)}">
<label for="model">Partnership model</label>
<select id="model" aria-describedby="model-hint">${options}</select>
<p class="hint" id="model-hint">Decides which corner breaks a tie for the weakest corner.</p>
<p class="error" id="error" role="alert" hidden></p>
<div class="buttons"><button type="submit" id="submit">Set up</button></div>
</form>
<div id="done" hidden>
<p id="done-text" role="status"></p>
<div class="buttons"><button type="button" id="open">Open Trust Corners</button><button type="button" class="secondary" id="close">Close</button></div>
</div>
<script>
(function () {
  var form = document.getElementById('setup');
  var error = document.getElementById('error');
  var submit = document.getElementById('submit');
  var busy = false;
  function fail(message) {
    error.textContent = message;
    error.hidden = false;
    busy = false;
    submit.textContent = 'Set up';
    submit.removeAttribute('aria-busy');
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (busy) return;
    var ours = document.getElementById('ours').value.trim();
    var partner = document.getElementById('partner').value.trim();
    var model = document.getElementById('model').value;
    if (!ours || !partner) return fail('Type both company names.');
    if (ours.toLowerCase() === partner.toLowerCase()) return fail('The two companies need different names.');
    busy = true;
    error.hidden = true;
    submit.textContent = 'Setting up…';
    submit.setAttribute('aria-busy', 'true');
    google.script.run
      .withSuccessHandler(function (home) {
        form.hidden = true;
        document.getElementById('intro').hidden = true;
        document.getElementById('done').hidden = false;
        var sides = home && home.sides && home.sides.length === 2 ? home.sides.join(' and ') : ours + ' and ' + partner;
        document.getElementById('done-text').textContent = 'Set up for ' + sides + (home && home.model ? ' (' + home.model + ')' : '') + '. Open Trust Corners to say who you are and start the first assessment.';
        document.getElementById('open').focus();
      })
      .withFailureHandler(function (failure) { fail(failure && failure.message ? failure.message : String(failure)); })
      .setUpWorkbook({ ourCompany: ours, partnerCompany: partner, model: model });
  });
  document.getElementById('open').addEventListener('click', function () {
    google.script.run.withSuccessHandler(function () { google.script.host.close(); }).showSidebar();
  });
  document.getElementById('close').addEventListener('click', function () { google.script.host.close(); });
})();
</script>
</body></html>`;
}
