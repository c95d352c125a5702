import { z } from 'zod';
// schema-base, not schema: the report schema imports the client verdicts, so this must not import it.
import { TransportSchema } from '@/lib/report/schema-base';

/**
 * What a run saw that client rules depend on. Each fact is a value and the evidence that proves it:
 * the check whose result decided it and/or the exchanges that carried it. A null value means the
 * run could not tell, and rules answer `unknown` for it rather than guessing.
 */

export const EvidenceSchema = z.object({
  /** The check whose result decided the fact, when one did. */
  check: z.string().optional(),
  /** Exchange ids the fact was read from. */
  exchanges: z.array(z.string()),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

const fact = <T extends z.ZodType>(value: T) =>
  z.object({ value: value.nullable(), evidence: EvidenceSchema });

export type Fact<T> = { value: T | null; evidence: Evidence };

/** A URL's parts that decide whether a client can dial it (the port is the effective one). */
export const UrlPartsSchema = z.object({
  scheme: z.enum(['http', 'https']),
  host: z.string(),
  port: z.number().int(),
  /** localhost, 127.0.0.0/8 or [::1]: reachable only from the machine itself. */
  loopback: z.boolean(),
});
export type UrlParts = z.infer<typeof UrlPartsSchema>;

/**
 * How the given URL answered an MCP client's first request: a session opened, an authorization
 * challenge, a 2026-07-28-only rejection of the 2025 handshake, or no usable answer.
 */
export const HandshakeSchema = z.enum(['session', 'auth-required', 'modern-only', 'failed']);
export type Handshake = z.infer<typeof HandshakeSchema>;

/** Which protocol eras the server speaks: only the 2025 handshake, only 2026-07-28, or both. */
export const EraSchema = z.enum(['legacy', 'modern', 'dual']);
export type Era = z.infer<typeof EraSchema>;

/** A URL a client's backend calls server-to-server during sign-in, and why. */
export const AuthEndpointSchema = UrlPartsSchema.extend({
  role: z.enum([
    'protected-resource-metadata',
    'authorization-server-metadata',
    'token',
    'registration',
  ]),
  url: z.string(),
});
export type AuthEndpoint = z.infer<typeof AuthEndpointSchema>;

/** The CORS headers of one answer to a request from another origin, as a browser reads them. */
export const CorsAnswerSchema = z.object({
  url: z.string(),
  exchangeId: z.string().nullable(),
  /** Null when no answer came. */
  status: z.number().int().nullable(),
  allowOrigin: z.string().nullable(),
  /** Whether `Access-Control-Allow-Origin` admits the probe's Origin: `*`, or that origin. */
  allowsOrigin: z.boolean(),
  /** Lower-cased names, from the preflight's `Access-Control-Allow-Headers` (`*` kept as is). */
  allowHeaders: z.array(z.string()),
  /** Lower-cased names from `Access-Control-Expose-Headers`. */
  exposeHeaders: z.array(z.string()),
});
export type CorsAnswer = z.infer<typeof CorsAnswerSchema>;

/** Names shown in findings are capped so a server with thousands of tools stays a small fact. */
export const MAX_LISTED_NAMES = 10;

export const ClientFactsSchema = z.object({
  /** The MCP URL as given. */
  url: fact(UrlPartsSchema),
  /** Whether the host resolves only to public addresses (a cloud client dials it from outside). */
  publicAddress: fact(z.boolean()),
  handshake: fact(HandshakeSchema),
  /** Transports the given URL answered with a session or an authorization challenge. */
  transports: fact(z.array(TransportSchema)),
  /** Whether the server issued an `Mcp-Session-Id` (a browser must be able to read it). */
  sessionId: fact(z.boolean()),
  era: fact(EraSchema),
  auth: z.object({
    required: fact(z.boolean()),
    /** Protected resource metadata found where a spec-following client looks (RFC 9728). */
    protectedResource: fact(z.boolean()),
    /** Authorization server metadata accepted (RFC 8414 / OpenID Connect Discovery). */
    authorizationServer: fact(z.boolean()),
    /** URLs the client's backend calls during sign-in (metadata, token, registration). */
    endpoints: fact(z.array(AuthEndpointSchema)),
    pkceS256: fact(z.boolean()),
    /** How a client can become one: RFC 7591 registration, a client ID metadata document, or neither. */
    registration: fact(z.object({ dcr: z.boolean(), cimd: z.boolean() })),
    /** `token_endpoint_auth_methods_supported`, with RFC 8414 §2's default when absent. */
    tokenEndpointAuthMethods: fact(
      z.object({ methods: z.array(z.string()), declared: z.boolean() }),
    ),
    /** What a client with no configured scopes can ask for (MCP 2025-11-25 scope selection). */
    scopes: fact(
      z.object({
        challenge: z.boolean(),
        protectedResource: z.number().int().nullable(),
        authorizationServer: z.number().int().nullable(),
      }),
    ),
    /** The opt-in registration of ChatGPT's redirect URI. */
    chatgptRedirect: fact(z.enum(['accepted', 'rejected'])),
  }),
  /** What the user had to pass for the run: custom header names, a bearer token, URL credentials. */
  credentials: fact(
    z.object({
      headerNames: z.array(z.string()),
      bearerToken: z.boolean(),
      /** Query parameters of the MCP URL that carry credentials (names only). */
      queryParams: z.array(z.string()),
    }),
  ),
  tools: fact(
    z.object({
      count: z.number().int(),
      /** False when listing stopped early: the count is then a lower bound. */
      complete: z.boolean(),
      longestName: z.number().int(),
      /** Names longer than 64 characters (first ten). */
      longNames: z.array(z.string()),
      longNameCount: z.number().int(),
      /** Names outside MCP 2025-11-25's 1–128 characters of A-Z a-z 0-9 _ - . (first ten). */
      invalidNames: z.array(z.string()),
      invalidNameCount: z.number().int(),
      /** Tools without a title and a boolean readOnlyHint or destructiveHint. */
      missingAnnotations: z.number().int(),
    }),
  ),
  widgets: fact(
    z.object({
      count: z.number().int(),
      appsSdk: z.boolean(),
      mcpApps: z.boolean(),
      /** Ids of widget checks that failed at error severity. */
      failingChecks: z.array(z.string()),
    }),
  ),
  /** What a page on another origin (MCP Inspector's) met: preflight, initialize, metadata. */
  cors: fact(
    z.object({
      origin: z.string(),
      preflight: CorsAnswerSchema.nullable(),
      mcp: CorsAnswerSchema.nullable(),
      metadata: z.array(CorsAnswerSchema),
    }),
  ),
});
export type ClientFacts = z.infer<typeof ClientFactsSchema>;

/** A fact the run did not see. */
export const unknownFact = <T>(evidence: Partial<Evidence> = {}): Fact<T> => ({
  value: null,
  evidence: { exchanges: [], ...evidence },
});

/** A fact with its proof. */
export const knownFact = <T>(value: T, evidence: Partial<Evidence> = {}): Fact<T> => ({
  value,
  evidence: { exchanges: [], ...evidence },
});
