import type { ApiClient } from './client';
import type { Outcome } from './outcomes';

export type Priority = 'critical' | 'high' | 'normal' | 'low';
export const PRIORITIES: readonly Priority[] = ['critical', 'high', 'normal', 'low'];

export interface ResponseTarget {
  priority: Priority;
  minutes: number;
  /** Counted in the location's opening hours only; otherwise around the clock. */
  businessHours: boolean;
}

export type Assignment = 'none' | 'round-robin' | 'least-loaded';

/** A queue's setup (conversation-service `PUT /api/queues/{queue}` replaces every field); the service leaves out empty ones. */
export interface QueueSetup {
  queue: string;
  locationCode: string;
  assignment: Assignment;
  openCap?: number | null;
  returnAfterMinutes?: number | null;
  members?: string[];
  responseTargets?: ResponseTarget[];
  updatedBy?: string | null;
  updatedAt?: string | null;
}

export interface QueuesSetup {
  queues: QueueSetup[];
  defaultTargets: ResponseTarget[];
  staffAway: string[];
}

/** A location's week and holidays (routing-service); times `HH:mm` in the location's own time zone. */
export interface LocationHours {
  timeZone: string;
  weekly: { day: string; opens: string; closes: string }[];
  holidays: { date: string; name: string }[];
  autoReplyIntervalMinutes?: number | null;
}

/**
 * One of routing-service's ordered rules (first match wins): when every condition given holds, the actions apply.
 * Conditions left out (null or empty) match anything. A rule may carry fields this app does not know; they are sent
 * back as they came.
 */
export interface RoutingRule {
  id: string;
  description: string;
  when?: {
    categories?: string[] | null;
    urgencies?: string[] | null;
    locations?: string[] | null;
    channels?: string[] | null;
    careTeams?: string[] | null;
    identities?: string[] | null;
    keywords?: string[] | null;
    time?: string | null;
  } | null;
  then?: {
    /** `{location}` stands for the location's code, e.g. `{location}-billing`. */
    queue?: string | null;
    directTo?: string | null;
    priority?: string | null;
    autoReply?: string | null;
    escalate?: boolean | null;
  } | null;
}

export interface RuleSet {
  version: number;
  rules: RoutingRule[];
  comment: string | null;
  createdBy: string | null;
  createdAt: string | null;
}

export interface DryRunQuestion {
  practiceNumber: string;
  text: string;
  from?: string;
  at?: string;
  channel?: string;
  rules?: RoutingRule[];
}

/** Where a message would go and why. Triage reasons quote the text the admin typed, nothing stored. */
export interface DryRunAnswer {
  locationCode: string;
  queue: string;
  priority: string;
  category: string | null;
  urgency: string | null;
  ruleId: string | null;
  rulesVersion: number | null;
  directedTo: string | null;
  autoReplyKind: string | null;
  alertsOnCall: boolean;
  triageReasons: string[] | null;
  reason: string;
}

export interface TemplateDraft {
  name: string;
  category: string;
  body: string;
}

/** The practice's setup for practice admins: queues and targets, outcomes, templates, routing rules and hours. */
export class AdminApi {
  constructor(private readonly api: ApiClient) {}

  queues(): Promise<QueuesSetup> {
    return this.api.request('/api/queues');
  }

  saveQueue(setup: QueueSetup): Promise<QueueSetup> {
    const { queue, updatedAt: _at, updatedBy: _by, ...body } = setup;
    return this.api.request(`/api/queues/${encodeURIComponent(queue)}`, {
      method: 'PUT', body: { queue, ...body }, notFound: 'This queue is set up at another location, or the location is not yours.',
    });
  }

  saveDefaultTargets(targets: ResponseTarget[]): Promise<unknown> {
    return this.api.request('/api/queues/default-targets', { method: 'PUT', body: { targets } });
  }

  outcomes(): Promise<Outcome[]> {
    return this.api.request('/api/outcomes?all=true');
  }

  saveOutcome(code: string, change: { label: string; position?: number; active: boolean }): Promise<Outcome> {
    return this.api.request(`/api/outcomes/${encodeURIComponent(code)}`, { method: 'PUT', body: change });
  }

  addTemplate(draft: TemplateDraft): Promise<unknown> {
    return this.api.request('/api/templates', { method: 'POST', body: draft });
  }

  /** Saves a new version of the template edited at `version`; a colleague's save in between answers 412. */
  saveTemplate(id: string, version: number, draft: TemplateDraft): Promise<unknown> {
    return this.api.request(`/api/templates/${encodeURIComponent(id)}`, {
      method: 'PUT',
      body: draft,
      headers: { 'If-Match': `"${version}"` },
      notFound: 'This template is gone.',
    });
  }

  retireTemplate(id: string): Promise<unknown> {
    return this.api.request(`/api/templates/${encodeURIComponent(id)}`, { method: 'DELETE', notFound: 'This template is gone.' });
  }

  rules(): Promise<RuleSet> {
    return this.api.request('/api/routing/rules');
  }

  /** Every saved version, newest first. */
  ruleVersions(): Promise<RuleSet[]> {
    return this.api.request('/api/routing/rules/versions');
  }

  saveRules(basedOn: number, rules: RoutingRule[], comment: string): Promise<RuleSet> {
    return this.api.request('/api/routing/rules', { method: 'PUT', body: { basedOn, rules, comment } });
  }

  dryRun(question: DryRunQuestion): Promise<DryRunAnswer> {
    return this.api.request('/api/routing/rules/dry-run', { method: 'POST', body: question });
  }

  hours(location: string): Promise<LocationHours> {
    return this.api.request(`/api/routing/locations/${encodeURIComponent(location)}/hours`, { notFound: 'This location is not known.' });
  }

  saveHours(location: string, hours: LocationHours): Promise<LocationHours> {
    return this.api.request(`/api/routing/locations/${encodeURIComponent(location)}/hours`, {
      method: 'PUT', body: hours, notFound: 'This location is not known.',
    });
  }
}
