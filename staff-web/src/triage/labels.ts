import type { AutoReplyKind, Category, Identity, Priority, TriageFields, Urgency } from '../api/conversations';

/**
 * Routing's triage in the practice's words. Pure: the inbox rows, the filters and the conversation header all read
 * their text from here, and every badge carries words, so nothing is said by colour alone.
 */

export const CATEGORY_LABELS: Record<Category, string> = {
  refill: 'Refill',
  billing: 'Billing',
  'test-results': 'Test results',
  'records-forms': 'Records & forms',
  'clinical-question': 'Clinical question',
  scheduling: 'Scheduling',
  cancellation: 'Cancel / reschedule',
  general: 'General',
};

export const URGENCY_LABELS: Record<Urgency, string> = {
  emergency: 'Emergency',
  urgent: 'Urgent',
  routine: 'Routine',
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  critical: 'Critical',
  high: 'High priority',
  normal: 'Normal priority',
  low: 'Low priority',
};

export const IDENTITY_LABELS: Record<Identity, string> = {
  matched: 'Known patient',
  review: 'Needs identity check',
  'new-contact': 'New contact',
};

export const AUTO_REPLY_LABELS: Record<AutoReplyKind, string> = {
  safety: 'Automatic reply (safety)',
  'after-hours': 'Automatic reply (after hours)',
};

/** Options of the inbox filters, in the order the desk thinks of them; '' is "all". */
export const URGENCY_FILTERS: { value: Urgency | ''; label: string }[] = [
  { value: '', label: 'All urgencies' },
  { value: 'emergency', label: URGENCY_LABELS.emergency },
  { value: 'urgent', label: URGENCY_LABELS.urgent },
  { value: 'routine', label: URGENCY_LABELS.routine },
];

export const CATEGORY_FILTERS: { value: Category | ''; label: string }[] = [
  { value: '', label: 'All categories' },
  ...(['clinical-question', 'refill', 'test-results', 'scheduling', 'cancellation', 'billing', 'records-forms', 'general'] as Category[])
    .map((value) => ({ value, label: CATEGORY_LABELS[value] })),
];

/** Priority in the order of the list, highest first; '' is "all". */
export const PRIORITY_FILTERS: { value: Priority | ''; label: string }[] = [
  { value: '', label: 'All priorities' },
  ...(['critical', 'high', 'normal', 'low'] as Priority[]).map((value) => ({ value, label: PRIORITY_LABELS[value] })),
];

/** An unknown code (a newer service) is shown as it is rather than hidden. */
export function categoryLabel(category: string | null | undefined): string | null {
  return category ? CATEGORY_LABELS[category as Category] ?? category : null;
}

export function urgencyLabel(urgency: string | null | undefined): string | null {
  return urgency ? URGENCY_LABELS[urgency as Urgency] ?? urgency : null;
}

export function priorityLabel(priority: string | null | undefined): string {
  return PRIORITY_LABELS[(priority ?? 'normal') as Priority] ?? priority!;
}

export function identityLabel(identity: string | null | undefined): string | null {
  return identity ? IDENTITY_LABELS[identity as Identity] ?? identity : null;
}

/** For an automatic reply's place in the timeline; null for a person's reply. */
export function autoReplyLabel(kind: string | null | undefined): string | null {
  return kind ? AUTO_REPLY_LABELS[kind as AutoReplyKind] ?? 'Automatic reply' : null;
}

/** `team:care-a` reads "Care a team"; a staff member is their username, as the rest of the app shows them. */
export function directedToName(directedTo: string | null | undefined): string | null {
  if (!directedTo) {
    return null;
  }
  if (directedTo.startsWith('team:')) {
    const words = directedTo.slice('team:'.length).replace(/[-_]+/g, ' ').trim();
    return `${words.charAt(0).toUpperCase()}${words.slice(1)} team`;
  }
  return directedTo;
}

/** Critical is kept for emergencies (routing never raises anything else that far): such rows stay pinned on top. */
export function isPinned(row: Pick<TriageFields, 'priority'>): boolean {
  return row.priority === 'critical';
}

export type BadgeTone = 'emergency' | 'urgent' | 'critical' | 'high' | 'low' | 'category' | 'alerted' | 'identity' | 'directed';

export interface Badge {
  tone: BadgeTone;
  text: string;
  /** More words for those who hover, e.g. who was on call; the badge's text stands on its own. */
  title?: string;
}

/**
 * The badges of one conversation, most pressing first: urgency, priority when it says more than the urgency does
 * (an emergency is always critical and urgent is always at least high), category, the on-call alert, who the sender
 * is when staff must act on it, and whom it is directed to.
 */
export function triageBadges(row: TriageFields, formatTime: (iso: string) => string = (iso) => iso): Badge[] {
  const badges: Badge[] = [];
  if (row.urgency === 'emergency') {
    badges.push({ tone: 'emergency', text: URGENCY_LABELS.emergency });
  } else if (row.urgency === 'urgent') {
    badges.push({ tone: 'urgent', text: URGENCY_LABELS.urgent });
  }
  if (row.priority === 'critical' && row.urgency !== 'emergency') {
    badges.push({ tone: 'critical', text: PRIORITY_LABELS.critical, title: 'An earlier message was an emergency: it stays on top until resolved' });
  } else if (row.priority === 'high' && row.urgency !== 'urgent' && row.urgency !== 'emergency') {
    badges.push({ tone: 'high', text: PRIORITY_LABELS.high });
  } else if (row.priority === 'low') {
    badges.push({ tone: 'low', text: PRIORITY_LABELS.low });
  }
  const category = categoryLabel(row.category);
  if (category) {
    badges.push({ tone: 'category', text: category });
  }
  if (row.alertedAt) {
    badges.push({ tone: 'alerted', text: 'On-call alerted', title: onCallSentence(row.alertedAt, row.onCallStaff, formatTime) });
  }
  if (row.identity === 'new-contact' || row.identity === 'review') {
    badges.push({ tone: 'identity', text: IDENTITY_LABELS[row.identity] });
  }
  const directed = directedToName(row.directedTo);
  if (directed) {
    badges.push({ tone: 'directed', text: `For ${directed}` });
  }
  return badges;
}

export function onCallSentence(alertedAt: string, onCallStaff: string | null, formatTime: (iso: string) => string): string {
  return onCallStaff
    ? `On-call ${onCallStaff} was alerted at ${formatTime(alertedAt)}.`
    : `Nobody was on call: the whole queue was alerted at ${formatTime(alertedAt)}.`;
}

/** What the row says about the filters in force, for the inbox summary; null when none is. */
export function filtersDescription(filters: { urgency?: string; category?: string }): string | null {
  const parts = [urgencyLabel(filters.urgency), categoryLabel(filters.category)].filter((p): p is string => !!p);
  return parts.length ? parts.join(', ') : null;
}
