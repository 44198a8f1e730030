import type { Template, TemplateVariable } from '../api/templates';
import { codeInWords } from '../ui/format';

export interface EnteredField {
  code: string;
  /** `appointment_time` reads as "Appointment time". */
  label: string;
  /** The service's description, e.g. "the appointment's time, as you enter it (e.g. Friday 10:00 am)". */
  hint: string;
}

/** The variables of a template that the person types; CareThread fills the others. */
export function enteredFields(template: Template, variables: TemplateVariable[]): EnteredField[] {
  return template.variables
    .map((code) => variables.find((v) => v.code === code))
    .filter((v): v is TemplateVariable => !!v && v.entered)
    .map((v) => ({ code: v.code, label: codeInWords(v.code), hint: v.description }));
}

/**
 * What is still missing, in words: entered values to type, or details CareThread does not have (a new contact's
 * first name), for which another template or the person's own words are the way out. Null when nothing is missing.
 */
export function missingText(missing: string[], variables: TemplateVariable[]): string | null {
  if (!missing.length) {
    return null;
  }
  const toEnter: string[] = [];
  const unknown: string[] = [];
  for (const code of missing) {
    const variable = variables.find((v) => v.code === code);
    if (variable?.entered) {
      toEnter.push(codeInWords(code));
    } else {
      unknown.push(variable?.description ?? codeInWords(code));
    }
  }
  const parts: string[] = [];
  if (toEnter.length) {
    parts.push(`Enter ${list(toEnter)} above.`);
  }
  if (unknown.length) {
    parts.push(`CareThread does not know ${list(unknown)} for this conversation: choose another template or write your own reply.`);
  }
  return parts.join(' ');
}

function list(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items[0];
}
