import type { ConversationDetail, RoutingView } from '../api/conversations';
import {
  categoryLabel,
  directedToName,
  onCallSentence,
  priorityLabel,
  urgencyLabel,
} from '../triage/labels';

/**
 * What the "Why is this here?" panel and the emergency banner say, worked out from the audited detail read. Pure, so
 * the wording is tested without a browser; `conversationView` only turns it into elements.
 */

export interface Fact {
  label: string;
  value: string;
}

const NOT_TRIAGED = 'Not triaged (routed before triage)';

/** Routing's latest decision; a conversation from before triage has an empty one. */
export function routingOf(detail: ConversationDetail): RoutingView {
  return (
    detail.routing ?? {
      reason: null,
      ruleId: null,
      rulesVersion: null,
      category: detail.category,
      urgency: detail.urgency,
      priority: detail.priority,
      triageReasons: [],
      directedTo: detail.directedTo,
      identity: detail.identity,
      autoReplyKind: null,
    }
  );
}

export function ruleText(routing: Pick<RoutingView, 'ruleId' | 'rulesVersion'>): string {
  const version =
    routing.rulesVersion === null || routing.rulesVersion === undefined
      ? null
      : routing.rulesVersion > 0
        ? `rules version ${routing.rulesVersion}`
        : 'draft rules';
  if (routing.ruleId) {
    return version ? `${routing.ruleId} (${version})` : routing.ruleId;
  }
  return version ? `No rule matched: the location's default (${version})` : 'None recorded';
}

export function identityText(identity: string | null | undefined): string {
  switch (identity) {
    case 'matched':
      return 'Known patient: matched in the patient directory.';
    case 'review':
      return 'Needs identity check: several patients share this number or address. Confirm who wrote under Identity review.';
    case 'new-contact':
      return 'New contact: nobody in the patient directory has this number or address.';
    default:
      return 'Not checked';
  }
}

export function autoReplyText(kind: string | null | undefined): string {
  switch (kind) {
    case 'safety':
      return 'Safety reply sent: the patient was told to call 911 (or 988).';
    case 'after-hours':
      return 'After-hours reply sent.';
    default:
      return 'None';
  }
}

/** The panel's facts, in the order someone checking a routing decision reads them. */
export function routingFacts(detail: ConversationDetail, formatTime: (iso: string) => string): Fact[] {
  const routing = routingOf(detail);
  const facts: Fact[] = [
    { label: 'Routing', value: routing.reason?.trim() || 'No reason recorded.' },
    { label: 'Rule', value: ruleText(routing) },
    { label: 'Category', value: categoryLabel(routing.category ?? detail.category) ?? NOT_TRIAGED },
    { label: 'Urgency', value: urgencyLabel(routing.urgency ?? detail.urgency) ?? NOT_TRIAGED },
    { label: 'Priority', value: priorityLabel(routing.priority ?? detail.priority) },
    { label: 'Directed to', value: directedToName(routing.directedTo ?? detail.directedTo) ?? 'The whole queue' },
    { label: 'Sender', value: identityText(routing.identity ?? detail.identity) },
    { label: 'Automatic reply', value: autoReplyText(routing.autoReplyKind) },
  ];
  if (detail.alertedAt) {
    facts.push({ label: 'On call', value: onCallSentence(detail.alertedAt, detail.onCallStaff, formatTime) });
  }
  return facts;
}

/** The classifier's reasons as they are (they may quote the patient, so they only ever become text). */
export function triageReasons(detail: ConversationDetail): string[] {
  return (routingOf(detail).triageReasons ?? []).map((reason) => reason.trim()).filter((reason) => reason.length > 0);
}

/** The banner over an emergency; null when the latest message is not one. */
export function emergencyNotice(detail: ConversationDetail, formatTime: (iso: string) => string): string | null {
  const routing = routingOf(detail);
  if ((detail.urgency ?? routing.urgency) !== 'emergency') {
    return null;
  }
  const parts = ["Emergency: the patient's latest message may describe an emergency. Act on it now."];
  if (routing.autoReplyKind === 'safety') {
    parts.push('CareThread already told them to call 911 (or 988).');
  }
  if (detail.alertedAt) {
    parts.push(onCallSentence(detail.alertedAt, detail.onCallStaff, formatTime));
  }
  return parts.join(' ');
}
