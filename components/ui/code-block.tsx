/**
 * Remote text shown verbatim: React escapes it, `pre` keeps its shape, long lines scroll (and the
 * box takes focus, so keyboard users can scroll it too).
 */
export function CodeBlock({ children, label }: { children: string; label?: string }) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className="max-h-[28rem] overflow-auto rounded-md border border-code-border bg-code p-3 font-mono text-xs leading-relaxed text-code-text focus-visible:outline-2 focus-visible:outline-sky-500"
    >
      <code>{children}</code>
    </pre>
  );
}
