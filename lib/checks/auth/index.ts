import authorizationServers from './authorization-servers';
import challenge from './challenge';
import endpoints from './endpoints';
import issParameter from './iss-parameter';
import issuer from './issuer';
import pkce from './pkce';
import protectedResource from './protected-resource';
import redirectUri from './redirect-uri';
import registration from './registration';
import resourceMatch from './resource-match';
import scopes from './scopes';
import serverMetadata from './server-metadata';
import token from './token';

/** The Auth row's checks, sorted by id. */
export const AUTH_CHECKS = [
  authorizationServers,
  challenge,
  endpoints,
  issParameter,
  issuer,
  pkce,
  protectedResource,
  redirectUri,
  registration,
  resourceMatch,
  scopes,
  serverMetadata,
  token,
] as const;
