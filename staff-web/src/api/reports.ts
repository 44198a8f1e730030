import type { ApiClient } from './client';

export interface QueueVolume {
  queue: string;
  /** `sms` or `email`. */
  channel: string;
  messages: number;
}

export interface ServiceTime {
  queue: string;
  /** `first-response`, `response` or `resolution`. */
  kind: string;
  count: number;
  medianSeconds: number;
  p90Seconds: number;
  /** 0..1; left out (or null) when none of them had a target. */
  metTargetShare?: number | null;
}

export interface QueueCount {
  queue: string;
  conversations: number;
}

export interface Workload {
  assignee: string;
  waitingOnThem: number;
  open: number;
}

/** conversation-service's supervisor figures: counts and times only, no PHI, so not an audited read. */
export interface Dashboard {
  from: string;
  to: string;
  volumes: QueueVolume[];
  serviceTimes: ServiceTime[];
  overdueNow: QueueCount[];
  workload: Workload[];
}

export class ReportsApi {
  constructor(private readonly api: ApiClient) {}

  /** The period `from` (inclusive) to `to` (exclusive), ISO-8601 instants, at most a year. */
  dashboard(from: string, to: string): Promise<Dashboard> {
    return this.api.request(`/api/reports/dashboard?${new URLSearchParams({ from, to })}`);
  }
}
