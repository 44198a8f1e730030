import type { ConversationStatus, Escalation, InboxViewName, WorkflowFields } from '../api/conversations';

/** The inbox's views in the desk's order, All last. */
export const INBOX_VIEWS: { value: InboxViewName; label: string }[] = [
  { value: 'mine', label: 'Mine' },
  { value: 'unassigned', label: 'Unassigned' },
  { value: 'aging', label: 'Aging' },
  { value: 'awaiting-patient', label: 'Awaiting patient' },
  { value: 'snoozed', label: 'Snoozed' },
  { value: 'resolved', label: 'Resolved' },
  { value: '', label: 'All' },
];

export function viewLabel(view: InboxViewName | undefined): string {
  return INBOX_VIEWS.find((v) => v.value === (view ?? ''))!.label;
}

const STATUS: Record<ConversationStatus, string> = {
  unassigned: 'Unassigned',
  assigned: 'Assigned',
  'awaiting-patient': 'Awaiting patient',
  snoozed: 'Snoozed',
  resolved: 'Resolved',
};

/** Every status, in the order a conversation goes through them. */
export const STATUSES = Object.keys(STATUS) as ConversationStatus[];

export function statusName(status: ConversationStatus): string {
  return STATUS[status] ?? status;
}

export const ESCALATIONS: { value: Escalation; label: string }[] = [
  { value: 'supervisor', label: 'Supervisor' },
  { value: 'clinical-review', label: 'Clinical review' },
  { value: 'call-patient', label: 'Call the patient' },
];

/** Who has it, as the row says it: the person themselves, a colleague, or nobody yet. */
export function ownerText(c: Pick<WorkflowFields, 'assignee'>, me: string): string {
  if (!c.assignee) {
    return 'No owner';
  }
  return c.assignee === me ? 'Owner: you' : `Owner: ${c.assignee}`;
}

export type ClockTone = 'overdue' | 'approaching' | 'on-time';

export interface TargetClock {
  /** In words, so colour is never the only signal. */
  text: string;
  tone: ClockTone;
}

/**
 * The response clock against the queue's target: "Due in 12 min", "Overdue by 5 min". The server's flag decides the
 * tone (it counts business hours); the minutes come from `responseDueAt`. Null while nobody waits on staff: also for
 * a conversation just resolved, snoozed or awaiting the patient, whose due time the service clears on its next round.
 */
export function targetClock(c: Pick<WorkflowFields, 'status' | 'responseDueAt' | 'targetFlag'>, now = Date.now()): TargetClock | null {
  if (!c.responseDueAt || (c.status !== 'unassigned' && c.status !== 'assigned')) {
    return null;
  }
  const left = new Date(c.responseDueAt).getTime() - now;
  if (c.targetFlag === 'overdue' || left <= 0) {
    return { text: `Overdue by ${duration(-left)}`, tone: 'overdue' };
  }
  return { text: `Due in ${duration(left)}`, tone: c.targetFlag === 'approaching' ? 'approaching' : 'on-time' };
}

/** Whole minutes, hours and minutes under a day, days and hours beyond. */
export function duration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) {
    return 'less than a minute';
  }
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  }
  const days = Math.floor(hours / 24);
  return `${days} day${days === 1 ? '' : 's'}${hours % 24 ? ` ${hours % 24} h` : ''}`;
}
