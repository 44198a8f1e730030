import type { QueueCount } from '../api/conversations';
import { h } from '../ui/dom';
import { locationName, queueName } from '../ui/format';

/** What waits in a queue, in words: "3 open, 1 unassigned, 1 urgent, 1 past target"; the zero parts left out. */
export function queueLoad(queue: QueueCount): string {
  const parts = [`${queue.open} open`];
  if (queue.unassigned) {
    parts.push(`${queue.unassigned} unassigned`);
  }
  if (queue.urgent) {
    parts.push(`${queue.urgent} urgent`);
  }
  if (queue.overdue) {
    parts.push(`${queue.overdue} past target`);
  }
  return parts.join(', ');
}

/** A queue's name, with its location when the person works at several. */
export function queueLabel(queue: Pick<QueueCount, 'queue' | 'locationCode'>, all: Pick<QueueCount, 'locationCode'>[]): string {
  const several = all.some((q) => q.locationCode !== queue.locationCode);
  return several ? `${locationName(queue.locationCode)} · ${queueName(queue.queue)}` : queueName(queue.queue);
}

/**
 * The queues the person may see, each with what waits there; choosing one narrows the inbox to it, choosing it
 * again (or "All queues") shows every queue. Toggle buttons, like the views: the same list asked differently.
 */
export class QueueList {
  readonly element: HTMLElement;
  private readonly list = h('ul', { role: 'list' });
  private queues: QueueCount[] = [];

  constructor(
    private chosen: string,
    private readonly onChoose: (queue: string) => void,
  ) {
    this.element = h('nav', { class: 'inbox-queues', 'aria-label': 'Queues' }, this.list);
  }

  get queue(): string {
    return this.chosen;
  }

  show(queues: QueueCount[]): void {
    this.queues = queues;
    const all = this.button('', 'All queues', null);
    this.list.replaceChildren(
      h('li', {}, all),
      ...queues.map((q) => h('li', {}, this.button(q.queue, queueLabel(q, queues), q))),
    );
  }

  private button(code: string, label: string, load: QueueCount | null): HTMLButtonElement {
    const button = h(
      'button',
      { type: 'button', class: `queue${load?.urgent ? ' has-urgent' : ''}`, 'aria-pressed': String(this.chosen === code), 'data-queue': code || undefined },
      h('span', { class: 'queue-name' }, label),
      load ? h('span', { class: 'queue-load' }, h('span', { class: 'visually-hidden' }, ': '), queueLoad(load)) : null,
    );
    button.addEventListener('click', () => {
      this.chosen = this.chosen === code ? '' : code;
      this.show(this.queues);
      this.onChoose(this.chosen);
    });
    return button;
  }
}
