import { describe, expect, it } from 'vitest';
import { CHECKS } from '@/lib/checks';
import { explainCheck } from './check-explanation';
import { CheckExplanationSchema } from './schemas';

describe('explainCheck', () => {
  it('explains every registered check from its own definition', () => {
    for (const check of CHECKS) {
      const explanation = CheckExplanationSchema.parse(explainCheck(check));
      expect(explanation).toMatchObject({
        id: check.id,
        title: check.title,
        fix: check.fix,
        docs: check.docs,
      });
      expect(explanation.whyItMatters).toContain(check.failureTitle);
      expect(explanation.whyItMatters).toContain(explanation.row);
    }
  });

  it('says what a failure does to the verdict, by severity', () => {
    const bySeverity = (severity: string) => CHECKS.find((c) => c.severity === severity);
    const error = bySeverity('error');
    const warning = bySeverity('warning');
    const info = bySeverity('info');
    if (!error || !warning || !info) throw new Error('the registry has every severity');
    expect(explainCheck(error).whyItMatters).toMatch(/makes the endpoint unhealthy/);
    expect(explainCheck(warning).whyItMatters).toMatch(/fails the run only in strict mode/);
    expect(explainCheck(info).whyItMatters).toMatch(/nothing breaks/);
  });
});
