import { randomBytes } from 'node:crypto';
import os from 'node:os';

/**
 * Who is working on a running run: `host/pid/nonce`. The nonce tells this process from an earlier
 * one that had the same pid (a container restarted keeps its host name and often its pid 1).
 */
export interface Instance {
  host: string;
  pid: number;
  nonce: string;
}

export const formatOwner = (i: Instance) => `${i.host}/${i.pid}/${i.nonce}`;

export function parseOwner(owner: string | null): Instance | null {
  const match = owner ? /^(.*)\/(\d+)\/([A-Za-z0-9_-]+)$/.exec(owner) : null;
  return match ? { host: match[1] ?? '', pid: Number(match[2]), nonce: match[3] ?? '' } : null;
}

const KEY = Symbol.for('mcp-doctor.instance');
const holder = globalThis as typeof globalThis & { [KEY]?: Instance };

/** This process, as an owner of runs. */
export function thisInstance(): Instance {
  holder[KEY] ??= {
    host: os.hostname(),
    pid: process.pid,
    nonce: randomBytes(6).toString('base64url'),
  };
  return holder[KEY];
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists and belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether an owner is certainly gone: another process of this host whose pid no longer runs, or
 * an earlier process that had this one's pid. An owner on another host is judged by its lease.
 */
export function ownerIsGone(owner: Instance, me: Instance = thisInstance()): boolean {
  if (owner.host !== me.host) return false;
  if (owner.pid === me.pid) return owner.nonce !== me.nonce;
  return !processAlive(owner.pid);
}
