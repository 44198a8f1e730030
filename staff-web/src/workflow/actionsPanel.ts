import type { ConversationAction, ConversationsApi, ConversationSummary, QueueCount, WorkflowFields } from '../api/conversations';
import type { Outcome, OutcomesApi } from '../api/outcomes';
import { ApiProblem } from '../api/problems';
import { h } from '../ui/dom';
import { queueName } from '../ui/format';
import { ACTION_LABELS, actionDone, actionsFor, refusal, tomorrowMorning, withOffset, type ActionName } from './actions';
import { ESCALATIONS } from './labels';

export interface ActionsPanelOptions {
  api: ConversationsApi;
  outcomes: OutcomesApi;
  /** The signed-in person's username. */
  me: string;
  /** The queues the person may see, as the inbox last had them. */
  queues: () => QueueCount[];
  /** The action went through: the conversation as it is now. */
  onDone: (after: ConversationSummary) => void;
  /** A colleague changed it first (409/412): read it again so the person sees what changed. */
  onReadAgain: () => void;
  /** A 401 ends the session; true when that happened. */
  signsOut: (e: unknown) => boolean;
}

/**
 * Claim, assign, hand off, escalate, snooze, resolve and reopen, on the version of the conversation shown: the buttons
 * the status allows, and for each action that needs more (a colleague, a reason, a time, an outcome) a small form
 * under them. What happened, or why it did not, is said in words.
 */
export class ActionsPanel {
  readonly element: HTMLElement;
  private readonly buttons = h('div', { class: 'action-buttons', role: 'group', 'aria-label': 'Conversation actions' });
  private readonly form = h('form', { class: 'action-form', hidden: true });
  private readonly done = h('p', { class: 'action-done', role: 'status', tabindex: '-1' });
  private readonly error = h('p', { class: 'action-error', role: 'alert' });
  private conversation?: WorkflowFields & { id: string };
  private outcomeList?: Outcome[];
  private openAction?: ActionName;
  private busy = false;

  constructor(private readonly options: ActionsPanelOptions) {
    this.element = h('div', { class: 'actions' }, this.buttons, this.form, this.done, this.error);
    this.form.addEventListener('submit', (event) => event.preventDefault());
  }

  /** Shows the actions for the conversation as it is now; a form being filled in stays while its action is allowed. */
  show(conversation: WorkflowFields & { id: string }): void {
    this.conversation = conversation;
    if (this.openAction && !actionsFor(conversation, this.options.me).includes(this.openAction)) {
      this.closeForm();
    }
    this.buttons.replaceChildren(...actionsFor(conversation, this.options.me).map((name) => {
      const button = h('button', { type: 'button', 'data-action': name }, ACTION_LABELS[name]);
      button.addEventListener('click', () => void this.start(name, button));
      return button;
    }));
  }

  private async start(name: ActionName, button: HTMLButtonElement): Promise<void> {
    // What the last action said is not about this one.
    this.error.textContent = this.done.textContent = '';
    if (name === 'claim' || name === 'reopen') {
      await this.perform({ action: name });
      return;
    }
    const fields = await this.fieldsFor(name);
    if (!fields) {
      return;
    }
    const submit = h('button', { type: 'submit', class: 'primary' }, ACTION_LABELS[name]);
    const cancel = h('button', { type: 'button' }, 'Cancel');
    cancel.addEventListener('click', () => {
      this.closeForm();
      button.focus();
    });
    this.form.setAttribute('aria-label', ACTION_LABELS[name]);
    this.form.replaceChildren(...fields.elements, h('div', { class: 'action-form-buttons' }, submit, cancel));
    this.form.onsubmit = () => {
      const action = fields.action();
      if (typeof action === 'string') {
        this.error.textContent = action;
        return;
      }
      void this.perform(action, fields.outcomeLabel?.());
    };
    this.form.hidden = false;
    this.openAction = name;
    this.form.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }

  /** The form's fields for an action, and how to read them into its body (or a sentence saying what is missing). */
  private async fieldsFor(name: ActionName): Promise<{
    elements: HTMLElement[];
    action: () => ConversationAction | string;
    outcomeLabel?: () => string | undefined;
  } | null> {
    const c = this.conversation!;
    switch (name) {
      case 'assign': {
        const colleague = input('action-assignee', 'text');
        const queue = input('action-queue', 'text', { list: 'action-queues' });
        // The queues the person sees at the conversation's location; a code not in the list can still be typed.
        const queues = this.options.queues();
        return {
          elements: [
            field('action-assignee', "Colleague's username", colleague),
            field('action-queue', 'or a queue (it waits there without an owner)', queue),
            h('datalist', { id: 'action-queues' }, ...queues.filter((q) => q.locationCode === c.locationCode)
              .map((q) => h('option', { value: q.queue }, queueName(q.queue)))),
          ],
          action: () => {
            const [who, where] = [colleague.value.trim(), queue.value.trim()];
            if (!who === !where) {
              return 'Give either a colleague or a queue.';
            }
            return who ? { action: 'assign', assignee: who } : { action: 'assign', queue: where };
          },
        };
      }
      case 'handoff': {
        const to = input('action-to', 'text');
        const reason = textarea('action-handoff-reason');
        return {
          elements: [field('action-to', "Colleague's username", to), field('action-handoff-reason', 'Reason (your colleague sees it)', reason)],
          action: () => to.value.trim() && reason.value.trim()
            ? { action: 'handoff', to: to.value.trim(), reason: reason.value.trim() }
            : 'Say to whom and why.',
        };
      }
      case 'escalate': {
        const kind = h('select', { id: 'action-kind' }, ...ESCALATIONS.map((e) => h('option', { value: e.value }, e.label)));
        const reason = textarea('action-escalate-reason');
        return {
          elements: [field('action-kind', 'Escalate to', kind), field('action-escalate-reason', 'Reason', reason)],
          action: () => reason.value.trim()
            ? { action: 'escalate', kind: kind.value as (typeof ESCALATIONS)[number]['value'], reason: reason.value.trim() }
            : 'Say why it needs escalating.',
        };
      }
      case 'snooze': {
        const until = input('action-until', 'datetime-local');
        until.value = tomorrowMorning();
        return {
          elements: [field('action-until', 'Snooze until', until)],
          action: () => {
            try {
              return { action: 'snooze', until: withOffset(until.value) };
            } catch {
              return 'Choose the date and time it should come back.';
            }
          },
        };
      }
      case 'resolve': {
        const outcomes = await this.outcomes();
        if (!outcomes) {
          return null;
        }
        const outcome = h('select', { id: 'action-outcome' }, ...outcomes.map((o) => h('option', { value: o.code }, o.label)));
        if (c.outcome) {
          outcome.value = c.outcome;
        }
        return {
          elements: [field('action-outcome', 'Outcome', outcome)],
          action: () => outcome.value ? { action: 'resolve', outcome: outcome.value } : 'Choose an outcome.',
          outcomeLabel: () => outcomes.find((o) => o.code === outcome.value)?.label,
        };
      }
      default:
        return null;
    }
  }

  /** The practice's outcomes, read once per open conversation (they change rarely, and hold no PHI). */
  private async outcomes(): Promise<Outcome[] | null> {
    try {
      this.outcomeList ??= await this.options.outcomes.list();
      return this.outcomeList;
    } catch (e) {
      if (!this.options.signsOut(e)) {
        this.error.textContent = e instanceof ApiProblem ? e.plainMessage : 'The outcomes could not be loaded.';
      }
      return null;
    }
  }

  private async perform(action: ConversationAction, outcomeLabel?: string): Promise<void> {
    const c = this.conversation;
    if (!c || this.busy) {
      return;
    }
    this.busy = true;
    this.element.setAttribute('aria-busy', 'true');
    this.error.textContent = '';
    this.done.textContent = '';
    try {
      const after = await this.options.api.act(c.id, c.version, action);
      this.closeForm();
      this.options.onDone(after);
      this.done.textContent = actionDone(action, after, this.options.me, outcomeLabel);
      this.done.focus();
    } catch (e) {
      if (this.options.signsOut(e)) {
        return;
      }
      const refused = refusal(e);
      this.error.textContent = refused.message;
      if (refused.readAgain) {
        this.closeForm();
        this.options.onReadAgain();
      }
    } finally {
      this.busy = false;
      this.element.removeAttribute('aria-busy');
    }
  }

  private closeForm(): void {
    this.openAction = undefined;
    this.form.hidden = true;
    this.form.replaceChildren();
  }
}

function input(id: string, type: string, extra: Record<string, string> = {}): HTMLInputElement {
  return h('input', { id, name: id, type, ...extra });
}

function textarea(id: string): HTMLTextAreaElement {
  return h('textarea', { id, name: id, rows: '2', maxlength: '1000' });
}

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'action-field' }, h('label', { for: id }, label), control);
}
