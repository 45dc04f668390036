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

function gridLines(axis, date) {
  const lines = months(axis).slice(1).map(m => h('span.gridline', { style: { left: `${percent(axis, m.start)}%` } }));
  const known = dayNumber(date) + 1; // the end of the "as known on" day
  if (known > axis.start && known < axis.end) {
    lines.push(h('span.known-line', { style: { left: `${percent(axis, known)}%` } }));
  }
  return lines;
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
  const known = dayNumber(date) + 1;
  const marker = known > axis.start && known < axis.end
    ? h('span.known-marker', { style: { left: `${percent(axis, known)}%` } }, `known on ${formatDay(date)}`)
    : null;
  return h('div.chart-head', { 'aria-hidden': 'true' },
    h('span.cell.meeting', 'Meeting'),
    h('span.cell.att', `${participant}’s attendance`),
    h('span.cell.track.axis', gridLines(axis, date).filter(x => x.classList.contains('gridline')), labels, marker));
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

/**
 * Draws the schedule into container. previous maps meeting ids to the signatures of the last rendering (null on the
 * first), so rows whose picture changed since then are marked. changes (meeting id → a change of the diff, over range)
 * and conflicts (meeting id → its conflicts) mark rows too.
 */
export function renderTimeline(container, {
  schedule, axis, participant, date, previous, previousDate, onOpen, changes = new Map(), range = null, conflicts = new Map(),
}) {
  const meetings = [...schedule.meetings].sort(byDate);
  const titles = new Map(schedule.meetings.map(m => [m.id, m.title]));
  const groups = new Map();
  for (const m of meetings) {
    const key = groupKey(m);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(m);
  }
  const signatures = new Map();
  const body = [];
  if (!axis || meetings.length === 0) {
    body.push(h('p.empty', `No meeting had been reported by ${formatDay(date)}. Move the slider to a later day.`));
  } else {
    body.push(axisHeader(axis, date, participant));
    for (const [key, list] of groups) {
      const id = `group-${key}`;
      body.push(h('section.group', { 'aria-labelledby': id },
        h('h3.group-title', { id },
          h('span', groupTitle(key)),
          h('span.count', `${list.length} meeting${list.length === 1 ? '' : 's'}`)),
        h('ul.rows', { role: 'list' }, list.map(m => {
          const sig = signature(m, participant);
          signatures.set(m.id, sig);
          const changed = previous && previous.get(m.id) !== sig;
          return h('li', row(m, {
            axis, participant, date, titles, changed, isNew: previous && !previous.has(m.id), previousDate, onOpen,
            change: changes.get(m.id), range, conflicts: conflicts.get(m.id),
          }));
        }))));
    }
  }
  container.replaceChildren(...body);
  return signatures;
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

function row(m, { axis, participant, date, titles, changed, isNew, previousDate, onOpen, change, range, conflicts }) {
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
  h('span.cell.track', gridLines(axis, date), bar(axis, m, level)));
}
