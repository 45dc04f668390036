// The ledger: when each attendance was first announced, when it was confirmed, how many days lay between, and what
// came of it (GET /api/attendance).

import { h } from './dom.js';
import { formatWhen, formatEdtf, formatDay } from './dates.js';
import { OUTCOMES, OVERDUE_WORDS } from './vocabulary.js';

const dash = () => h('span.none', { 'aria-label': 'none' }, '—');

export function renderLedger(table, { doc, date, participant, onOpen }) {
  const caption = table.querySelector('caption');
  caption.textContent = `${participant ? `${participant}: ` : 'Every participant: '}announced versus confirmed, as known on ${formatDay(date)}`;
  const rows = doc.rows ?? [];
  const body = rows.map(r => h('tr', { dataset: { meetingId: r.meetingId, participant: r.participant, outcome: r.outcome, overdue: String(Boolean(r.overdue)) } },
    h('th', { scope: 'row' },
      h('button.link.meeting-link', { type: 'button', onclick: e => onOpen(r.meetingId, e.currentTarget) }, r.meetingTitle ?? r.meetingId)),
    h('td.nowrap', r.dates ? formatEdtf(r.dates) : dash()),
    h('td.who', r.participant),
    h('td.nowrap', r.announcedAt
      ? [formatWhen(r.announcedAt), ' ', h(`span.chip.att-${r.announcedLevel}`, r.announcedLevel)]
      : dash()),
    h('td.nowrap', r.confirmedAt ? formatWhen(r.confirmedAt) : dash()),
    h('td.num', r.daysToConfirm != null ? String(r.daysToConfirm) : dash()),
    h('td.nowrap', r.declinedAt ? formatWhen(r.declinedAt) : dash()),
    h('td', h(`span.outcome.outcome-${r.outcome}`, OUTCOMES[r.outcome] ?? r.outcome),
      r.overdue ? h('span.overdue-note', OVERDUE_WORDS) : null),
    h('td', r.representedBy ?? dash())));
  if (body.length === 0) {
    body.push(h('tr', h('td.empty', { colspan: '9' },
      `No attendance had been reported${participant ? ` for ${participant}` : ''} by ${formatDay(date)}.`)));
  }
  table.querySelector('tbody').replaceChildren(...body);
}
