import type { SearchCriteria } from '../api/conversations';

const EMAIL = /^[^@\s]+@[^@\s]+$/;
const PHONE = /^\+?[0-9 ().-]+$/;

/**
 * What the person typed, as the search the service understands: an e-mail address, a phone number (7 to 15 digits,
 * as they type it), or else words from the messages. A sentence to show instead when there is nothing to look for.
 */
export function searchCriteria(typed: string): SearchCriteria | string {
  const query = typed.trim();
  if (!query) {
    return 'Type words from the messages, a phone number or an e-mail address.';
  }
  if (EMAIL.test(query)) {
    return { email: query, limit: 50 };
  }
  const digits = query.replace(/\D/g, '').length;
  if (PHONE.test(query) && digits >= 7 && digits <= 15) {
    return { phone: query, limit: 50 };
  }
  return { words: query, limit: 50 };
}

/** The line over the results, which do not follow live updates (each search is audited): they stay as found. */
export function searchSummary(found: number): string {
  const what = found === 0 ? 'No conversation matches your search' : `${found} conversation${found === 1 ? '' : 's'} found`;
  return `${what}. Results stay as they were found; search again to see changes.`;
}
