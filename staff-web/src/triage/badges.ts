import { h } from '../ui/dom';
import type { Badge } from './labels';

/**
 * Badges as elements: each says its meaning in words (the colour only repeats it). In a list where they stand alone
 * (the conversation header); as spans with spoken separators inside an inbox row, whose link reads them all at once.
 */
export function badgeList(badges: Badge[], className: string): HTMLUListElement {
  return h(
    'ul',
    { class: `badges ${className}`, role: 'list', 'aria-label': 'Triage' },
    ...badges.map((badge) => h('li', { class: `tbadge tone-${badge.tone}`, title: badge.title }, badge.text)),
  );
}

export function badgeSpans(badges: Badge[], className: string): HTMLSpanElement {
  return h(
    'span',
    { class: `badges ${className}` },
    ...badges.flatMap((badge) => [
      h('span', { class: 'visually-hidden' }, ', '),
      h('span', { class: `tbadge tone-${badge.tone}`, title: badge.title }, badge.text),
    ]),
  );
}
