import { describe, expect, it } from 'vitest';
import type { RoutingRule } from '../api/admin';
import { blankRule, ruleForm, ruleFrom, rulesFrom, rulesFromJson, rulesProblemWords, ruleSummary } from './ruleForms';

/** As routing-service answers a rule: every condition and action present, null when not set. */
const billing: RoutingRule = {
  id: 'billing', description: 'Billing questions go to the billing desk',
  when: { categories: ['billing'], urgencies: null, locations: ['north'], channels: null, careTeams: null, identities: null, keywords: null, time: null },
  then: { queue: '{location}-billing', directTo: null, priority: null, autoReply: null, escalate: null },
};

describe('a routing rule as a form', () => {
  it('reads every condition and action into the form and sends back only what is set', () => {
    const form = ruleForm(billing);
    expect(form).toMatchObject({ id: 'billing', categories: ['billing'], locations: ['north'], urgencies: [], time: '', queue: '{location}-billing', directTo: '', priority: '' });
    expect(ruleFrom(form)).toEqual({
      id: 'billing', description: 'Billing questions go to the billing desk',
      when: { categories: ['billing'], locations: ['north'] }, then: { queue: '{location}-billing' },
    });
  });

  it('round-trips a rule with every field, typed lists split at commas', () => {
    const full: RoutingRule = {
      id: 'all', description: 'Everything',
      when: { categories: ['refill'], urgencies: ['urgent'], locations: ['south'], channels: ['sms', 'voicemail'], careTeams: ['north-team-a', 'b'], identities: ['matched'], keywords: ['blood pressure', 'bp'], time: 'after-hours' },
      then: { queue: 'south-clinical', directTo: 'dr.lee', priority: 'low', autoReply: 'after-hours', escalate: true },
    };
    const form = ruleForm(full);
    expect(form).toMatchObject({ careTeams: 'north-team-a, b', keywords: 'blood pressure, bp', directTo: 'colleague', colleague: 'dr.lee', afterHoursReply: true, escalate: true });
    expect(ruleFrom(form)).toEqual(full);
    expect(ruleFrom({ ...form, keywords: ' bp ,, fever,', careTeams: ' ' }).when).toMatchObject({ keywords: ['bp', 'fever'] });
    expect(ruleFrom({ ...form, careTeams: ' ' }).when).not.toHaveProperty('careTeams');
  });

  it('keeps fields the form does not know, at every level, and a reply it has no box for', () => {
    const newer = {
      ...billing, owner: 'ops', when: { ...billing.when, weekdays: ['MONDAY'] }, then: { queue: 'north-billing', autoReply: 'holiday', tag: 'x' },
    } as unknown as RoutingRule;
    const form = ruleForm(newer);
    expect(form.afterHoursReply).toBe(false);
    expect(ruleFrom(form)).toEqual({
      id: 'billing', description: 'Billing questions go to the billing desk', owner: 'ops',
      when: { categories: ['billing'], locations: ['north'], weekdays: ['MONDAY'] },
      then: { queue: 'north-billing', autoReply: 'holiday', tag: 'x' },
    });
    expect(ruleFrom({ ...form, afterHoursReply: true }).then).toMatchObject({ autoReply: 'after-hours' });
  });

  it('leaves out the conditions of a rule that fits every message, and a cleared action', () => {
    const form = { ...blankRule(), description: 'All to the front desk', queue: 'north-front-desk' };
    expect(ruleFrom(form)).toEqual({ id: '', description: 'All to the front desk', then: { queue: 'north-front-desk' } });
    expect(ruleFrom({ ...ruleForm(billing), queue: ' ', directTo: 'care-team' }).then).toEqual({ directTo: 'care-team' });
  });
});

describe('the rules to send', () => {
  it('makes a code for a new rule from its description, unused by the others', () => {
    const read = rulesFrom([
      ruleForm(billing),
      { ...blankRule(), description: 'Billing!', queue: 'north-billing' },
      { ...blankRule(), description: 'Réfills at Nörth', queue: 'north-refills' },
      { ...blankRule(), description: 'Billing', priority: 'high' },
    ]);
    expect('rules' in read && read.rules.map((rule) => rule.id)).toEqual(['billing', 'billing-2', 'refills-at-north', 'billing-3']);
  });

  it('says in words what the admin must put right, naming the rule', () => {
    const ok = ruleForm(billing);
    expect(rulesFrom([ok, { ...blankRule(), queue: 'x' }])).toEqual({ problem: 'Rule 2: say in a few words what it is for, e.g. "Billing questions go to the billing desk".' });
    expect(rulesFrom([{ ...ok, queue: '' }])).toEqual({ problem: 'Rule 1 ("Billing questions go to the billing desk"): choose what happens: a queue, whom it is for, a priority, the after-hours reply or raising the priority.' });
    expect(rulesFrom([ok, { ...ok, description: 'Again' }])).toEqual({ problem: 'Rule 2 ("Again"): the rule code "billing" is already used by rule 1.' });
    expect(rulesFrom([{ ...ok, id: 'Billing Desk' }])).toEqual({ problem: 'Rule 1 ("Billing questions go to the billing desk"): the rule code may hold only lower-case letters, digits and dashes.' });
    expect(rulesFrom([{ ...ok, directTo: 'colleague', colleague: ' ' }])).toEqual({ problem: 'Rule 1 ("Billing questions go to the billing desk"): name the colleague it is for (their username).' });
    expect(rulesFrom([{ ...ok, keywords: 'x'.repeat(101) }])).toMatchObject({ problem: expect.stringContaining('at most 100 characters') });
    expect(rulesFrom([{ ...ok, description: 'd'.repeat(301) }])).toMatchObject({ problem: expect.stringContaining('longer than 300 characters') });
    expect(rulesFrom([])).toEqual({ rules: [] });
  });
});

describe('rules typed as JSON', () => {
  it('reads the rules into forms, nulls and all', () => {
    const read = rulesFromJson(JSON.stringify([billing]));
    expect('forms' in read && read.forms.map(ruleFrom)).toEqual([ruleFrom(ruleForm(billing))]);
  });

  it('says what it cannot read, and which rule', () => {
    expect(rulesFromJson('[{"id": "a",}]')).toEqual({ problem: 'The JSON cannot be read: check its commas, quotes and brackets.' });
    expect(rulesFromJson('{"id": "a"}')).toEqual({ problem: 'The JSON must be a list of rules: [ {…}, {…} ].' });
    expect(rulesFromJson('[{"id": "a"}, 3]')).toEqual({ problem: 'Rule 2 in the JSON: a rule is written {"id": …, "description": …, "when": {…}, "then": {…}}.' });
    expect(rulesFromJson('[{"when": {"categories": "billing"}}]')).toEqual({ problem: 'Rule 1 in the JSON: "when.categories" must be a list of texts, e.g. ["billing"].' });
    expect(rulesFromJson('[{"then": {"queue": 5}}]')).toEqual({ problem: 'Rule 1 in the JSON: "then.queue" must be text in quotes.' });
    expect(rulesFromJson('[{"then": {"escalate": "yes"}}]')).toEqual({ problem: 'Rule 1 in the JSON: "then.escalate" must be true or false.' });
    expect(rulesFromJson('[{"when": []}]')).toEqual({ problem: 'Rule 1 in the JSON: "when" must be {…}.' });
  });
});

describe('what a rule does, in a sentence', () => {
  it('names the clinic and its queue when the rule is for one clinic', () => {
    expect(ruleSummary(ruleForm(billing))).toBe('Billing messages at North Clinic go to North billing.');
  });

  it('says "the clinic\'s" queue when {location} stands for any of them', () => {
    expect(ruleSummary({ ...ruleForm(billing), locations: [] })).toBe("Billing messages go to the clinic's billing queue.");
    expect(ruleSummary({ ...ruleForm(billing), locations: ['north', 'south'] }))
      .toBe("Billing messages at North Clinic or South Clinic go to the clinic's billing queue.");
  });

  it('puts every condition and action into words', () => {
    const form = {
      ...blankRule(), description: 'x', urgencies: ['urgent'], categories: ['clinical-question', 'test-results', 'refill'], channels: ['sms', 'voicemail'],
      identities: ['matched'], careTeams: 'north-team-a', keywords: 'fever, chest', time: 'after-hours', queue: '{location}-clinical',
      directTo: 'primary-provider' as const, priority: 'high', escalate: true, afterHoursReply: true,
    };
    expect(ruleSummary(form)).toBe('Urgent clinical question, test results or refill messages by SMS or Voicemail from known patients '
      + 'from patients of care team north-team-a mentioning "fever" or "chest" after hours go to the clinic\'s clinical queue, '
      + "for the patient's primary provider, at high priority, one priority step higher (at most high); "
      + 'the after-hours reply is sent even when they are not routine.');
  });

  it('speaks of every message, the default queue and a rule still to finish', () => {
    expect(ruleSummary({ ...blankRule(), queue: 'south-front-desk' })).toBe('Every message goes to South front desk.');
    expect(ruleSummary({ ...blankRule(), time: 'holiday', directTo: 'colleague', colleague: 'dr.lee' })).toBe("Messages on holidays go to the clinic's default queue, for dr.lee.");
    expect(ruleSummary({ ...blankRule(), identities: ['new-contact'] })).toBe('Messages from new contacts: choose what happens to them.');
    expect(ruleSummary(blankRule())).toBe('Every message: choose what happens to it.');
  });
});

describe("the service's refusal, rule by rule", () => {
  it('names each rule and field as the form does, in the service\'s words', () => {
    const rules = [billing, { ...billing, id: 'b', description: 'Second' }];
    expect(rulesProblemWords([
      { field: 'rules[1].then.queue', problem: "'south-billing' is not a queue of location 'south' (limit the rule with when.locations, or create the queue)" },
      { field: 'rules[0].when.time', problem: 'one of [after-hours, business-hours, holiday]' },
      { field: 'rules[1].then', problem: 'at least one action' },
      { field: 'comment', problem: 'at most 500 characters' },
      { field: 'rules', problem: 'at most 200 rules' },
    ], rules)).toBe(
      `Rule 2 ("Second"), queue: 'south-billing' is not a queue of location 'south' (limit the rule with when.locations, or create the queue). `
      + 'Rule 1 ("Billing questions go to the billing desk"), time: one of [after-hours, business-hours, holiday]. '
      + 'Rule 2 ("Second"), what happens: at least one action. Why it changed: at most 500 characters. The rules: at most 200 rules.',
    );
  });
});
