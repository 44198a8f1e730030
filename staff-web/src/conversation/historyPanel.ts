import type { Change } from '../api/conversations';
import { ApiProblem } from '../api/problems';
import { h } from '../ui/dom';
import { when } from '../ui/format';
import { changeWords } from './historyWords';

/**
 * The conversation's history behind a disclosure, closed by default. Reading it is audited (reasons are free text),
 * so it is read each time the person opens it, never with the conversation.
 */
export class HistoryPanel {
  readonly element: HTMLDetailsElement;
  private readonly body = h('div', { class: 'history-body' });

  constructor(private readonly read: () => Promise<Change[]>, private readonly signsOut: (e: unknown) => boolean) {
    this.element = h('details', { class: 'why history' }, h('summary', {}, 'History'), this.body);
    this.element.addEventListener('toggle', () => {
      if (this.element.open) {
        void this.load();
      }
    });
  }

  private async load(): Promise<void> {
    this.body.replaceChildren(h('p', { class: 'why-none' }, 'Reading the history…'));
    try {
      const changes = await this.read();
      this.body.replaceChildren(changes.length
        ? h('ol', { class: 'history-list' }, ...changes.map((change) => h('li', {},
          h('time', { datetime: change.at }, when(change.at)), ' ', changeWords(change),
          // A handoff's or escalation's reason may quote the patient: a text node, like messages.
          change.reason ? h('span', { class: 'history-reason' }, ` Reason: ${change.reason}`) : null)))
        : h('p', { class: 'why-none' }, 'Nothing has happened yet.'));
    } catch (e) {
      if (this.signsOut(e)) {
        return;
      }
      this.body.replaceChildren(h('p', { class: 'action-error', role: 'alert' },
        e instanceof ApiProblem ? e.plainMessage : 'The history could not be read.'));
    }
  }
}
