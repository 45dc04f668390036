// Dates as the page shows them. Everything is UTC and English, so the page reads the same on every machine.
// Meeting dates are an EDTF subset (docs/contract.md#meeting-dates): 2022, 2022-11, 2022-11-15, intervals of two of those, with ?, ~ or %.

const DAY_MS = 86_400_000;
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

/** Days since 1970-01-01 for an ISO day (YYYY-MM-DD; anything after the day is ignored). */
export function dayNumber(iso) {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** The ISO day (YYYY-MM-DD) of a day number. */
export function isoDay(n) {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC day of a reportedAt or recordedAt: an EDTF day stays as it is, an ISO instant becomes its UTC day. */
export function utcDay(text) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const t = Date.parse(text);
  return Number.isNaN(t) ? String(text).slice(0, 10) : new Date(t).toISOString().slice(0, 10);
}

/** "12 Nov 2022". */
export function formatDay(iso) {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** A day as it was given ("8 Sep 2022"), or an instant with its UTC time ("29 Nov 2026, 13:11 UTC"). */
export function formatWhen(text) {
  if (!text) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDay(text);
  const t = Date.parse(text);
  if (Number.isNaN(t)) return text;
  const iso = new Date(t).toISOString();
  return `${formatDay(iso)}, ${iso.slice(11, 16)} UTC`;
}

/** "November 2022" for "2022-11". */
export function monthTitle(key) {
  const [y, m] = key.split('-').map(Number);
  return `${MONTHS_LONG[m - 1]} ${y}`;
}

/** The first day number of the month of a day number, and of the month after it. */
export function monthStart(n) {
  const d = new Date(n * DAY_MS);
  return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS);
}
export function nextMonthStart(n) {
  const d = new Date(n * DAY_MS);
  return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS);
}

const PART = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?$/;

/**
 * Reads an EDTF value: its parts (one, or two for an interval), its precision (day, month or year: the coarsest
 * part) and its qualifiers. Null when the text is not in the subset.
 */
export function parseEdtf(text) {
  if (typeof text !== 'string' || text === '') return null;
  const pieces = text.split('/');
  if (pieces.length > 2) return null;
  const parts = [];
  for (const piece of pieces) {
    const m = PART.exec(piece);
    if (!m) return null;
    parts.push({
      y: Number(m[1]), m: m[2] ? Number(m[2]) : null, d: m[3] ? Number(m[3]) : null,
      precision: m[3] ? 'day' : m[2] ? 'month' : 'year', qualifier: m[4] ?? '',
    });
  }
  const rank = { day: 0, month: 1, year: 2 };
  const precision = parts.map(p => p.precision).reduce((a, b) => (rank[a] >= rank[b] ? a : b));
  const qualifiers = parts.map(p => p.qualifier).join('');
  return {
    parts, precision,
    uncertain: /[?%]/.test(qualifiers),
    approximate: /[~%]/.test(qualifiers),
  };
}

function formatPart(p, withYear = true) {
  const year = withYear ? ` ${p.y}` : '';
  if (p.precision === 'day') return `${p.d} ${MONTHS[p.m - 1]}${year}`;
  if (p.precision === 'month') return `${MONTHS[p.m - 1]}${year}`;
  return String(p.y);
}

/** Words for the qualifiers, or ''. */
function qualifierWords(parsed) {
  if (!parsed) return '';
  if (parsed.uncertain && parsed.approximate) return 'uncertain, approximate';
  if (parsed.uncertain) return 'uncertain';
  if (parsed.approximate) return 'approximate';
  return '';
}

/** "15–16 Nov 2022", "30 Sep – 2 Oct 2022", "Nov 2022", "Nov – Dec 2022 (uncertain)". Unknown forms come back as given. */
export function formatEdtf(text, { withYear = true } = {}) {
  const parsed = parseEdtf(text);
  if (!parsed) return text ?? '';
  const [a, b] = parsed.parts;
  let out;
  if (!b) {
    out = formatPart(a, withYear);
  } else if (a.precision === 'day' && b.precision === 'day' && a.y === b.y && a.m === b.m) {
    out = a.d === b.d ? formatPart(a, withYear) : `${a.d}–${b.d} ${MONTHS[a.m - 1]}${withYear ? ` ${a.y}` : ''}`;
  } else if (a.y === b.y && a.precision !== 'year' && b.precision !== 'year') {
    out = `${formatPart(a, false)} – ${formatPart(b, withYear)}`;
  } else {
    out = `${formatPart(a)} – ${formatPart(b)}`;
  }
  const q = qualifierWords(parsed);
  return q ? `${out} (${q})` : out;
}
