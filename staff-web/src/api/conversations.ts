import type { ApiClient } from './client';

export type DeliveryStatus = 'QUEUED' | 'SUBMITTED' | 'DELIVERED' | 'FAILED';

/** One row of the inbox; the patient's address comes masked. */
export interface ConversationSummary {
  id: string;
  locationCode: string;
  queue: string;
  channel: string;
  status: string;
  patient: { address: string };
  lastMessageAt: string;
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
}

/** Reading one is audited: open it only when the person opens it or something new arrived. */
export interface ConversationDetail {
  id: string;
  locationCode: string;
  queue: string;
  channel: string;
  status: string;
  patient: { address: string };
  lastMessageAt: string;
  messages: Message[];
}

/** Where a reply stands; no text, so following it is not an audited read. */
export interface ReplyStatus {
  id: string;
  conversationId: string;
  deliveryStatus: DeliveryStatus;
  failureReason: string | null;
  at: string;
}

/** The conversation-service staff API, through the staff gateway. */
export class ConversationsApi {
  constructor(private readonly api: ApiClient) {}

  list(): Promise<ConversationSummary[]> {
    return this.api.request('/api/conversations?limit=200');
  }

  get(id: string): Promise<ConversationDetail> {
    return this.api.request(`/api/conversations/${encodeURIComponent(id)}`);
  }

  /** The same idempotency key sends at most one reply, so a retry after a lost answer is safe. */
  reply(id: string, text: string, idempotencyKey: string): Promise<ReplyStatus> {
    return this.api.request(`/api/conversations/${encodeURIComponent(id)}/replies`, {
      method: 'POST',
      body: { text },
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  }

  replyStatus(id: string, replyId: string): Promise<ReplyStatus> {
    return this.api.request(`/api/conversations/${encodeURIComponent(id)}/replies/${encodeURIComponent(replyId)}`);
  }
}
