import type { ApiClient } from './client';

export type DeliveryStatus = 'QUEUED' | 'SUBMITTED' | 'DELIVERED' | 'FAILED';

/** Routing's triage of the latest patient message; null on conversations from before triage. */
export type Category =
  | 'scheduling'
  | 'cancellation'
  | 'refill'
  | 'billing'
  | 'test-results'
  | 'records-forms'
  | 'clinical-question'
  | 'general';
export type Urgency = 'emergency' | 'urgent' | 'routine';
/** Never drops while the conversation is in progress; lists sort critical first. */
export type Priority = 'critical' | 'high' | 'normal' | 'low';
/** How the sender was matched to the patient directory. */
export type Identity = 'matched' | 'review' | 'new-contact';
export type AutoReplyKind = 'safety' | 'after-hours';

/** The triage and routing fields a row and the detail share; none of them is PHI. */
export interface TriageFields {
  category: Category | null;
  urgency: Urgency | null;
  priority: Priority;
  identity: Identity | null;
  /** The directory patient (opaque id), once matched. */
  patientId: string | null;
  /** A staff username or `team:<code>`; null when it is for the whole queue. */
  directedTo: string | null;
  clockStartedAt: string | null;
  /** When the on-call staff member was alerted about an emergency. */
  alertedAt: string | null;
  /** Who was on call then; null when the whole queue was alerted. */
  onCallStaff: string | null;
}

export type ConversationStatus = 'unassigned' | 'assigned' | 'awaiting-patient' | 'snoozed' | 'resolved';
export type Escalation = 'supervisor' | 'clinical-review' | 'call-patient';

/** Who owns it, where it stands, and its clock; the answer to every action too. */
export interface WorkflowFields {
  id: string;
  locationCode: string;
  queue: string;
  channel: string;
  status: ConversationStatus;
  /** The owner's username; null while it waits in its queue. */
  assignee: string | null;
  outcome: string | null;
  snoozedUntil: string | null;
  escalation: Escalation | null;
  /** Changes with every change; sent back as If-Match so an action applies only to what the person saw. */
  version: number;
  lastMessageAt: string;
  /** When staff should answer the patient waiting now; null while nobody waits on staff. */
  responseDueAt?: string | null;
  targetFlag?: 'approaching' | 'overdue' | null;
}

/** One row of the inbox; the patient's address comes masked. */
export interface ConversationSummary extends TriageFields, WorkflowFields {
  patient: { address: string };
  messageCount: number;
}

export interface Message {
  id: string;
  direction: 'inbound' | 'outbound';
  channel: string;
  text: string;
  at: string;
  deliveryStatus: DeliveryStatus | null;
  failureReason: string | null;
  sentBy: string | null;
  sentByName: string | null;
  /** Set on the automatic replies CareThread sent by itself (author "CareThread (automatic)"). */
  kind?: AutoReplyKind | null;
  /** The e-mail's subject; null for texts. */
  subject?: string | null;
  /** The files that came with a patient's message, in the order sent. */
  attachments?: Attachment[];
}

/**
 * A file a patient sent. `ready` ones open through {@link ConversationsApi.attachment} (an audited download);
 * `not-kept` ones are described only, with the reason.
 */
export interface Attachment {
  fileName: string | null;
  /** Sniffed from the bytes when it arrived, e.g. image/jpeg, application/pdf, audio/mpeg. */
  contentType: string;
  sizeBytes: number;
  mediaId: string | null;
  state: 'ready' | 'arriving' | 'not-kept';
  notKeptReason: string | null;
  /** Whether {@link ConversationsApi.thumbnail} has a small picture of it. */
  thumbnail: boolean;
}

/** Why the conversation is here: routing's decision on the latest patient message. Only in the audited read. */
export interface RoutingView {
  reason: string | null;
  /** The rule that fired; null when the location's default applied. */
  ruleId: string | null;
  rulesVersion: number | null;
  category: Category | null;
  urgency: Urgency | null;
  priority: Priority;
  /** What led the classifier to its category and urgency; they may quote the patient. */
  triageReasons: string[];
  directedTo: string | null;
  identity: Identity | null;
  autoReplyKind: AutoReplyKind | null;
  replyLanguage?: string | null;
}

/** An internal note for colleagues, never sent to the patient; `mentions` are the usernames it told. */
export interface Note {
  id: string;
  authorId: string;
  authorName: string;
  text: string;
  mentions: string[];
  at: string;
}

/** Reading one is audited: open it only when the person opens it or something new arrived. */
export interface ConversationDetail extends TriageFields, WorkflowFields {
  patient: { address: string };
  messages: Message[];
  routing: RoutingView | null;
  /** Internal notes, oldest first; absent from services before notes. */
  notes?: Note[];
  /** Replies waiting for their time, sent and cancelled ones too; the text is in clear only in this audited read. */
  scheduledReplies?: ScheduledReply[];
}

export interface ScheduledReply {
  id: string;
  text: string | null;
  sendAt: string;
  status: 'scheduled' | 'sent' | 'cancelled';
  createdBy: string;
  cancelledBy: string | null;
}

/** One change in the conversation's history. `reason` is free text (a handoff's or escalation's), so reading is audited. */
export interface Change {
  at: string;
  actorId: string | null;
  /** The staff member's username, or `patient` / `system`. */
  actorName: string;
  action: string;
  status: string | null;
  assignee: string | null;
  queue: string | null;
  outcome: string | null;
  escalation: string | null;
  snoozedUntil: string | null;
  reason: string | null;
}

/** Where a reply stands; no text, so following it is not an audited read. */
export interface ReplyStatus {
  id: string;
  conversationId: string;
  deliveryStatus: DeliveryStatus;
  failureReason: string | null;
  at: string;
}

/** The API's `view=`: mine (owned by the caller, not resolved), aging (near or past target), or a status; '' for all. */
export type InboxViewName = 'mine' | 'unassigned' | 'aging' | 'awaiting-patient' | 'snoozed' | 'resolved' | '';

/** A reply in the person's words, or a template with the values they entered (e.g. `appointment_time`). */
export type ReplyDraft = { text: string } | { templateId: string; values: Record<string, string> };

/** A template filled for one conversation; `missing` names the variables still without a value. */
export interface TemplatePreview {
  templateId: string;
  version: number;
  text: string;
  missing: string[];
  characters: number;
}

/** What to search for; all optional, at least one. Sent as a POST body: a phone or a patient's words never in a URL. */
export interface SearchCriteria {
  /** The directory patient: their conversations on every channel and at every location the person works. */
  patientId?: string;
  words?: string;
  phone?: string;
  email?: string;
  status?: ConversationStatus[];
  queue?: string;
  /** The owner's username. */
  assignee?: string;
  category?: Category;
  priority?: Priority;
  /** Latest activity at or after this ISO-8601 date-time with offset. */
  from?: string;
  /** Latest activity before this ISO-8601 date-time with offset. */
  to?: string;
  limit?: number;
  /** How many of the matches to skip: the next page starts after the ones shown. */
  offset?: number;
}

/** The inbox's view and filters; the filters narrow by queue and by the latest message's triage, on the server. */
export interface InboxFilters {
  view?: InboxViewName;
  urgency?: Urgency | '';
  category?: Category | '';
  queue?: string;
}

/** A queue the person may see and what waits there (conversations not resolved). No PHI. */
export interface QueueCount {
  queue: string;
  locationCode: string;
  open: number;
  unassigned: number;
  urgent: number;
  overdue: number;
}

export function listPath(filters: InboxFilters = {}): string {
  const query = new URLSearchParams({ limit: '200' });
  if (filters.view) {
    query.set('view', filters.view);
  }
  if (filters.urgency) {
    query.set('urgency', filters.urgency);
  }
  if (filters.category) {
    query.set('category', filters.category);
  }
  if (filters.queue) {
    query.set('queue', filters.queue);
  }
  return `/api/conversations?${query}`;
}

/** What each action sends; the reason of a handoff or escalation stays sealed in the history, never on Kafka. */
export type ConversationAction =
  | { action: 'claim' }
  | { action: 'assign'; assignee: string }
  | { action: 'assign'; queue: string }
  | { action: 'handoff'; to: string; reason: string }
  | { action: 'escalate'; kind: Escalation; reason: string }
  | { action: 'snooze'; until: string }
  | { action: 'resolve'; outcome: string }
  | { action: 'reopen' };

/** The conversation-service staff API, through the staff gateway. */
export class ConversationsApi {
  constructor(private readonly api: ApiClient) {}

  /** Critical first, then high, normal, low; newest activity first within each. */
  list(filters: InboxFilters = {}): Promise<ConversationSummary[]> {
    return this.api.request(listPath(filters));
  }

  /** The queues the person may see at their locations, with what waits in each, by location and queue. */
  queues(): Promise<QueueCount[]> {
    return this.api.request('/api/conversations/queues');
  }

  /** Conversations at the person's locations matching every criterion, in the inbox's order. Audited per result. */
  search(criteria: SearchCriteria): Promise<ConversationSummary[]> {
    return this.api.request('/api/conversations/search', { method: 'POST', body: criteria });
  }

  get(id: string): Promise<ConversationDetail> {
    return this.api.request(`/api/conversations/${encodeURIComponent(id)}`);
  }

  /** A file the patient sent, in memory only. Each call is an audited download. */
  async attachment(id: string, mediaId: string): Promise<Blob> {
    return (await this.api.download(attachmentPath(id, mediaId))).file;
  }

  /** A photo's small picture, in memory only. Each call is an audited view. */
  async thumbnail(id: string, mediaId: string): Promise<Blob> {
    return (await this.api.download(`${attachmentPath(id, mediaId)}/thumbnail`)).file;
  }

  /**
   * The same idempotency key sends at most one reply, so a retry after a lost answer is safe. A template is filled by
   * the service; a value missing is a 422 and nothing is sent.
   */
  reply(id: string, draft: ReplyDraft, idempotencyKey: string): Promise<ReplyStatus> {
    return this.api.request(`/api/conversations/${encodeURIComponent(id)}/replies`, {
      method: 'POST',
      body: draft,
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  }

  /** The template as it would go to this patient. It shows the patient's name, so the service audits it. */
  previewTemplate(id: string, templateId: string, values: Record<string, string>): Promise<TemplatePreview> {
    return this.api.request(`/api/conversations/${encodeURIComponent(id)}/template-preview`, {
      method: 'POST',
      body: { templateId, values },
    });
  }

  /**
   * Claims, assigns, hands off, escalates, snoozes, resolves or reopens it, only if it is still at `version` (the one
   * the person saw): a colleague's change in between is a 412, not overwritten. Answers the updated row.
   */
  act(id: string, version: number, { action, ...body }: ConversationAction): Promise<ConversationSummary> {
    return this.api.request(`/api/conversations/${encodeURIComponent(id)}/${action}`, {
      method: 'POST',
      body: Object.keys(body).length ? body : undefined,
      headers: { 'If-Match': `"${version}"` },
    });
  }

  /** Each @username in the text tells that colleague (their mentions); the patient never sees a note. */
  addNote(id: string, text: string): Promise<Note> {
    return this.api.request(`/api/conversations/${encodeURIComponent(id)}/notes`, { method: 'POST', body: { text } });
  }

  /** Every change, oldest first. **Audited** (reasons are free text), so read only when the person opens it. */
  history(id: string): Promise<Change[]> {
    return this.api.request(`/api/conversations/${encodeURIComponent(id)}/history`);
  }

  /** Checked now like a reply (a template's missing value is a 422) and sent at `sendAt` (ISO-8601 with offset). */
  scheduleReply(id: string, draft: ReplyDraft, sendAt: string): Promise<ScheduledReply> {
    return this.api.request(`/api/conversations/${encodeURIComponent(id)}/scheduled-replies`, {
      method: 'POST',
      body: { ...draft, sendAt },
    });
  }

  /** Already sent or cancelled: 409, with the service's words. */
  cancelScheduledReply(id: string, scheduledReplyId: string): Promise<ScheduledReply> {
    return this.api.request(
      `/api/conversations/${encodeURIComponent(id)}/scheduled-replies/${encodeURIComponent(scheduledReplyId)}`,
      { method: 'DELETE' },
    );
  }

  replyStatus(id: string, replyId: string): Promise<ReplyStatus> {
    return this.api.request(`/api/conversations/${encodeURIComponent(id)}/replies/${encodeURIComponent(replyId)}`);
  }
}

function attachmentPath(id: string, mediaId: string): string {
  return `/api/conversations/${encodeURIComponent(id)}/attachments/${encodeURIComponent(mediaId)}`;
}
