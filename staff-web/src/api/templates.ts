import type { ApiClient } from './client';

/** One of the practice's reply templates; `{{variable}}` placeholders are filled by CareThread. */
export interface Template {
  id: string;
  name: string;
  category: string;
  body: string;
  variables: string[];
  version: number;
}

/** A variable: `entered` ones (appointment time, date) are typed by staff, the others CareThread fills. */
export interface TemplateVariable {
  code: string;
  description: string;
  entered: boolean;
}

/** The practice's reply templates (the words, not PHI). */
export class TemplatesApi {
  constructor(private readonly api: ApiClient) {}

  /** The active templates, by category and name. */
  list(): Promise<Template[]> {
    return this.api.request('/api/templates');
  }

  variables(): Promise<TemplateVariable[]> {
    return this.api.request('/api/templates/variables');
  }
}
