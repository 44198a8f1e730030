import type { ReplyDraft, TemplatePreview } from '../api/conversations';
import { ApiProblem } from '../api/problems';
import type { Template, TemplateVariable } from '../api/templates';
import { h } from '../ui/dom';
import { when } from '../ui/format';
import { withOffset } from '../workflow/actions';
import { countSegments } from './segments';
import { enteredFields, missingText } from './templateWords';

/** Where the compose box gets the practice's templates and sees one filled for this conversation. */
export interface TemplateSource {
  library: () => Promise<{ templates: Template[]; variables: TemplateVariable[] }>;
  /** Filled for this patient by the service (an audited read, so asked on choosing and on each value entered). */
  preview: (templateId: string, values: Record<string, string>) => Promise<TemplatePreview>;
  /** Schedules the reply for `sendAt` (ISO-8601 with the person's offset) instead of sending it now. */
  schedule?: (draft: ReplyDraft, sendAt: string) => Promise<void>;
}

/**
 * Where a reply is written, in the person's words or from one of the practice's templates (its entered values typed
 * here, the rest filled by CareThread and shown before sending). It says what the reply will cost in SMS and sends on
 * Ctrl+Enter. One idempotency key per reply being written, so pressing Send again after a lost answer never texts
 * the patient twice.
 */
export class ComposeBox {
  readonly element: HTMLFormElement;
  private readonly text: HTMLTextAreaElement;
  private readonly textLabel: HTMLLabelElement;
  private readonly template: HTMLSelectElement;
  private readonly values = h('div', { class: 'template-values' });
  private readonly preview = h('div', { class: 'template-preview', hidden: true, 'aria-live': 'polite' });
  private readonly counter: HTMLParagraphElement;
  private readonly error: HTMLParagraphElement;
  private readonly button: HTMLButtonElement;
  private templates: Template[] = [];
  private variables: TemplateVariable[] = [];
  private previewed?: TemplatePreview;
  private previewRound = 0;
  private idempotencyKey = crypto.randomUUID();
  private keyFor = '';
  private readonly sendAt = h('input', { id: 'compose-send-at', type: 'datetime-local' });
  private readonly scheduled = h('p', { class: 'compose-scheduled', role: 'status' });

  constructor(
    /** Sends the reply; `shown` is its text as the person saw it, for the timeline until the service's copy is read. */
    private readonly send: (draft: ReplyDraft, idempotencyKey: string, shown: string) => Promise<void>,
    private readonly source?: TemplateSource,
    maxLength = 1600,
  ) {
    this.text = h('textarea', {
      id: 'compose-text',
      name: 'text',
      rows: '4',
      maxlength: String(maxLength),
      'aria-describedby': 'compose-count compose-hint',
    });
    this.textLabel = h('label', { for: 'compose-text' }, 'Reply by SMS');
    this.template = h('select', { id: 'compose-template', name: 'template', disabled: true }, h('option', { value: '' }, 'My own words'));
    this.counter = h('p', { id: 'compose-count', class: 'compose-count', 'aria-live': 'polite' });
    this.error = h('p', { class: 'compose-error', role: 'alert' });
    this.button = h('button', { type: 'submit', class: 'primary' }, 'Send reply');
    this.element = h(
      'form',
      { class: 'compose', 'aria-label': 'Reply' },
      source ? h('div', { class: 'compose-template' }, h('label', { for: 'compose-template' }, 'Answer with'), this.template) : null,
      this.values,
      this.preview,
      this.textLabel,
      this.text,
      h(
        'div',
        { class: 'compose-footer' },
        this.counter,
        h('p', { id: 'compose-hint', class: 'compose-hint' }, h('kbd', {}, 'Ctrl'), '+', h('kbd', {}, 'Enter'), ' sends'),
        this.button,
      ),
      source?.schedule ? this.sendLater() : null,
      this.error,
    );
    this.text.addEventListener('input', () => this.update());
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.element.requestSubmit();
      }
    });
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.template.addEventListener('change', () => this.chooseTemplate());
    this.update();
    void this.loadLibrary();
  }

  /** "Send later": the same reply, checked now by the service and sent at the chosen time. */
  private sendLater(): HTMLElement {
    const schedule = h('button', { type: 'button' }, 'Schedule reply');
    schedule.addEventListener('click', () => void this.scheduleReply(schedule));
    return h('div', { class: 'compose-later' },
      h('label', { for: 'compose-send-at' }, 'Send later at'), this.sendAt, schedule, this.scheduled);
  }

  private async scheduleReply(button: HTMLButtonElement): Promise<void> {
    const reply = this.draft();
    this.error.textContent = this.scheduled.textContent = '';
    if (!reply) {
      this.error.textContent = 'Write a reply first.';
      return;
    }
    if (!this.sendAt.value) {
      this.error.textContent = 'Choose when to send it.';
      return;
    }
    const sendAt = withOffset(this.sendAt.value);
    button.disabled = true;
    try {
      await this.source!.schedule!(reply.draft, sendAt);
      this.text.value = this.sendAt.value = '';
      this.template.value = '';
      this.chooseTemplate();
      this.scheduled.textContent = `Scheduled for ${when(sendAt)}. It is listed above until it is sent.`;
    } catch (e) {
      this.error.textContent = (await this.refusal(e)).replace('Nothing was sent', 'Nothing was scheduled');
    } finally {
      button.disabled = false;
    }
  }

  private get chosen(): Template | undefined {
    return this.templates.find((t) => t.id === this.template.value);
  }

  private async loadLibrary(): Promise<void> {
    if (!this.source) {
      return;
    }
    try {
      ({ templates: this.templates, variables: this.variables } = await this.source.library());
      this.template.append(...this.templates.map((t) => h('option', { value: t.id }, t.name)));
      this.template.disabled = false;
    } catch (e) {
      this.error.textContent = e instanceof ApiProblem ? `Templates are not available: ${e.plainMessage}` : 'Templates are not available.';
    }
  }

  /** A template replaces the text box with its entered values and what the patient would get. */
  private chooseTemplate(): void {
    const template = this.chosen;
    this.error.textContent = '';
    this.previewed = undefined;
    this.text.hidden = this.textLabel.hidden = !!template;
    this.preview.hidden = !template;
    this.values.replaceChildren(...(template ? enteredFields(template, this.variables) : []).map((field) => {
      const id = `compose-value-${field.code}`;
      const input = h('input', { id, name: field.code, type: 'text', 'data-variable': field.code, 'aria-describedby': `${id}-hint` });
      input.addEventListener('change', () => void this.showPreview());
      return h('div', { class: 'template-value' },
        h('label', { for: id }, field.label),
        input,
        h('span', { id: `${id}-hint`, class: 'template-hint' }, field.hint));
    }));
    this.update();
    if (template) {
      void this.showPreview();
    }
  }

  private enteredValues(): Record<string, string> {
    const values: Record<string, string> = {};
    for (const input of this.values.querySelectorAll<HTMLInputElement>('input[data-variable]')) {
      if (input.value.trim()) {
        values[input.dataset.variable!] = input.value.trim();
      }
    }
    return values;
  }

  private async showPreview(): Promise<TemplatePreview | undefined> {
    const template = this.chosen;
    if (!template || !this.source) {
      return undefined;
    }
    const round = ++this.previewRound;
    this.preview.replaceChildren(h('p', { class: 'template-loading' }, 'Filling in the template…'));
    try {
      const preview = await this.source.preview(template.id, this.enteredValues());
      if (round !== this.previewRound) {
        return undefined;
      }
      this.previewed = preview;
      const missing = missingText(preview.missing, this.variables);
      this.preview.replaceChildren(
        h('p', { class: 'template-preview-label' }, 'What the patient will get'),
        h('p', { class: 'template-preview-text' }, preview.text),
        h('p', { class: 'template-missing', hidden: !missing }, `Still missing. ${missing ?? ''}`),
      );
      this.update();
      return preview;
    } catch (e) {
      this.preview.replaceChildren(h('p', { class: 'template-missing' },
        e instanceof ApiProblem ? e.plainMessage : 'The template could not be filled in.'));
      return undefined;
    }
  }

  private update(): void {
    const count = countSegments(this.chosen ? this.previewed?.text ?? '' : this.text.value);
    this.counter.textContent =
      count.segments === 0
        ? 'Up to 160 characters fit in one SMS.'
        : `${count.characters} characters · ${count.segments} SMS${count.segments === 1 ? '' : ' segments'} ` +
          `(${count.encoding}, ${count.remainingInSegment} left in this one)`;
    this.counter.dataset.segments = String(count.segments);
  }

  private draft(): { draft: ReplyDraft; shown: string } | null {
    const template = this.chosen;
    if (template) {
      return { draft: { templateId: template.id, values: this.enteredValues() }, shown: this.previewed?.text ?? template.body };
    }
    const text = this.text.value.trim();
    return text ? { draft: { text }, shown: text } : null;
  }

  private async submit(): Promise<void> {
    const reply = this.draft();
    if (!reply) {
      this.error.textContent = 'Write a reply first.';
      return;
    }
    const key = JSON.stringify(reply.draft);
    if (key !== this.keyFor) {
      // A changed reply is a new reply; the same one again is a retry.
      this.idempotencyKey = crypto.randomUUID();
      this.keyFor = key;
    }
    this.button.disabled = true;
    this.button.textContent = 'Sending…';
    this.error.textContent = '';
    try {
      await this.send(reply.draft, this.idempotencyKey, reply.shown);
      this.text.value = '';
      this.template.value = '';
      this.keyFor = '';
      this.chooseTemplate();
    } catch (e) {
      this.error.textContent = await this.refusal(e);
    } finally {
      this.button.disabled = false;
      this.button.textContent = 'Send reply';
      (this.chosen ? this.template : this.text).focus();
    }
  }

  /** A template refused for a missing value (422) says which, from a fresh preview, in the desk's words. */
  private async refusal(e: unknown): Promise<string> {
    if (!(e instanceof ApiProblem)) {
      return 'The reply could not be sent. Please try again.';
    }
    if (e.status === 422 && this.chosen) {
      const missing = missingText((await this.showPreview())?.missing ?? [], this.variables);
      if (missing) {
        return `Nothing was sent: the template still needs values. ${missing}`;
      }
    }
    return e.plainMessage;
  }
}
