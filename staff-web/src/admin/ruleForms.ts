import type { RoutingRule } from '../api/admin';
import { CATEGORY_FILTERS, IDENTITY_LABELS, PRIORITY_LABELS, URGENCY_LABELS, categoryLabel, identityLabel, priorityLabel, urgencyLabel } from '../triage/labels';
import { channelName, codeInWords, locationName, queueName } from '../ui/format';

/**
 * Routing rules (routing-service's `RoutingRule`) as the Setup form holds them, and back; what each one does in a
 * sentence; what cannot be sent, in words. Pure, so the cards only draw and read.
 */

/** The codes routing-service accepts for each closed condition, with the words the app already uses for them. */
export const CATEGORY_CHOICES: [string, string][] = CATEGORY_FILTERS.filter((f) => f.value).map((f) => [f.value, f.label]);
/** Emergencies never reach the rules: a safety rule routes them first. */
export const URGENCY_CHOICES: [string, string][] = (['urgent', 'routine'] as const).map((u) => [u, URGENCY_LABELS[u]]);
export const CHANNEL_CHOICES: [string, string][] = ['sms', 'email', 'voicemail'].map((c) => [c, channelName(c)]);
/** "review" never reaches the rules: staff confirm who wrote first. */
export const IDENTITY_CHOICES: [string, string][] = (['matched', 'new-contact'] as const).map((i) => [i, IDENTITY_LABELS[i]]);
export const TIME_CHOICES: [string, string][] = [
  ['', 'Any time'],
  ['business-hours', 'During opening hours'],
  ['after-hours', 'After hours (closed for the night or the weekend)'],
  ['holiday', 'On a holiday'],
];
/** Critical is kept for emergencies. */
export const PRIORITY_CHOICES: [string, string][] = [
  ['', 'As its urgency gives (urgent: high, otherwise normal)'],
  ...(['high', 'normal', 'low'] as const).map((p): [string, string] => [p, PRIORITY_LABELS[p]]),
];
export const DIRECT_TO_CHOICES: [RuleForm['directTo'], string][] = [
  ['', 'Nobody in particular (whoever works the queue)'],
  ['primary-provider', "The patient's primary provider"],
  ['care-team', "The patient's care team"],
  ['colleague', 'A colleague'],
];

/** One rule as the form holds it. Lists are the ticked codes; care teams and words are typed, comma-separated. */
export interface RuleForm {
  /** '' for a rule not saved yet: a code is made from its description. */
  id: string;
  description: string;
  categories: string[];
  urgencies: string[];
  locations: string[];
  channels: string[];
  identities: string[];
  /** '' is any time. */
  time: string;
  careTeams: string;
  keywords: string;
  queue: string;
  directTo: '' | 'primary-provider' | 'care-team' | 'colleague';
  colleague: string;
  /** '' is what the urgency gives. */
  priority: string;
  afterHoursReply: boolean;
  escalate: boolean;
  /** What the form does not show (fields of a newer service, say), sent back as they came. */
  kept: { rule: Record<string, unknown>; when: Record<string, unknown>; then: Record<string, unknown> };
}

const LISTS = ['categories', 'urgencies', 'locations', 'channels', 'careTeams', 'identities', 'keywords'] as const;
const WHEN_FIELDS: string[] = [...LISTS, 'time'];
const THEN_FIELDS = ['queue', 'directTo', 'priority', 'autoReply', 'escalate'];
const RULE_FIELDS = ['id', 'description', 'when', 'then'];
const RULE_CODE = /^[a-z0-9][a-z0-9-]{0,99}$/;

export function blankRule(): RuleForm {
  return {
    id: '', description: '', categories: [], urgencies: [], locations: [], channels: [], identities: [], time: '',
    careTeams: '', keywords: '', queue: '', directTo: '', colleague: '', priority: '', afterHoursReply: false,
    escalate: false, kept: { rule: {}, when: {}, then: {} },
  };
}

/** The form of a rule as the service answers it (absent conditions and actions are null there). */
export function ruleForm(rule: RoutingRule): RuleForm {
  const when = rule.when ?? {};
  const then = rule.then ?? {};
  const directTo = then.directTo ?? '';
  const form: RuleForm = {
    id: rule.id ?? '',
    description: rule.description ?? '',
    categories: when.categories ?? [],
    urgencies: when.urgencies ?? [],
    locations: when.locations ?? [],
    channels: when.channels ?? [],
    identities: when.identities ?? [],
    time: when.time ?? '',
    careTeams: (when.careTeams ?? []).join(', '),
    keywords: (when.keywords ?? []).join(', '),
    queue: then.queue ?? '',
    directTo: directTo === '' || directTo === 'primary-provider' || directTo === 'care-team' ? directTo : 'colleague',
    colleague: directTo === 'primary-provider' || directTo === 'care-team' ? '' : directTo,
    priority: then.priority ?? '',
    afterHoursReply: then.autoReply === 'after-hours',
    escalate: then.escalate === true,
    kept: { rule: others(rule, RULE_FIELDS), when: others(when, WHEN_FIELDS), then: others(then, THEN_FIELDS) },
  };
  // A reply the form has no box for stays as it was, for the service to judge.
  if (then.autoReply != null && then.autoReply !== 'after-hours') {
    form.kept.then.autoReply = then.autoReply;
  }
  return form;
}

function others(object: object, known: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([name]) => !known.includes(name)));
}

/** The rule to send: only what is set, and whatever the form did not show. */
export function ruleFrom(form: RuleForm): RoutingRule {
  const when: Record<string, unknown> = { ...form.kept.when };
  for (const list of LISTS) {
    const values = list === 'careTeams' || list === 'keywords' ? commaList(form[list]) : form[list];
    if (values.length) {
      when[list] = values;
    }
  }
  if (form.time) {
    when.time = form.time;
  }
  const then: Record<string, unknown> = { ...form.kept.then };
  const directTo = form.directTo === 'colleague' ? form.colleague.trim() : form.directTo;
  const actions: [string, unknown][] = [
    ['queue', form.queue.trim()], ['directTo', directTo], ['priority', form.priority],
    ['autoReply', form.afterHoursReply ? 'after-hours' : ''], ['escalate', form.escalate],
  ];
  for (const [name, value] of actions) {
    if (value) {
      then[name] = value;
    }
  }
  return {
    id: form.id.trim(),
    description: form.description.trim(),
    ...(Object.keys(when).length ? { when } : {}),
    then,
    ...form.kept.rule,
  } as RoutingRule;
}

function commaList(typed: string): string[] {
  return typed.split(',').map((value) => value.trim()).filter(Boolean);
}

/**
 * The rules to send, in order, or the first thing the admin must put right, in words. Only what the form can tell
 * is caught here (a missing description, no action, a code used twice); the service checks the rest (queues that
 * exist, usernames) and its refusal is shown rule by rule.
 */
export function rulesFrom(forms: RuleForm[]): { rules: RoutingRule[] } | { problem: string } {
  const rules = forms.map(ruleFrom);
  const taken = new Set(rules.map((rule) => rule.id).filter(Boolean));
  for (const [index, rule] of rules.entries()) {
    const which = ruleName(index, rule);
    if (!rule.description) {
      return { problem: `${which}: say in a few words what it is for, e.g. "Billing questions go to the billing desk".` };
    }
    if (rule.description.length > 300) {
      return { problem: `${which}: the description is longer than 300 characters.` };
    }
    if (rule.id && !RULE_CODE.test(rule.id)) {
      return { problem: `${which}: the rule code may hold only lower-case letters, digits and dashes.` };
    }
    const earlier = rules.findIndex((other) => other.id && other.id === rule.id);
    if (rule.id && earlier < index) {
      return { problem: `${which}: the rule code "${rule.id}" is already used by rule ${earlier + 1}.` };
    }
    if (forms[index].directTo === 'colleague' && !forms[index].colleague.trim()) {
      return { problem: `${which}: name the colleague it is for (their username).` };
    }
    if (commaList(forms[index].keywords).some((word) => word.length > 100)) {
      return { problem: `${which}: each word or phrase to look for is at most 100 characters.` };
    }
    if (!Object.keys(rule.then ?? {}).length) {
      return { problem: `${which}: choose what happens: a queue, whom it is for, a priority, the after-hours reply or raising the priority.` };
    }
    if (!rule.id) {
      rule.id = freeCode(rule.description, taken);
      taken.add(rule.id);
    }
  }
  return { rules };
}

/** A code from the description, e.g. "Billing at North" → billing-at-north, unused by the other rules. */
function freeCode(description: string, taken: Set<string>): string {
  const base = description.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').slice(0, 40).replace(/^-+|-+$/g, '') || 'rule';
  let code = base;
  for (let n = 2; taken.has(code); n++) {
    code = `${base}-${n}`;
  }
  return code;
}

function ruleName(index: number, rule: { description?: string | null }): string {
  const description = rule.description?.trim();
  return description ? `Rule ${index + 1} ("${description}")` : `Rule ${index + 1}`;
}

/** Each rule in a JSON text pasted or typed by an admin, as a form; or what in it the form cannot hold, in words. */
export function rulesFromJson(text: string): { forms: RuleForm[] } | { problem: string } {
  let rules: unknown;
  try {
    rules = JSON.parse(text);
  } catch {
    return { problem: 'The JSON cannot be read: check its commas, quotes and brackets.' };
  }
  if (!Array.isArray(rules)) {
    return { problem: 'The JSON must be a list of rules: [ {…}, {…} ].' };
  }
  for (const [index, rule] of rules.entries()) {
    const wrong = shapeProblem(rule);
    if (wrong) {
      return { problem: `Rule ${index + 1} in the JSON: ${wrong}` };
    }
  }
  return { forms: (rules as RoutingRule[]).map(ruleForm) };
}

function shapeProblem(rule: unknown): string | undefined {
  if (!isObject(rule)) {
    return 'a rule is written {"id": …, "description": …, "when": {…}, "then": {…}}.';
  }
  for (const name of ['id', 'description']) {
    if (rule[name] != null && typeof rule[name] !== 'string') {
      return `"${name}" must be text in quotes.`;
    }
  }
  for (const part of ['when', 'then'] as const) {
    if (rule[part] != null && !isObject(rule[part])) {
      return `"${part}" must be {…}.`;
    }
  }
  const when = (rule.when ?? {}) as Record<string, unknown>;
  const then = (rule.then ?? {}) as Record<string, unknown>;
  for (const list of LISTS) {
    const value = when[list];
    if (value != null && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
      return `"when.${list}" must be a list of texts, e.g. ["${list === 'keywords' ? 'insurance' : 'billing'}"].`;
    }
  }
  const texts: [string, unknown][] = [['when.time', when.time], ...['queue', 'directTo', 'priority', 'autoReply'].map((n): [string, unknown] => [`then.${n}`, then[n]])];
  for (const [name, value] of texts) {
    if (value != null && typeof value !== 'string') {
      return `"${name}" must be text in quotes.`;
    }
  }
  if (then.escalate != null && typeof then.escalate !== 'boolean') {
    return '"then.escalate" must be true or false.';
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a rule does, in one sentence: "Billing messages at North Clinic go to North billing." */
export function ruleSummary(form: RuleForm): string {
  const kinds = [or(form.urgencies.map((u) => urgencyLabel(u)!.toLowerCase())), or(form.categories.map((c) => categoryLabel(c)!.toLowerCase()))]
    .filter(Boolean).join(' ');
  const teams = commaList(form.careTeams);
  const words = commaList(form.keywords);
  const conditions = [
    form.channels.length ? `by ${or(form.channels.map(channelName))}` : '',
    form.identities.length ? `from ${or(form.identities.map((i) => (i === 'matched' ? 'known patients' : i === 'new-contact' ? 'new contacts' : identityLabel(i)!)))}` : '',
    teams.length ? `from patients of care team ${or(teams)}` : '',
    words.length ? `mentioning ${or(words.map((w) => `"${w}"`))}` : '',
    form.locations.length ? `at ${or(form.locations.map(locationName))}` : '',
    form.time ? TIME_WORDS[form.time] ?? `at time "${form.time}"` : '',
  ].filter(Boolean);
  const every = !kinds && !conditions.length;
  const subject = every ? 'Every message' : [kinds ? `${capital(kinds)} messages` : 'Messages', ...conditions].join(' ');
  const directTo = form.directTo === 'colleague' ? form.colleague.trim() : form.directTo;
  const how = [
    directTo ? `for ${directTo === 'primary-provider' ? "the patient's primary provider" : directTo === 'care-team' ? "the patient's care team" : directTo}` : '',
    form.priority ? `at ${priorityLabel(form.priority).toLowerCase()}` : '',
    form.escalate ? 'one priority step higher (at most high)' : '',
  ].filter(Boolean);
  const reply = form.afterHoursReply ? '; the after-hours reply is sent even when they are not routine' : '';
  const queue = form.queue.trim();
  if (!queue && !how.length && !reply) {
    return `${subject}: choose what happens to ${every ? 'it' : 'them'}.`;
  }
  const go = `${every ? 'goes' : 'go'} to ${queue ? queueWords(queue, form.locations) : "the clinic's default queue"}`;
  return `${subject} ${[go, ...how].join(', ')}${reply}.`;
}

const TIME_WORDS: Record<string, string> = {
  'business-hours': 'during opening hours',
  'after-hours': 'after hours',
  holiday: 'on holidays',
};

/**
 * The queues offered for a rule (another can still be typed): each clinic's kind of queue as `{location}-…`, the
 * clinic written to, then every queue set up at the admin's clinics, then any other a rule names now.
 */
export function queueChoices(setUp: string[], named: string[], locations: string[]): [string, string][] {
  const kinds = setUp.flatMap((queue) => locations.filter((l) => queue.startsWith(`${l}-`))
    .map((l) => `{location}${queue.slice(l.length)}`));
  const codes = new Set([...[...new Set(kinds)].sort(), ...[...setUp].sort(), ...named.filter(Boolean)]);
  return [...codes].map((code): [string, string] => [code, capital(queueWords(code, []))]);
}

/** `{location}` stands for the clinic written to: named when the rule is for one clinic only. */
function queueWords(queue: string, locations: string[]): string {
  if (!queue.includes('{location}')) {
    return queueName(queue);
  }
  if (locations.length === 1) {
    return queueName(queue.replaceAll('{location}', locations[0]));
  }
  const rest = queue.replaceAll('{location}', '').replace(/^[-_]+|[-_]+$/g, '');
  return rest ? `the clinic's ${codeInWords(rest).toLowerCase()} queue` : "the clinic's own queue";
}

function or(values: string[]): string {
  return values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values.at(-1)}` : values[0] ?? '';
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const TOP_FIELD_WORDS: Record<string, string> = { comment: 'Why it changed', rules: 'The rules' };
const FIELD_WORDS: Record<string, string> = {
  id: 'rule code', description: 'description', 'when.categories': 'category', 'when.urgencies': 'urgency',
  'when.locations': 'clinic', 'when.channels': 'channel', 'when.careTeams': 'care teams', 'when.identities': 'sender',
  'when.keywords': 'words to look for', 'when.time': 'time', then: 'what happens', 'then.queue': 'queue',
  'then.directTo': 'for whom', 'then.priority': 'priority', 'then.autoReply': 'after-hours reply',
  'then.escalate': 'raise the priority',
};

/**
 * The service's field-by-field refusal (`errors` of a 422) with each field named as the form names it, e.g.
 * `rules[1].then.queue` as Rule 2 ("Billing…"), queue. The service's own words follow.
 */
export function rulesProblemWords(errors: { field: string; problem: string }[], rules: RoutingRule[]): string {
  return errors.map(({ field, problem }) => {
    const match = /^rules\[(\d+)\](?:\.(.+))?$/.exec(field);
    const sentence = problem.endsWith('.') ? problem : `${problem}.`;
    if (!match) {
      return `${TOP_FIELD_WORDS[field] ?? field}: ${sentence}`;
    }
    const index = Number(match[1]);
    const which = ruleName(index, rules[index] ?? {});
    return `${which}${match[2] ? `, ${FIELD_WORDS[match[2]] ?? match[2]}` : ''}: ${sentence}`;
  }).join(' ');
}
