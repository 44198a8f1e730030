import { ApiProblem } from '../api/problems';
import { h } from './dom';

/** Where a form says what was done (a status) and what was refused (an alert). */
export function feedback(done?: string): [HTMLElement, HTMLElement] {
  return [h('p', { class: 'admin-done', role: 'status' }, done ?? ''), h('p', { class: 'admin-error', role: 'alert' })];
}

/** A section of a page of forms, with its heading. */
export function part(id: string, title: string, body: HTMLElement): HTMLElement {
  return h('section', { class: 'admin-part', id, 'aria-labelledby': `${id}-heading` }, h('h2', { id: `${id}-heading` }, title), body);
}

/** A labelled control. */
export function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'action-field' }, h('label', { for: id }, label), control);
}

/** Problems the whole app handles (an expired sign-in signs out); true when it did. */
export type AppProblems = (problem: unknown) => boolean;

/** Does what a form asked; a refusal is said in `error`, in the service's words. */
export async function attempt(error: HTMLElement, action: () => Promise<void>, onProblem: AppProblems): Promise<void> {
  try {
    await action();
  } catch (e) {
    sayProblem(error, e, onProblem);
  }
}

/** Reads one section of a page; a refusal is said there, so the other sections still work. */
export async function readSection(section: HTMLElement, load: () => Promise<void>, onProblem: AppProblems): Promise<void> {
  try {
    await load();
  } catch (e) {
    const problem = h('p', { class: 'admin-error', role: 'alert' });
    sayProblem(problem, e, onProblem);
    section.replaceChildren(problem);
  }
}

function sayProblem(where: HTMLElement, e: unknown, onProblem: AppProblems): void {
  if (onProblem(e)) {
    return;
  }
  where.textContent = e instanceof ApiProblem ? e.plainMessage : 'Something went wrong. Please try again.';
}
