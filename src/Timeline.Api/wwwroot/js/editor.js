// Editing from the page: a form for each command, opened where the change belongs (the toolbar, the meeting panel, a
// participant's row, a history entry). Forms post to /api/commands with If-Match: the meeting's version, and show
// the server's answer in place: each error at its field, a rule's rejection as a sentence at the top, and on a
// version conflict the reports recorded meanwhile, with a way to submit again against the new version.

import { h, $ } from './dom.js';
import { getJson, send } from './api.js';
import { formatDay, formatEdtf, formatWhen, utcDay } from './dates.js';
import { COMMANDS, SOURCE_FIELDS, slugOf, today } from './forms.js';
import { openPaste } from './paste.js';

const ROLE_WORDS = {
  reader: 'a reader key: it may read, but not record reports',
  editor: 'an editor key: it may read and record reports',
  admin: 'an admin key: it may read, record reports and manage keys',
};

let me = { name: null, role: null };
let context = null; // { latest(): the schedule as known now, written({ day, meetingId, message, report }): reloads the page's data }
let dialog = null;
let fieldCount = 0;

export const canEdit = () => me.role === 'editor' || me.role === 'admin';

/** Wires the toolbar. context: { latest, written }. */
export function setupEditor(ctx) {
  context = ctx;
  $('#new-meeting').addEventListener('click', event => openForm('AnnounceMeeting', { opener: event.currentTarget }));
  $('#new-summit').addEventListener('click', event => openForm('AnnounceSummit', { opener: event.currentTarget }));
  $('#paste-commands').addEventListener('click', event => openPaste({ opener: event.currentTarget, written: ctx.written }));
}

/** Asks the server which key this tab holds, and shows or hides the editing controls for its role. */
export async function checkRole() {
  showRole(await getJson('/api/me'));
  return me;
}

/** No key: nothing may be edited. */
export function forgetRole() {
  showRole({ name: null, role: null });
}

function showRole(holder) {
  me = holder;
  document.body.dataset.role = me.role ?? 'anonymous';
  $('#edit-toolbar').hidden = !canEdit();
  $('#key-role').textContent = me.name ? `${me.name} · ${me.role}` : '';
  if (!canEdit()) document.querySelectorAll('.edit-control').forEach(e => e.remove());
}

/** One sentence for the key dialog: which key is in use and what its role may do. */
export function keyWords() {
  if (!me.name) return 'No key is in use: this page reads without one, and cannot record reports.';
  return `The key in use is “${me.name}”, ${ROLE_WORDS[me.role] ?? `with the role ${me.role}`}. Reports it records name it as recordedBy.`;
}

// ---- the meeting panel -------------------------------------------------------------------------------------------

/**
 * Adds the editing controls to the meeting panel: the meeting's changes, a row per participant with its attendance
 * changes, and a "Retract" button on each history entry that can be retracted. Nothing for a key that may not edit.
 */
export function decoratePanel(panel, { meetingId, history }) {
  panel.querySelector('#panel-edit')?.remove();
  if (!canEdit()) return;
  const meeting = context.latest()?.meetings.find(m => m.id === meetingId);
  const version = history.version;
  const open = (command, preset = {}) => event => openForm(command, { meetingId, version, preset, opener: event.currentTarget, about: meeting?.title ?? meetingId });
  const action = (command, label) => h('button.edit-control', { type: 'button', onclick: open(command) }, label);
  const rows = (meeting?.participants ?? []).map(p => h('tr', { dataset: { participant: p.name } },
    h('th', { scope: 'row' }, p.name),
    h('td', p.representedBy ? `${p.attendance} (${p.representedBy})` : p.attendance),
    h('td.row-actions',
      ...[['AnnounceAttendance', 'Announce'], ['ConfirmAttendance', 'Confirm'], ['DeclineAttendance', 'Decline']].map(([command, word]) =>
        h('button.edit-control', {
          type: 'button', 'aria-label': `${word} ${p.name}’s attendance`, onclick: open(command, { participant: p.name }),
        }, `${word}…`)))));
  const section = h('section#panel-edit.panel-section.edit-section.edit-control', { 'aria-labelledby': 'panel-edit-title' },
    h('h3#panel-edit-title', 'Record a change'),
    h('div.edit-actions', { role: 'group', 'aria-label': 'Changes to the meeting' },
      action('PostponeMeeting', 'Postpone…'), action('RescheduleMeeting', 'Reschedule…'), action('RelocateMeeting', 'Relocate…'),
      action('CancelMeeting', 'Cancel…'), action('RecordMeetingHeld', 'Record as held…')),
    h('table.participants',
      h('caption', `Participants as known now (version ${version})`),
      h('thead', h('tr', h('th', { scope: 'col' }, 'Participant'), h('th', { scope: 'col' }, 'Attendance'), h('th', { scope: 'col' }, 'Change'))),
      h('tbody', rows.length ? rows : h('tr', h('td', { colspan: 3 }, 'Nobody is named yet.')))),
    h('div.edit-actions', action('InviteParticipant', 'Invite a participant…'),
      h('button.edit-control', { type: 'button', onclick: open('AnnounceAttendance') }, 'Announce someone’s attendance…')));
  panel.querySelector('.panel-head').after(section);

  const entries = new Map((history.entries ?? []).map(e => [String(e.sequence), e]));
  for (const item of panel.querySelectorAll('#panel-entries li.entry')) {
    const e = entries.get(item.dataset.sequence);
    if (!e || e.retracted || e.event === 'ReportRetracted') continue;
    item.querySelector('.entry-head').append(h('button.link.retract.edit-control', {
      type: 'button', 'aria-label': `Retract the report of ${formatWhen(e.reportedAt)}: ${e.summary}`,
      onclick: open('RetractReport', { retracts: e.commandId ?? e.eventId, retracting: e }),
    }, 'Retract…'));
  }
}

// ---- the form dialog ---------------------------------------------------------------------------------------------

function ensureDialog() {
  if (dialog) return dialog;
  dialog = h('dialog#edit-dialog.edit-dialog', { 'aria-labelledby': 'edit-title', 'aria-describedby': 'edit-about' },
    h('form#edit-form', { novalidate: true },
      h('h2#edit-title'),
      h('p#edit-about.help'),
      h('div#edit-alert.form-alert', { role: 'alert', hidden: true }),
      h('div#edit-fields'),
      h('div.actions',
        h('button#edit-cancel', { type: 'button' }, 'Cancel'),
        h('button#edit-submit.primary', { type: 'submit' }, 'Record'))),
    h('datalist#known-participants'), h('datalist#known-meetings'));
  document.body.append(dialog);
  $('#edit-cancel', dialog).addEventListener('click', () => dialog.close());
  return dialog;
}

function knownNames() {
  const names = new Map();
  for (const m of context.latest()?.meetings ?? []) {
    for (const p of m.participants ?? []) {
      names.set(p.name.toLocaleLowerCase('en'), p.name);
      if (p.representedBy) names.set(p.representedBy.toLocaleLowerCase('en'), p.representedBy);
    }
  }
  return [...names.values()].sort((a, b) => a.localeCompare(b));
}

function fillDatalists() {
  $('#known-participants', dialog).replaceChildren(...knownNames().map(n => h('option', { value: n })));
  $('#known-meetings', dialog).replaceChildren(...(context.latest()?.meetings ?? []).map(m => h('option', { value: m.id }, m.title)));
}

/** A labelled control with its hint and its error line; the control carries data-path for the server's errors. */
function control(field, value) {
  const id = `f${++fieldCount}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const common = {
    id, name: field.path, dataset: { path: field.path }, 'aria-describedby': `${hintId} ${errorId}`,
    'aria-required': field.required ? 'true' : null, readonly: field.readonly || null,
  };
  let input;
  if (field.kind === 'select') {
    input = h('select', common,
      field.required ? null : h('option', { value: '' }, field.blank ?? 'not given'),
      field.options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
  } else if (field.multiline) {
    input = h('textarea', { ...common, rows: 3 });
    input.value = value ?? '';
  } else {
    input = h('input', {
      ...common, type: field.type === 'url' ? 'url' : 'text', list: field.datalist ?? null, autocomplete: 'off',
      spellcheck: field.kind === 'dates' || field.kind === 'when' ? 'false' : null,
      placeholder: field.kind === 'dates' ? '2022-11-15/2022-11-16' : field.kind === 'when' ? 'YYYY-MM-DD' : null,
    });
    input.value = value ?? '';
  }
  const hint = h('p.hint', { id: hintId, 'aria-live': field.kind === 'dates' ? 'polite' : null }, hintFor(field));
  if (field.kind === 'dates') watchDates(input, hint, field);
  return h('div.field', { dataset: { field: field.path } },
    h('label', { for: id }, field.label, field.required ? h('span.required', ' (required)') : null),
    input, hint, h('p.field-error', { id: errorId, hidden: true }));
}

function hintFor(field) {
  if (field.kind === 'dates') return field.hint ?? 'EDTF: 2022-11-15, 2022-11, 2022-11-15/2022-11-16; add ? if uncertain, ~ if approximate';
  if (field.kind === 'when') return field.hint ?? 'a day (YYYY-MM-DD) or an instant with its offset (2022-11-10T14:30Z)';
  return field.hint ?? '';
}

/** Shows how the server reads meeting dates as they are typed ("read as 15–16 Nov 2022"). */
function watchDates(input, hint, field) {
  let timer = null;
  let asked = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const value = input.value.trim();
      const ticket = ++asked;
      if (!value) {
        hint.textContent = hintFor(field);
        delete hint.dataset.reading;
        return;
      }
      const answer = await send(`/api/dates?value=${encodeURIComponent(value)}`, { method: 'GET' });
      if (ticket !== asked) return;
      if (answer.ok) {
        const { earliest, latest } = answer.body;
        hint.dataset.reading = 'ok';
        hint.textContent = `Read as ${formatEdtf(answer.body.value)}: ${earliest === latest ? formatDay(earliest) : `${formatDay(earliest)} to ${formatDay(latest)}`}`;
      } else {
        hint.dataset.reading = 'bad';
        hint.textContent = answer.body?.errors?.value?.[0] ?? answer.body?.detail ?? 'The server could not read these dates.';
      }
    }, 250);
  });
}

function locationControls(field, value) {
  return h('fieldset.field-group', { dataset: { path: 'location' } },
    h('legend', field.path === 'location' ? 'Place' : field.label, field.required ? h('span.required', ' (country required)') : null),
    control({ kind: 'text', path: 'location.city', label: 'City' }, value?.city),
    control({ kind: 'text', path: 'location.country', label: 'Country', required: field.required }, value?.country),
    h('p.field-error', { hidden: true, id: `f${++fieldCount}-error`, dataset: { errorFor: 'location' } }));
}

/** A list of people: one row each (a name, and the field's extras: a level, a mode, a stand-in), with a button to add a row. */
function namesControls(field, values = []) {
  const list = h('ol.name-list');
  const addRow = (name = '') => {
    const i = list.children.length;
    const row = h('li.name-row', { dataset: { path: `${field.path}[${i}]` } },
      control({ kind: 'text', path: `${field.path}[${i}]${field.name ? `.${field.name}` : ''}`, label: `${field.label}: name ${i + 1}`, datalist: 'known-participants' }, name),
      (field.extras ?? []).map(extra => control({ ...extra, path: `${field.path}[${i}].${extra.path}`, label: `${extra.label} ${i + 1}` }, '')),
      h('p.field-error', { hidden: true, id: `f${++fieldCount}-error`, dataset: { errorFor: `${field.path}[${i}]` } }));
    list.append(row);
    return row;
  };
  for (const v of values.length ? values : ['']) addRow(v);
  return h('fieldset.field-group.names', { dataset: { path: field.path, names: field.path } },
    h('legend', field.label),
    list,
    h('button.add-row', { type: 'button', onclick: () => addRow().querySelector('input')?.focus() }, `${field.add}…`),
    h('p.field-error', { hidden: true, id: `f${++fieldCount}-error`, dataset: { errorFor: field.path } }));
}

function fieldFor(field, preset) {
  const value = preset[field.path];
  if (field.kind === 'location') return locationControls(field, value);
  if (field.kind === 'names') return namesControls(field, value ?? []);
  return control(field, value);
}

/**
 * Opens the form of a command. options: meetingId and version (absent for a new meeting), preset field values,
 * opener (focused again when the dialog closes), about (what the form is about, in words).
 */
export function openForm(command, { meetingId = null, version = null, preset = {}, opener = null, about = null } = {}) {
  const spec = COMMANDS[command];
  ensureDialog();
  fillDatalists();
  const form = $('#edit-form', dialog);
  const state = { command, spec, meetingId, version, opener };
  form.dataset.command = command;
  $('#edit-title', dialog).textContent = spec.title;
  $('#edit-about', dialog).textContent = spec.creates
    ? 'Its id comes from the title; change it if you like. It never changes once recorded.'
    : preset.retracting
      ? `The report of ${formatWhen(preset.retracting.reportedAt)}: ${preset.retracting.summary}. It stays in the history, struck through.`
      : `About ${about} (${meetingId}), at version ${version}.`;
  hideAlert();
  const fields = [];
  if (spec.creates) {
    fields.push(control({ kind: 'text', path: 'meetingId', label: 'Meeting id', required: true, hint: 'lowercase letters and digits joined by hyphens' }, ''));
  }
  fields.push(...spec.fields.map(f => fieldFor(f, preset)));
  fields.push(control({ kind: 'when', path: 'reportedAt', label: 'Reported at', required: true, hint: 'when the source made the statement: a day or an instant with offset' }, today()));
  fields.push(h('fieldset.field-group.source', { dataset: { path: 'source' } }, h('legend', 'Source'), SOURCE_FIELDS.map(f => control(f, ''))));
  $('#edit-fields', dialog).replaceChildren(...fields);
  if (spec.creates) followTitle(form);
  const submit = $('#edit-submit', dialog);
  submit.textContent = spec.action;
  submit.disabled = false;
  form.onsubmit = event => {
    event.preventDefault();
    submitForm(state).catch(error => showAlert(`Not recorded: ${error.message}`));
  };
  dialog.onclose = () => state.opener?.isConnected && state.opener.focus();
  if (!dialog.open) dialog.showModal();
  form.querySelector('input:not([readonly]), select, textarea')?.focus();
}

/** The meeting id follows the title until the editor changes it. */
function followTitle(form) {
  const title = form.querySelector('[data-path="title"]');
  const id = form.querySelector('[data-path="meetingId"]');
  let touched = false;
  id.addEventListener('input', () => { touched = id.value !== ''; });
  title.addEventListener('input', () => { if (!touched) id.value = slugOf(title.value); });
}

// ---- reading the form --------------------------------------------------------------------------------------------

function setPath(target, path, value) {
  const keys = path.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) at = at[key] ??= {};
  at[keys.at(-1)] = value;
}

/** The command as JSON: empty fields are left out (docs/contract.md#fields-every-command-has). */
function commandOf(state) {
  const form = $('#edit-form', dialog);
  const command = { command: state.command };
  if (state.meetingId) command.meetingId = state.meetingId;
  for (const input of form.querySelectorAll('[data-path]:is(input, select, textarea)')) {
    const path = input.dataset.path;
    if (path.includes('[')) continue; // list rows, below
    const value = input.value.trim();
    if (value !== '') setPath(command, path, value);
  }
  for (const group of form.querySelectorAll('fieldset[data-names]')) {
    const field = state.spec.fields.find(f => f.path === group.dataset.names);
    const items = [];
    for (const row of group.querySelectorAll('li.name-row')) {
      const [name, ...extras] = row.querySelectorAll('input, select');
      const who = name.value.trim();
      if (!who) continue;
      const more = Object.fromEntries((field.extras ?? [])
        .map((extra, k) => [extra.path, extras[k].value.trim()])
        .filter(([, value]) => value !== ''));
      items.push(field.name && Object.keys(more).length ? { [field.name]: who, ...more } : who);
    }
    if (items.length) command[field.path] = items;
  }
  return command;
}

// ---- the server's answer -----------------------------------------------------------------------------------------

async function submitForm(state) {
  const submit = $('#edit-submit', dialog);
  clearErrors();
  const command = commandOf(state);
  submit.disabled = true;
  dialog.setAttribute('aria-busy', 'true');
  try {
    const headers = state.version != null ? { 'If-Match': `"${state.version}"` } : {};
    const answer = await send('/api/commands', { body: command, headers });
    if (answer.ok) {
      dialog.close();
      await context.written({
        day: utcDay(command.reportedAt ?? today()), meetingId: command.meetingId,
        message: `Recorded by ${me.name}: ${state.spec.title.toLowerCase()} (${command.meetingId}).`,
        report: answer.body,
      });
      return;
    }
    const problem = answer.body ?? {};
    if (answer.status === 409 && problem.rule === 'expected-version') {
      await showConflict(state);
    } else if (answer.status === 409) {
      showAlert(`Not recorded. The server refused this report (${problem.rule}): ${problem.detail}.`, 'rule');
    } else if (answer.status === 400 && problem.errors) {
      showFieldErrors(problem.errors);
    } else {
      showAlert(`Not recorded. The server answered: ${problem.detail ?? problem.title ?? `HTTP ${answer.status}`}`);
    }
  } finally {
    submit.disabled = false;
    dialog.removeAttribute('aria-busy');
  }
}

function hideAlert() {
  const alert = $('#edit-alert', dialog);
  alert.hidden = true;
  alert.replaceChildren();
  delete alert.dataset.kind;
}

function showAlert(message, kind = 'error', ...more) {
  const alert = $('#edit-alert', dialog);
  alert.replaceChildren(h('p', message), ...more);
  alert.dataset.kind = kind;
  alert.hidden = false;
}

function clearErrors() {
  hideAlert();
  for (const e of dialog.querySelectorAll('.field-error')) {
    e.hidden = true;
    e.textContent = '';
  }
  for (const e of dialog.querySelectorAll('[aria-invalid]')) e.removeAttribute('aria-invalid');
}

/** Where an error about path goes: its control, else the nearest group that holds it (participants[1].level → participants[1] → participants). */
function errorPlace(path) {
  for (let p = path; ;) {
    const input = dialog.querySelector(`:is(input, select, textarea)[data-path="${CSS.escape(p)}"]`);
    if (input) return { line: document.getElementById(`${input.id}-error`), input };
    const line = dialog.querySelector(`.field-error[data-error-for="${CSS.escape(p)}"]`);
    if (line) return { line, input: null };
    const shorter = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (shorter === p || shorter === '') return null;
    p = shorter;
  }
}

/** errors is keyed "index.field" (docs/contract.md#errors): one command, so the index is 0. */
function showFieldErrors(errors) {
  const loose = [];
  let first = null;
  for (const [key, messages] of Object.entries(errors)) {
    const path = key.replace(/^\d+\.?/, '');
    const place = path ? errorPlace(path) : null;
    if (!place) {
      loose.push(...messages.map(m => (path ? `${path}: ${m}` : m)));
      continue;
    }
    place.line.textContent = messages.join(' ');
    place.line.hidden = false;
    if (place.input) place.input.setAttribute('aria-invalid', 'true');
    first ??= place.input;
  }
  const count = Object.values(errors).flat().length;
  const where = loose.length ? '' : count === 1 ? ', shown at its field' : ', shown at their fields';
  showAlert(`Not recorded: ${count === 1 ? 'one problem' : `${count} problems`}${where}.`, 'error',
    loose.length ? h('ul', loose.map(m => h('li', m))) : null);
  first?.focus();
}

/** A version conflict: what was recorded meanwhile, and the form kept, ready to go again against the new version. */
async function showConflict(state) {
  const history = await getJson(`/api/meetings/${encodeURIComponent(state.meetingId)}/history`);
  const meanwhile = (history.entries ?? []).filter(e => e.streamVersion > state.version);
  const was = state.version;
  state.version = history.version;
  showAlert(
    `Not recorded: this meeting changed while the form was open (version ${was} then, ${history.version} now). ` +
    `Recorded meanwhile:`, 'conflict',
    h('ul.meanwhile', meanwhile.map(e => h('li',
      h('strong', formatWhen(e.reportedAt)), ` ${e.summary}`, h('span.by', ` (recorded by ${e.recordedBy})`)))),
    h('p', `If yours still holds, submit it again: it will be checked against version ${history.version}.`));
  $('#edit-submit', dialog).textContent = `Submit again against version ${history.version}`;
  $('#edit-about', dialog).textContent = $('#edit-about', dialog).textContent.replace(/at version \d+/, `at version ${history.version}`);
}
