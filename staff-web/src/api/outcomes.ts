import type { ApiClient } from './client';

/** An outcome a conversation can be resolved with; the practice keeps the list (practice admins change it). */
export interface Outcome {
  code: string;
  label: string;
  position: number;
  active: boolean;
}

/** conversation-service's outcome list. */
export class OutcomesApi {
  constructor(private readonly api: ApiClient) {}

  /** The active outcomes, in the practice's order. */
  list(): Promise<Outcome[]> {
    return this.api.request('/api/outcomes');
  }
}
