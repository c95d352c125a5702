import contentType from './content-type';
import dns from './dns';
import https from './https';
import initialize from './initialize';
import latency from './latency';
import protocolEra from './protocol-era';
import protocolVersion from './protocol-version';
import publicHost from './public';
import redirect from './redirect';
import session from './session';
import status from './status';
import tcp from './tcp';
import tls from './tls';
import transport from './transport';
import tunnel from './tunnel';
import url from './url';

/** The Connection row's checks, sorted by id. */
export const CONNECTION_CHECKS = [
  contentType,
  dns,
  https,
  initialize,
  latency,
  protocolEra,
  protocolVersion,
  publicHost,
  redirect,
  session,
  status,
  tcp,
  tls,
  transport,
  tunnel,
  url,
] as const;
