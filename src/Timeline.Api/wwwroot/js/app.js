// Timeline's page: wires the "as known on" slider, the "compare with" day, the participant picker, the search box, the
// tabs, the meeting panel and the key dialog to the API. State that is worth sharing (date, compared day, participant,
// search, tab, open meeting) lives in the URL's hash.
//
// The page asks only for what it shows: the schedule comes in pages of PAGE_SIZE meetings in schedule order
// (GET /api/schedule?limit=&after=), and "Show more" (or scrolling to the end) fetches the next page with the cursor the
// last one gave. A store of 100,000 meetings opens as fast as one of a dozen. Of the meetings fetched, only the rows
// near the window are drawn (timeline.js), so a slider step costs a screenful of rows, not the whole list.

import { getJson, configureKeys, storedKey, storeKey, ApiError, KeyCancelled } from './api.js';
import { h, $ } from './dom.js';
import { dayNumber, isoDay, formatDay } from './dates.js';
import { LEVELS, NOT_NAMED, STATUSES, participantIn } from './vocabulary.js';
import { renderTimeline, axisFor, markOpen, revealRow } from './timeline.js';
import { renderHistory } from './panel.js';
import { renderLedger } from './ledger.js';
import { changesById, conflictsById, renderChanges, renderConflicts, rangeWords } from './changes.js';
import { setupEditor, checkRole, forgetRole, decoratePanel, keyWords } from './editor.js';
import { followChanges } from './live.js';

const DEFAULT_PARTICIPANT = 'Vladimir Putin';
const DEBOUNCE_MS = 150; // a drag asks for a day once the pointer rests this long; a key press asks at once
const CONFLICTS_SETTLE_MS = 600; // where sources disagree is asked for once the slider rests on a day this long
const PAGE_SIZE = 200; // meetings a page asks for; the API allows up to 1,000
const CONFLICT_IDS = 50; // meetings one conflicts request names (the API takes up to 200; a URL stays short)

const state = {
  stepping: false, // the slider moved since the last refresh (conflicts wait until it rests)
  reportDays: [], // sorted ISO days on which something was reported
  first: 0, // day numbers of the slider's ends
  last: 0,
  date: null, // the "as known on" day shown, ISO
  compare: null, // the "compare with" day, ISO, or null
  participant: DEFAULT_PARTICIPANT,
  search: '', // the search box: only meetings whose title, organization or a participant's name contain it
  wanted: PAGE_SIZE, // how many meetings to show: grows by a page with each "Show more"
  everyone: false, // ledger: every participant, or only the chosen one
  tab: 'timeline',
  openMeeting: null,
  opener: null, // what to focus when the panel closes
  latest: null, // the schedule as known now: the axis and the participant list come from it
  shown: null, // the schedule on screen
  signatures: null, // what each row showed, to mark changes
  shownDate: null,
  previous: null, // the signatures and day the rows on screen are compared with
  previousDate: null,
  moveStart: null, // { signatures, date } on screen when the slider's current move began: its rows are compared with it
  diff: null, // { from, to, doc } between the compared day and the shown day, or null
  conflicts: null, // the conflicts document as known on the shown day
};

const schedules = new Map(); // asOf|search|wanted → Promise of the schedule document (its pages joined)
const ledgers = new Map(); // asOf|participant → Promise of the attendance document
const histories = new Map(); // meeting id → Promise of the history document
const diffs = new Map(); // from|to → Promise of the diff document
const disagreements = new Map(); // asOf and meeting ids → Promise of their conflicts

const el = {
  slider: $('#asof'), asofText: $('#asof-text'), ticks: $('#asof-ticks'), min: $('#asof-min'), max: $('#asof-max'),
  prev: $('#prev-report'), next: $('#next-report'), compare: $('#compare'), participant: $('#participant'), status: $('#status'),
  summary: $('#summary'), legend: $('#legend'), chart: $('#chart'), ledger: $('#ledger'), everyone: $('#ledger-everyone'),
  panel: $('#panel'), panelClose: $('#panel-close'), keyDialog: $('#key-dialog'), keyForm: $('#key-form'),
  keyInput: $('#key-input'), keyError: $('#key-error'), keyCancel: $('#key-cancel'), keyStatus: $('#key-status'),
  forgetKey: $('#forget-key'), tabs: [$('#tab-timeline'), $('#tab-ledger')], search: $('#search'), more: $('#more'),
  shownCount: $('#shown-count'),
};

// ---- small helpers -----------------------------------------------------------------------------------------------

function cached(map, key, load) {
  if (!map.has(key)) {
    const promise = load();
    map.set(key, promise);
    promise.catch(() => map.delete(key)); // a failure is not remembered
  }
  return map.get(key);
}

/** The path of one page of the schedule. */
function schedulePath({ asOf = null, search = '', limit = PAGE_SIZE, after = null }) {
  const params = new URLSearchParams();
  if (asOf) params.set('asOf', asOf);
  if (search) params.set('search', search);
  params.set('limit', String(limit));
  if (after) params.set('after', after);
  return `/api/schedule?${params}`;
}

/** The first wanted meetings as known on asOf, page after page (each at most 1,000), joined into one document. */
async function loadSchedule(asOf, search, wanted) {
  const meetings = [];
  let first = null;
  let after = null;
  do {
    const doc = await getJson(schedulePath({ asOf, search, limit: Math.min(1000, wanted - meetings.length), after }));
    first ??= doc;
    meetings.push(...doc.meetings);
    after = doc.next ?? null;
  } while (after && meetings.length < wanted);
  return { ...first, meetings, next: after };
}

const scheduleKey = (date, search, wanted) => `${date}|${search}|${wanted}`;
const scheduleAsOf = date => cached(schedules, scheduleKey(date, state.search, state.wanted),
  () => loadSchedule(date, state.search, state.wanted));

let onItsWay = Promise.resolve(); // the last schedule request sent

/**
 * The schedule as known on date, asked for only once the last request has been answered, and not at all (null) if
 * by then the page no longer wants it (current() is false): a held arrow key sends one request at a time, for the
 * day the slider is on when the last one is answered, instead of queueing one per day.
 */
async function scheduleInTurn(date, current) {
  if (!schedules.has(scheduleKey(date, state.search, state.wanted))) {
    await onItsWay.catch(() => {});
    if (!current()) return null;
  }
  const schedule = scheduleAsOf(date);
  onItsWay = schedule;
  return schedule;
}

/** The meetings whose conflicts the page asks for: the rows of schedule (those drawn) and the open one. */
const conflictIds = schedule => [...new Set([...schedule.meetings.map(m => m.id), ...(state.openMeeting ? [state.openMeeting] : [])])];
const conflictsKey = (date, schedule) => `${date}|${conflictIds(schedule).join(' ')}`;

/**
 * Where sources disagree as known on date, about conflictIds(schedule): on a large store only their streams are read,
 * not the log. Asked in requests of up to CONFLICT_IDS meetings, joined.
 */
function conflictsAsOf(date, schedule) {
  return cached(disagreements, conflictsKey(date, schedule), async () => {
    const ids = conflictIds(schedule);
    const parts = [];
    for (let i = 0; i < ids.length; i += CONFLICT_IDS) {
      const meetings = ids.slice(i, i + CONFLICT_IDS).map(id => `&meeting=${encodeURIComponent(id)}`).join('');
      // One meeting not known to the store is a 404; it simply has no conflicts here.
      parts.push(getJson(`/api/conflicts?asOf=${encodeURIComponent(date)}${meetings}`)
        .catch(e => { if (e.status === 404) return { conflicts: [] }; throw e; }));
    }
    const docs = await Promise.all(parts);
    return { asOf: date, conflicts: docs.flatMap(d => d.conflicts) };
  });
}

/** The diff between the compared day and date, the earlier first; null when nothing is compared. */
async function diffFor(date) {
  if (!state.compare) return null;
  const [from, to] = [state.compare, date].sort();
  const doc = from === to
    ? { changes: [] }
    : await cached(diffs, `${from}|${to}`, () => getJson(`/api/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`));
  return { from, to, doc };
}

function showStatus(message, kind = 'info', action = null) {
  el.status.replaceChildren(...(message ? [h(`span.msg.${kind}`, message), action].filter(Boolean) : []));
  el.status.dataset.kind = message ? kind : '';
}

function showError(error) {
  if (error instanceof KeyCancelled) {
    showStatus('Reading this Timeline needs an API key.', 'warn',
      h('button.link', { type: 'button', onclick: () => start() }, 'Enter a key'));
  } else if (error instanceof ApiError) {
    showStatus(error.status === 403
      ? `This key may not read: ${error.detail || error.title}`
      : `The server answered: ${error.message}`, 'error');
  } else {
    showStatus(`Something went wrong: ${error?.message ?? error}`, 'error');
  }
}

function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  return {
    date: params.get('asOf'), compare: params.get('compare'), participant: params.get('participant'), tab: params.get('tab'),
    search: params.get('q') ?? '',
    meeting: params.get('meeting'), everyone: params.get('everyone') === '1',
  };
}

function writeHash() {
  const params = new URLSearchParams();
  if (state.date) params.set('asOf', state.date);
  if (state.compare) params.set('compare', state.compare);
  params.set('participant', state.participant);
  if (state.search) params.set('q', state.search);
  if (state.tab !== 'timeline') params.set('tab', state.tab);
  if (state.everyone) params.set('everyone', '1');
  if (state.openMeeting) params.set('meeting', state.openMeeting);
  history.replaceState(null, '', `#${params}`);
}

// ---- keys --------------------------------------------------------------------------------------------------------

function promptForKey(reason) {
  return new Promise((resolve, reject) => {
    $('#key-title').textContent = reason === 'change' ? 'Use an API key' : 'This Timeline needs a key to read';
    $('#key-current').textContent = reason === 'change' ? keyWords() : '';
    $('#key-current').hidden = reason !== 'change';
    el.keyError.hidden = reason !== 'rejected';
    el.keyError.textContent = reason === 'rejected'
      ? 'That key was not accepted: the server does not know it, or it has been revoked. Check it and try again.'
      : '';
    el.keyInput.value = '';
    el.keyInput.setAttribute('aria-invalid', String(reason === 'rejected'));
    const finish = () => {
      el.keyForm.removeEventListener('submit', onSubmit);
      el.keyCancel.removeEventListener('click', onCancel);
      el.keyDialog.removeEventListener('cancel', onCancel);
    };
    const onSubmit = event => {
      event.preventDefault();
      const key = el.keyInput.value.trim();
      if (!key) {
        el.keyError.hidden = false;
        el.keyError.textContent = 'Paste your key first.';
        el.keyInput.focus();
        return;
      }
      finish();
      el.keyDialog.close();
      storeKey(key);
      showStatus('Checking the key…');
      resolve();
    };
    const onCancel = event => {
      event.preventDefault();
      finish();
      el.keyDialog.close();
      reject(new KeyCancelled());
    };
    el.keyForm.addEventListener('submit', onSubmit);
    el.keyCancel.addEventListener('click', onCancel);
    el.keyDialog.addEventListener('cancel', onCancel);
    showStatus('Waiting for an API key…', 'warn');
    if (!el.keyDialog.open) el.keyDialog.showModal();
    el.keyInput.focus();
  });
}

function keyChanged(hasKey) {
  el.keyStatus.hidden = !hasKey;
  // A new key may have another role; without a key, nothing may be edited until the server says otherwise.
  if (hasKey) checkRole().catch(showError);
  else forgetRole();
}

// ---- the slider --------------------------------------------------------------------------------------------------

function sliderDate() {
  return isoDay(state.first + Number(el.slider.value));
}

function setSliderText() {
  const words = `as known on ${formatDay(state.date)}`;
  el.asofText.textContent = formatDay(state.date);
  el.slider.setAttribute('aria-valuetext', words);
  const day = dayNumber(state.date);
  // The report days are sorted: there is an earlier (a later) one when the first (the last) is.
  el.prev.disabled = !(state.reportDays.length && dayNumber(state.reportDays[0]) < day);
  el.next.disabled = !(state.reportDays.length && dayNumber(state.reportDays.at(-1)) > day);
}

function buildTicks() {
  const span = Math.max(state.last - state.first, 1);
  el.ticks.replaceChildren(...state.reportDays.map(d => h('span.tick', {
    style: { left: `${((dayNumber(d) - state.first) / span) * 100}%` },
  })));
  el.min.textContent = formatDay(isoDay(state.first));
  el.max.textContent = formatDay(isoDay(state.last));
}

let debounce = null;

function goTo(date, { immediate = false, sliding = false } = {}) {
  if (!sliding) state.moveStart = null;
  const day = Math.min(Math.max(dayNumber(date), state.first), state.last);
  state.date = isoDay(day);
  el.slider.value = String(day - state.first);
  setSliderText();
  el.chart.setAttribute('aria-busy', 'true'); // until the day's schedule is drawn
  clearTimeout(debounce);
  debounce = setTimeout(() => {
    writeHash(); // not on every step of a drag: browsers throttle history updates
    refresh().catch(showError);
  }, immediate ? 0 : DEBOUNCE_MS);
}

function stepReport(direction) {
  const day = dayNumber(state.date);
  const days = state.reportDays.map(dayNumber);
  const target = direction < 0 ? days.filter(d => d < day).at(-1) : days.find(d => d > day);
  if (target != null) goTo(isoDay(target), { immediate: true });
}

// ---- participants and legend -------------------------------------------------------------------------------------

function buildParticipants(schedule) {
  const counts = new Map();
  for (const m of schedule.meetings) {
    for (const p of m.participants ?? []) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  }
  const names = [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a) || a.localeCompare(b));
  const wanted = names.find(n => n.toLowerCase() === state.participant.toLowerCase())
    ?? names.find(n => n.toLowerCase() === DEFAULT_PARTICIPANT.toLowerCase())
    ?? names[0] ?? DEFAULT_PARTICIPANT;
  state.participant = wanted;
  el.participant.replaceChildren(...(names.length ? names : [wanted]).map(n => h('option', {
    value: n, selected: n === wanted,
  }, counts.has(n) ? `${n} (${counts.get(n)} meeting${counts.get(n) === 1 ? '' : 's'})` : n)));
  el.participant.disabled = names.length === 0;
}

function buildCompare() {
  el.compare.replaceChildren(
    h('option', { value: '', selected: !state.compare }, 'nothing'),
    ...state.reportDays.map(d => h('option', { value: d, selected: d === state.compare }, formatDay(d))));
  el.compare.disabled = false;
}

function buildLegend() {
  const attendance = [...LEVELS, NOT_NAMED].map(l => h('li', { title: l.help },
    h(`span.swatch.att-${l.id}`, { 'aria-hidden': 'true' }), l.id === 'none' ? 'not named' : l.id));
  const statuses = STATUSES.map(s => h('li', { title: s.help },
    h(`span.mini-bar.att-planned.status-${s.id}`, { 'aria-hidden': 'true' }), s.id));
  const precision = [
    h('li', { title: 'the exact days are known' }, h('span.mini-bar.att-planned.precision-day', { 'aria-hidden': 'true' }), 'exact days'),
    h('li', { title: 'only the month is known: the bar spans the whole month' },
      h('span.mini-bar.att-planned.precision-month', { 'aria-hidden': 'true' }), 'month only'),
  ];
  el.legend.replaceChildren(
    h('div.legend-group', h('span.legend-title', 'Bar colour: attendance'), h('ul', attendance)),
    h('div.legend-group', h('span.legend-title', 'Bar style: meeting status'), h('ul', statuses)),
    h('div.legend-group', h('span.legend-title', 'Bar length: dates'), h('ul', precision)),
  );
}

function summarize(schedule) {
  const counts = new Map();
  for (const m of schedule.meetings) {
    const level = participantIn(m, state.participant)?.attendance;
    if (level) counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  const n = schedule.meetings.length;
  const parts = LEVELS.filter(l => counts.has(l.id)).map(l => h(`span.chip.att-${l.id}`, `${counts.get(l.id)} ${l.id}`));
  const changed = state.diff?.doc.changes.length ?? 0;
  const disagreeing = new Set((state.conflicts?.conflicts ?? []).map(c => c.meetingId)).size;
  el.summary.replaceChildren(...[
    h('strong', `${n} meeting${n === 1 ? '' : 's'}`), ` known on ${formatDay(state.date)}. `,
    ...(parts.length ? [`${state.participant}: `, ...parts] : [`${state.participant} is not named in any of them.`]),
    state.diff ? h('span.summary-diff', ` Δ ${changed} meeting${changed === 1 ? '' : 's'} changed ${rangeWords(state.diff.from, state.diff.to)}.`) : null,
    disagreeing ? h('span.summary-conflicts', ` ⚠ Sources disagree about ${disagreeing} meeting${disagreeing === 1 ? '' : 's'}.`) : null,
  ].filter(Boolean));
}

// ---- rendering ---------------------------------------------------------------------------------------------------

/** Marks the row whose history the panel shows. */
function markOpenRow() {
  markOpen(el.chart, state.openMeeting);
}

function drawTimeline() {
  const schedule = state.shown;
  if (!schedule) return;
  const axis = axisFor(state.latest, schedule);
  if (state.shownDate !== state.date) {
    // A new day: its rows are compared with what was on screen when the slider's move began (a drag, or an arrow
    // key held down: going from 10 Sep to 12 Nov marks what changed in between, not only on the last day drawn), or
    // else with what was on screen. Redrawing the same day keeps that comparison.
    state.previous = state.moveStart ? state.moveStart.signatures : state.signatures;
    state.previousDate = state.moveStart ? state.moveStart.date : state.shownDate;
  }
  state.signatures = renderTimeline(el.chart, {
    schedule, axis, participant: state.participant, date: state.date,
    previous: state.previous, previousDate: state.previousDate, onOpen: openMeeting,
    changes: changesById(state.diff?.doc), range: state.diff, conflicts: conflictsById(state.conflicts),
  });
  state.shownDate = state.date;
  markOpenRow();
  summarize(schedule);
  showPaging(schedule);
  el.chart.dataset.asOf = state.date;
  el.chart.dataset.compare = state.diff ? `${state.diff.from}|${state.diff.to}` : '';
  el.chart.dataset.participant = state.participant;
  el.chart.setAttribute('aria-busy', 'false');
}

async function drawLedger() {
  const date = state.date;
  const who = state.everyone ? null : state.participant;
  el.ledger.setAttribute('aria-busy', 'true');
  const key = `${date}|${who ?? ''}`;
  const doc = await cached(ledgers, key, () =>
    getJson(`/api/attendance?asOf=${encodeURIComponent(date)}${who ? `&participant=${encodeURIComponent(who)}` : ''}`));
  if (date !== state.date || who !== (state.everyone ? null : state.participant)) return;
  renderLedger(el.ledger, { doc, date, participant: who, onOpen: openMeeting });
  el.ledger.dataset.asOf = date;
  el.ledger.setAttribute('aria-busy', 'false');
}

async function drawPanel() {
  const id = state.openMeeting;
  if (!id) return;
  const history = await cached(histories, id, () => getJson(`/api/meetings/${encodeURIComponent(id)}/history`));
  if (id !== state.openMeeting) return;
  const meeting = state.shown?.meetings.find(m => m.id === id) ?? state.latest?.meetings.find(m => m.id === id);
  renderHistory(el.panel, { history, meeting, date: state.date });
  renderChanges(el.panel, { change: changesById(state.diff?.doc).get(id), from: state.diff?.from, to: state.diff?.to });
  renderConflicts(el.panel, { conflicts: conflictsById(state.conflicts).get(id) });
  decoratePanel(el.panel, { meetingId: id, history });
  el.panel.dataset.meetingId = id;
  el.panel.setAttribute('aria-busy', 'false');
}

async function refresh() {
  const date = state.date;
  el.chart.setAttribute('aria-busy', 'true');
  const slow = setTimeout(() => showStatus('Loading…'), 400);
  try {
    const compare = state.compare;
    const search = state.search;
    // Where sources disagree is worked out over the whole log: on a large store it is asked for once the rows are
    // drawn, never before them (it would hold up their own request), and marks them when it arrives. While the
    // slider moves it is asked for only once the slider rests on a day, so that a reader stepping through the days
    // does not queue one such question per day.
    const stepping = state.stepping;
    state.stepping = false;
    const current = () => date === state.date && compare === state.compare && search === state.search;
    const [schedule, diff] = await Promise.all([scheduleInTurn(date, current), diffFor(date)]);
    if (!current()) return; // the slider, the compared day or the search has moved on
    state.shown = schedule;
    state.diff = diff;
    state.conflicts = disagreements.has(conflictsKey(date, schedule)) ? await Promise.race([conflictsAsOf(date, schedule), Promise.resolve(null)]) : null;
    drawTimeline();
    const work = [];
    if (state.tab === 'ledger') work.push(drawLedger());
    if (state.openMeeting) work.push(drawPanel());
    if (!state.conflicts) {
      if (stepping) {
        await new Promise(resolve => setTimeout(resolve, CONFLICTS_SETTLE_MS));
        if (!current()) {
          await Promise.all(work);
          return;
        }
      }
      const late = await conflictsAsOf(date, schedule);
      if (current() && state.shown === schedule) {
        state.conflicts = late;
        // Drawn again only when there is something to mark: a redraw replaces what the reader may be pointing at.
        if (late.conflicts?.length) drawTimeline();
        if (state.openMeeting && conflictsById(late).has(state.openMeeting)) work.push(Promise.all(work).then(drawPanel));
      }
    }
    await Promise.all(work);
    if (date === state.date) showStatus('');
  } finally {
    clearTimeout(slow);
  }
}

// ---- paging and search -------------------------------------------------------------------------------------------

function showPaging(schedule) {
  const n = schedule.meetings.length;
  el.more.hidden = !schedule.next;
  el.more.disabled = false;
  el.shownCount.textContent = schedule.next
    ? `Showing the first ${n.toLocaleString('en-GB')} meetings in date order${state.search ? ` that match “${state.search}”` : ''}; more follow.`
    : state.search ? `${n.toLocaleString('en-GB')} meeting${n === 1 ? '' : 's'} match “${state.search}”.` : '';
}

/** Fetches the page after the last meeting shown and adds it to the rows. */
async function showMore() {
  const shown = state.shown;
  if (!shown?.next || el.more.disabled) return;
  el.more.disabled = true;
  const { date, search } = state;
  try {
    const page = await getJson(schedulePath({ asOf: date, search, after: shown.next }));
    if (state.shown !== shown || date !== state.date || search !== state.search) return;
    const joined = { ...shown, meetings: [...shown.meetings, ...page.meetings], next: page.next ?? null };
    state.wanted = joined.meetings.length;
    schedules.set(scheduleKey(date, search, state.wanted), Promise.resolve(joined));
    state.shown = joined;
    drawTimeline();
  } finally {
    el.more.disabled = false;
  }
}

function search(text) {
  if (text === state.search) return;
  state.search = text;
  state.wanted = PAGE_SIZE;
  state.signatures = null; // other rows: nothing to compare with
  state.previous = null;
  state.moveStart = null;
  writeHash();
  refresh().catch(showError);
}

// ---- the meeting panel -------------------------------------------------------------------------------------------

function openMeeting(id, opener) {
  state.openMeeting = id;
  state.opener = opener ?? null;
  writeHash();
  el.panel.hidden = false;
  el.panel.setAttribute('aria-busy', 'true');
  markOpenRow();
  document.body.classList.add('panel-open');
  $('#panel-title').textContent = 'Loading…';
  $('#panel-entries').replaceChildren();
  drawPanel()
    .then(() => $('#panel-title').focus())
    .catch(showError);
}

function closeMeeting() {
  if (!state.openMeeting) return;
  const id = state.openMeeting;
  state.openMeeting = null;
  writeHash();
  el.panel.hidden = true;
  delete el.panel.dataset.meetingId;
  markOpenRow();
  document.body.classList.remove('panel-open');
  // The row that opened it may have scrolled out of the drawn window (or been drawn anew): its meeting's row, then.
  const back = state.opener?.isConnected ? state.opener : revealRow(el.chart, id);
  back?.focus();
}

// ---- tabs --------------------------------------------------------------------------------------------------------

function selectTab(name, { focus = false } = {}) {
  state.tab = name;
  for (const tab of el.tabs) {
    const selected = tab.id === `tab-${name}`;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    $(`#${tab.getAttribute('aria-controls')}`).hidden = !selected;
    if (selected && focus) tab.focus();
  }
  writeHash();
  if (name === 'ledger' && state.date) drawLedger().catch(showError);
}

// ---- start -------------------------------------------------------------------------------------------------------

function wire() {
  configureKeys({ prompt: promptForKey, changed: keyChanged });
  keyChanged(Boolean(storedKey()));
  // Keys move the slider one day at a time, and each press is a step the reader wants to see: only drags are debounced.
  // A move begins when a key goes down (its auto-repeats continue it) or the pointer does.
  let keyed = false;
  const beginMove = () => { state.moveStart = { signatures: state.signatures, date: state.shownDate }; };
  el.slider.addEventListener('keydown', event => {
    keyed = true;
    if (!event.repeat) beginMove();
  });
  el.slider.addEventListener('pointerdown', () => {
    keyed = false;
    beginMove();
  });
  el.slider.addEventListener('input', () => {
    state.stepping = true;
    goTo(sliderDate(), { immediate: keyed, sliding: true });
  });
  el.prev.addEventListener('click', () => stepReport(-1));
  el.next.addEventListener('click', () => stepReport(1));
  el.compare.addEventListener('change', () => {
    state.compare = el.compare.value || null;
    writeHash();
    refresh().catch(showError);
  });
  el.participant.addEventListener('change', () => {
    state.participant = el.participant.value;
    writeHash();
    state.signatures = null;
    state.previous = null;
    state.moveStart = null;
    drawTimeline();
    if (state.tab === 'ledger') drawLedger().catch(showError);
  });
  el.everyone.addEventListener('change', () => {
    state.everyone = el.everyone.checked;
    writeHash();
    drawLedger().catch(showError);
  });
  for (const tab of el.tabs) {
    tab.addEventListener('click', () => selectTab(tab.id.slice(4)));
    tab.addEventListener('keydown', event => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight' && event.key !== 'Home' && event.key !== 'End') return;
      event.preventDefault();
      const i = el.tabs.indexOf(tab);
      const next = event.key === 'Home' ? 0 : event.key === 'End' ? el.tabs.length - 1
        : (i + (event.key === 'ArrowRight' ? 1 : -1) + el.tabs.length) % el.tabs.length;
      selectTab(el.tabs[next].id.slice(4), { focus: true });
    });
  }
  let searching = null;
  el.search.addEventListener('input', () => {
    clearTimeout(searching);
    searching = setTimeout(() => search(el.search.value.trim()), DEBOUNCE_MS * 2);
  });
  el.search.addEventListener('keydown', event => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    clearTimeout(searching);
    search(el.search.value.trim());
  });
  el.more.addEventListener('click', () => showMore().catch(showError));
  // Scrolling to the end of the list fetches the next page too.
  new IntersectionObserver(entries => {
    if (entries.some(e => e.isIntersecting) && !el.more.hidden && !el.more.disabled) showMore().catch(showError);
  }, { rootMargin: '400px' }).observe(el.more);
  el.panelClose.addEventListener('click', closeMeeting);
  document.addEventListener('keydown', event => {
    if (event.key === 'Escape' && state.openMeeting && !document.querySelector('dialog[open]')) closeMeeting();
  });
  el.forgetKey.addEventListener('click', () => {
    storeKey(null);
    forgetAnswers();
    showStatus('The key is forgotten. The next request asks for one if the server needs it.');
  });
  $('#use-key').addEventListener('click', () => {
    promptForKey('change')
      .then(() => { forgetAnswers(); return start(); })
      .catch(error => { if (!(error instanceof KeyCancelled)) showError(error); showStatus(''); });
  });
  setupEditor({ latest: () => state.latest, written });
  buildLegend();
}

/** Everything fetched so far: after a write, or with another key, it may no longer be the answer. */
function forgetAnswers() {
  schedules.clear();
  ledgers.clear();
  histories.clear();
  diffs.clear();
  disagreements.clear();
}

/**
 * Runs the page's refreshes one after another: the editor's own write and the feed's news of it (or of anyone's)
 * both read the log again and redraw, and two at once would draw over each other.
 */
let refreshing = Promise.resolve();
function oneAtATime(refresh) {
  const next = refreshing.then(refresh, refresh);
  refreshing = next.catch(() => {});
  return next;
}

/** Sequences of the events this page recorded itself: when the change feed brings them, they are already drawn. */
const ownSequences = new Set();

/**
 * After the editor recorded a report (report: the server's answer): fetch afresh, and show the day it was reported
 * with its meeting open.
 */
function written({ day, meetingId, message, report }) {
  for (const outcome of report?.outcomes ?? []) {
    for (const sequence of outcome.sequences ?? []) ownSequences.add(sequence);
  }
  return oneAtATime(async () => {
    forgetAnswers();
    $('#edit-status').textContent = message;
    await start({ date: day, meeting: meetingId });
  });
}

/** Reads the report days and the schedule as known now, and sets the slider's range; false for an empty store. */
async function loadLog() {
  const [reported, latest] = await Promise.all([getJson('/api/report-days'), getJson(schedulePath({}))]);
  state.latest = latest;
  state.reportDays = reported.days.map(d => d.day);
  if (state.reportDays.length === 0) {
    el.chart.replaceChildren(h('p.empty', 'The store is empty. Import some reports first, e.g. ',
      h('code', 'timeline import seeds/2022-09-08-ushakov-briefing.json'), '.'));
    el.chart.setAttribute('aria-busy', 'false');
    showStatus('');
    return false;
  }
  state.first = dayNumber(state.reportDays[0]);
  state.last = dayNumber(state.reportDays.at(-1));
  el.slider.min = '0';
  el.slider.max = String(state.last - state.first);
  el.slider.disabled = false;
  buildTicks();
  return true;
}

/**
 * A report was recorded (the change feed said so): forget what was fetched, read the log again and redraw. A page
 * showing the latest day moves on when a later day arrives; one showing an earlier day stays on it (so does a page
 * the editor has just moved to the day of its own report). News of only this page's own reports changes nothing.
 */
async function reportLanded(sequences) {
  if (sequences.length > 0 && sequences.every(s => ownSequences.has(s))) return;
  const empty = state.reportDays.length === 0;
  const lastBefore = state.last;
  const followLatest = empty || state.date === isoDay(lastBefore);
  forgetAnswers();
  if (empty) return start();
  if (!(await loadLog())) return;
  buildCompare();
  buildParticipants(state.latest);
  goTo(followLatest && state.last !== lastBefore ? isoDay(state.last) : state.date, { immediate: true });
}

async function start(override = {}) {
  showStatus('Loading the log…');
  const wanted = { ...readHash(), ...override };
  if (wanted.participant) state.participant = wanted.participant;
  state.everyone = wanted.everyone;
  el.everyone.checked = state.everyone;

  state.search = wanted.search;
  el.search.value = state.search;
  if (!(await loadLog())) return;
  if (state.reportDays.includes(wanted.compare)) state.compare = wanted.compare;
  buildCompare();
  buildParticipants(state.latest);

  const date = /^\d{4}-\d{2}-\d{2}$/.test(wanted.date ?? '') ? wanted.date : isoDay(state.last);
  selectTab(wanted.tab === 'ledger' ? 'ledger' : 'timeline');
  goTo(date, { immediate: true });
  if (wanted.meeting) openMeeting(wanted.meeting, null);
}

wire();
followChanges(sequences => oneAtATime(() => reportLanded(sequences)).catch(showError));
start().catch(showError);
