/** What a key does in the inbox and an open conversation. */
export type Shortcut = 'next' | 'previous' | 'claim' | 'reply' | 'resolve' | 'help' | 'close';

/** The list `?` shows, in the order people learn them. Enter opens the focused row: rows are links. */
export const SHORTCUTS: [keys: string, what: string][] = [
  ['j or ↓', 'Next conversation in the inbox'],
  ['k or ↑', 'Previous conversation in the inbox'],
  ['Enter', 'Open the conversation'],
  ['c', 'Claim the open conversation'],
  ['r', 'Reply: go to the reply box'],
  ['e', 'Resolve the open conversation'],
  ['Ctrl+Enter', 'Send the reply (in the reply box)'],
  ['?', 'Show or hide this list'],
  ['Esc', 'Close this list'],
];

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The element the key went to: a field being typed in never gives a shortcut. */
  target: { tagName: string; isContentEditable?: boolean; type?: string } | null;
  /** Arrows move between rows only from a row, so they still scroll the page elsewhere. */
  onInboxRow: boolean;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const NOT_TYPING_INPUTS = new Set(['button', 'checkbox', 'radio', 'submit', 'reset']);

export function shortcutFor(press: KeyPress): Shortcut | null {
  if (press.ctrlKey || press.metaKey || press.altKey) {
    return null;
  }
  const target = press.target;
  if (target && (target.isContentEditable
    || (TYPING.has(target.tagName) && !(target.tagName === 'INPUT' && NOT_TYPING_INPUTS.has(target.type ?? ''))))) {
    return press.key === 'Escape' ? 'close' : null;
  }
  switch (press.key) {
    case 'j':
      return 'next';
    case 'k':
      return 'previous';
    case 'ArrowDown':
      return press.onInboxRow ? 'next' : null;
    case 'ArrowUp':
      return press.onInboxRow ? 'previous' : null;
    case 'c':
      return 'claim';
    case 'r':
      return 'reply';
    case 'e':
      return 'resolve';
    case '?':
      return 'help';
    case 'Escape':
      return 'close';
    default:
      return null;
  }
}

/** The row to move to: the first (or last) when none has focus, and staying put at either end. */
export function nextRow(count: number, current: number, shortcut: 'next' | 'previous'): number | null {
  if (count === 0) {
    return null;
  }
  if (current < 0) {
    return shortcut === 'next' ? 0 : count - 1;
  }
  return Math.min(count - 1, Math.max(0, current + (shortcut === 'next' ? 1 : -1)));
}
