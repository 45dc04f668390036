// The timeline: one row per meeting, grouped by month, with a bar along the meeting-date axis coloured by the chosen
// participant's attendance and styled by the meeting's status.

import { h } from './dom.js';
import {
  dayNumber, formatDay, formatEdtf, monthStart, nextMonthStart, monthTitle, parseEdtf, MONTHS,
} from './dates.js';
import { participantIn, attendanceText, statusInfo, OVERDUE_WORDS, FIELD_WORDS } from './vocabulary.js';
import { rowChanges, fieldLine, rangeWords } from './changes.js';

/** The bounds of a meeting in day numbers, or null when it has no dates yet. */
function extentOf(meeting) {
  if (!meeting.earliest || !meeting.latest) return null;
  return { from: dayNumber(meeting.earliest), to: dayNumber(meeting.latest) };
}

/** The axis: whole months covering every meeting of the given schedules. */
export function axisFor(...schedules) {
  let from = Infinity;
  let to = -Infinity;
  for (const schedule of schedules) {
    for (const m of schedule?.meetings ?? []) {
      const e = extentOf(m);
      if (!e) continue;
      from = Math.min(from, e.from);
      to = Math.max(to, e.to);
    }
  }
  if (!Number.isFinite(from)) return null;
  return { start: monthStart(from), end: nextMonthStart(to) };
}

function percent(axis, day) {
  return ((day - axis.start) / (axis.end - axis.start)) * 100;
}

function months(axis) {
  const list = [];
  for (let d = axis.start; d < axis.end; d = nextMonthStart(d)) list.push({ start: d, end: nextMonthStart(d) });
  return list;
}

/** A fingerprint of what a row shows, to mark rows that changed when the date moves. */
function signature(meeting, participant) {
  const p = participantIn(meeting, participant);
  return [meeting.status, meeting.dates, p?.attendance, p?.representedBy, p?.mode].join('|');
}

function sortKey(m) {
  const e = extentOf(m);
  return e ? [e.from, e.to, m.title] : [Infinity, Infinity, m.title];
}

function byDate(a, b) {
  const ka = sortKey(a);
  const kb = sortKey(b);
  return ka[0] - kb[0] || ka[1] - kb[1] || String(ka[2]).localeCompare(String(kb[2]));
}

function groupKey(m) {
  if (!m.earliest) return 'undated';
  const parsed = parseEdtf(m.dates);
  if (parsed?.precision === 'year') return `year-${m.earliest.slice(0, 4)}`;
  return m.earliest.slice(0, 7);
}

function groupTitle(key) {
  if (key === 'undated') return 'Dates not known yet';
  if (key.startsWith('year-')) return `Sometime in ${key.slice(5)}`;
  return monthTitle(key);
}

function place(location) {
  if (!location) return '';
  return [location.city, location.country].filter(Boolean).join(', ');
}

function shortDates(meeting) {
  const parsed = parseEdtf(meeting.dates);
  if (!parsed) return meeting.dates ?? '';
  const text = formatEdtf(meeting.dates, { withYear: false });
  if (parsed.precision === 'day') return text;
  return parsed.precision === 'month' ? `${text}: day not known` : `${text}: month not known`;
}

function gridLines(axis) {
  return months(axis).slice(1).map(m => h('span.gridline', { style: { left: `${percent(axis, m.start)}%` } }));
}

/** Where the "as known on" line stands on the axis (a percentage), or null when the day is off it. */
function knownAt(axis, date) {
  const known = dayNumber(date) + 1; // the end of the "as known on" day
  return known > axis.start && known < axis.end ? percent(axis, known) : null;
}

/**
 * The month lines and the "as known on" line of every row's track, as custom properties of the chart: a row's own
 * markup depends on neither the axis's months nor the day, so a slider step leaves the rows it keeps untouched.
 */
function setTrackLines(container, axis, date) {
  const lines = months(axis).slice(1).map(m => percent(axis, m.start));
  container.style.setProperty('--grid', lines.map(() => 'linear-gradient(var(--line), var(--line))').join(', ') || 'none');
  container.style.setProperty('--grid-at', lines.map(x => `${x}% 0`).join(', ') || '0 0');
  const known = knownAt(axis, date);
  container.style.setProperty('--known-at', `${known ?? 0}%`);
  container.style.setProperty('--known-shown', known == null ? 'none' : 'block');
}

function axisHeader(axis, date, participant) {
  const list = months(axis);
  const every = list.length > 8 ? 3 : 1; // on a long axis, every third month is named
  const labels = list.map((m, i) => {
    const d = new Date(m.start * 86_400_000);
    const named = every === 1 || d.getUTCMonth() % every === 0;
    const withYear = i === 0 || d.getUTCMonth() === 0 || every > 1;
    const text = named ? `${MONTHS[d.getUTCMonth()]}${withYear ? ` ${d.getUTCFullYear()}` : ''}` : '';
    return h('span.month-label', {
      style: { left: `${percent(axis, m.start)}%`, width: `${percent(axis, m.end) - percent(axis, m.start)}%` },
    }, text);
  });
  const known = knownAt(axis, date);
  const marker = known == null ? null : h('span.known-marker', { style: { left: `${known}%` } }, `known on ${formatDay(date)}`);
  return h('div.chart-head', { 'aria-hidden': 'true' },
    h('span.cell.meeting', 'Meeting'),
    h('span.cell.att', `${participant}’s attendance`),
    h('span.cell.track.axis', gridLines(axis), labels, marker));
}

function bar(axis, meeting, level) {
  const e = extentOf(meeting);
  if (!e) return h('span.no-bar', meeting.status === 'postponed' ? 'postponed: new dates to be decided' : 'no dates yet');
  const parsed = parseEdtf(meeting.dates);
  const precision = parsed?.precision ?? 'day';
  const left = percent(axis, e.from);
  const width = Math.max(percent(axis, e.to + 1) - left, 0.6);
  const flip = left + width > 78;
  const hazy = parsed && (parsed.uncertain || parsed.approximate);
  return [
    h(`span.bar.att-${level}.status-${meeting.status}.precision-${precision}`, {
      class: hazy ? 'hazy' : null,
      style: { left: `${left}%`, width: `${width}%` },
    }, precision === 'day' || width < 12 ? '' : h('span.bar-note', precision === 'month' ? 'month only' : 'year only')),
    h('span.bar-label', {
      class: flip ? 'flip' : null,
      style: flip ? { right: `${100 - left}%` } : { left: `${left + width}%` },
    }, shortDates(meeting)),
  ];
}

/** The rows drawn beyond each edge of the window, in pixels: at least a screenful, so Tab always finds the next row. */
const overscan = () => Math.max(window.innerHeight, 600);

const ROW_GUESS = 64; // the height of a row not yet drawn, until rows have been measured
const TITLE_GUESS = 36; // the same for a group's title

const views = new WeakMap(); // container → its view: what is drawn and what could be
const pictures = new WeakMap(); // a row's list item → what it shows, to keep it when that is the same

/**
 * Draws the schedule into container. previous maps meeting ids to the signatures of the last rendering (null on the
 * first), so rows whose picture changed since then are marked. changes (meeting id → a change of the diff, over range)
 * and conflicts (meeting id → its conflicts) mark rows too.
 *
 * Only the rows in the window and a screenful either side are in the document; spacers stand for the others, at
 * their measured (or guessed) heights, and scrolling draws the rows it brings near. Each list item says where it is in
 * its month (aria-posinset of aria-setsize), and a row whose picture did not change is kept, not built again.
 */
export function renderTimeline(container, {
  schedule, axis, participant, date, previous, previousDate, onOpen, changes = new Map(), range = null, conflicts = new Map(),
}) {
  const meetings = [...schedule.meetings].sort(byDate);
  const signatures = new Map(meetings.map(m => [m.id, signature(m, participant)]));
  const view = viewOf(container);
  if (!axis || meetings.length === 0) {
    view.items = [];
    view.kept = new Map();
    view.sections = null;
    view.drawn = null;
    container.replaceChildren(h('p.empty', `No meeting had been reported by ${formatDay(date)}. Move the slider to a later day.`));
    return signatures;
  }
  const items = [];
  let group = null;
  for (const m of meetings) {
    const key = groupKey(m);
    if (key !== group?.key) {
      group = { key, size: 0 };
      items.push({ group });
    }
    items.push({ m, group, position: ++group.size });
  }
  view.items = items;
  view.row = {
    axis, participant, previous, previousDate, onOpen, changes, range, conflicts, signatures,
    titles: new Map(schedule.meetings.map(m => [m.id, m.title])),
  };
  setTrackLines(container, axis, date);
  view.body ??= h('div.chart-body');
  arrange(container, [axisHeader(axis, date, participant), view.body]);
  drawWindow(view);
  return signatures;
}

/** Marks the row of the meeting whose history is open (null: none), now and in the rows drawn later. */
export function markOpen(container, id) {
  const view = viewOf(container);
  view.open = id;
  for (const row of container.querySelectorAll('.row')) row.classList.toggle('is-open', row.dataset.meetingId === id);
}

/** The row of a meeting, drawn and scrolled into view if it was outside the window; null if it is not in the list. */
export function revealRow(container, id) {
  const view = viewOf(container);
  const selector = `.row[data-meeting-id="${CSS.escape(id)}"]`;
  const index = view.items.findIndex(item => item.m?.id === id);
  if (index < 0) return container.querySelector(selector);
  if (!container.querySelector(selector)) {
    const offset = view.items.slice(0, index).reduce((sum, item) => sum + heightOf(view, item), 0);
    window.scrollTo({ top: view.body.getBoundingClientRect().top + window.scrollY + offset - window.innerHeight / 3 });
    drawWindow(view);
  }
  return container.querySelector(selector);
}

function viewOf(container) {
  let view = views.get(container);
  if (!view) {
    view = {
      container, items: [], heights: new Map(), titleHeights: new Map(), guess: ROW_GUESS, kept: new Map(), drawn: null, open: null,
      body: null,
    };
    views.set(container, view);
    // Scrolling, a resize, or the chart coming into sight (its tab chosen) may bring rows near that are not drawn.
    const check = () => { if (needsDrawing(view)) drawWindow(view); };
    window.addEventListener('scroll', check, { passive: true });
    // Drawn in the next frame, not inside the observer's callback: drawing changes the size it observes.
    new ResizeObserver(() => requestAnimationFrame(check)).observe(container);
  }
  return view;
}

function heightOf(view, item) {
  return item.m ? view.heights.get(item.m.id) ?? view.guess : view.titleHeights.get(item.group.key) ?? TITLE_GUESS;
}

/** The part of the list, in pixels from its top, that should be drawn: the window and a screenful either side. */
function wanted(view) {
  const top = view.body.getBoundingClientRect().top;
  const pad = overscan();
  return { from: -top - pad, to: window.innerHeight - top + pad };
}

function needsDrawing(view) {
  if (!view.body?.isConnected || !view.items.length || !view.drawn || view.body.offsetParent === null) return false;
  const { from, to } = wanted(view);
  const pad = overscan() / 2; // redraw once the window comes within half a screen of the drawn part's edge
  const { first, last, top, bottom } = view.drawn;
  return (first > 0 && from + pad < top) || (last < view.items.length - 1 && to - pad > bottom)
    || (bottom < from || top > to);
}

/** Draws the items between the wanted edges, spacers for the rest, then measures what it drew. */
function drawWindow(view) {
  for (let pass = 0; pass < 2; pass++) {
    const { from, to } = wanted(view);
    let y = 0;
    let first = -1;
    let last = view.items.length - 1;
    let top = 0;
    let bottom = 0;
    for (let i = 0; i < view.items.length; i++) {
      const height = heightOf(view, view.items[i]);
      if (first < 0 && (y + height > from || i === view.items.length - 1)) {
        first = i;
        top = y;
      }
      if (first >= 0 && y >= to) {
        last = Math.max(first, i - 1);
        break;
      }
      y += height;
      bottom = y;
    }
    const total = view.items.reduce((sum, item) => sum + heightOf(view, item), 0);
    if (view.drawn && pass > 0 && view.drawn.first === first && view.drawn.last === last) break;
    fill(view, first, last, top, total - bottom);
    view.drawn = { first, last, top, bottom };
    if (!measure(view)) break; // nothing measured (the chart is out of sight): the guesses stand
  }
}

/**
 * Puts items first..last into the chart body between spacers of the given heights. What stays drawn stays where it
 * is in the document (a focused row keeps its focus); only what comes or goes is added or removed.
 */
function fill(view, first, last, above, below) {
  const focused = document.activeElement?.closest?.('.row');
  const focusedId = view.body.contains(focused) ? focused.dataset.meetingId : null;
  view.spacers ??= [0, 1].map(() => h('div.spacer', { 'aria-hidden': 'true' }));
  view.spacers[0].style.height = `${above}px`;
  view.spacers[1].style.height = `${below}px`;
  const kept = new Map();
  const sections = new Map();
  const lists = new Map(); // group key → the list items it shows
  for (let i = first; i <= last; i++) {
    const item = view.items[i];
    const { key } = item.group;
    if (!sections.has(key)) {
      const before = view.sections?.get(key);
      const section = before ?? { element: h('section.group'), list: h('ul.rows', { role: 'list' }) };
      section.title = item.m ? null : h('h3.group-title', { id: `group-${key}`, dataset: { group: key } },
        h('span', groupTitle(key)),
        h('span.count', `${item.group.size} meeting${item.group.size === 1 ? '' : 's'}`));
      sections.set(key, section);
      lists.set(key, []);
      if (!item.m) continue;
    }
    const li = rowItem(view, item);
    kept.set(item.m.id, li);
    lists.get(key).push(li);
  }
  for (const [key, section] of sections) {
    const { element, list, title } = section;
    // A month whose title is above the window is still named, for a screen reader that enters it here.
    if (title) {
      element.setAttribute('aria-labelledby', title.id);
      element.removeAttribute('aria-label');
    } else {
      element.setAttribute('aria-label', groupTitle(key));
      element.removeAttribute('aria-labelledby');
    }
    arrange(element, title ? [title, list] : [list]);
    arrange(list, lists.get(key));
  }
  view.kept = kept;
  view.sections = sections;
  arrange(view.body, [view.spacers[0], ...[...sections.values()].map(s => s.element), view.spacers[1]]);
  if (focusedId && !focused.isConnected) kept.get(focusedId)?.querySelector('.row').focus({ preventScroll: true });
}

/** Makes parent's children exactly wanted, in order, moving only those out of place. */
function arrange(parent, wanted) {
  const keep = new Set(wanted);
  for (const child of [...parent.children]) if (!keep.has(child)) child.remove();
  let at = parent.firstElementChild;
  for (const node of wanted) {
    if (node === at) at = at.nextElementSibling;
    else parent.insertBefore(node, at);
  }
}

/** A row's list item: the one drawn before when its picture is the same, else a new one. */
function rowItem(view, { m, group, position }) {
  const { axis, participant, previous, previousDate, onOpen, changes, range, conflicts, signatures, titles } = view.row;
  const changed = Boolean(previous) && previous.get(m.id) !== signatures.get(m.id);
  const isNew = Boolean(previous) && !previous.has(m.id);
  const change = changes.get(m.id);
  const disagree = conflicts.get(m.id);
  const parent = m.sidelinesOf ? titles.get(m.sidelinesOf) ?? m.sidelinesOf : null;
  const picture = JSON.stringify([m, parent, participant, axis.start, axis.end, changed, isNew, changed ? previousDate : null,
    change ?? null, change ? [range.from, range.to] : null, disagree ?? null]);
  const before = view.kept.get(m.id);
  const li = pictures.get(before) === picture ? before : h('li', row(m, {
    axis, participant, titles, changed, isNew, previousDate, onOpen, change, range, conflicts: disagree,
  }));
  pictures.set(li, picture);
  li.setAttribute('aria-setsize', String(group.size));
  li.setAttribute('aria-posinset', String(position));
  li.firstChild.classList.toggle('is-open', m.id === view.open);
  return li;
}

/** Records the heights of the drawn items; false when the chart is out of sight and nothing could be measured. */
function measure(view) {
  if (view.body.offsetParent === null) return false;
  let rows = 0;
  let sum = 0;
  for (const title of view.body.querySelectorAll('.group-title')) view.titleHeights.set(title.dataset.group, title.offsetHeight);
  for (const [id, li] of view.kept) {
    const height = li.offsetHeight;
    view.heights.set(id, height);
    rows++;
    sum += height;
  }
  if (rows) view.guess = sum / rows;
  return true;
}

function diffTag(change, range) {
  const words = change.change === 'added' ? 'new' : 'changed';
  return h('span.diff-tag', { title: `${change.change === 'added' ? 'first reported' : 'changed'} ${rangeWords(range.from, range.to)}` },
    h('span', { 'aria-hidden': 'true' }, 'Δ '), words);
}

function conflictTag(conflicts) {
  const facts = conflicts.map(c => `${c.participant ? `${c.participant}’s ` : ''}${FIELD_WORDS[c.fact] ?? c.fact}`);
  return h('span.conflict-tag', { title: `sources disagree on ${[...new Set(facts)].join(', ')}` },
    h('span', { 'aria-hidden': 'true' }, '⚠ '), 'sources disagree');
}

function row(m, { axis, participant, titles, changed, isNew, previousDate, onOpen, change, range, conflicts }) {
  const p = participantIn(m, participant);
  const level = p ? p.attendance : 'none';
  const status = statusInfo(m.status);
  const where = place(m.location);
  const when = formatEdtf(m.dates) || 'dates not known yet';
  const parent = m.sidelinesOf ? titles.get(m.sidelinesOf) ?? m.sidelinesOf : null;
  const attText = attendanceText(p);
  const marks = rowChanges(change, participant);
  const label = `${m.title}: ${when}${where ? `, ${where}` : ''}; ${m.status}. ${participant}: ${attText}. `
    + `${m.overdue ? `${OVERDUE_WORDS}. ` : ''}`
    + `${change ? `Changed ${rangeWords(range.from, range.to)}: ${change.fields.map(fieldLine).join('; ')}. ` : ''}`
    + `${conflicts ? 'Sources disagree. ' : ''}`
    + `${changed ? `Changed since ${formatDay(previousDate)}. ` : ''}Open its history.`;
  const since = p?.since ? `since ${formatDay(p.since)}` : '';
  const placeChanges = [marks.when, marks.where].filter(Boolean);
  return h(`button.row.status-${m.status}`, {
    type: 'button',
    class: [changed ? 'changed' : null, change ? 'compared' : null].filter(Boolean).join(' '),
    'aria-haspopup': 'dialog',
    dataset: {
      meetingId: m.id, attendance: level, status: m.status, overdue: String(Boolean(m.overdue)),
      ...(change ? { change: change.change } : {}), ...(conflicts ? { conflicts: String(conflicts.length) } : {}),
    },
    'aria-label': label,
    onclick: e => onOpen(m.id, e.currentTarget),
  },
  h('span.cell.meeting',
    h('span.title-line',
      h('span.title', m.title),
      h(`span.badge.status-${m.status}`, { title: status.help, class: marks.status ? 'field-changed' : null },
        h('span.icon', { 'aria-hidden': 'true' }, status.icon), m.status),
      marks.status ? h('span.was', marks.status) : null,
      changed ? h('span.changed-tag', { title: `changed since ${formatDay(previousDate)}` }, isNew ? 'new' : 'changed') : null,
      change ? diffTag(change, range) : null,
      conflicts ? conflictTag(conflicts) : null),
    h('span.meta', { class: placeChanges.length ? 'field-changed' : null }, [when, where, m.kind].filter(Boolean).join(' · ')),
    placeChanges.length ? h('span.meta.was', placeChanges.join('; ')) : null,
    m.overdue ? h('span.overdue-tag', OVERDUE_WORDS) : null,
    parent ? h('span.meta.sidelines', `on the sidelines of ${parent}`) : null,
    m.statusReason ? h('span.meta.reason', `${m.status}: ${m.statusReason}`) : null),
  h('span.cell.att', { class: marks.attendance ? 'field-changed' : null },
    h(`span.swatch.att-${level}`, { 'aria-hidden': 'true' }),
    h('span.att-words',
      h('span.att-text', attText),
      since || p?.mode ? h('span.since', [since, p?.mode].filter(Boolean).join(' · ')) : null,
      marks.attendance ? h('span.was', marks.attendance) : null)),
  h('span.cell.track', h('span.known-line'), bar(axis, m, level)));
}
