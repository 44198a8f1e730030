import type { Change, ConversationStatus } from '../api/conversations';
import { codeInWords, queueName } from '../ui/format';
import { statusName } from '../workflow/labels';

const ACTIONS: Record<string, string> = {
  claim: 'claimed it',
  assign: 'assigned it',
  'auto-assign': 'assigned it automatically',
  handoff: 'handed it off',
  escalate: 'escalated it',
  snooze: 'snoozed it',
  resolve: 'resolved it',
  reopen: 'reopened it',
  reply: 'replied',
  'patient-message': 'wrote',
  'snooze-ended': 'woke it from snooze',
  'on-call-alerted': 'alerted on-call',
  'patient-linked': 'linked the sender to a patient',
  'patient-unlinked': 'unlinked the sender',
  returned: 'returned it to the queue',
  'emergency-routed': 'moved it to the clinical queue',
  'reply-scheduled': 'scheduled a reply',
  'scheduled-reply-cancelled': 'cancelled a scheduled reply',
};

/** One change as a sentence: who did what, and where that left the conversation. */
export function changeWords(change: Change): string {
  const who = change.actorName === 'patient' ? 'The patient' : change.actorName === 'system' ? 'CareThread' : change.actorName;
  const what = ACTIONS[change.action] ?? codeInWords(change.action).toLowerCase();
  const after: string[] = [];
  if (change.assignee && ['claim', 'assign', 'auto-assign', 'handoff', 'returned'].includes(change.action)) {
    after.push(`owner ${change.assignee}`);
  }
  if (change.queue && change.action === 'assign' && !change.assignee) {
    after.push(`queue ${queueName(change.queue)}`);
  }
  if (change.outcome && change.action === 'resolve') {
    after.push(`outcome ${codeInWords(change.outcome)}`);
  }
  if (change.status && ['snooze', 'reopen', 'snooze-ended'].includes(change.action)) {
    after.push(statusName(change.status as ConversationStatus));
  }
  return `${who} ${what}${after.length ? ` (${after.join(', ')})` : ''}.`;
}
