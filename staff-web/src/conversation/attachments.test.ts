// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Attachment, Message } from '../api/conversations';
import { ConversationFiles, fileKind, sizeText } from './attachments';
import { messageItem } from './conversationView';

const photo: Attachment = {
  fileName: 'rash-on-arm.jpg', contentType: 'image/jpeg', sizeBytes: 48_213, mediaId: 'm-photo',
  state: 'ready', notKeptReason: null, thumbnail: true,
};
const report: Attachment = {
  fileName: 'labs.pdf', contentType: 'application/pdf', sizeBytes: 2_400_000, mediaId: 'm-pdf',
  state: 'ready', notKeptReason: null, thumbnail: false,
};
const program: Attachment = {
  fileName: 'setup.exe', contentType: 'application/x-msdownload', sizeBytes: 4096, mediaId: null,
  state: 'not-kept', notKeptReason: 'its type (application/x-msdownload) is not one CareThread keeps', thumbnail: false,
};
const recording: Attachment = {
  fileName: null, contentType: 'audio/mpeg', sizeBytes: 90_000, mediaId: 'm-voice',
  state: 'ready', notKeptReason: null, thumbnail: false,
};

function email(attachments: Attachment[]): Message {
  return {
    id: 'msg-1', direction: 'inbound', channel: 'email', text: 'Here is the rash.', at: '2026-12-03T10:00:00Z',
    deliveryStatus: null, failureReason: null, sentBy: null, sentByName: null, kind: null,
    subject: 'Rash photo', attachments,
  };
}

describe('files patients send, in the timeline', () => {
  let made: string[];
  let revoked: string[];
  let fetched: string[];
  let files: ConversationFiles;

  beforeEach(() => {
    made = [];
    revoked = [];
    fetched = [];
    let next = 0;
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => {
      const url = `blob:test/${next++}`;
      made.push(url);
      return url;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url: string) => { revoked.push(url); });
    files = new ConversationFiles({
      attachment: async (mediaId) => { fetched.push(`file:${mediaId}`); return new Blob(['bytes']); },
      thumbnail: async (mediaId) => { fetched.push(`thumbnail:${mediaId}`); return new Blob(['png']); },
    }, () => undefined);
  });

  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it("shows an e-mail's subject and each file with its kind, size and what can be done with it", async () => {
    const item = messageItem(email([photo, report, program]), files);
    document.body.append(item);

    expect(item.querySelector('.message-subject')?.textContent).toBe('Subject: Rash photo');
    const rows = [...item.querySelectorAll('.attachment')];
    expect(rows.map((row) => row.querySelector('.attachment-name')?.textContent))
      .toEqual(['rash-on-arm.jpg', 'labs.pdf', 'setup.exe']);
    expect(rows[0].querySelector('.attachment-facts')?.textContent).toBe('Photo · 47 KB');
    expect(rows[1].querySelector('.attachment-facts')?.textContent).toBe('PDF · 2.3 MB');
    expect(rows[2].querySelector('.attachment-note')?.textContent)
      .toBe('Not kept: its type (application/x-msdownload) is not one CareThread keeps');
    expect(rows[2].querySelector('button')).toBeNull();
    expect(rows[1].querySelector('button')?.getAttribute('aria-label')).toBe('Download labs.pdf');

    await vi.waitFor(() => expect(rows[0].querySelector('img')?.getAttribute('src')).toBe('blob:test/0'));
    const picture = rows[0].querySelector('img')!;
    expect(picture.getAttribute('alt')).toBe('Photo from patient');
    expect(picture.getAttribute('alt')).not.toContain('rash');
    expect(fetched).toEqual(['thumbnail:m-photo']);
  });

  it('fetches a thumbnail once per view however often the timeline is drawn, and lets every file go on close', async () => {
    messageItem(email([photo]), files);
    const again = messageItem(email([photo]), files);
    await vi.waitFor(() => expect(again.querySelector('img')?.getAttribute('src')).toBe('blob:test/0'));
    expect(fetched).toEqual(['thumbnail:m-photo']);

    files.close();
    await vi.waitFor(() => expect(revoked).toEqual(['blob:test/0']));
  });

  it('downloads a file only when asked, from memory', async () => {
    const item = messageItem(email([report]), files);
    document.body.append(item);
    expect(fetched).toEqual([]);

    item.querySelector<HTMLButtonElement>('.attachment-download')!.click();
    await vi.waitFor(() => expect(fetched).toEqual(['file:m-pdf']));
    expect(made).toHaveLength(1);
  });

  it('plays a recording in an audio player once asked for', async () => {
    const item = messageItem(email([recording]), files);
    document.body.append(item);
    const listen = [...item.querySelectorAll('button')].find((b) => b.textContent === 'Play recording')!;
    expect(item.querySelector('audio')).toBeNull();

    listen.click();
    await vi.waitFor(() => expect(item.querySelector('audio')).not.toBeNull());
    const audio = item.querySelector('audio')!;
    expect(audio.hasAttribute('controls')).toBe(true);
    expect(audio.getAttribute('aria-label')).toBe('Recording from the patient');
    expect(audio.getAttribute('src')).toBe('blob:test/0');
    expect(item.querySelector('.attachment-name')?.textContent).toBe('Recording');
  });

  it('says a file still arriving is on its way, with nothing to open yet', () => {
    const item = messageItem(email([{ ...report, state: 'arriving' }]), files);
    expect(item.querySelector('.attachment-note')?.textContent).toContain('Still arriving');
    expect(item.querySelector('button')).toBeNull();
  });

  it('names kinds and sizes in words', () => {
    expect(fileKind('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('Document');
    expect(fileKind('text/plain')).toBe('Text file');
    expect(fileKind('application/zip')).toBe('File');
    expect(sizeText(900)).toBe('900 bytes');
  });
});

describe('the file list for assistive technology', () => {
  it('has no axe violations', async () => {
    const axe = (await import('axe-core')).default;
    const files = new ConversationFiles({ attachment: async () => new Blob([]), thumbnail: async () => new Blob([]) }, () => undefined);
    const main = document.createElement('main');
    const list = document.createElement('ol');
    list.append(messageItem(email([photo, report, program, recording]), files));
    main.append(list);
    document.body.append(main);
    const results = await axe.run(main, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
