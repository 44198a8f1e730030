import type { Attachment } from '../api/conversations';
import { ApiProblem } from '../api/problems';
import { h } from '../ui/dom';

/** What the view needs to open a file: each call is an audited read on the service. */
export interface FileSource {
  attachment(mediaId: string): Promise<Blob>;
  thumbnail(mediaId: string): Promise<Blob>;
}

/**
 * The files of one open conversation, shown beside their messages. Contents are fetched with the bearer token into
 * memory and handed to the page as object URLs, never stored in the browser; {@link close} lets them all go when the
 * view changes. A thumbnail is fetched once per view (each fetch is audited), the file itself only on request.
 */
export class ConversationFiles {
  private readonly urls = new Map<string, Promise<string>>();
  private closed = false;

  constructor(
    private readonly source: FileSource,
    private readonly onProblem: (problem: unknown) => void,
  ) {}

  /** The list under a patient's message; null when it came without files. */
  list(attachments: Attachment[] | undefined): HTMLElement | null {
    if (!attachments?.length) {
      return null;
    }
    return h('ul', { class: 'attachments', 'aria-label': 'Files from the patient' },
      ...attachments.map((attachment) => this.item(attachment)));
  }

  /** Lets every object URL of this view go: the browser keeps no copy of the patient's files. */
  close(): void {
    this.closed = true;
    for (const url of this.urls.values()) {
      void url.then((u) => URL.revokeObjectURL(u), () => undefined);
    }
    this.urls.clear();
  }

  private item(attachment: Attachment): HTMLLIElement {
    const name = attachment.fileName ?? fileKind(attachment.contentType);
    const facts = h('span', { class: 'attachment-facts' }, `${fileKind(attachment.contentType)} · ${sizeText(attachment.sizeBytes)}`);
    const item = h('li', { class: 'attachment', 'data-state': attachment.state },
      h('span', { class: 'attachment-name' }, name), ' ', facts);
    if (attachment.state === 'not-kept' || !attachment.mediaId) {
      item.append(h('p', { class: 'attachment-note' },
        `Not kept: ${attachment.notKeptReason ?? 'CareThread did not keep its contents.'}`));
      return item;
    }
    if (attachment.state === 'arriving') {
      item.append(h('p', { class: 'attachment-note' }, 'Still arriving. Open the conversation again in a moment.'));
      return item;
    }
    const mediaId = attachment.mediaId;
    if (attachment.thumbnail) {
      const picture = h('img', { class: 'attachment-thumbnail', alt: altText(attachment.contentType), width: '120' });
      item.prepend(picture);
      void this.url(`thumbnail:${mediaId}`, () => this.source.thumbnail(mediaId))
        .then((url) => { picture.src = url; }, (e) => this.failed(item, e));
    }
    if (attachment.contentType.startsWith('audio/')) {
      item.append(this.player(mediaId, item));
    }
    item.append(this.downloadButton(attachment, mediaId, name, item));
    return item;
  }

  /** A recording plays in place once asked for (fetching it is an audited download). */
  private player(mediaId: string, item: HTMLElement): HTMLElement {
    const listen = h('button', { type: 'button' }, 'Play recording');
    listen.addEventListener('click', async () => {
      listen.disabled = true;
      try {
        const url = await this.url(`file:${mediaId}`, () => this.source.attachment(mediaId));
        const audio = h('audio', { controls: true, src: url, 'aria-label': 'Recording from the patient' });
        listen.replaceWith(audio);
        void audio.play?.().catch(() => undefined);
      } catch (e) {
        listen.disabled = false;
        this.failed(item, e);
      }
    });
    return listen;
  }

  private downloadButton(attachment: Attachment, mediaId: string, name: string, item: HTMLElement): HTMLElement {
    const button = h('button', { type: 'button', class: 'attachment-download', 'aria-label': `Download ${name}` }, 'Download');
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const url = await this.url(`file:${mediaId}`, () => this.source.attachment(mediaId));
        const link = h('a', { href: url, download: attachment.fileName ?? 'attachment', hidden: true });
        document.body.append(link);
        link.click();
        link.remove();
      } catch (e) {
        this.failed(item, e);
      } finally {
        button.disabled = false;
      }
    });
    return button;
  }

  /** One object URL per file and view, made on first use. */
  private url(key: string, fetchBlob: () => Promise<Blob>): Promise<string> {
    let url = this.urls.get(key);
    if (!url) {
      url = fetchBlob().then((blob) => {
        const made = URL.createObjectURL(blob);
        if (this.closed) {
          URL.revokeObjectURL(made);
        }
        return made;
      });
      url.catch(() => this.urls.delete(key));
      this.urls.set(key, url);
    }
    return url;
  }

  private failed(item: HTMLElement, e: unknown): void {
    if (e instanceof ApiProblem && e.status === 401) {
      this.onProblem(e);
      return;
    }
    item.querySelector('.attachment-error')?.remove();
    item.append(h('p', { class: 'attachment-error', role: 'alert' },
      e instanceof ApiProblem ? e.plainMessage : 'The file could not be opened. Please try again.'));
  }
}

/** Alt text says what kind of picture it is, never anything the patient wrote or named. */
function altText(contentType: string): string {
  return contentType.startsWith('image/') ? 'Photo from patient' : 'Picture of a file from patient';
}

/** The kind of file in words staff know. */
export function fileKind(contentType: string): string {
  if (contentType.startsWith('image/')) {
    return 'Photo';
  }
  if (contentType.startsWith('audio/')) {
    return 'Recording';
  }
  if (contentType.startsWith('video/')) {
    return 'Video';
  }
  switch (contentType) {
    case 'application/pdf':
      return 'PDF';
    case 'text/plain':
      return 'Text file';
    default:
      return /word|excel|sheet|officedocument|msoffice|ooxml|opendocument|rtf/.test(contentType) ? 'Document' : 'File';
  }
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} bytes`;
  }
  if (bytes < 1024 * 1024) {
    return `${Math.round(bytes / 1024)} KB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
