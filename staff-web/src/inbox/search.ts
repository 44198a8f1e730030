import type { Category, ConversationStatus, Priority, SearchCriteria } from '../api/conversations';
import { categoryLabel, priorityLabel } from '../triage/labels';
import { queueName } from '../ui/format';
import { withOffset } from '../workflow/actions';
import { statusName } from '../workflow/labels';

const EMAIL = /^[^@\s]+@[^@\s]+$/;
const PHONE = /^\+?[0-9 ().-]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LIMIT = 50;

/**
 * What the search box and its "More filters" hold, as entered. `from` and `to` are `date` values (`2026-11-01`) in
 * the person's own time; anything else there is a date the browser could not read.
 */
export interface SearchFields {
  typed: string;
  statuses: ConversationStatus[];
  /** A colleague's username. */
  owner: string;
  queue: string;
  category: Category | '';
  priority: Priority | '';
  from: string;
  to: string;
}

/**
 * The search the service understands, or a sentence to show instead (nothing is asked then). What was typed is an
 * e-mail address, a phone number (7 to 15 digits, as they type it), or else words from the messages; the filters
 * narrow on their own too, so "resolved in North billing last week" needs nothing typed. The days are whole days in
 * the person's time, sent with their offset; "to" is not included.
 */
export function searchCriteria(fields: SearchFields): SearchCriteria | string {
  const from = startOfDay(fields.from);
  const to = startOfDay(fields.to);
  if (from === null || to === null) {
    return 'Enter the dates in full, or leave them empty.';
  }
  if (from && to && Date.parse(from) >= Date.parse(to)) {
    return '"From" must be before "To".';
  }
  const owner = fields.owner.trim();
  const criteria: SearchCriteria = {
    ...typedCriteria(fields.typed.trim()),
    ...(fields.statuses.length ? { status: fields.statuses } : {}),
    ...(owner ? { assignee: owner } : {}),
    ...(fields.queue ? { queue: fields.queue } : {}),
    ...(fields.category ? { category: fields.category } : {}),
    ...(fields.priority ? { priority: fields.priority } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  if (Object.keys(criteria).length === 0) {
    return 'Type words from the messages, a phone number or an e-mail address, or choose under "More filters".';
  }
  return { ...criteria, limit: LIMIT };
}

function typedCriteria(query: string): SearchCriteria {
  if (!query) {
    return {};
  }
  if (EMAIL.test(query)) {
    return { email: query };
  }
  const digits = query.replace(/\D/g, '').length;
  if (PHONE.test(query) && digits >= 7 && digits <= 15) {
    return { phone: query };
  }
  return { words: query };
}

/** The start of a day in the person's time with their offset; undefined when empty, null when it is not a date. */
function startOfDay(date: string): string | undefined | null {
  if (!date) {
    return undefined;
  }
  try {
    return DATE.test(date) ? withOffset(`${date}T00:00`) : null;
  } catch {
    return null;
  }
}

/**
 * The line over the results: how many, what was searched for in words (a phone number or an e-mail address is named,
 * never repeated: it is PHI, and the line is read out), and that they do not follow live updates (each search is
 * audited): they stay as found.
 */
/** `more`: the last page asked for came full, so more may match ("Show more results" asks for them). */
export function searchSummary(found: number, more: boolean, criteria: SearchCriteria, me: string,
  day: (iso: string) => string = dayName): string {
  const what = found === 0 ? 'No conversation matches your search' : `${found} conversation${found === 1 ? '' : 's'} found`;
  const first = more ? ` These are the first ${found}; "Show more results" below finds the next.` : '';
  return `${what} (${searchedFor(criteria, me, day).join(', ')}).${first} Results stay as they were found; search again to see changes.`;
}

function searchedFor(criteria: SearchCriteria, me: string, day: (iso: string) => string): string[] {
  const parts: (string | false | null | undefined)[] = [
    criteria.words && 'your words',
    criteria.phone && 'a phone number',
    criteria.email && 'an e-mail address',
    criteria.status?.map(statusName).join(' or '),
    criteria.assignee && `owner ${criteria.assignee === me ? 'you' : criteria.assignee}`,
    criteria.queue && `${queueName(criteria.queue)} queue`,
    categoryLabel(criteria.category),
    criteria.priority && priorityLabel(criteria.priority),
  ];
  const since = criteria.from && `from ${day(criteria.from)}`;
  const before = criteria.to && `before ${day(criteria.to)}`;
  if (since || before) {
    parts.push(`last activity ${[since, before].filter(Boolean).join(' and ')}`);
  }
  return parts.filter((part): part is string => !!part);
}

function dayName(iso: string): string {
  return new Date(iso).toLocaleDateString([], { dateStyle: 'medium' });
}
