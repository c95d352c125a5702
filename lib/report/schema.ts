import { z } from 'zod';
import { ClientIdSchema } from '@/lib/clients/ids';
import { ClientVerdictSchema } from '@/lib/clients/verdict';
import {
  AreaSchema,
  EraSchema,
  ProbeErrorSchema,
  SeveritySchema,
  SkippableAreaSchema,
  StepIdSchema,
  TransportSchema,
} from './schema-base';
import { LatencySchema } from './latency-schema';
import { AuthProbeSchema } from './schema-auth';
import { ToolCallSchema } from './schema-calls';
import { CorsProbeSchema } from './schema-cors';
import { ExposureProbeSchema } from './schema-exposure';
import { WidgetsProbeSchema } from './schema-widgets';

/**
 * The one data model of MCP Doctor. The probe writes a Transcript; checks read it; the Report wraps
 * it with results. The UI, the API, the CLI and the store all use these schemas, and every type in
 * the project that describes this data is inferred from them.
 */

export type { Area, StepId } from './areas';
export {
  AreaSchema,
  EraSchema,
  ProbeErrorSchema,
  SeveritySchema,
  StepIdSchema,
  TransportSchema,
} from './schema-base';
export type { Era, ProbeErrorData, Severity, Transport } from './schema-base';

export const HeaderListSchema = z.array(z.tuple([z.string(), z.string()]));
export type HeaderList = z.infer<typeof HeaderListSchema>;

export const SseEventSchema = z.object({
  event: z.string(),
  id: z.string().optional(),
  data: z.string(),
});
export type SseEvent = z.infer<typeof SseEventSchema>;

/** A recorded body: the text kept for display (bounded), how many bytes really crossed the wire. */
export const BodySchema = z.object({
  text: z.string(),
  bytes: z.number().int().nonnegative(),
  truncated: z.boolean(),
  /** `text/event-stream` bodies split into events (bounded). */
  events: z.array(SseEventSchema).optional(),
});
export type Body = z.infer<typeof BodySchema>;

/**
 * When a `text/event-stream` answer arrived, in ms since its request started: the first byte of the
 * body, its last byte, and its events (the first few and the last few, with their place in the
 * stream), so a proxy that holds the stream back and delivers it at once at the end shows.
 */
export const StreamTimingSchema = z.object({
  firstByteMs: z.number().nullable(),
  /** null when the stream had not ended when the recording was taken. */
  lastByteMs: z.number().nullable(),
  events: z.array(z.object({ index: z.number().int().nonnegative(), atMs: z.number() })),
  /** Events seen in the part of the body that was kept (the events the log shows). */
  eventCount: z.number().int().nonnegative(),
});
export type StreamTiming = z.infer<typeof StreamTimingSchema>;

/** One HTTP request and its answer (or the error that replaced it), secrets already redacted. */
export const ExchangeSchema = z.object({
  id: z.string(),
  step: StepIdSchema,
  /** ms since the run started */
  startedAt: z.number(),
  durationMs: z.number().nullable(),
  /** The era the request was made in, for MCP requests (absent on OAuth, asset and older exchanges). */
  era: EraSchema.optional(),
  /** JSON-RPC method and id found in the request body, when it is one. */
  rpc: z
    .object({ method: z.string(), id: z.union([z.string(), z.number()]).optional() })
    .optional(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: HeaderListSchema,
    body: BodySchema.nullable(),
  }),
  response: z
    .object({
      status: z.number().int(),
      statusText: z.string(),
      headers: HeaderListSchema,
      body: BodySchema.nullable(),
      stream: StreamTimingSchema.optional(),
    })
    .nullable(),
  error: ProbeErrorSchema.nullable(),
});
export type Exchange = z.infer<typeof ExchangeSchema>;

export const StepStatusSchema = z.enum(['ok', 'failed', 'skipped']);

export const StepSchema = z.object({
  id: StepIdSchema,
  status: StepStatusSchema,
  durationMs: z.number(),
  /** A one-line account of what happened, shown as progress. */
  summary: z.string(),
  error: ProbeErrorSchema.nullable(),
});
export type Step = z.infer<typeof StepSchema>;

export const TargetInfoSchema = z.object({
  /** The URL as given, with any credentials in it redacted and the fragment dropped. */
  url: z.string(),
  credentialsInUrl: z.boolean(),
  fragment: z.string().nullable(),
  /** Names of the extra headers sent; values are never kept. */
  headerNames: z.array(z.string()),
  hasToken: z.boolean(),
});

export const DnsResultSchema = z.object({
  hostname: z.string(),
  addresses: z.array(z.object({ address: z.string(), family: z.number() })),
  error: ProbeErrorSchema.nullable(),
});

export const TcpResultSchema = z.object({
  address: z.string(),
  port: z.number(),
  connectMs: z.number().nullable(),
  error: ProbeErrorSchema.nullable(),
});

export const CertificateSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  subjectAltNames: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string(),
  fingerprint256: z.string(),
  selfSigned: z.boolean(),
});

export const TlsResultSchema = z.object({
  protocol: z.string().nullable(),
  /** Chain verification error from OpenSSL (e.g. `CERT_HAS_EXPIRED`), null when the chain is trusted. */
  authorizationError: z.string().nullable(),
  /** Hostname mismatch, from `tls.checkServerIdentity`, null when the name matches. */
  hostnameError: z.string().nullable(),
  chain: z.array(CertificateSchema),
  error: ProbeErrorSchema.nullable(),
});

/** One way the probe tried to open an MCP session. */
export const HandshakeAttemptSchema = z.object({
  url: z.string(),
  transport: TransportSchema,
  /** `modern`: `server/discover` in the 2026-07-28 era; `legacy`: the `initialize` handshake. */
  era: EraSchema.default('legacy'),
  /** Whether this is the URL the user gave, or one the probe guessed (`/mcp`, `/sse`). */
  guessed: z.boolean(),
  ok: z.boolean(),
  status: z.number().int().nullable(),
  error: ProbeErrorSchema.nullable(),
  exchangeIds: z.array(z.string()),
});
export type HandshakeAttempt = z.infer<typeof HandshakeAttemptSchema>;

/**
 * The 2026-07-28 leg of the run: the `server/discover` answer, the answers to three requests a
 * modern server must refuse (MCP 2026-07-28 Streamable HTTP, "Server Validation" and "Protocol
 * Version Header"), and on a dual-era server the tool list as the modern leg serves it.
 */
export const ModernLegSchema = z.object({
  /** The raw `server/discover` result as received (validated by the checks, not here). */
  discover: z.unknown().nullable(),
  discoverExchangeId: z.string().nullable(),
  /** The exchange of each refusal probe, or null when it was not sent. */
  conformance: z.object({
    /** `Mcp-Method` that differs from the body's method: must be 400 with -32020 HeaderMismatch. */
    headerMismatch: z.string().nullable(),
    /** A protocol version no server supports: must be 400 with -32022 and `data.supported`. */
    unsupportedVersion: z.string().nullable(),
    /** A method no server implements: must be 404 with -32601. */
    methodNotFound: z.string().nullable(),
  }),
  /** Dual-era servers: the modern leg's tool list (all pages, bounded), to compare with the 2025 leg's. */
  tools: z.array(z.unknown()).nullable(),
  toolsExchangeIds: z.array(z.string()),
  toolsError: ProbeErrorSchema.nullable(),
});
export type ModernLeg = z.infer<typeof ModernLegSchema>;

export const McpResultSchema = z.object({
  attempts: z.array(HandshakeAttemptSchema),
  /** The era of the session the rest of the run used: the 2025 handshake when it works, else 2026-07-28. */
  sessionEra: EraSchema.nullable().default(null),
  /** The 2026-07-28 leg; null when `server/discover` got no modern answer (or older transcripts). */
  modern: ModernLegSchema.nullable().default(null),
  /** The transport and URL of the session used for the rest of the run (the given URL only). */
  transport: TransportSchema.nullable(),
  /** The raw `initialize` result as received (validated by the checks, not here). */
  initializeResult: z.unknown().nullable(),
  initializeExchangeId: z.string().nullable(),
  sessionId: z.string().nullable(),
  /** Errors the transport raised outside any request (e.g. the optional GET stream failing). */
  transportErrors: z.array(ProbeErrorSchema),
});
export type McpResult = z.infer<typeof McpResultSchema>;

export const ToolsPageSchema = z.object({
  cursor: z.string().nullable(),
  nextCursor: z.string().nullable(),
  count: z.number().int(),
  exchangeId: z.string().nullable(),
  durationMs: z.number(),
  error: ProbeErrorSchema.nullable(),
});

export const ToolListingSchema = z.object({
  pages: z.array(ToolsPageSchema),
  /** Why listing stopped early: a page bound, a repeated cursor, a tool-count bound. */
  stoppedEarly: z.string().nullable(),
  /** A second `tools/list` (first page) made later in the run, to see whether the list is stable. */
  relist: z.object({ tools: z.array(z.unknown()), exchangeId: z.string().nullable() }).nullable(),
});

/** The tool list of an earlier run of the same endpoint, as that run received it. */
export const PreviousToolsSchema = z.object({
  runId: z.string(),
  startedAt: z.string(),
  tools: z.array(z.unknown()),
});
export type PreviousTools = z.infer<typeof PreviousToolsSchema>;

/**
 * What the run was asked to judge beyond the checks themselves: areas to leave out, the tools a CI
 * job expects, whether warnings fail. Kept in the transcript so re-judging a saved run gives the
 * same verdict. Absent in transcripts recorded before it existed: nothing was asked.
 */
export const RunRequestSchema = z.object({
  skip: z.array(SkippableAreaSchema),
  expectTools: z.array(z.string()),
  minTools: z.number().int().nullable(),
  strict: z.boolean(),
  /**
   * The clients whose verdicts decide `healthy` (see ReportSchema). Absent: none was chosen, and
   * `healthy` is judged on the rows of ChatGPT's table, as before clients were judged.
   */
  client: z.array(ClientIdSchema).min(1).optional(),
});
export type RunRequest = z.infer<typeof RunRequestSchema>;

export const NO_REQUEST: RunRequest = { skip: [], expectTools: [], minTools: null, strict: false };

/** The full record of one probe run: plain data, saved, exported and re-checked as it is. */
export const TranscriptSchema = z.object({
  version: z.literal(1),
  target: TargetInfoSchema,
  startedAt: z.string(),
  durationMs: z.number(),
  steps: z.array(StepSchema),
  dns: DnsResultSchema.nullable(),
  tcp: TcpResultSchema.nullable(),
  tls: TlsResultSchema.nullable(),
  mcp: McpResultSchema.nullable(),
  listing: ToolListingSchema.nullable(),
  /** Every tool as received, across pages, before any validation (the MCP Tool objects). */
  tools: z.array(z.unknown()),
  widgets: WidgetsProbeSchema.nullable(),
  auth: AuthProbeSchema.nullable(),
  /** CORS as a browser-based client meets it; absent in transcripts recorded before it existed. */
  cors: CorsProbeSchema.nullable().optional(),
  /** A loopback or private target's answers to foreign Origin and Host; absent before it existed or when not probed. */
  exposure: ExposureProbeSchema.nullable().optional(),
  exchanges: z.array(ExchangeSchema),
  /**
   * The tools of the last saved run of the same endpoint, attached by the store before the checks
   * run, so `tools.drift` stays a pure function of the transcript. Absent or null: no earlier run.
   */
  previousTools: PreviousToolsSchema.nullable().optional(),
  request: RunRequestSchema.optional(),
});
export type Transcript = z.infer<typeof TranscriptSchema>;

export const CheckStatusSchema = z.enum(['pass', 'fail', 'skipped', 'error']);
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

/** One offender in a failing check, shown as a table row (a tool, a URL, a header…). */
export const FindingItemSchema = z.object({
  subject: z.string(),
  detail: z.string(),
  evidence: z.array(z.string()).optional(),
  /** The fix for this offender when it differs from the check's (several kinds in one check). */
  fix: z.string().optional(),
});
export type FindingItem = z.infer<typeof FindingItemSchema>;

/**
 * Why a check was skipped: it does not apply to this server; its input is missing because something
 * earlier failed (`owner` names the check that reports the cause, `verify` what would let it run);
 * or the run was asked to leave its area out.
 */
export const SkipSchema = z.object({
  cause: z.enum(['not-applicable', 'blocked', 'on-request']),
  owner: z.string().nullable(),
  verify: z.string().nullable(),
});
export type Skip = z.infer<typeof SkipSchema>;

/** A group of checks within a row; `security`: what the server tells the model and the browser. */
export const CheckGroupSchema = z.enum(['security']);
export type CheckGroup = z.infer<typeof CheckGroupSchema>;

export const CheckResultSchema = z.object({
  id: z.string(),
  area: AreaSchema,
  /** Absent for the row's ordinary checks. */
  group: CheckGroupSchema.optional(),
  title: z.string(),
  status: CheckStatusSchema,
  /** The severity this result carries when it is not a pass. */
  severity: SeveritySchema,
  /** A stable code for the kind of failure (`wrong-path`, `duplicate-name`…); null on pass and skip. */
  code: z.string().nullable(),
  message: z.string(),
  fix: z.string(),
  docs: z.string(),
  evidence: z.array(z.string()),
  items: z.array(FindingItemSchema),
  /** Set on skipped results only. */
  skip: SkipSchema.nullable(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

/**
 * `skipped`: the row does not apply (no widget declared, no authorization) or was left out on
 * request. `unverified`: its checks could not run because something earlier failed or could not be
 * reached — never a pass, and never healthy.
 */
export const RowStatusSchema = z.enum(['pass', 'warn', 'fail', 'unverified', 'skipped']);
export type RowStatus = z.infer<typeof RowStatusSchema>;

export const RowSchema = z.object({
  id: AreaSchema,
  title: z.string(),
  status: RowStatusSchema,
  summary: z.string(),
  fix: z.string().nullable(),
});
export type Row = z.infer<typeof RowSchema>;

/** What the server speaks: the 2025 handshake, 2026-07-28, or both. */
export const ServerEraSchema = z.enum(['legacy', 'modern', 'dual']);
export type ServerEra = z.infer<typeof ServerEraSchema>;

export const ServerInfoSchema = z.object({
  name: z.string().nullable(),
  version: z.string().nullable(),
  protocolVersion: z.string().nullable(),
  /** Null when neither era answered (or the report predates era detection). */
  era: ServerEraSchema.nullable().default(null),
  /** Every protocol version the server said it speaks (`server/discover`, a -32022 error, `initialize`). */
  versions: z.array(z.string()).default([]),
  transport: TransportSchema.nullable(),
  instructions: z.string().nullable(),
});

/**
 * 2: rows and the report may be `unverified`; checks carry `skip`; the report carries `healthy` and
 * the run's `request`. Reports saved as 1 are re-judged from their transcript when read. `clients`
 * was added within 2 (additive): a report saved without it gains it when read (diagnose/upgrade.ts).
 */
export const REPORT_SCHEMA_VERSION = 2;

export const ReportStatusSchema = z.enum(['pass', 'warn', 'fail', 'unverified']);
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

/**
 * The report is the transcript plus the judgement, side by side at the top level, so `tools` and
 * `exchanges` are where API users look and `TranscriptSchema.parse(report)` recovers the transcript
 * for re-checking.
 */
export const ReportSchema = TranscriptSchema.extend({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  url: z.string(),
  status: ReportStatusSchema,
  /**
   * The CI verdict. Without `request.client`: no row failed or went unverified (and, when
   * `request.strict`, none warned). With it: each named client's verdict is `works`, or `degraded` unless
   * strict; `blocked` and `unknown` are never healthy.
   */
  healthy: z.boolean(),
  rows: z.array(RowSchema),
  checks: z.array(CheckResultSchema),
  server: ServerInfoSchema,
  /** One verdict per client profile (lib/clients), in the profiles' order, judged from the above. */
  clients: z.array(ClientVerdictSchema),
  /** `repeat=N`: the handshake and tools/list timed N more times (absent unless asked for). */
  latency: LatencySchema.optional(),
  /** Tools called after the run (`POST /api/runs/<id>/calls`); absent until the first call. */
  calls: z.array(ToolCallSchema).optional(),
});
export type Report = z.infer<typeof ReportSchema>;

/** A report before its client verdicts are added: what the verdicts are judged from. */
export type ReportWithoutClients = Omit<Report, 'clients'>;
