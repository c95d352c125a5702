import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { getRequestListener } from '@hono/node-server';
import { handleMcpRequest } from '@/lib/samples/handler';
import { healthyServer } from '@/lib/samples/healthy';
import { listen, type Running } from '../fixtures/servers';

const run = promisify(execFile);

export interface CertificateSpec {
  /** DNS names in the subjectAltName (the first is also the CN). */
  names: string[];
  /** openssl `ca` dates, YYYYMMDDHHMMSSZ. */
  notBefore: string;
  notAfter: string;
  /** Signed by a throwaway CA (untrusted, like any private CA) rather than by its own key. */
  caSigned?: boolean;
}

export interface Pem {
  key: Buffer;
  cert: Buffer;
}

const stamp = (date: Date) => `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
export const daysFromNow = (days: number) => stamp(new Date(Date.now() + days * 86_400_000));

/**
 * A key and certificate made with openssl at test time (no key material is checked in). `openssl
 * ca` is used because it is the one OpenSSL 3.0 command that sets both validity dates, which an
 * expired or not-yet-valid certificate needs.
 */
export async function makeCertificate(spec: CertificateSpec): Promise<Pem> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mcp-doctor-hostile-tls-'));
  const file = (name: string) => path.join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  try {
    await writeFile(file('index.txt'), '');
    await writeFile(file('serial'), '1000\n');
    await writeFile(
      file('ca.cnf'),
      [
        '[ca]',
        'default_ca = fixture',
        '[fixture]',
        `database = ${file('index.txt')}`,
        `new_certs_dir = ${dir}`,
        `serial = ${file('serial')}`,
        'default_md = sha256',
        'policy = anything',
        'copy_extensions = copy',
        'unique_subject = no',
        '[anything]',
        'commonName = supplied',
        '',
      ].join('\n'),
    );
    const [first = 'fixture.test'] = spec.names;
    const san = spec.names.map((n) => `DNS:${n}`).join(',');
    await run('openssl', [
      'req',
      '-new',
      ...ec,
      '-keyout',
      file('leaf.key'),
      '-out',
      file('leaf.csr'),
      '-subj',
      `/CN=${first}`,
      '-addext',
      `subjectAltName=${san}`,
    ]);
    const signer = spec.caSigned
      ? ['-cert', file('ca.pem'), '-keyfile', file('ca.key')]
      : ['-selfsign', '-keyfile', file('leaf.key')];
    if (spec.caSigned) {
      await run('openssl', [
        'req',
        '-x509',
        ...ec,
        '-keyout',
        file('ca.key'),
        '-out',
        file('ca.pem'),
        '-days',
        '2',
        '-subj',
        '/CN=MCP Doctor hostile fixture CA',
      ]);
    }
    await run('openssl', [
      'ca',
      '-batch',
      '-notext',
      '-config',
      file('ca.cnf'),
      ...signer,
      '-in',
      file('leaf.csr'),
      '-out',
      file('leaf.pem'),
      '-startdate',
      spec.notBefore,
      '-enddate',
      spec.notAfter,
    ]);
    return { key: await readFile(file('leaf.key')), cert: await readFile(file('leaf.pem')) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The healthy MCP server over HTTPS with the given certificate, on a loopback port. */
export function healthyOverTls(pem: Pem): Promise<Running> {
  return listen(
    https.createServer(
      pem,
      getRequestListener((request) => handleMcpRequest(request, healthyServer)),
    ),
  );
}
