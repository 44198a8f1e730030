import { describe, expect, it } from 'vitest';
import { ConversationsApi } from '../api/conversations';
import type { Template, TemplateVariable } from '../api/templates';
import { TemplatesApi } from '../api/templates';
import { answering } from '../testing/fakeApi';
import { enteredFields, missingText } from './templateWords';

const variables: TemplateVariable[] = [
  { code: 'patient_first_name', description: "the patient's first name, from the patient directory", entered: false },
  { code: 'location_name', description: "the clinic's name", entered: false },
  { code: 'appointment_time', description: "the appointment's time, as you enter it (e.g. Friday 10:00 am)", entered: true },
  { code: 'appointment_date', description: "the appointment's date, as you enter it", entered: true },
];

const confirmed: Template = {
  id: 't1',
  name: 'Appointment confirmed',
  category: 'scheduling',
  body: 'Hi {{patient_first_name}}, see you at {{location_name}} on {{appointment_date}} at {{appointment_time}}.',
  variables: ['patient_first_name', 'location_name', 'appointment_date', 'appointment_time'],
  version: 2,
};

describe('answering with a template', () => {
  it('asks the person only for the entered variables, in words', () => {
    expect(enteredFields(confirmed, variables)).toEqual([
      { code: 'appointment_date', label: 'Appointment date', hint: "the appointment's date, as you enter it" },
      { code: 'appointment_time', label: 'Appointment time', hint: "the appointment's time, as you enter it (e.g. Friday 10:00 am)" },
    ]);
    expect(enteredFields({ ...confirmed, variables: ['location_name'] }, variables)).toEqual([]);
  });

  it('says what is missing: values to enter, and details CareThread does not have', () => {
    expect(missingText([], variables)).toBeNull();
    expect(missingText(['appointment_date', 'appointment_time'], variables)).toBe('Enter Appointment date and Appointment time above.');
    expect(missingText(['patient_first_name'], variables)).toBe(
      "CareThread does not know the patient's first name, from the patient directory for this conversation: choose another template or write your own reply.",
    );
    expect(missingText(['appointment_time', 'patient_first_name', 'clinic_motto'], variables)).toBe(
      'Enter Appointment time above. CareThread does not know the patient\'s first name, from the patient directory and ' +
        'Clinic motto for this conversation: choose another template or write your own reply.',
    );
  });

  it('previews and sends a template with the entered values, and reads the library', async () => {
    const { calls, client } = answering(200, []);
    const api = new ConversationsApi(client);
    await api.previewTemplate('c1', 't1', { appointment_time: 'Friday 10:00 am' });
    await api.reply('c1', { templateId: 't1', values: { appointment_time: 'Friday 10:00 am' } }, 'key-1');
    await api.reply('c1', { text: 'See you Friday' }, 'key-2');
    await new TemplatesApi(client).list();
    await new TemplatesApi(client).variables();
    expect(calls.map((c) => [c.init.method, c.url, c.init.body ?? null])).toEqual([
      ['POST', '/api/conversations/c1/template-preview', '{"templateId":"t1","values":{"appointment_time":"Friday 10:00 am"}}'],
      ['POST', '/api/conversations/c1/replies', '{"templateId":"t1","values":{"appointment_time":"Friday 10:00 am"}}'],
      ['POST', '/api/conversations/c1/replies', '{"text":"See you Friday"}'],
      ['GET', '/api/templates', null],
      ['GET', '/api/templates/variables', null],
    ]);
    expect((calls[1].init.headers as Record<string, string>)['Idempotency-Key']).toBe('key-1');
  });
});
