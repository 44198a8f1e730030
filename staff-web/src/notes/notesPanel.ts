import type { Note } from '../api/conversations';
import { ApiProblem } from '../api/problems';
import { h } from '../ui/dom';
import { when } from '../ui/format';
import { noteParts } from './mentions';

/** The most a note may hold (conversation-service's limit). */
const NOTE_MAX_LENGTH = 4000;

/**
 * Internal notes, set apart from the messages: what colleagues wrote for each other (never sent to the patient), and
 * a box to add one, where `@username` tells a colleague. Made once per open conversation, so it stays open or closed
 * as the person left it and a note being written survives the conversation being read again.
 */
export class NotesPanel {
  readonly element: HTMLDetailsElement;
  private readonly summary = h('summary', {}, 'Internal notes');
  private readonly list = h('ol', { class: 'notes-list', 'aria-label': 'Internal notes, oldest first' });
  private readonly text: HTMLTextAreaElement;
  private readonly button = h('button', { type: 'submit' }, 'Add note');
  private readonly done = h('p', { class: 'note-done', role: 'status' });
  private readonly error = h('p', { class: 'note-error', role: 'alert' });
  private notes: Note[] = [];

  constructor(private readonly add: (text: string) => Promise<Note>, private readonly signsOut: (e: unknown) => boolean) {
    this.text = h('textarea', { id: 'note-text', name: 'note', rows: '2', maxlength: String(NOTE_MAX_LENGTH), 'aria-describedby': 'note-hint' });
    const form = h(
      'form',
      { class: 'note-form', 'aria-label': 'Add an internal note' },
      h('label', { for: 'note-text' }, 'Note for colleagues'),
      this.text,
      h('p', { id: 'note-hint', class: 'note-hint' }, 'Patients never see notes. Write @username to tell a colleague.'),
      h('div', { class: 'note-footer' }, this.button, this.done),
      this.error,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.element = h('details', { class: 'notes' }, this.summary, this.list, form);
  }

  show(notes: Note[]): void {
    this.notes = [...notes];
    this.draw();
  }

  private draw(): void {
    this.summary.textContent = this.notes.length ? `Internal notes (${this.notes.length})` : 'Internal notes';
    this.list.replaceChildren(...this.notes.map(noteItem));
    this.list.hidden = !this.notes.length;
  }

  private async submit(): Promise<void> {
    const text = this.text.value.trim();
    this.done.textContent = this.error.textContent = '';
    if (!text) {
      this.error.textContent = 'Write the note first.';
      return;
    }
    this.button.disabled = true;
    try {
      const note = await this.add(text);
      this.notes.push(note);
      this.draw();
      this.text.value = '';
      this.done.textContent = note.mentions.length
        ? `Note added; ${note.mentions.map((m) => `@${m}`).join(', ')} will see it in their mentions.`
        : 'Note added.';
    } catch (e) {
      if (!this.signsOut(e)) {
        this.error.textContent = e instanceof ApiProblem ? e.plainMessage : 'The note could not be added. Please try again.';
      }
    } finally {
      this.button.disabled = false;
    }
  }
}

function noteItem(note: Note): HTMLLIElement {
  return h(
    'li',
    { class: 'note', 'data-note-id': note.id },
    h('p', { class: 'note-who' }, `Note by ${note.authorName} · `, h('time', { datetime: note.at }, when(note.at))),
    h('p', { class: 'note-text' }, ...noteParts(note.text, note.mentions).map((part) =>
      part.mention ? h('strong', { class: 'mention' }, part.text) : part.text)),
  );
}
