import type { ReactNode } from 'react';

/**
 * A chart as a figure: the picture (an SVG with its own title and description, for screen
 * readers), a legend in words, and the numbers behind it in a table anyone can open. Colour is
 * never the only signal (WCAG 2.2 1.4.1): lines differ in dash, bars in height.
 */
export function ChartFrame({
  id,
  title,
  description,
  legend,
  table,
  children,
  width,
  height,
}: {
  id: string;
  title: string;
  description: string;
  legend: ReactNode;
  table: ReactNode;
  children: ReactNode;
  width: number;
  height: number;
}) {
  return (
    <figure aria-labelledby={`${id}-caption`} className="space-y-2">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="h-auto w-full overflow-visible text-slate-500"
        data-testid={id}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {children}
      </svg>
      <figcaption
        id={`${id}-caption`}
        className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600"
      >
        <span className="font-semibold text-slate-800">{title}</span>
        {legend}
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-sky-700 hover:underline">Data table</summary>
        <div
          tabIndex={0}
          role="region"
          aria-label={`${title}, as a table`}
          className="mt-2 max-h-72 overflow-auto rounded border border-slate-200"
        >
          {table}
        </div>
      </details>
    </figure>
  );
}

export const cell = 'px-2 py-1 text-left align-top';
