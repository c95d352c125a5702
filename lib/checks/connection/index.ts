import type { CheckDefinition } from '../define';
import dns from './dns';
import https from './https';
import publicHost from './public';
import tcp from './tcp';
import tls from './tls';
import url from './url';

/** The Connection row's checks, sorted by id. */
export const CONNECTION_CHECKS: CheckDefinition[] = [dns, https, publicHost, tcp, tls, url];
