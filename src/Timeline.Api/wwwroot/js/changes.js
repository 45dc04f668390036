// What changed between two days (GET /api/diff) and where sources disagree (GET /api/conflicts): the marks on the
// timeline's rows and the panel's sections. Changes are marked with a sign and words, never by colour alone.

import { h } from './dom.js';
import { formatDay, formatEdtf, formatWhen } from './dates.js';
import { FIELD_WORDS, participantIn } from './vocabulary.js';

/** The changes of a diff document by meeting id (an empty map for none). */
export function changesById(diff) {
  return new Map((diff?.changes ?? []).map(c => [c.meetingId, c]));
}

/** The conflicts of a conflicts document by meeting id. */
export function conflictsById(doc) {
  const byId = new Map();
  for (const c of doc?.conflicts ?? []) {
    if (!byId.has(c.meetingId)) byId.set(c.meetingId, []);
    byId.get(c.meetingId).push(c);
  }
  return byId;
}

const NONE = {
  dates: 'no dates', location: 'no place', attendance: 'not named', mode: 'mode not said', representedBy: 'nobody',
  status: 'not reported', title: 'not reported',
};

/** A field's value as people read it. */
export function valueWords(field, value) {
  if (value == null) return NONE[field] ?? 'none';
  if (field === 'dates') return formatEdtf(value);
  if (typeof value === 'object') return [value.city, value.country].filter(Boolean).join(', ');
  return String(value);
}

/** "Vladimir Putin’s attendance: expected → declined". */
export function fieldLine(f) {
  const what = `${f.participant ? `${f.participant}’s ` : ''}${FIELD_WORDS[f.field] ?? f.field}`;
  return f.before == null && f.after != null
    ? `${what}: ${valueWords(f.field, f.after)}`
    : `${what}: ${valueWords(f.field, f.before)} → ${valueWords(f.field, f.after)}`;
}

/**
 * What a row shows that changed, as what it was: { status: "was scheduled", when: "dates were Oct 2022", where: "place
 * was Thailand", attendance: "was expected; mode was in-person" }, each null when unchanged. The attendance covers the
 * chosen participant's attendance, mode and stand-in; a value newly given has no "was".
 */
export function rowChanges(change, participant) {
  const marks = { status: null, when: null, where: null, attendance: null };
  if (!change) return marks;
  const before = f => valueWords(f.field, f.before);
  const mine = [];
  for (const f of change.fields) {
    if (!f.participant) {
      if (f.field === 'status' && f.before != null) marks.status = `was ${before(f)}`;
      if (f.field === 'dates' && f.before != null) marks.when = `dates were ${before(f)}`;
      if (f.field === 'location' && f.before != null) marks.where = `place was ${before(f)}`;
    } else if (participantIn({ participants: [{ name: f.participant }] }, participant)) {
      if (f.field === 'attendance') mine.unshift(f.before == null ? 'newly named' : `was ${before(f)}`);
      else if (f.before != null) mine.push(`${f.field === 'mode' ? 'mode' : 'stand-in'} was ${before(f)}`);
    }
  }
  marks.attendance = mine.length ? mine.join('; ') : null;
  return marks;
}

/** The range a diff covers, in words: "between 10 Sep 2022 and 12 Nov 2022". */
export function rangeWords(from, to) {
  return `between ${formatDay(from)} and ${formatDay(to)}`;
}

function reportItem(r) {
  const who = r.source?.speaker ?? r.source?.outlet ?? 'unattributed';
  return h('li.change-report', { dataset: { sequence: r.sequence } },
    h('span.reported', formatWhen(r.reportedAt)), ' · ', h('span.speaker', who), ' · ', r.summary,
    r.source?.quote ? h('blockquote.quote', `“${r.source.quote}”`) : null);
}

/** Fills the panel's "changed between" section, or hides it when the meeting did not change; marks those reports in the history. */
export function renderChanges(panel, { change, from, to }) {
  const section = panel.querySelector('#panel-changes');
  section.hidden = !change;
  const sequences = new Set((change?.reports ?? []).map(r => String(r.sequence)));
  for (const entry of panel.querySelectorAll('#panel-entries .entry')) {
    const inChange = sequences.has(entry.dataset.sequence);
    entry.classList.toggle('in-change', inChange);
    if (inChange) entry.querySelector('.entry-head').append(h('span.tag.in-change-tag', 'Δ in this change'));
  }
  if (!change) return;
  const verb = change.change === 'added' ? 'First reported' : change.change === 'removed' ? 'No longer on record' : 'Changed';
  section.querySelector('h3').textContent = `Δ ${verb} ${rangeWords(from, to)}`;
  section.querySelector('.change-fields').replaceChildren(...change.fields.map(f => h('li', { dataset: { field: f.field } }, fieldLine(f))));
  section.querySelector('.change-reports').replaceChildren(...change.reports.map(reportItem));
}

function side(fact, s) {
  const who = [s.source?.speaker, s.source?.outlet].filter(Boolean).join(', ') || 'unattributed';
  return h('div.side',
    h('strong', valueWords(fact, s.claim)), ` (${formatWhen(s.reportedAt)}, ${who})`,
    s.source?.quote ? h('blockquote.quote', `“${s.source.quote}”`) : null);
}

/** Fills the panel's "sources disagree" section, or hides it when none do. */
export function renderConflicts(panel, { conflicts }) {
  const section = panel.querySelector('#panel-conflicts');
  section.hidden = !conflicts?.length;
  if (!conflicts?.length) return;
  section.querySelector('h3').textContent = `⚠ Sources disagree (${conflicts.length})`;
  section.querySelector('.conflict-list').replaceChildren(...conflicts.map(c => h('li.conflict', { dataset: { fact: c.fact } },
    h('p.conflict-fact', `${c.participant ? `${c.participant}’s ` : ''}${FIELD_WORDS[c.fact] ?? c.fact}, ${c.daysApart} day${c.daysApart === 1 ? '' : 's'} apart:`),
    side(c.fact, c.first), h('p.versus', 'but'), side(c.fact, c.second))));
}
