// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { AdminApi, type RoutingRule, type RuleSet } from '../api/admin';
import { ApiClient } from '../api/client';
import { h } from '../ui/dom';
import { RulesSection } from './rulesSection';

/** routing-service's rules endpoints over a fake fetch: versions, basedOn, a 422 for an unknown queue, the dry run. */
class RulesServer {
  readonly asked: { method: string; url: string; body?: Record<string, unknown> }[] = [];
  current: RuleSet = { version: 3, rules: [], comment: 'Demo', createdBy: 'admin', createdAt: '2026-11-22T00:00:00Z' };
  /** The versions before the one in force, newest first. */
  earlier: RuleSet[] = [];

  client(): ApiClient {
    const send = (async (url: string, init: RequestInit) => {
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      this.asked.push({ method: String(init.method), url, body });
      if (url === '/api/routing/rules' && init.method === 'PUT') {
        if (body.basedOn !== this.current.version) {
          return json(409, { title: 'The rules changed since you loaded them', status: 409,
            detail: `You edited version ${body.basedOn} but version ${this.current.version} is in force. Load it, apply your change again and save.` });
        }
        const unknown = (body.rules as RoutingRule[]).findIndex((rule) => rule.then?.queue === 'nowhere');
        if (unknown >= 0) {
          return json(422, { title: 'Some fields are not valid', status: 422, detail: '…',
            errors: [{ field: `rules[${unknown}].then.queue`, problem: "'nowhere' is not a queue of location 'north'" }] });
        }
        this.earlier.unshift(this.current);
        this.current = { version: this.current.version + 1, rules: body.rules, comment: body.comment, createdBy: 'admin', createdAt: null };
        return json(200, this.current);
      }
      if (url === '/api/routing/rules/versions') {
        return json(200, [this.current, ...this.earlier]);
      }
      if (url === '/api/queues') {
        return json(200, { defaultTargets: [], staffAway: [], queues: ['north-front-desk', 'north-billing', 'south-billing']
          .map((queue) => ({ queue, locationCode: queue.split('-')[0], assignment: 'manual' })) });
      }
      if (url === '/api/routing/rules/dry-run') {
        const rule = (body.rules ?? this.current.rules)[0] as RoutingRule | undefined;
        return json(200, {
          locationCode: 'north', queue: rule?.then?.queue?.replace('{location}', 'north') ?? 'north-front-desk', priority: 'normal',
          category: 'billing', urgency: 'routine', ruleId: rule?.id ?? null, rulesVersion: body.rules ? null : this.current.version,
          directedTo: null, autoReplyKind: null, alertsOnCall: false, triageReasons: [], reason: 'Texted North Clinic.',
        });
      }
      return json(200, this.current);
    }) as unknown as typeof fetch;
    return new ApiClient(async () => 'token-1', '', send);
  }

  saved(): Record<string, unknown> | undefined {
    return this.asked.filter((call) => call.method === 'PUT').at(-1)?.body;
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' } });
}

const billing: RoutingRule = {
  id: 'billing', description: 'Billing questions go to the billing desk',
  when: { categories: ['billing'], urgencies: null, locations: null, channels: null, careTeams: null, identities: null, keywords: null, time: null },
  then: { queue: '{location}-billing', directTo: null, priority: null, autoReply: null, escalate: null },
};
const refills = { id: 'refills', description: 'Refill requests go to the refill queue', when: { categories: ['refill'] }, then: { queue: '{location}-refills' }, owner: 'ops' } as RoutingRule;

async function show(server: RulesServer): Promise<RulesSection> {
  const section = new RulesSection(new AdminApi(server.client()), { locations: ['north', 'south'], onProblem: () => false });
  document.body.append(h('main', {}, h('h2', {}, 'Routing rules'), section.element));
  await section.load();
  return section;
}

const cards = (section: RulesSection) => [...section.element.querySelectorAll<HTMLElement>('.rule-card')];
const titles = (section: RulesSection) => cards(section).map((card) => card.querySelector('h3')!.textContent);
const within = <T extends HTMLElement>(card: HTMLElement, selector: string) => card.querySelector<T>(selector)!;
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function tick(box: HTMLInputElement): void {
  box.checked = !box.checked;
  box.dispatchEvent(new Event('change', { bubbles: true }));
}

async function submit(form: HTMLFormElement): Promise<void> {
  form.dispatchEvent(new Event('submit', { cancelable: true }));
  await settle();
}

function button(card: HTMLElement, label: string): HTMLButtonElement {
  return [...card.querySelectorAll('button')].find((b) => b.textContent === label)!;
}

describe('the routing rules as cards', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('shows each rule in order with what it does in a sentence, and first match wins said plainly', async () => {
    const server = new RulesServer();
    server.current.rules = [billing, refills];
    const section = await show(server);
    expect(titles(section)).toEqual(['Rule 1: Billing questions go to the billing desk', 'Rule 2: Refill requests go to the refill queue']);
    expect(cards(section).map((card) => within(card, '.rule-summary').textContent)).toEqual([
      "Billing messages go to the clinic's billing queue.", "Refill messages go to the clinic's refills queue.",
    ]);
    expect(section.element.querySelector('.rules-intro')!.textContent).toContain('the first rule it fits decides where it goes');
    expect(section.element.querySelector('.admin-note')!.textContent).toBe('Version 3, saved by admin: Demo.');
    const first = cards(section)[0];
    expect(within<HTMLInputElement>(first, 'input[value="billing"][type=checkbox]').checked).toBe(true);
    expect(button(first, 'Move up').disabled).toBe(true);
    expect(button(cards(section)[1], 'Move down').disabled).toBe(true);
  });

  it("offers the queues set up at the admin's clinics, each clinic's kind of queue and those the rules name", async () => {
    const server = new RulesServer();
    server.current.rules = [billing, refills];
    const section = await show(server);
    const queue = within<HTMLInputElement>(cards(section)[0], 'input[id$="-queue"]');
    expect(queue.value).toBe('{location}-billing');
    const offered = [...section.element.querySelectorAll<HTMLOptionElement>(`datalist#${queue.getAttribute('list')} option`)];
    expect(offered.map((option) => [option.value, option.textContent])).toEqual([
      ['{location}-billing', "The clinic's billing queue"],
      ['{location}-front-desk', "The clinic's front desk queue"],
      ['north-billing', 'North billing'],
      ['north-front-desk', 'North front desk'],
      ['south-billing', 'South billing'],
      ['{location}-refills', "The clinic's refills queue"],
    ]);
  });

  it('adds, moves and removes rules, and saves them in that order based on the version shown, not on Enter in a rule', async () => {
    const server = new RulesServer();
    server.current.rules = [billing, refills];
    const section = await show(server);

    button(section.element, 'Add a rule').click();
    const added = cards(section)[2];
    expect(document.activeElement).toBe(within(added, 'input[id$="-description"]'));
    type(within(added, 'input[id$="-description"]'), 'Billing at North after hours');
    tick(within(added, 'input[id$="-categories-billing"]'));
    tick(within(added, 'input[id$="-locations-north"]'));
    tick(within(added, 'input[id$="-time-after-hours"]'));
    type(within(added, 'input[id$="-queue"]'), 'north-billing');
    expect(within(added, 'h3').textContent).toBe('Rule 3: Billing at North after hours');
    expect(within(added, '.rule-summary').textContent).toBe('Billing messages at North Clinic after hours go to North billing.');

    button(added, 'Move up').click();
    expect(titles(section)[1]).toBe('Rule 2: Billing at North after hours');
    expect(document.activeElement!.textContent).toBe('Move up');
    button(cards(section)[1], 'Move up').click();
    expect(titles(section)[0]).toBe('Rule 1: Billing at North after hours');
    expect(document.activeElement!.textContent).toBe('Move down');
    expect(section.element.querySelector('[aria-live=polite]')!.textContent).toBe('Rule 1: Billing at North after hours: moved up. Not saved yet.');
    button(cards(section)[2], 'Remove').click();
    expect(titles(section)).toEqual(['Rule 1: Billing at North after hours', 'Rule 2: Billing questions go to the billing desk']);

    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    within(cards(section)[0], 'input[id$="-keywords"]').dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
    type(section.element.querySelector<HTMLInputElement>('#rules-comment')!, 'Billing after hours at North first');
    await submit(section.element.querySelector<HTMLFormElement>('form.rules-form')!);

    expect(server.saved()).toEqual({
      basedOn: 3, comment: 'Billing after hours at North first',
      rules: [
        { id: 'billing-at-north-after-hours', description: 'Billing at North after hours', when: { categories: ['billing'], locations: ['north'], time: 'after-hours' }, then: { queue: 'north-billing' } },
        { id: 'billing', description: 'Billing questions go to the billing desk', when: { categories: ['billing'] }, then: { queue: '{location}-billing' } },
      ],
    });
    // Read back from the service: the version saved, its rules as cards.
    expect(server.asked.slice(-2).map((call) => `${call.method} ${call.url}`)).toEqual(['GET /api/routing/rules', 'GET /api/queues']);
    expect(section.element.querySelector('.admin-done')!.textContent).toBe('Saved as version 4.');
    expect(section.element.querySelector('.admin-note')!.textContent).toBe('Version 4, saved by admin: Billing after hours at North first.');
    expect(titles(section)).toEqual(['Rule 1: Billing at North after hours', 'Rule 2: Billing questions go to the billing desk']);
  });

  it('lists the versions newest first when asked, and puts an earlier one in the form to save as the newest', async () => {
    const server = new RulesServer();
    server.current.rules = [billing];
    server.earlier = [
      { version: 2, rules: [billing, refills], comment: 'Refills too', createdBy: 'admin', createdAt: '2026-11-21T10:00:00Z' },
      { version: 1, rules: [], comment: null, createdBy: null, createdAt: null },
    ];
    const section = await show(server);
    const history = section.element.querySelector<HTMLDetailsElement>('details.rules-history')!;
    expect(history.querySelector('summary')!.textContent).toBe('Earlier versions');
    expect(server.asked.some((call) => call.url.endsWith('/versions'))).toBe(false);
    history.open = true;
    history.dispatchEvent(new Event('toggle'));
    await settle();

    const items = [...history.querySelectorAll<HTMLElement>('li[data-version]')];
    expect(items.map((item) => item.dataset.version)).toEqual(['3', '2', '1']);
    expect(items[0].firstChild!.textContent).toMatch(/^Version 3 \(in force\), saved by admin, .+: 1 rule\. "Demo"$/);
    expect(items[1].firstChild!.textContent).toMatch(/^Version 2, saved by admin, .+: 2 rules\. "Refills too"$/);
    expect(items[2].firstChild!.textContent).toBe('Version 1: 0 rules');
    expect([...items[1].querySelectorAll('.rule-version-rules li')].map((li) => li.textContent)).toEqual([
      "Billing messages go to the clinic's billing queue.", "Refill messages go to the clinic's refills queue.",
    ]);
    expect(items[0].querySelector('button')).toBeNull();

    button(items[1], "Put version 2's rules in the form").click();
    expect(titles(section)).toEqual(['Rule 1: Billing questions go to the billing desk', 'Rule 2: Refill requests go to the refill queue']);
    expect(section.element.textContent).toContain("The form shows version 2's rules now. Not saved yet: saving makes them the newest version.");
    expect(server.asked.some((call) => call.method === 'PUT')).toBe(false);
    await submit(section.element.querySelector<HTMLFormElement>('form.rules-form')!);
    expect(server.saved()).toMatchObject({ basedOn: 3, rules: [{ id: 'billing' }, { id: 'refills', owner: 'ops' }] });
    expect(server.current.version).toBe(4);
  });

  it('says in words when a colleague saved meanwhile, saves nothing, and shows their version on request', async () => {
    const server = new RulesServer();
    server.current.rules = [billing];
    const section = await show(server);
    server.current = { ...server.current, version: 4, rules: [billing, refills], comment: 'Refills too' };
    tick(within(cards(section)[0], 'input[id$="-channels-sms"]'));
    await submit(section.element.querySelector<HTMLFormElement>('form.rules-form')!);

    const error = section.element.querySelector('.rules-form > .admin-error')!;
    expect(error.textContent).toContain('This could not be done: You edited version 3 but version 4 is in force.');
    expect(server.current.version).toBe(4);
    error.querySelector('button')!.click();
    await settle();
    expect(section.element.querySelector('.admin-note')!.textContent).toBe('Version 4, saved by admin: Refills too.');
    expect(titles(section)).toHaveLength(2);
  });

  it('names the rule and field the service refused, and checks what it can before asking', async () => {
    const server = new RulesServer();
    server.current.rules = [billing];
    const section = await show(server);
    const form = section.element.querySelector<HTMLFormElement>('form.rules-form')!;
    const error = form.querySelector(':scope > .admin-error')!;

    type(within(cards(section)[0], 'input[id$="-description"]'), ' ');
    await submit(form);
    expect(error.textContent).toBe('Rule 1: say in a few words what it is for, e.g. "Billing questions go to the billing desk".');
    expect(server.saved()).toBeUndefined();

    type(within(cards(section)[0], 'input[id$="-description"]'), 'Billing');
    type(within(cards(section)[0], 'input[id$="-queue"]'), 'nowhere');
    await submit(form);
    expect(error.textContent).toBe(`That did not go through: Rule 1 ("Billing"), queue: 'nowhere' is not a queue of location 'north'.`);
    expect(server.current.version).toBe(3);
  });

  it('keeps the JSON in step with the form, puts typed JSON into the form, and loses no field it does not know', async () => {
    const server = new RulesServer();
    server.current.rules = [refills];
    const section = await show(server);
    const details = section.element.querySelector('details')!;
    const text = section.element.querySelector<HTMLTextAreaElement>('#rules-json')!;
    details.open = true;
    expect(JSON.parse(text.value)).toEqual([refills]);

    tick(within(cards(section)[0], 'input[id$="-urgencies-urgent"]'));
    expect(JSON.parse(text.value)[0].when).toEqual({ categories: ['refill'], urgencies: ['urgent'] });

    text.value = JSON.stringify([{ ...refills, description: 'Refills, from the JSON' }, billing]);
    await submit(section.element.querySelector<HTMLFormElement>('form.rules-form')!);
    expect(section.element.querySelector('.rules-form > .admin-error')!.textContent).toContain('"Use this JSON"');
    expect(server.saved()).toBeUndefined();

    [...details.querySelectorAll('button')].find((b) => b.textContent === 'Use this JSON')!.click();
    expect(titles(section)).toEqual(['Rule 1: Refills, from the JSON', 'Rule 2: Billing questions go to the billing desk']);
    await submit(section.element.querySelector<HTMLFormElement>('form.rules-form')!);
    expect((server.saved()!.rules as RoutingRule[])[0]).toEqual({ ...refills, description: 'Refills, from the JSON' });

    details.open = true;
    text.value = '[{"when": {"categories": "billing"}}]';
    [...details.querySelectorAll('button')].find((b) => b.textContent === 'Use this JSON')!.click();
    expect(details.querySelector('.admin-error')!.textContent).toBe('Rule 1 in the JSON: "when.categories" must be a list of texts, e.g. ["billing"].');
  });

  it('tries the rules being edited in the dry run', async () => {
    const server = new RulesServer();
    server.current.rules = [billing];
    const section = await show(server);
    type(within(cards(section)[0], 'input[id$="-queue"]'), 'north-front-desk');
    (section.element.querySelector<HTMLInputElement>('#dry-run-number')!).value = '15550001001';
    (section.element.querySelector<HTMLTextAreaElement>('#dry-run-text')!).value = 'I was charged twice';
    section.element.querySelector<HTMLInputElement>('#dry-run-draft')!.checked = true;
    await submit(section.element.querySelector<HTMLFormElement>('form[aria-label="Dry run"]')!);
    const asked = server.asked.at(-1)!;
    expect(asked.url).toBe('/api/routing/rules/dry-run');
    expect(asked.body).toMatchObject({ practiceNumber: '15550001001', rules: [{ id: 'billing', then: { queue: 'north-front-desk' } }] });
    expect(section.element.querySelector('.dry-run-answer')!.textContent).toContain('North front desk (north)');
    expect(section.element.querySelector('.dry-run-answer')!.textContent).toContain('billing (version draft)');
  });

  it('has labelled fields, groups with legends and no axe violations', async () => {
    const server = new RulesServer();
    server.current.rules = [billing, refills];
    const section = await show(server);
    section.element.querySelector('details')!.open = true;
    const axe = (await import('axe-core')).default;
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
