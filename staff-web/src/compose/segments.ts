/**
 * How many SMS a reply costs. Carriers send text that fits the GSM-7 alphabet 160 characters to a message, or 153
 * when it is split (each part carries a header to join them up again); anything else (an emoji, most accented or
 * non-Latin letters) switches the whole message to UCS-2, 70 characters to a message or 67 when split.
 */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  /** Characters as the person sees them. */
  characters: number;
  encoding: SmsEncoding;
  segments: number;
  /** Room left in the last segment before one more is needed. */
  remainingInSegment: number;
}

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
// These take two septets each: an escape, then the character.
const GSM_EXTENSION = '^{}\\[~]|€\f';

const basic = new Set(GSM_BASIC);
const extension = new Set(GSM_EXTENSION);

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

export function countSegments(text: string): SegmentCount {
  const characters = [...text].length;
  let septets = 0;
  let gsm = true;
  for (const character of text) {
    if (basic.has(character)) {
      septets += 1;
    } else if (extension.has(character)) {
      septets += 2;
    } else {
      gsm = false;
      break;
    }
  }
  const encoding: SmsEncoding = gsm ? 'GSM-7' : 'UCS-2';
  // UCS-2 counts UTF-16 code units: an emoji outside the basic plane takes two.
  const units = gsm ? septets : text.length;
  const { single, part } = LIMITS[encoding];
  if (units === 0) {
    return { characters, encoding, segments: 0, remainingInSegment: single };
  }
  const segments = units <= single ? 1 : Math.ceil(units / part);
  const capacity = segments === 1 ? single : segments * part;
  return { characters, encoding, segments, remainingInSegment: capacity - units };
}
