/** Times as the desk reads them: the time today, the day and time otherwise, with the year when it is not this one. */
export function when(iso: string, now = new Date()): string {
  const at = new Date(iso);
  const sameDay = at.toDateString() === now.toDateString();
  const sameYear = at.getFullYear() === now.getFullYear();
  return sameDay
    ? at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : at.toLocaleString([], { year: sameYear ? undefined : 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A `datetime-local` value (the person's own time) as an ISO-8601 instant; undefined when empty, null when not a date. */
export function instantOf(local: string): string | undefined | null {
  if (!local.trim()) {
    return undefined;
  }
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

const LOCATIONS: Record<string, string> = { north: 'North Clinic', south: 'South Clinic' };

export function locationName(code: string): string {
  return LOCATIONS[code] ?? code;
}

/** A code in words: `north-front-desk` reads as "North front desk", `appointment-confirmed` as "Appointment confirmed". */
export function codeInWords(code: string): string {
  const words = code.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const queueName = codeInWords;

export function channelName(channel: string): string {
  return channel.toLowerCase() === 'sms' ? 'SMS' : channel.charAt(0).toUpperCase() + channel.slice(1);
}

const DELIVERY: Record<string, string> = {
  QUEUED: 'Sending',
  SUBMITTED: 'Sent',
  DELIVERED: 'Delivered',
  FAILED: 'Not delivered',
};

export function deliveryName(status: string | null): string {
  return status ? DELIVERY[status] ?? status : '';
}
