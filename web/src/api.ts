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
