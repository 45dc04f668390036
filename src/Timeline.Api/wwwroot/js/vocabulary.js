// The words of the vocabulary (docs/contract.md#vocabulary), in the order the page shows them, with a line of explanation each.

export const LEVELS = [
  { id: 'invited', help: 'invited; no answer reported yet' },
  { id: 'possible', help: '“may attend”' },
  { id: 'expected', help: '“we expect… will confirm later”' },
  { id: 'planned', help: '“plans to attend”' },
  { id: 'confirmed', help: 'attendance confirmed' },
  { id: 'declined', help: 'will not attend (a stand-in is shown in brackets)' },
  { id: 'attended', help: 'took part' },
];

export const NOT_NAMED = { id: 'none', help: 'not named for this meeting' };

export const STATUSES = [
  { id: 'scheduled', icon: '●', help: 'set to take place' },
  { id: 'postponed', icon: '→', help: 'put off (hatched)' },
  { id: 'cancelled', icon: '✕', help: 'called off (faded, struck through)' },
  { id: 'held', icon: '✓', help: 'took place (dark outline)' },
];

export const OUTCOMES = {
  attended: 'attended',
  declined: 'declined',
  cancelled: 'meeting cancelled',
  pending: 'pending',
};

/** What a meeting whose dates have passed with no outcome reported says (docs/contract.md#schedule-output). */
export const OVERDUE_WORDS = 'dates passed; outcome not reported';

/** The words for a field of a meeting, as the diff and the conflicts name them. */
export const FIELD_WORDS = {
  title: 'title', status: 'status', dates: 'dates', location: 'place', attendance: 'attendance', mode: 'mode',
  representedBy: 'stand-in',
};

export function statusInfo(id) {
  return STATUSES.find(s => s.id === id) ?? { id, icon: '•', help: id };
}

/** "AttendanceAnnounced" → "Attendance announced". */
export function eventWords(name) {
  const words = String(name).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The participant entry of a meeting for a name (names match case-insensitively), or null. */
export function participantIn(meeting, name) {
  if (!name) return null;
  const wanted = name.toLocaleLowerCase('en');
  return meeting.participants?.find(p => p.name.toLocaleLowerCase('en') === wanted) ?? null;
}

/** "declined (Sergey Lavrov)", "expected", or "not named". */
export function attendanceText(p) {
  if (!p) return 'not named';
  return p.representedBy ? `${p.attendance} (${p.representedBy})` : p.attendance;
}
