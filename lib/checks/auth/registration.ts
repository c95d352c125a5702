import { defineCheck, pass } from '../define';
import { APPS_AUTH, authApplies, documentOf, fieldsOf, withoutDocument } from './support/auth-data';

/** ChatGPT has no prior relationship with your server: it registers itself (RFC 7591) or presents a client ID metadata document. */
export default defineCheck({
  id: 'auth.registration',
  area: 'auth',
  severity: 'error',
  title: 'Clients can register themselves',
  failureTitle: 'Clients have no way to register',
  fix: 'Offer dynamic client registration (registration_endpoint, RFC 7591) or accept client ID metadata documents ("client_id_metadata_document_supported": true).',
  docs: APPS_AUTH,
  codes: ['none'],
  run(t) {
    const applies = authApplies(t);
    if ('skipped' in applies) return applies.skipped;
    const doc = documentOf(applies.auth, 'authorization-server');
    const fields = fieldsOf(doc);
    if (!doc || !fields) return withoutDocument('authorization-server');
    const dcr = typeof fields.registration_endpoint === 'string';
    const cimd = fields.client_id_metadata_document_supported === true;
    if (!dcr && !cimd) {
      return {
        status: 'fail',
        code: 'none',
        message: `${doc.url} has neither registration_endpoint nor client_id_metadata_document_supported: ChatGPT cannot become a client.`,
        evidence: doc.exchangeId ? [doc.exchangeId] : [],
      };
    }
    const ways = [
      cimd ? 'client ID metadata documents' : null,
      dcr ? `dynamic registration at ${String(fields.registration_endpoint)}` : null,
    ].filter(Boolean);
    return pass(`Clients can register: ${ways.join(' and ')}`);
  },
});
