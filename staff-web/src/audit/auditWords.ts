import type { AuditFilters, ChainStatus } from '../api/audit';
import { instantOf } from '../ui/format';

/** What the audit search form holds, as typed: `from`/`to` are `datetime-local` values in the person's own time. */
export interface AuditForm {
  conversationId: string;
  actor: string;
  action: string;
  from: string;
  to: string;
}

/** The actions compliance officers look for most, in their words; anything else is shown as its code. */
export const AUDIT_ACTIONS: Record<string, string> = {
  'conversation.read': 'Read a conversation',
  'conversation.history.read': "Read a conversation's history",
  'conversation.search': 'Searched conversations',
  'template.preview': 'Previewed a template for a patient',
  'conversation.break-glass': 'Broke the glass',
  'patient.read': 'Read a patient record',
  'patient.search': 'Searched patients',
  'identity-review.read': 'Read identity reviews',
  'audit.search': 'Searched the audit log',
  'audit.readers': 'Listed who read a conversation',
  'audit.export': 'Exported the audit log',
  'audit.verify': 'Verified the audit log',
};

export function actionWords(action: string): string {
  return AUDIT_ACTIONS[action] ?? action;
}

/** The API's filters from the form, or what is wrong with it in words (nothing is asked then). */
export function filtersFrom(form: AuditForm): { filters: AuditFilters } | { problem: string } {
  const from = instantOf(form.from);
  const to = instantOf(form.to);
  if (from === null || to === null) {
    return { problem: 'Enter the dates and times in full, or leave them empty.' };
  }
  if (from && to && from >= to) {
    return { problem: '"From" must be before "To".' };
  }
  return {
    filters: {
      conversationId: form.conversationId.trim() || undefined,
      actor: form.actor.trim() || undefined,
      action: form.action || undefined,
      from,
      to,
    },
  };
}

/** "Entries 51–100 of 230", for a page of a search or of a readers list. */
export function pageWords(page: number, size: number, shown: number, total: number, plural: string): string {
  if (total === 0) {
    return `No ${plural} match.`;
  }
  const first = page * size + 1;
  return `${plural.charAt(0).toUpperCase()}${plural.slice(1)} ${first}–${first + shown - 1} of ${total}.`;
}

/** The chain verification's answer in words: whether anything in the log was altered, removed or slipped in. */
export function chainWords(status: ChainStatus): string {
  if (status.intact) {
    return `The audit log is intact: all ${status.entries} entries check out, none altered, removed or inserted.`;
  }
  return `The audit log is broken at entry ${status.firstBrokenSeq}: ${status.problem}. Report this to your security officer.`;
}
