// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { QueueCount } from '../api/conversations';
import { QueueList } from './queueList';

const queues: QueueCount[] = [
  { queue: 'north-front-desk', locationCode: 'north', open: 3, unassigned: 1, urgent: 0, overdue: 0 },
  { queue: 'north-billing', locationCode: 'north', open: 1, unassigned: 1, urgent: 0, overdue: 0 },
];

describe('the queue list', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('keeps keyboard focus on the same button when it is chosen and when the counts are read again', () => {
    const chosen: string[] = [];
    const list = new QueueList('', (queue) => chosen.push(queue));
    document.body.append(list.element);
    list.show(queues);

    const billing = () => list.element.querySelector<HTMLButtonElement>('[data-queue="north-billing"]')!;
    billing().focus();
    billing().click();
    expect(chosen).toEqual(['north-billing']);
    expect(billing().getAttribute('aria-pressed')).toBe('true');
    expect(document.activeElement).toBe(billing());

    list.show(queues.map((q) => ({ ...q, open: q.open + 1 })));
    expect(document.activeElement).toBe(billing());

    const all = () => list.element.querySelector<HTMLButtonElement>('button:not([data-queue])')!;
    all().focus();
    all().click();
    expect(chosen).toEqual(['north-billing', '']);
    expect(document.activeElement).toBe(all());
  });
});
