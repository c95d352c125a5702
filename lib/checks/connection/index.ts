import type { CheckDefinition } from '../define';
import contentType from './content-type';
import dns from './dns';
import https from './https';
import publicHost from './public';
import redirect from './redirect';
import status from './status';
import tcp from './tcp';
import tls from './tls';
import tunnel from './tunnel';
import url from './url';

/** The Connection row's checks, sorted by id. */
export const CONNECTION_CHECKS: CheckDefinition[] = [
  contentType,
  dns,
  https,
  publicHost,
  redirect,
  status,
  tcp,
  tls,
  tunnel,
  url,
];
