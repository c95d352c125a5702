import cacheHints from './cache-hints';
import clientCredentials from './client-credentials';
import contentType from './content-type';
import discover from './discover';
import dns from './dns';
import edge from './edge';
import eraParity from './era-parity';
import headerValidation from './header-validation';
import https from './https';
import initialize from './initialize';
import latency from './latency';
import localExposure from './local-exposure';
import negotiation from './negotiation';
import protocolEra from './protocol-era';
import protocolVersion from './protocol-version';
import publicHost from './public';
import redirect from './redirect';
import session from './session';
import sessionAffinity from './session-affinity';
import sseBuffering from './sse-buffering';
import sseTiming from './sse-timing';
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
  clientCredentials,
  contentType,
  discover,
  dns,
  edge,
  eraParity,
  headerValidation,
  https,
  initialize,
  latency,
  localExposure,
  negotiation,
  protocolEra,
  protocolVersion,
  publicHost,
  redirect,
  session,
  sessionAffinity,
  sseBuffering,
  sseTiming,
  status,
  tcp,
  tls,
  transport,
  tunnel,
  unknownMethod,
  url,
  versionRefusal,
] as const;
