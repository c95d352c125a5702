import { defineCheck, pass } from '../define';
import { APPS_AUTH, authApplies, documentOf, fieldsOf, withoutDocument } from './support/auth-data';

/** RFC 9207 `iss` in the authorization response lets ChatGPT use its one stable callback safely. */
export default defineCheck({
  id: 'auth.iss-parameter',
  area: 'auth',
  severity: 'info',
  title: 'The authorization response carries iss (RFC 9207)',
  failureTitle: 'No RFC 9207 iss parameter advertised',
  fix: 'Return iss=<issuer> with the code on redirect and advertise "authorization_response_iss_parameter_supported": true.',
  docs: APPS_AUTH,
  codes: ['absent'],
  run(t) {
    const applies = authApplies(t);
    if ('skipped' in applies) return applies.skipped;
    const doc = documentOf(applies.auth, 'authorization-server');
    const fields = fieldsOf(doc);
    if (!doc || !fields) return withoutDocument('authorization-server');
    if (fields.authorization_response_iss_parameter_supported === true)
      return pass('authorization_response_iss_parameter_supported: true');
    return {
      status: 'fail',
      code: 'absent',
      message: `${doc.url} does not advertise authorization_response_iss_parameter_supported; ChatGPT then uses a per-connection callback URL.`,
      evidence: doc.exchangeId ? [doc.exchangeId] : [],
    };
  },
});
