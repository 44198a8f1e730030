// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueueCount, SearchCriteria } from '../api/conversations';
import { ApiProblem } from '../api/problems';
import { SearchBox } from './searchBox';

const queues: QueueCount[] = [
  { queue: 'north-front-desk', locationCode: 'north', open: 3, unassigned: 1, urgent: 0, overdue: 0 },
  { queue: 'north-billing', locationCode: 'north', open: 1, unassigned: 1, urgent: 0, overdue: 0 },
];

describe('the search box with more filters', () => {
  let asked: SearchCriteria[];
  let cleared: number;
  let refuse: unknown;
  let box: SearchBox;

  const field = <T extends HTMLElement>(selector: string) => box.element.querySelector<T>(selector)!;
  const button = (name: string) => [...box.element.querySelectorAll('button')].find((b) => b.textContent === name)!;
  const choose = (selector: string, value: string) => {
    const control = field<HTMLInputElement | HTMLSelectElement>(selector);
    control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const search = async () => {
    button('Search with these filters').click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };

  beforeEach(() => {
    asked = [];
    cleared = 0;
    refuse = undefined;
    box = new SearchBox('frontdesk.north', {
      search: async (criteria) => {
        asked.push(criteria);
        if (refuse) {
          throw refuse;
        }
        return true;
      },
      clear: () => { cleared++; },
    });
    box.showQueues(queues);
    document.body.append(page(box.element));
  });

  afterEach(() => {
    document.body.replaceChildren();
  });

  it('searches by status, owner (me), queue from the queue list, category, priority and days, with nothing typed', async () => {
    const before = window.location.href;
    field<HTMLDetailsElement>('details').open = true;
    expect([...field<HTMLSelectElement>('#search-queue').options].map((o) => o.textContent))
      .toEqual(['All queues', 'North front desk', 'North billing']);
    field<HTMLInputElement>('#search-status-resolved').click();
    field<HTMLInputElement>('#search-status-snoozed').click();
    button('Me').click();
    choose('#search-queue', 'north-billing');
    choose('#search-category', 'billing');
    choose('#search-priority', 'high');
    choose('#search-from', '2026-11-02');
    choose('#search-to', '2026-11-09');
    await search();

    expect(asked).toHaveLength(1);
    expect(asked[0]).toEqual({
      status: ['snoozed', 'resolved'], assignee: 'frontdesk.north', queue: 'north-billing', category: 'billing',
      priority: 'high', from: expect.stringMatching(/^2026-11-02T00:00:00[+-]\d\d:\d\d$/),
      to: expect.stringMatching(/^2026-11-09T00:00:00[+-]\d\d:\d\d$/), limit: 50,
    });
    expect(button('Clear search').hidden).toBe(false);
    // Nothing of the search in the address or the browser's storage.
    expect(window.location.href).toBe(before);
    expect([localStorage.length, sessionStorage.length, document.cookie]).toEqual([0, 0, '']);
  });

  it('keeps the chosen queue when the queue list is asked for again', () => {
    choose('#search-queue', 'north-billing');
    box.showQueues([...queues].reverse());
    expect(field<HTMLSelectElement>('#search-queue').value).toBe('north-billing');
  });

  it('refuses a period that does not start before it ends in words, asking nothing', async () => {
    field<HTMLInputElement>('#search-status-resolved').click();
    choose('#search-from', '2026-11-09');
    choose('#search-to', '2026-11-02');
    await search();
    expect(asked).toEqual([]);
    expect(field('.search-error').textContent).toBe('"From" must be before "To".');
    expect(field('.search-error').getAttribute('role')).toBe('alert');
  });

  it('asks for something to search by when nothing is entered', async () => {
    button('Search').click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toEqual([]);
    expect(field('.search-error').textContent).toMatch(/^Type words from the messages/);
  });

  it("says the service's refusal in words", async () => {
    refuse = new ApiProblem(400, "That did not go through: 'assignee' must be a colleague's username or user id.");
    choose('#search-owner', 'front desk');
    await search();
    expect(asked[0]).toEqual({ assignee: 'front desk', limit: 50 });
    expect(field('.search-error').textContent).toBe("That did not go through: 'assignee' must be a colleague's username or user id.");
  });

  it('Clear resets the box and every filter, and puts the results away', async () => {
    expect(button('Clear search').hidden).toBe(true);
    choose('#inbox-search', 'refill');
    expect(button('Clear search').hidden).toBe(false);
    field<HTMLInputElement>('#search-status-assigned').click();
    choose('#search-owner', 'nurse');
    choose('#search-queue', 'north-front-desk');
    choose('#search-category', 'refill');
    choose('#search-priority', 'low');
    choose('#search-from', '2026-11-02');
    await search();
    expect(asked).toHaveLength(1);

    button('Clear search').click();
    expect(cleared).toBe(1);
    const values = ['#inbox-search', '#search-owner', '#search-queue', '#search-category', '#search-priority', '#search-from', '#search-to']
      .map((selector) => field<HTMLInputElement>(selector).value);
    expect(values).toEqual(['', '', '', '', '', '', '']);
    expect([...box.element.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].some((b) => b.checked)).toBe(false);
    expect(button('Clear search').hidden).toBe(true);
    expect(document.activeElement).toBe(field('#inbox-search'));
  });

  it('has no axe violations with the filters open', async () => {
    field<HTMLDetailsElement>('details').open = true;
    const axe = (await import('axe-core')).default;
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});

/** The box in a page's main landmark under its heading, as the inbox has it. */
function page(form: HTMLElement): HTMLElement {
  const main = document.createElement('main');
  const heading = document.createElement('h1');
  heading.textContent = 'Inbox';
  main.append(heading, form);
  return main;
}
