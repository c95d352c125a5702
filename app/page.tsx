import { connection } from 'next/server';
import { CheckForm } from '@/components/check/check-form';
import { ApiHelp } from '@/components/home/api-help';
import { SampleList } from '@/components/home/sample-list';
import { TeamSection } from '@/components/session/team-section';
import { Section } from '@/components/ui/section';
import { appOrigin } from '@/lib/samples/origin';
import { SAMPLES } from '@/lib/samples/catalog';

export default async function HomePage() {
  // Sample URLs come from the configured origin, read per request rather than frozen at build time.
  await connection();
  return (
    <div className="space-y-12">
      <div className="space-y-6">
        <div className="max-w-3xl space-y-2">
          <h1 className="text-3xl font-semibold tracking-tight text-slate-900 sm:text-4xl">
            Why can’t ChatGPT use my MCP server?
          </h1>
          <p className="text-base text-slate-600">
            Paste your endpoint. MCP Doctor connects the way ChatGPT does, records every request and
            answer, and goes through ChatGPT’s connection-issues table row by row: connection,
            tools, widgets and auth — with the fix for each finding.
          </p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
          <CheckForm />
        </div>
      </div>
      <Section
        id="samples"
        title="Sample endpoints"
        aside="Served by this app; each shows one kind of problem"
      >
        <SampleList samples={SAMPLES} />
      </Section>
      <Section id="team" title="Debugging with your team">
        <TeamSection />
      </Section>
      <Section id="api" title="From CI">
        <ApiHelp origin={appOrigin()} />
      </Section>
    </div>
  );
}
