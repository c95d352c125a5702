import { CodeBlock } from '@/components/ui/code-block';

/** How a pipeline calls the same diagnosis: the status code is the verdict. */
export function ApiHelp({ origin }: { origin: string }) {
  return (
    <div className="space-y-3 text-sm text-slate-700">
      <p>
        <code className="font-mono">GET /api/check?url=…</code> answers the report as JSON with HTTP
        200 when the server is healthy and 503 when a check fails (
        <code className="font-mono">strict=1</code> also fails on warnings). Send headers or a token
        with <code className="font-mono">POST /api/check</code> and a JSON body.
      </p>
      <CodeBlock label="Example">
        {`curl --fail-with-body "${origin}/api/check?url=https%3A%2F%2Fexample.com%2Fmcp&strict=1"

curl --fail-with-body -X POST ${origin}/api/check \\
  -H 'content-type: application/json' \\
  -d "{\\"url\\":\\"https://example.com/mcp\\",\\"token\\":\\"$MCP_TOKEN\\"}"`}
      </CodeBlock>
    </div>
  );
}
