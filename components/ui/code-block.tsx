/** Remote text shown verbatim: React escapes it, `pre` keeps its shape, long lines scroll. */
export function CodeBlock({ children, label }: { children: string; label?: string }) {
  return (
    <pre
      aria-label={label}
      className="max-h-[28rem] overflow-auto rounded-md border border-slate-200 bg-slate-950 p-3 font-mono text-xs leading-relaxed text-slate-100"
    >
      <code>{children}</code>
    </pre>
  );
}
