// The only way this front end reaches the server: a client typed by the gateway's merged OpenAPI document,
// generated at build time (npm run generate), so an API change that breaks a screen breaks the build.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from 'api-types';
import { accessToken } from './auth';

export const api = createClient<paths>({ baseUrl: location.origin });

const bearer: Middleware = {
  async onRequest({ request }) {
    request.headers.set('Authorization', `Bearer ${await accessToken()}`);
    return request;
  },
};
api.use(bearer);

/** An RFC 9457 problem as the services answer it (docs/api.md, Conventions). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  violations?: { field?: string; message?: string }[];
}

export function problemOf(error: unknown, status: number): Problem {
  if (error && typeof error === 'object') {
    return error as Problem;
  }
  return { status, detail: `The server answered ${status}.` };
}

/** A list read whole: each page's items, following `nextCursor` until the last page (docs/api.md, Lists). */
export async function everyPage<T>(
  read: (cursor: string | undefined) => Promise<{ items?: T[]; nextCursor?: string | null } | undefined>,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    all.push(...(page?.items ?? []));
    cursor = page?.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** The answer's body, or its problem's words as the error (for actions that must say why they failed). */
export function dataOf<T>(answer: { data?: T; error?: unknown; response: Response }): T {
  if (!answer.data) {
    const problem = problemOf(answer.error, answer.response.status);
    throw new Error(problem.detail ?? problem.title ?? `the server answered ${answer.response.status}`);
  }
  return answer.data;
}
