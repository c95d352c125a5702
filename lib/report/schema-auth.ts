import { z } from 'zod';

/** The Auth row's reason when the server answers without any credentials. */
export const NO_AUTH_REQUIRED = 'no authentication required';

/**
 * What the probe records about authorization: the challenge, every discovery URL tried (in the
 * order a client tries them) with its exchange and outcome, the documents found, and the verdict on
 * the token the user gave. Checks judge it; the Auth panel shows it.
 */

/** One challenge of a `WWW-Authenticate` header (RFC 9110 §11.6.1): a scheme and its auth-params. */
export const AuthChallengeSchema = z.object({
  scheme: z.string(),
  /** auth-param names lower-cased (they are case-insensitive), values unquoted. */
  params: z.record(z.string(), z.string()),
  token68: z.string().nullable(),
});
export type AuthChallenge = z.infer<typeof AuthChallengeSchema>;

/** The 401/403 answer that asked for authorization, and what a client reads from it. */
export const ChallengeSchema = z.object({
  exchangeId: z.string().nullable(),
  status: z.number().int(),
  /** Whether that request carried the user's token or headers. */
  withCredentials: z.boolean(),
  /** The raw `WWW-Authenticate` value (bounded), null when the header is absent. */
  header: z.string().nullable(),
  challenges: z.array(AuthChallengeSchema),
  /** The fields of the Bearer challenge (RFC 6750 §3, RFC 9728 §5.1), null when absent. */
  bearer: z
    .object({
      resourceMetadata: z.string().nullable(),
      scope: z.string().nullable(),
      error: z.string().nullable(),
      errorDescription: z.string().nullable(),
    })
    .nullable(),
  /** What the SDK's `extractWWWAuthenticateParams` reads from the same header (what SDK clients act on). */
  sdk: z.object({
    resourceMetadataUrl: z.string().nullable(),
    scope: z.string().nullable(),
    error: z.string().nullable(),
  }),
});
export type Challenge = z.infer<typeof ChallengeSchema>;

export const MetadataKindSchema = z.enum(['protected-resource', 'authorization-server']);
export type MetadataKind = z.infer<typeof MetadataKindSchema>;

/**
 * How a discovery URL was built. Protected resource metadata (RFC 9728 §3.1, MCP 2025-11-25):
 * `advertised` (the challenge's `resource_metadata`), `path-inserted`, `root`. Authorization server
 * metadata, in the spec's order: with an issuer path, `oauth-inserted`, `oidc-inserted`,
 * `oidc-appended`; without one, `oauth`, `oidc` (RFC 8414 §3.1, §5; OIDC Discovery §4).
 */
export const DiscoveryFormSchema = z.enum([
  'advertised',
  'path-inserted',
  'root',
  'oauth-inserted',
  'oidc-inserted',
  'oidc-appended',
  'oauth',
  'oidc',
]);
export type DiscoveryForm = z.infer<typeof DiscoveryFormSchema>;

export const DiscoveryOutcomeSchema = z.enum([
  'found',
  'not-found',
  'redirect',
  'invalid',
  'error',
  'not-tried',
]);
export type DiscoveryOutcome = z.infer<typeof DiscoveryOutcomeSchema>;

/** One URL of the discovery timeline. */
export const DiscoveryAttemptSchema = z.object({
  kind: MetadataKindSchema,
  form: DiscoveryFormSchema,
  url: z.string(),
  /** For authorization server metadata: the issuer the URL was built from. */
  issuer: z.string().nullable(),
  exchangeId: z.string().nullable(),
  status: z.number().int().nullable(),
  outcome: DiscoveryOutcomeSchema,
  /** One line: why this outcome ("HTTP 404", the schema problem, "a client stops at a 5xx"). */
  detail: z.string(),
  /**
   * Requested by MCP Doctor only, to help the diagnosis: a client that follows the spec would not
   * (e.g. the well-known URLs after an advertised `resource_metadata` URL failed).
   */
  beyondSpec: z.boolean(),
});
export type DiscoveryAttempt = z.infer<typeof DiscoveryAttemptSchema>;

/** A metadata document as received (bounded, redacted), with what the SDK's schema finds wrong in it. */
export const AuthDocumentSchema = z.object({
  kind: MetadataKindSchema,
  url: z.string(),
  exchangeId: z.string().nullable(),
  /** Authorization server metadata: the issuer the URL was built from, and which format it was read as. */
  issuer: z.string().nullable(),
  format: z.enum(['oauth', 'oidc']).nullable(),
  /** The parsed JSON; null when the body was not JSON or was cut at the recorder's bound. */
  json: z.unknown(),
  /** Empty when the SDK accepts the document; otherwise why it (and so an SDK client) rejects it. */
  problems: z.array(z.string()),
  /** Found only beyond what a spec-following client requests. */
  beyondSpec: z.boolean(),
});
export type AuthDocument = z.infer<typeof AuthDocumentSchema>;

/** What became of the token (or headers) the user gave. */
export const TokenVerdictSchema = z.object({
  exchangeId: z.string().nullable(),
  /** The status of the initialize request made with the credentials. */
  status: z.number().int().nullable(),
  accepted: z.boolean(),
  /** RFC 6750 §3.1 `error` and `error_description` from the challenge, when rejected. */
  error: z.string().nullable(),
  errorDescription: z.string().nullable(),
  scope: z.string().nullable(),
});
export type TokenVerdict = z.infer<typeof TokenVerdictSchema>;

/** The opt-in registration with ChatGPT's redirect URI (RFC 7591), against the server under test. */
export const RedirectUriProbeSchema = z.object({
  redirectUri: z.string(),
  registrationEndpoint: z.string().nullable(),
  outcome: z.enum(['accepted', 'rejected', 'not-run', 'error']),
  exchangeId: z.string().nullable(),
  status: z.number().int().nullable(),
  /** RFC 7591 §3.2.2 error fields, or why it was not run. */
  error: z.string().nullable(),
  errorDescription: z.string().nullable(),
});
export type RedirectUriProbe = z.infer<typeof RedirectUriProbeSchema>;

export const AuthProbeSchema = z.object({
  /** Whether the server asks for authorization at all. */
  required: z.boolean(),
  challenge: ChallengeSchema.nullable(),
  /** Every URL requested for metadata, in order, and those a client would try next but never reached. */
  discovery: z.array(DiscoveryAttemptSchema),
  documents: z.array(AuthDocumentSchema),
  /** The authorization server a client would use, and where it learned of it. */
  authorizationServer: z
    .object({
      issuer: z.string(),
      /** `legacy-origin`: no usable protected resource metadata, so the MCP origin is tried, as 2025-03-26 clients do. */
      source: z.enum(['protected-resource', 'legacy-origin']),
    })
    .nullable(),
  /** Null when no token or headers were given. */
  token: TokenVerdictSchema.nullable(),
  /** Null unless the user opted in. */
  redirectUri: RedirectUriProbeSchema.nullable(),
});
export type AuthProbe = z.infer<typeof AuthProbeSchema>;
