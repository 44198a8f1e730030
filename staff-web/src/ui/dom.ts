/**
 * Builds elements from data without ever parsing it as HTML: message text and patient details only ever become
 * text nodes, so nothing a patient writes can run in the page.
 */
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) {
      element.setAttribute(name, '');
    } else if (typeof value === 'string') {
      element.setAttribute(name, value);
    }
  }
  for (const child of children) {
    if (child) {
      element.append(child);
    }
  }
  return element;
}

/** A plain left click on a link: the app opens it in place; with Ctrl, ⌘ or Shift the browser opens a new tab or window. */
export function opensHere(event: MouseEvent): boolean {
  return event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey;
}

/** A select of the given options, the first one chosen; its name is the id without its screen's prefix. */
export function select(id: string, options: { value: string; label: string }[]): HTMLSelectElement {
  return h('select', { id, name: id.replace(/^[a-z]+-/, '') }, ...options.map((o) => h('option', { value: o.value }, o.label)));
}
