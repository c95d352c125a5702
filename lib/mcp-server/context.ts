import type { Ticket } from '@/lib/security/admission';
import type { RunArchive } from './archive';

/**
 * What the tools get from the transport serving them. Over HTTP: the dashboard's store, the
 * API's admission limits and the dashboard's origin. Over stdio: this process's memory, no limit
 * (the only client is the local agent that started it), and no dashboard.
 */
export interface DoctorContext {
  archive: RunArchive;
  /** Whether a diagnosis may start now, for the HTTP request that asks (undefined over stdio). */
  admit(request: Request | undefined): Ticket;
  /**
   * The dashboard's public origin (MCP_DOCTOR_ORIGIN): the server's website and the widget's
   * dedicated origin (`ui.domain`, `openai/widgetDomain`); null when there is none to name.
   */
  origin: string | null;
  /** MCP Doctor's version, as the server's `serverInfo` names it. */
  version: string;
}

/** No limit: the stdio server's one client is the agent that started the process. */
export const ADMIT_ALL = (): Ticket => ({ ok: true, release: () => {} });
