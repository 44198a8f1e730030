/** A piece of a note's text: plain, or a mention of a colleague the service told. */
export interface NotePart {
  text: string;
  mention?: string;
}

// As conversation-service reads them: not inside a word or an e-mail address, and a full stop after ends the sentence.
const MENTION = /(?<![\w.@])@([A-Za-z0-9](?:[A-Za-z0-9._-]{0,98}[A-Za-z0-9_-])?)/g;

/** Cuts a note into text and the mentions the service recognised (`mentions`), so they can be set apart. */
export function noteParts(text: string, mentions: string[]): NotePart[] {
  const told = new Set(mentions.map((m) => m.toLowerCase()));
  const parts: NotePart[] = [];
  let from = 0;
  for (const match of text.matchAll(MENTION)) {
    const username = match[1].toLowerCase();
    if (!told.has(username)) {
      continue;
    }
    if (match.index > from) {
      parts.push({ text: text.slice(from, match.index) });
    }
    parts.push({ text: match[0], mention: username });
    from = match.index + match[0].length;
  }
  if (from < text.length) {
    parts.push({ text: text.slice(from) });
  }
  return parts;
}
