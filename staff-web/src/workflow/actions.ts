import type { ConversationAction, ConversationSummary, WorkflowFields } from '../api/conversations';
import { ApiProblem } from '../api/problems';
import { ESCALATIONS, statusName } from './labels';

export type ActionName = ConversationAction['action'];

/** The buttons, in this order; each says what it does to whom. */
export const ACTION_LABELS: Record<ActionName, string> = {
  claim: 'Claim',
  assign: 'Assign',
  handoff: 'Hand off',
  escalate: 'Escalate',
  snooze: 'Snooze',
  resolve: 'Resolve',
  reopen: 'Reopen',
};

/**
 * What may be done now, as conversation-service allows it: a resolved conversation can only be reopened or given a
 * corrected outcome; one already the person's is not claimed again; a snoozed one can be woken early.
 */
export function actionsFor(c: Pick<WorkflowFields, 'status' | 'assignee'>, me: string): ActionName[] {
  if (c.status === 'resolved') {
    return ['reopen', 'resolve'];
  }
  const actions: ActionName[] = c.assignee === me ? [] : ['claim'];
  actions.push('assign', 'handoff', 'escalate', 'snooze', 'resolve');
  if (c.status === 'snoozed') {
    actions.push('reopen');
  }
  return actions;
}

/** What the person is told once an action went through, from the conversation as it now is. */
export function actionDone(action: ConversationAction, after: ConversationSummary, me: string, outcomeLabel?: string): string {
  switch (action.action) {
    case 'claim':
      return 'Claimed: this conversation is yours now.';
    case 'assign':
      return 'assignee' in action
        ? `Assigned to ${after.assignee === me ? 'you' : action.assignee}.`
        : `Moved to the queue ${action.queue}, without an owner.`;
    case 'handoff':
      return `Handed off to ${action.to}.`;
    case 'escalate':
      return `Escalated: ${ESCALATIONS.find((e) => e.value === action.kind)?.label ?? action.kind}.`;
    case 'snooze':
      return `Snoozed until ${new Date(action.until).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}.`;
    case 'resolve':
      return `Resolved: ${outcomeLabel ?? action.outcome}.`;
    case 'reopen':
      return `Reopened: ${statusName(after.status)}.`;
  }
}

/**
 * A refusal in plain words. 409 and 412 mean a colleague got there first: the conversation is read again so the person
 * sees what changed before deciding again.
 */
export function refusal(e: unknown): { message: string; readAgain: boolean } {
  if (!(e instanceof ApiProblem)) {
    return { message: 'That did not go through. Please try again.', readAgain: false };
  }
  if (e.status === 412) {
    return {
      message: 'Someone else changed this conversation since you opened it, so nothing was done. It now shows their change: look, then try again if it is still needed.',
      readAgain: true,
    };
  }
  if (e.status === 409) {
    const detail = e.problem?.detail?.trim();
    return {
      message: `${detail ? `${detail.replace(/\.?$/, '.')} ` : ''}Nothing was done; the conversation now shows where it stands.`,
      readAgain: true,
    };
  }
  return { message: e.plainMessage, readAgain: false };
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/** A date in the person's own time as a `datetime-local` value, `2026-12-04T09:00`. */
export function localDateTime(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** A `datetime-local` value (the person's own time) as ISO-8601 with their offset, as the API wants it. */
export function withOffset(local: string): string {
  const at = new Date(local);
  if (Number.isNaN(at.getTime())) {
    throw new RangeError('not a date and time');
  }
  const offset = -at.getTimezoneOffset();
  return `${localDateTime(at)}:00${offset >= 0 ? '+' : '-'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** The suggested snooze: tomorrow at 9:00. */
export function tomorrowMorning(now = new Date()): string {
  return localDateTime(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0));
}
