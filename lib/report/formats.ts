import { toHar } from './har';
import { toJUnit } from './junit';
import { markdownSummary } from './markdown-summary';
import type { Report } from './schema';
import { textSummary } from './text-summary';

/** What a renderer may need beyond the report. */
export interface RenderOptions {
  /** ANSI colours, for a terminal (text only). */
  color?: boolean;
  /** Who wrote the file (HAR `log.creator`). */
  creator: { name: string; version: string };
}

/**
 * Every way a report is written out, listed once: the CLI's `--format`, `/api/check?format=` and the
 * run page's downloads all read this table. Adding a format is one entry and its renderer.
 */
export const FORMATS = [
  {
    id: 'json',
    label: 'Report (JSON)',
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    render: (report: Report) => `${JSON.stringify(report, null, 2)}\n`,
  },
  {
    id: 'junit',
    label: 'JUnit XML',
    contentType: 'application/xml; charset=utf-8',
    extension: 'xml',
    render: (report: Report) => toJUnit(report),
  },
  {
    id: 'text',
    label: 'Text summary',
    contentType: 'text/plain; charset=utf-8',
    extension: 'txt',
    render: (report: Report, options: RenderOptions) =>
      textSummary(report, { color: options.color ?? false }),
  },
  {
    id: 'markdown',
    label: 'Markdown summary',
    contentType: 'text/markdown; charset=utf-8',
    extension: 'md',
    render: (report: Report) => markdownSummary(report),
  },
  {
    id: 'har',
    label: 'HAR 1.2 (raw log)',
    contentType: 'application/json; charset=utf-8',
    extension: 'har',
    render: (report: Report, options: RenderOptions) =>
      `${JSON.stringify(toHar(report, options.creator), null, 2)}\n`,
  },
] as const;

export type Format = (typeof FORMATS)[number];
export type FormatId = Format['id'];
export const FORMAT_IDS = FORMATS.map((f) => f.id) as [FormatId, ...FormatId[]];

export function formatOf(id: FormatId): Format {
  const format = FORMATS.find((f) => f.id === id);
  if (!format) throw new Error(`unknown format ${id}`);
  return format;
}

/** The report in one format, with the media type to answer it with. */
export function renderReport(
  report: Report,
  id: FormatId,
  options: RenderOptions,
): { body: string; contentType: string } {
  const format = formatOf(id);
  return { body: format.render(report, options), contentType: format.contentType };
}
