import { ApiProblem } from '../api/problems';
import { h } from '../ui/dom';
import { countSegments } from './segments';

/**
 * Where a reply is written: it says what the reply will cost in SMS while it is typed, and sends on Ctrl+Enter.
 * One idempotency key per reply being written, so pressing Send again after a lost answer never texts the patient
 * twice.
 */
export class ComposeBox {
  readonly element: HTMLFormElement;
  private readonly text: HTMLTextAreaElement;
  private readonly counter: HTMLParagraphElement;
  private readonly error: HTMLParagraphElement;
  private readonly button: HTMLButtonElement;
  private idempotencyKey = crypto.randomUUID();
  private keyFor = '';

  constructor(
    private readonly send: (text: string, idempotencyKey: string) => Promise<void>,
    maxLength = 1600,
  ) {
    this.text = h('textarea', {
      id: 'compose-text',
      name: 'text',
      rows: '4',
      maxlength: String(maxLength),
      required: true,
      'aria-describedby': 'compose-count compose-hint',
    });
    this.counter = h('p', { id: 'compose-count', class: 'compose-count', 'aria-live': 'polite' });
    this.error = h('p', { class: 'compose-error', role: 'alert' });
    this.button = h('button', { type: 'submit', class: 'primary' }, 'Send reply');
    this.element = h(
      'form',
      { class: 'compose', 'aria-label': 'Reply' },
      h('label', { for: 'compose-text' }, 'Reply by SMS'),
      this.text,
      h(
        'div',
        { class: 'compose-footer' },
        this.counter,
        h('p', { id: 'compose-hint', class: 'compose-hint' }, h('kbd', {}, 'Ctrl'), '+', h('kbd', {}, 'Enter'), ' sends'),
        this.button,
      ),
      this.error,
    );
    this.text.addEventListener('input', () => this.update());
    this.text.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.element.requestSubmit();
      }
    });
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.update();
  }

  private update(): void {
    const count = countSegments(this.text.value);
    this.counter.textContent =
      count.segments === 0
        ? 'Up to 160 characters fit in one SMS.'
        : `${count.characters} characters · ${count.segments} SMS${count.segments === 1 ? '' : ' segments'} ` +
          `(${count.encoding}, ${count.remainingInSegment} left in this one)`;
    this.counter.dataset.segments = String(count.segments);
  }

  private async submit(): Promise<void> {
    const text = this.text.value.trim();
    if (!text) {
      this.error.textContent = 'Write a reply first.';
      return;
    }
    if (text !== this.keyFor) {
      // A changed reply is a new reply; the same one again is a retry.
      this.idempotencyKey = crypto.randomUUID();
      this.keyFor = text;
    }
    this.button.disabled = true;
    this.button.textContent = 'Sending…';
    this.error.textContent = '';
    try {
      await this.send(text, this.idempotencyKey);
      this.text.value = '';
      this.keyFor = '';
      this.update();
    } catch (e) {
      this.error.textContent = e instanceof ApiProblem ? e.plainMessage : 'The reply could not be sent. Please try again.';
    } finally {
      this.button.disabled = false;
      this.button.textContent = 'Send reply';
      this.text.focus();
    }
  }
}
