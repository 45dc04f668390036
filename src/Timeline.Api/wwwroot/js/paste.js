// "Paste commands": JSON, NDJSON or YAML as it would be imported, posted as it is (the server reads the format, as
// timeline import does). A dry run (POST /api/commands?dryRun=true) shows what each command would do; "Apply all"
// then posts the same text, all or nothing.

import { h, $ } from './dom.js';
import { send } from './api.js';

let dialog = null;
let previewed = null; // the text the table shows, which "Apply all" sends
let options = null;

function ensureDialog() {
  if (dialog) return dialog;
  dialog = h('dialog#paste-dialog.edit-dialog.paste-dialog', { 'aria-labelledby': 'paste-title', 'aria-describedby': 'paste-help' },
    h('form#paste-form', { novalidate: true },
      h('h2#paste-title', 'Paste commands'),
      h('p#paste-help.help', 'JSON (an array, or one command), NDJSON (a command a line) or YAML (a sequence), as ',
        h('code', 'timeline import'), ' reads them. Preview shows what each would do; nothing is written until you apply them, all or nothing.'),
      h('label', { for: 'paste-text' }, 'Commands'),
      h('textarea#paste-text', { rows: 10, spellcheck: 'false', autocomplete: 'off' }),
      h('div#paste-alert.form-alert', { role: 'alert', hidden: true }),
      h('p#paste-summary', { role: 'status', 'aria-live': 'polite' }),
      h('table#paste-preview.preview', { hidden: true },
        h('caption', 'What each command would do'),
        h('thead', h('tr', ...['#', 'Command', 'Meeting', 'Outcome', 'Why'].map(c => h('th', { scope: 'col' }, c)))),
        h('tbody')),
      h('div.actions',
        h('button#paste-cancel', { type: 'button' }, 'Cancel'),
        h('button#paste-dry-run', { type: 'button' }, 'Preview'),
        h('button#paste-apply.primary', { type: 'submit', disabled: true }, 'Apply all'))));
  document.body.append(dialog);
  $('#paste-cancel', dialog).addEventListener('click', () => dialog.close());
  $('#paste-dry-run', dialog).addEventListener('click', () => preview().catch(error => alertWith(`The preview failed: ${error.message}`)));
  $('#paste-text', dialog).addEventListener('input', () => {
    // What is applied is what was previewed: an edit asks for a new preview.
    if ($('#paste-text', dialog).value !== previewed) $('#paste-apply', dialog).disabled = true;
  });
  $('#paste-form', dialog).addEventListener('submit', event => {
    event.preventDefault();
    apply().catch(error => alertWith(`Nothing was written: ${error.message}`));
  });
  dialog.addEventListener('close', () => options?.opener?.isConnected && options.opener.focus());
  return dialog;
}

/** Opens the box. opts: { opener, written } as for the forms. */
export function openPaste(opts) {
  options = opts;
  ensureDialog();
  previewed = null;
  $('#paste-apply', dialog).disabled = true;
  $('#paste-preview', dialog).hidden = true;
  $('#paste-summary', dialog).textContent = '';
  hideAlert();
  dialog.showModal();
  $('#paste-text', dialog).focus();
}

function hideAlert() {
  const alert = $('#paste-alert', dialog);
  alert.hidden = true;
  alert.replaceChildren();
}

function alertWith(message, ...more) {
  const alert = $('#paste-alert', dialog);
  alert.replaceChildren(h('p', message), ...more);
  alert.hidden = false;
}

const post = (text, query = '') => send(`/api/commands${query}`, { body: text, contentType: 'text/plain' });

/** Problems of a 400, each with the command (1-based, as people count) and the field it names. */
function problemList(problem) {
  const lines = Object.entries(problem.errors ?? {}).flatMap(([key, messages]) => {
    const [index, ...field] = key.split('.');
    const where = !/^\d+$/.test(index) ? '' : `command ${Number(index) + 1}${field.length ? `, ${field.join('.')}` : ''}: `;
    return messages.map(m => `${where}${m}`);
  });
  return h('ul', (lines.length ? lines : [problem.detail ?? problem.title]).map(l => h('li', l)));
}

async function preview() {
  const text = $('#paste-text', dialog).value;
  hideAlert();
  $('#paste-apply', dialog).disabled = true;
  if (!text.trim()) {
    alertWith('Paste some commands first.');
    return;
  }
  const answer = await post(text, '?dryRun=true');
  const report = answer.body ?? {};
  const table = $('#paste-preview', dialog);
  if (!report.dryRun) {
    table.hidden = true;
    previewed = null;
    $('#paste-summary', dialog).textContent = '';
    alertWith(answer.status === 400 ? 'These commands cannot be read; nothing was decided:' : `The server answered: ${report.detail ?? report.title ?? answer.status}`,
      answer.status === 400 ? problemList(report) : null);
    return;
  }
  table.querySelector('tbody').replaceChildren(...report.outcomes.map(o => h('tr', { dataset: { result: o.result } },
    h('td', String(o.origin.index + 1)),
    h('td', o.command),
    h('td', o.meetingId),
    h('td', h(`span.outcome-word.result-${o.result}`, o.result === 'rejected' ? `rejected (${o.rule})` : o.result)),
    h('td', o.reason ?? (o.result === 'applied' ? `${o.events} event${o.events === 1 ? '' : 's'}` : '')))));
  table.hidden = false;
  $('#paste-summary', dialog).textContent =
    `${report.commands} command${report.commands === 1 ? '' : 's'}: ${report.applied} would be applied, ${report.unchanged} unchanged, ` +
    `${report.duplicates} duplicate${report.duplicates === 1 ? '' : 's'}, ${report.rejected} rejected.`;
  if (report.rejected > 0) {
    alertWith('Nothing can be applied while a command would be rejected: correct it, or leave it out, and preview again.');
    return;
  }
  previewed = text;
  $('#paste-apply', dialog).disabled = false;
}

async function apply() {
  const text = previewed;
  if (text == null) return;
  const answer = await post(text);
  const report = answer.body ?? {};
  if (!answer.ok) {
    $('#paste-apply', dialog).disabled = true;
    previewed = null;
    alertWith(answer.status === 409
      ? `Nothing was written: the store changed since the preview (${report.rule}): ${report.detail}. Preview again.`
      : `Nothing was written. The server answered: ${report.detail ?? report.title}`,
    answer.status === 400 ? problemList(report) : null);
    return;
  }
  dialog.close();
  await options.written({
    day: null, meetingId: null,
    message: `Applied ${report.applied} command${report.applied === 1 ? '' : 's'} (${report.eventsAppended} event${report.eventsAppended === 1 ? '' : 's'}); ${report.unchanged} unchanged, ${report.duplicates} duplicate${report.duplicates === 1 ? '' : 's'}.`,
    report,
  });
}
