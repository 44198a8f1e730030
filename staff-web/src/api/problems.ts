/**
 * What went wrong with a call to the staff API, in words for the person at the desk. The services answer errors as
 * RFC 9457 problem documents; their detail is written for people and never carries PHI, so it may be shown.
 */
export interface ProblemDocument {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  /** The fields at fault in a 422, each with what is wrong in the service's words (never the value sent). */
  errors?: { field: string; problem: string }[];
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    /** The sentence to show the person. */
    readonly plainMessage: string,
    readonly problem?: ProblemDocument,
  ) {
    super(plainMessage);
    this.name = 'ApiProblem';
  }
}

/** What a 404 means where it was asked; by default the conversation API's "not yours or not there". */
export const CONVERSATION_NOT_FOUND = 'This conversation is not available to you. It may belong to another location.';

/** 0 stands for "no answer at all" (offline, server down). */
export function describeProblem(status: number, problem?: ProblemDocument, notFound = CONVERSATION_NOT_FOUND): string {
  const detail = problem?.detail?.trim();
  switch (true) {
    case status === 0:
      return 'CareThread cannot be reached right now. Check your connection; we will keep trying.';
    case status === 400 || status === 422:
      return detail ? `That did not go through: ${detail}` : 'That did not go through: please check what you entered.';
    case status === 401:
      return 'Your sign-in has expired. Please sign in again.';
    case status === 403:
      return 'Your account is not allowed to do this. Ask your practice admin if you need access.';
    case status === 404:
      return notFound;
    case status === 409 || status === 412:
      return detail
        ? `This could not be done: ${detail}`
        : 'Someone changed this conversation in the meantime. Look again, then try once more.';
    case status === 429:
      return 'Too many requests in a short time. Please wait a moment and try again.';
    case status >= 500:
      return 'CareThread had a problem on its side. Your work is not lost; please try again in a moment.';
    default:
      return detail ?? problem?.title ?? `The request failed (${status}).`;
  }
}

/** Reads an error answer, whether or not it is a problem document. */
export async function problemFrom(response: Response, notFound?: string): Promise<ApiProblem> {
  let problem: ProblemDocument | undefined;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      problem = (await response.json()) as ProblemDocument;
    } catch {
      problem = undefined;
    }
  }
  return new ApiProblem(response.status, describeProblem(response.status, problem, notFound), problem);
}
