import type { ReactNode } from 'react';

export function Section({
  id,
  title,
  aside,
  children,
}: {
  id: string;
  title: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="scroll-mt-20">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-title`} className="text-lg font-semibold tracking-tight text-slate-900">
          {title}
        </h2>
        {aside ? <div className="text-sm text-slate-500">{aside}</div> : null}
      </div>
      {children}
    </section>
  );
}
