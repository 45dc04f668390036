// The meeting panel: every change to one meeting (GET /api/meetings/{id}/history), oldest statement first, with its
// source, quote and who recorded it. Retracted entries stay, struck through and labelled.

import { h } from './dom.js';
import { formatDay, formatWhen, formatEdtf, utcDay } from './dates.js';
import { eventWords } from './vocabulary.js';

function safeUrl(text) {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function sourceLine(source) {
  if (!source) return null;
  const parts = [];
  if (source.speaker) parts.push(h('span.speaker', source.speaker));
  if (source.outlet) parts.push(h('span.outlet', source.outlet));
  if (source.publishedAt) parts.push(h('span', `published ${formatWhen(source.publishedAt)}`));
  const url = source.url ? safeUrl(source.url) : null;
  if (url) {
    parts.push(h('a', { href: url.href, target: '_blank', rel: 'noopener noreferrer nofollow' },
      `${url.host}${url.pathname.length > 1 ? url.pathname : ''}`.slice(0, 60)));
  } else if (source.url) {
    parts.push(h('span', source.url));
  }
  if (parts.length === 0) return null;
  const joined = [];
  parts.forEach((p, i) => { if (i) joined.push(' · '); joined.push(p); });
  return h('p.source', h('span.source-label', 'Source: '), joined);
}

/** "Retracted on 21 Oct 2022: entered against the wrong summit", from the retraction's own entry when it is here. */
function retractionWords(e, entries) {
  const by = e.retractedBy == null ? null
    : entries.find(x => x.event === 'ReportRetracted' && (x.commandId === e.retractedBy || x.eventId === e.retractedBy));
  if (!by) return 'Retracted';
  const reason = by.data?.reason;
  return `Retracted on ${formatWhen(by.reportedAt)}${reason ? `: ${reason}` : ''}`;
}

function entry(e, entries) {
  const retracted = Boolean(e.retracted);
  const isRetraction = e.event === 'ReportRetracted';
  return h('li.entry', {
    class: [retracted ? 'retracted' : null, isRetraction ? 'retraction' : null].filter(Boolean).join(' '),
    dataset: { sequence: e.sequence, event: e.event, retracted: String(retracted) },
  },
  h('div.entry-head',
    h('time.reported', { datetime: e.reportedAt }, formatWhen(e.reportedAt)),
    h('span.kind', eventWords(e.event)),
    retracted ? h('span.tag.retracted-tag', retractionWords(e, entries)) : null),
  h('p.summary', retracted ? h('del', e.summary) : e.summary),
  e.source?.quote ? h('blockquote.quote', retracted ? h('del', `“${e.source.quote}”`) : `“${e.source.quote}”`) : null,
  sourceLine(e.source),
  h('p.recorded', `Recorded by ${e.recordedBy ?? 'unknown'} on ${formatWhen(e.recordedAt)} · event #${e.sequence}`));
}

/** Fills the panel from a history document; entries reported after date are set apart as not yet known then. */
export function renderHistory(panel, { history, meeting, date }) {
  const title = panel.querySelector('#panel-title');
  const meta = panel.querySelector('#panel-meta');
  const list = panel.querySelector('#panel-entries');
  title.textContent = meeting?.title ?? history.meetingId;
  const where = meeting?.location ? [meeting.location.city, meeting.location.country].filter(Boolean).join(', ') : '';
  meta.textContent = meeting
    ? [formatEdtf(meeting.dates), where, `${meeting.status} as known on ${formatDay(date)}`].filter(Boolean).join(' · ')
    : `not yet reported on ${formatDay(date)}`;
  const entries = history.entries ?? [];
  const retractedSequences = new Set(entries.filter(e => e.retracted).map(e => e.sequence));
  const items = [];
  let dividerShown = false;
  for (const e of entries) {
    if (!dividerShown && utcDay(e.reportedAt) > date) {
      items.push(h('li.divider', { role: 'separator' }, `Reported after ${formatDay(date)}: not yet known on the slider’s day`));
      dividerShown = true;
    }
    const item = entry(e, entries);
    if (dividerShown) item.classList.add('later');
    items.push(item);
  }
  if (entries.length === 0) items.push(h('li.empty', 'Nothing has been reported about this meeting.'));
  list.replaceChildren(...items);
  panel.querySelector('#panel-count').textContent =
    `${entries.length} report${entries.length === 1 ? '' : 's'}${retractedSequences.size ? `, ${retractedSequences.size} retracted` : ''}`;
}
