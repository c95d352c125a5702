import assetsReachable from './assets-reachable';
import csp from './csp';
import cspCoverage from './csp-coverage';
import declarationsAgree from './declarations-agree';
import domain from './domain';
import externalAssets from './external-assets';
import hostCoverage from './host-coverage';
import html from './html';
import mimeType from './mime-type';
import resourceListed from './resource-listed';
import resourceRead from './resource-read';
import templateUri from './template-uri';

/** The Widget row's checks, sorted by id. */
export const WIDGETS_CHECKS = [
  assetsReachable,
  csp,
  cspCoverage,
  declarationsAgree,
  domain,
  externalAssets,
  hostCoverage,
  html,
  mimeType,
  resourceListed,
  resourceRead,
  templateUri,
] as const;
