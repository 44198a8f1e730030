import { describe, expect, it } from 'vitest';
import { countSegments } from './segments';

describe('countSegments', () => {
  it('counts nothing for an empty reply', () => {
    expect(countSegments('')).toEqual({ characters: 0, encoding: 'GSM-7', segments: 0, remainingInSegment: 160 });
  });

  it('fits 160 GSM-7 characters in one SMS and splits the 161st into two parts of 153', () => {
    expect(countSegments('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1, remainingInSegment: 0 });
    expect(countSegments('a'.repeat(161))).toMatchObject({ segments: 2, remainingInSegment: 306 - 161 });
    expect(countSegments('a'.repeat(306))).toMatchObject({ segments: 2, remainingInSegment: 0 });
    expect(countSegments('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('keeps accented letters of the GSM alphabet in GSM-7', () => {
    expect(countSegments('Café à côté? Ñandú ¿sí?').encoding).toBe('UCS-2'); // ô and í are not GSM-7
    expect(countSegments('Café, señor? Äpfel für Sie £5 @ 10:00').encoding).toBe('GSM-7');
  });

  it('counts the extension characters (€ [ ] { } ^ ~ | \\) twice', () => {
    expect(countSegments('€'.repeat(80))).toMatchObject({ characters: 80, encoding: 'GSM-7', segments: 1, remainingInSegment: 0 });
    expect(countSegments('€'.repeat(81))).toMatchObject({ characters: 81, segments: 2 });
  });

  it('switches the whole message to UCS-2 for one emoji: 70 per SMS, 67 per part', () => {
    expect(countSegments('x'.repeat(69) + 'é')).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(countSegments('Ω' + 'ж'.repeat(69))).toMatchObject({ encoding: 'UCS-2', segments: 1, remainingInSegment: 0 });
    expect(countSegments('ж'.repeat(71))).toMatchObject({ encoding: 'UCS-2', segments: 2, remainingInSegment: 134 - 71 });
    expect(countSegments('See you 🙂')).toMatchObject({ characters: 9, encoding: 'UCS-2', segments: 1, remainingInSegment: 60 });
  });
});
