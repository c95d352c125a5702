import type { CheckResult } from '@/lib/report/schema';
import type { AuthDocument } from '@/lib/report/schema-auth';
import { EvidenceLinks } from '@/components/report/evidence-links';
import type { ExchangeLabels } from '@/components/report/exchange-labels';
import { JsonDetails } from '@/components/report/json-details';
import { StatusBadge } from '@/components/ui/status-badge';
import { TONES, checkTone } from '@/components/ui/status';

/** The fields ChatGPT depends on, each with the check that judges it. */
const KEY_FIELDS: Record<AuthDocument['kind'], [field: string, check: string][]> = {
  'protected-resource': [
    ['resource', 'auth.resource-match'],
    ['authorization_servers', 'auth.authorization-servers'],
    ['scopes_supported', 'auth.scopes'],
  ],
  'authorization-server': [
    ['issuer', 'auth.issuer'],
    ['authorization_endpoint', 'auth.endpoints'],
    ['token_endpoint', 'auth.endpoints'],
    ['response_types_supported', 'auth.server-metadata'],
    ['code_challenge_methods_supported', 'auth.pkce'],
    ['registration_endpoint', 'auth.registration'],
    ['client_id_metadata_document_supported', 'auth.registration'],
    ['scopes_supported', 'auth.scopes'],
    ['authorization_response_iss_parameter_supported', 'auth.iss-parameter'],
  ],
};

/** Rows with a finding stand out by its weight; passes stay plain. */
const TINT: Partial<Record<ReturnType<typeof checkTone>, string>> = {
  fail: 'bg-red-50/70',
  warn: 'bg-amber-50/70',
  info: 'bg-sky-50/60',
  error: 'bg-fuchsia-50/60',
};

const TITLE: Record<AuthDocument['kind'], string> = {
  'protected-resource': 'Protected resource metadata',
  'authorization-server': 'Authorization server metadata',
};

/** A metadata document: the fields that matter highlighted with their verdict, the whole JSON behind a disclosure. */
export function MetadataDocument({
  doc,
  checks,
  labels,
}: {
  doc: AuthDocument;
  checks: readonly CheckResult[];
  labels: ExchangeLabels;
}) {
  const json =
    doc.json && typeof doc.json === 'object' && !Array.isArray(doc.json)
      ? (doc.json as Record<string, unknown>)
      : null;
  return (
    <article
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid={`auth-document-${doc.kind}`}
    >
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h4 className="font-medium text-slate-900">{TITLE[doc.kind]}</h4>
        {doc.format === 'oidc' ? (
          <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-700">OpenID Connect</span>
        ) : null}
        {doc.beyondSpec ? (
          <span className="rounded bg-violet-50 px-1.5 text-xs text-violet-800">
            found by MCP Doctor only
          </span>
        ) : null}
        <span className="min-w-0 flex-1 break-all font-mono text-xs text-slate-500">{doc.url}</span>
        <span className="text-xs">
          <EvidenceLinks ids={doc.exchangeId ? [doc.exchangeId] : []} labels={labels} compact />
        </span>
      </header>
      {doc.problems.length > 0 ? (
        <div className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          <p className="font-medium">The MCP SDK rejects this document:</p>
          <ul className="mt-1 list-disc pl-5 font-mono text-xs">
            {doc.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {json ? (
        <table className="mt-3 block w-full text-left text-sm md:table">
          <caption className="sr-only">
            Fields ChatGPT depends on in the {TITLE[doc.kind].toLowerCase()}
          </caption>
          <tbody className="block divide-y divide-slate-100 md:table-row-group">
            {KEY_FIELDS[doc.kind].map(([field, checkId]) => {
              const check = checks.find((c) => c.id === checkId);
              const value = json[field];
              // A verdict beside a field only when it is about that field: not a pass for an absent
              // optional field, not another field's finding of the same check.
              const offenders = check?.items.map((i) => i.subject) ?? [];
              const aboutOther =
                check?.status === 'fail' && offenders.length > 0 && !offenders.includes(field);
              const judged =
                check &&
                check.status !== 'skipped' &&
                !aboutOther &&
                (value !== undefined || check.status !== 'pass');
              return (
                <tr
                  key={field}
                  data-field={field}
                  data-verdict={judged ? check.status : undefined}
                  className={`block py-1.5 md:table-row md:py-0 ${judged ? TINT[checkTone(check)] : ''}`}
                >
                  <th
                    scope="row"
                    className="block break-words pr-3 align-top font-mono text-xs font-normal text-slate-600 md:table-cell md:w-64 md:py-1.5"
                  >
                    {field}
                  </th>
                  <td
                    className={`block break-all pr-3 align-top font-mono text-xs md:table-cell md:py-1.5 ${value === undefined ? 'text-slate-500' : 'text-slate-900'}`}
                  >
                    {value === undefined ? 'absent' : JSON.stringify(value)}
                  </td>
                  <td className="block py-1 align-top md:table-cell md:w-28 md:text-right">
                    {judged ? (
                      <a
                        href={`#check-${check.id}`}
                        title={check.message}
                        aria-label={`${TONES[checkTone(check)].label}: ${check.id}, ${check.message}`}
                      >
                        <StatusBadge tone={checkTone(check)} size="sm" />
                      </a>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <div className="mt-3">
        <JsonDetails summary="Whole document" value={doc.json} />
      </div>
    </article>
  );
}
