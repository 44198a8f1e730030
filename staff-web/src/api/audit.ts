import type { ApiClient } from './client';

/** One entry of the practice's audit log, as audit-service answers it. No PHI but a break-glass `purpose`. */
export interface AuditEntry {
  seq: number;
  eventId: string;
  type: string;
  action: string;
  conversationId: string | null;
  /** The actor's Keycloak subject (or, for older events, their username). */
  actorUserId: string | null;
  /** The actor's username when the event named it. */
  actorName: string | null;
  locationCode: string | null;
  clientAddress: string | null;
  occurredAt: string;
  recordedAt: string;
  entryHash: string;
  breakGlass: boolean;
  /** What the person said when breaking the glass; free text that may name the patient, so shown, never kept. */
  purpose: string | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  page: number;
  size: number;
  total: number;
}

/** One read of a conversation's PHI. */
export interface ConversationReader {
  staffUserId: string;
  staffName: string | null;
  roles: string[];
  action: string;
  readAt: string;
  clientAddress: string | null;
  locationCode: string | null;
  breakGlass: boolean;
  purpose: string | null;
}

export interface ReadersPage {
  conversationId: string;
  readers: ConversationReader[];
  page: number;
  size: number;
  total: number;
}

export type ChainStatus =
  | { intact: true; entries: number }
  | { intact: false; firstBrokenSeq: number; problem: string };

/** The search's filters as the API takes them; none of them is PHI (the patient is the address's blind index). */
export interface AuditFilters {
  conversationId?: string;
  /** The blind index of the patient's address, from `patientRef()`: the address itself never goes in a URL. */
  patientRef?: string;
  actor?: string;
  action?: string;
  /** ISO-8601 with offset, inclusive. */
  from?: string;
  /** ISO-8601 with offset, exclusive. */
  to?: string;
}

export type ExportFormat = 'csv' | 'json';

const READERS_NOT_FOUND = 'There is nothing recorded for this conversation.';

/** audit-service through the staff gateway (`/api/audit/...`). Every call here is itself written to the audit log. */
export class AuditApi {
  constructor(private readonly api: ApiClient) {}

  search(filters: AuditFilters, page: number, size = 50): Promise<AuditPage> {
    return this.api.request(`/api/audit/events?${query({ ...filters, page: String(page), size: String(size) })}`);
  }

  readers(conversationId: string, page: number, size = 50): Promise<ReadersPage> {
    return this.api.request(
      `/api/audit/conversations/${encodeURIComponent(conversationId)}/readers?${query({ page: String(page), size: String(size) })}`,
      { notFound: READERS_NOT_FOUND },
    );
  }

  /** The blind index the log knows a patient by; the phone number or e-mail address travels in the POST body. */
  async patientRef(address: string): Promise<string> {
    const body = address.includes('@') ? { email: address } : { phone: address };
    const found: { patientRef: string } = await this.api.request('/api/audit/patient-refs', { method: 'POST', body });
    return found.patientRef;
  }

  verify(): Promise<ChainStatus> {
    return this.api.request('/api/audit/verify');
  }

  /** Every entry matching the filters, as a file (compliance officers only; the export is audited by the service). */
  export(format: ExportFormat, filters: AuditFilters): Promise<{ file: Blob; name: string | null }> {
    return this.api.download(`/api/audit/export?${query({ format, ...filters })}`);
  }
}

function query(parameters: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value) {
      search.set(name, value);
    }
  }
  return search.toString();
}
