import { h } from '../ui/dom';
import { nextRow, SHORTCUTS, shortcutFor } from './shortcuts';

/**
 * The inbox and conversation shortcuts (see {@link SHORTCUTS}), on the whole page: they act on what is on screen
 * (the inbox rows, the open conversation's buttons and reply box) exactly as a click would, so the roles and the
 * action panel's rules still decide what can be done.
 */
export class KeyboardShortcuts {
  readonly help: HTMLElement;
  private returnFocus: HTMLElement | null = null;

  constructor(private readonly page: HTMLElement) {
    const close = h('button', { type: 'button' }, 'Close');
    close.addEventListener('click', () => this.hideHelp());
    this.help = h('div', { class: 'shortcut-help', role: 'dialog', 'aria-labelledby': 'shortcut-heading', hidden: true, tabindex: '-1' },
      h('h2', { id: 'shortcut-heading' }, 'Keyboard shortcuts'),
      h('dl', { class: 'why-facts' }, ...SHORTCUTS.map(([keys, what]) =>
        h('div', { class: 'why-fact' }, h('dt', {}, h('kbd', {}, keys)), h('dd', {}, what)))),
      h('p', { class: 'note-hint' }, 'They do nothing while you type in a field.'),
      close);
  }

  start(): void {
    document.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement | null;
      const rows = [...this.page.querySelectorAll<HTMLElement>('.inbox-list .inbox-row')];
      const current = rows.indexOf(target as HTMLElement);
      const shortcut = shortcutFor({
        key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey,
        target: target && { tagName: target.tagName, isContentEditable: target.isContentEditable, type: (target as HTMLInputElement).type },
        onInboxRow: current >= 0,
      });
      if (!shortcut || (shortcut === 'close' && this.help.hidden)) {
        return;
      }
      event.preventDefault();
      switch (shortcut) {
        case 'next':
        case 'previous': {
          const to = nextRow(rows.length, current, shortcut);
          if (to !== null) {
            rows[to].focus();
          }
          break;
        }
        case 'claim':
          this.press('claim');
          break;
        case 'resolve':
          this.press('resolve');
          break;
        case 'reply': {
          // The text box, or the template's choice while a template replaces it.
          const text = this.page.querySelector<HTMLElement>('#compose-text');
          (text?.offsetParent ? text : this.page.querySelector<HTMLElement>('#compose-template'))?.focus();
          break;
        }
        case 'help':
          if (this.help.hidden) {
            this.showHelp(target);
          } else {
            this.hideHelp();
          }
          break;
        case 'close':
          this.hideHelp();
          break;
      }
    });
  }

  /** The open conversation's action button, when it offers that action now. */
  private press(action: string): void {
    this.page.querySelector<HTMLButtonElement>(`.action-buttons button[data-action="${action}"]:not([disabled])`)?.click();
  }

  private showHelp(from: HTMLElement | null): void {
    this.returnFocus = from;
    this.help.hidden = false;
    this.help.focus();
  }

  private hideHelp(): void {
    this.help.hidden = true;
    this.returnFocus?.focus();
    this.returnFocus = null;
  }
}
