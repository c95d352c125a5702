import cacheHints from './cache-hints';
import contentType from './content-type';
import discover from './discover';
import dns from './dns';
import eraParity from './era-parity';
import headerValidation from './header-validation';
import https from './https';
import initialize from './initialize';
import latency from './latency';
import protocolEra from './protocol-era';
import protocolVersion from './protocol-version';
import publicHost from './public';
import redirect from './redirect';
import session from './session';
import sseBuffering from './sse-buffering';
import status from './status';
import tcp from './tcp';
import tls from './tls';
import transport from './transport';
import tunnel from './tunnel';
import unknownMethod from './unknown-method';
import url from './url';
import versionRefusal from './version-refusal';

/** The Connection row's checks, sorted by id. */
export const CONNECTION_CHECKS = [
  cacheHints,
  contentType,
  discover,
  dns,
  eraParity,
  headerValidation,
  https,
  initialize,
  latency,
  protocolEra,
  protocolVersion,
  publicHost,
  redirect,
  session,
  sseBuffering,
  status,
  tcp,
  tls,
  transport,
  tunnel,
  unknownMethod,
  url,
  versionRefusal,
] as const;
