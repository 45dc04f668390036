// What each of the 12 commands asks for (docs/contract.md#each-command), as form fields. Only the shape is here: the
// page marks required fields, and every other check is the server's, shown at the field it names.

/** The source of a report: every form has these (docs/contract.md#fields-every-command-has). */
export const SOURCE_FIELDS = [
  { kind: 'text', path: 'source.outlet', label: 'Outlet', hint: 'the newspaper, agency or channel' },
  { kind: 'text', path: 'source.url', label: 'URL', type: 'url', hint: 'an http or https address' },
  { kind: 'text', path: 'source.speaker', label: 'Speaker', datalist: 'known-participants', hint: 'who said it' },
  { kind: 'text', path: 'source.quote', label: 'Quote', multiline: true },
  { kind: 'when', path: 'source.publishedAt', label: 'Published' },
];

const MODES = [['in-person', 'in person'], ['virtual', 'virtual']];
const KINDS = ['bilateral', 'trilateral', 'forum', 'visit', 'summit', 'other'].map(k => [k, k]);
const ANNOUNCEABLE = [['planned', 'planned: “plans to attend”'], ['expected', 'expected: “will confirm later”'], ['possible', 'possible: “may attend”']];
const STARTING_LEVELS = [['invited', 'invited'], ['possible', 'possible'], ['expected', 'expected'], ['planned', 'planned'],
  ['confirmed', 'confirmed'], ['declined', 'declined']];

const participant = { kind: 'text', path: 'participant', label: 'Participant', required: true, datalist: 'known-participants' };
const location = required => ({ kind: 'location', path: 'location', required });
const reason = (required = false) => ({ kind: 'text', path: 'reason', label: 'Reason', multiline: true, required });

/**
 * Each command: the title of its form, what the submit button says, whether it creates a meeting (its id comes from
 * the title), and its own fields. Field kinds: text, select, dates (EDTF, read by the server), when (a day or an
 * instant), location (city and country), names (a list of people, each with an optional select).
 */
export const COMMANDS = {
  AnnounceSummit: {
    title: 'New summit', action: 'Announce the summit', creates: true,
    fields: [
      { kind: 'text', path: 'title', label: 'Title', required: true },
      { kind: 'text', path: 'organization', label: 'Organization', required: true, hint: 'who holds it: G20, SCO, ASEAN…' },
      location(true),
      { kind: 'dates', path: 'dates', label: 'Dates', required: true },
      { kind: 'names', path: 'hosts', label: 'Hosts', add: 'Add a host' },
    ],
  },
  AnnounceMeeting: {
    title: 'New meeting', action: 'Announce the meeting', creates: true,
    fields: [
      { kind: 'text', path: 'title', label: 'Title', required: true },
      { kind: 'select', path: 'kind', label: 'Kind', required: true, options: KINDS },
      { kind: 'names', path: 'participants', label: 'Participants', add: 'Add a participant', name: 'name',
        extras: [{ kind: 'select', path: 'level', label: 'Level', options: STARTING_LEVELS, blank: 'planned (the default)' }] },
      location(false),
      { kind: 'dates', path: 'dates', label: 'Dates' },
      { kind: 'text', path: 'sidelinesOf', label: 'On the sidelines of', datalist: 'known-meetings', hint: 'the id of the meeting it is held beside' },
    ],
  },
  InviteParticipant: {
    title: 'Invite a participant', action: 'Record the invitation',
    fields: [participant, { kind: 'text', path: 'invitedBy', label: 'Invited by', datalist: 'known-participants' }],
  },
  AnnounceAttendance: {
    title: 'Announce attendance', action: 'Record the announcement',
    fields: [participant, { kind: 'select', path: 'level', label: 'Level', required: true, options: ANNOUNCEABLE },
      { kind: 'select', path: 'mode', label: 'Mode', options: MODES }],
  },
  ConfirmAttendance: {
    title: 'Confirm attendance', action: 'Record the confirmation',
    fields: [participant, { kind: 'select', path: 'mode', label: 'Mode', options: MODES }],
  },
  DeclineAttendance: {
    title: 'Decline attendance', action: 'Record the decline',
    fields: [participant, { kind: 'text', path: 'representedBy', label: 'Represented by', datalist: 'known-participants' }, reason()],
  },
  PostponeMeeting: {
    title: 'Postpone the meeting', action: 'Record the postponement',
    fields: [{ kind: 'dates', path: 'dates', label: 'New dates', hint: 'leave empty when they are to be decided' }, reason()],
  },
  RescheduleMeeting: {
    title: 'Reschedule the meeting', action: 'Record the new dates',
    fields: [{ kind: 'dates', path: 'dates', label: 'New dates', required: true }],
  },
  RelocateMeeting: {
    title: 'Relocate the meeting', action: 'Record the new place',
    fields: [location(true)],
  },
  CancelMeeting: {
    title: 'Cancel the meeting', action: 'Record the cancellation',
    fields: [reason()],
  },
  RecordMeetingHeld: {
    title: 'Record the meeting as held', action: 'Record that it was held',
    fields: [
      { kind: 'dates', path: 'dates', label: 'Dates it was held', hint: 'leave empty when they were as planned' },
      { kind: 'names', path: 'attendees', label: 'Attendees', add: 'Add an attendee', name: 'participant',
        extras: [
          { kind: 'select', path: 'mode', label: 'Mode', options: MODES, blank: 'not given' },
          { kind: 'text', path: 'representedBy', label: 'Represented by', datalist: 'known-participants' },
        ] },
    ],
  },
  RetractReport: {
    title: 'Retract a report', action: 'Retract it',
    fields: [{ kind: 'text', path: 'retracts', label: 'Retracts (command or event id)', required: true, readonly: true }, reason(true)],
  },
};

/** A meeting id from a title: lowercase letters and digits in groups joined by single hyphens, at most 80 characters. */
export function slugOf(title) {
  return title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
}

/** Today's UTC day by the page's clock, as reportedAt's default. */
export function today() {
  return new Date().toISOString().slice(0, 10);
}
