// Sign-in with Keycloak: authorization code + PKCE with the realm's public `web` client (oidc-client-ts does the
// protocol); tokens live in sessionStorage (gone with the tab) and are renewed silently with the refresh token.
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

export interface Caller {
  username: string;
  roles: string[];
  sites: string[];
  accessToken: string;
}

interface WebConfig {
  authority: string;
  clientId: string;
}

let manager: UserManager | undefined;

const appUrl = (): string => `${location.origin}/web/`;

export async function signedInCaller(): Promise<Caller | undefined> {
  const config = (await (await fetch('config.json')).json()) as WebConfig;
  manager = new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: appUrl(),
    post_logout_redirect_uri: appUrl(),
    response_type: 'code',
    scope: 'openid',
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: sessionStorage }),
  });
  const query = new URLSearchParams(location.search);
  if (query.has('code') && query.has('state')) {
    const user = await manager.signinRedirectCallback();
    const returnTo = typeof user.state === 'string' ? user.state : '#/';
    history.replaceState(null, '', appUrl() + returnTo);
    return toCaller(user);
  }
  const user = await manager.getUser();
  return user && !user.expired ? toCaller(user) : undefined;
}

export async function signIn(): Promise<void> {
  await required().signinRedirect({ state: location.hash || '#/' });
}

export async function signOut(): Promise<void> {
  await required().signoutRedirect();
}

/** The current access token, renewed silently when it has expired. */
export async function accessToken(): Promise<string> {
  let user = await required().getUser();
  if (!user || user.expired) {
    user = await required().signinSilent();
  }
  if (!user) {
    throw new Error('signed out');
  }
  return user.access_token;
}

function required(): UserManager {
  if (!manager) {
    throw new Error('sign-in not configured');
  }
  return manager;
}

function toCaller(user: User): Caller {
  const claims = JSON.parse(atob(base64url(user.access_token.split('.')[1] ?? ''))) as {
    preferred_username?: string;
    realm_access?: { roles?: string[] };
    site?: string[] | string;
  };
  const site = claims.site ?? [];
  return {
    username: claims.preferred_username ?? user.profile.sub,
    roles: claims.realm_access?.roles ?? [],
    sites: Array.isArray(site) ? site : [site],
    accessToken: user.access_token,
  };
}

function base64url(part: string): string {
  const padded = part.replace(/-/g, '+').replace(/_/g, '/');
  return padded + '='.repeat((4 - (padded.length % 4)) % 4);
}
