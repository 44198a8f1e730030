import { describe, expect, it } from 'vitest';
import type { ConversationDetail } from '../api/conversations';
import { emergencyNotice, routingFacts, ruleText, triageReasons } from './whyHere';

const time = (iso: string) => `[${iso}]`;

function detail(overrides: Partial<ConversationDetail> = {}): ConversationDetail {
  return {
    id: 'c1',
    locationCode: 'north',
    queue: 'north-front-desk',
    channel: 'sms',
    status: 'unassigned',
    assignee: null,
    outcome: null,
    snoozedUntil: null,
    escalation: null,
    version: 1,
    patient: { address: '+15550100001' },
    lastMessageAt: '2026-11-22T09:00:00Z',
    messages: [],
    category: 'clinical-question',
    urgency: 'emergency',
    priority: 'critical',
    identity: 'review',
    patientId: null,
    directedTo: 'team:care-a',
    clockStartedAt: '2026-11-22T09:00:00Z',
    alertedAt: '2026-11-22T09:00:05Z',
    onCallStaff: 'nurse',
    routing: {
      reason: 'Rule emergencies (rules v3) matched: emergencies go to the nurses.',
      ruleId: 'emergencies',
      rulesVersion: 3,
      category: 'clinical-question',
      urgency: 'emergency',
      priority: 'critical',
      triageReasons: ['Safety rule chest-pain (v1): "chest pain"', '  ', 'Model: clinical-question (0.91)'],
      directedTo: 'team:care-a',
      identity: 'review',
      autoReplyKind: 'safety',
    },
    ...overrides,
  };
}

describe('why is this here', () => {
  it('lists routing\'s reason, the rule and its version, triage, whom it is for, the sender and the automatic reply', () => {
    expect(routingFacts(detail(), time)).toEqual([
      { label: 'Routing', value: 'Rule emergencies (rules v3) matched: emergencies go to the nurses.' },
      { label: 'Rule', value: 'emergencies (rules version 3)' },
      { label: 'Category', value: 'Clinical question' },
      { label: 'Urgency', value: 'Emergency' },
      { label: 'Priority', value: 'Critical' },
      { label: 'Directed to', value: 'Care a team' },
      {
        label: 'Sender',
        value: 'Needs identity check: several patients share this number or address. Confirm who wrote under Identity review.',
      },
      { label: 'Automatic reply', value: 'Safety reply sent: the patient was told to call 911 (or 988).' },
      { label: 'On call', value: 'On-call nurse was alerted at [2026-11-22T09:00:05Z].' },
    ]);
  });

  it('names the location default, draft rules and a decision from before triage plainly', () => {
    expect(ruleText({ ruleId: null, rulesVersion: 4 })).toBe("No rule matched: the location's default (rules version 4)");
    expect(ruleText({ ruleId: 'billing', rulesVersion: 0 })).toBe('billing (draft rules)');
    const beforeTriage = detail({
      category: null,
      urgency: null,
      priority: 'normal',
      identity: null,
      directedTo: null,
      alertedAt: null,
      onCallStaff: null,
      routing: null,
    });
    expect(routingFacts(beforeTriage, time)).toEqual([
      { label: 'Routing', value: 'No reason recorded.' },
      { label: 'Rule', value: 'None recorded' },
      { label: 'Category', value: 'Not triaged (routed before triage)' },
      { label: 'Urgency', value: 'Not triaged (routed before triage)' },
      { label: 'Priority', value: 'Normal priority' },
      { label: 'Directed to', value: 'The whole queue' },
      { label: 'Sender', value: 'Not checked' },
      { label: 'Automatic reply', value: 'None' },
    ]);
    expect(triageReasons(beforeTriage)).toEqual([]);
    expect(emergencyNotice(beforeTriage, time)).toBeNull();
  });

  it('keeps the triage reasons as they are, leaving out empty ones', () => {
    expect(triageReasons(detail())).toEqual(['Safety rule chest-pain (v1): "chest pain"', 'Model: clinical-question (0.91)']);
  });

  it('puts an emergency, its safety reply and the on-call alert in the banner, and nothing for a routine message', () => {
    expect(emergencyNotice(detail(), time)).toBe(
      "Emergency: the patient's latest message may describe an emergency. Act on it now. " +
        'CareThread already told them to call 911 (or 988). On-call nurse was alerted at [2026-11-22T09:00:05Z].',
    );
    expect(emergencyNotice(detail({ alertedAt: null }), time)).not.toContain('alerted');
    // Still critical after the patient's routine "thank you", but the latest message is no emergency.
    expect(emergencyNotice(detail({ urgency: 'routine', routing: { ...detail().routing!, urgency: 'routine' } }), time)).toBeNull();
  });
});
