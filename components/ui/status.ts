import type { CheckResult, RowStatus } from '@/lib/report/schema';

/** Every status the UI shows, each with a word and a symbol so colour is never the only signal. */
export type Tone = 'pass' | 'warn' | 'fail' | 'unverified' | 'info' | 'skipped' | 'error';

export const TONES: Record<Tone, { label: string; symbol: string; badge: string; accent: string }> =
  {
    pass: {
      label: 'Pass',
      symbol: '✓',
      badge: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30',
      accent: 'border-l-emerald-500',
    },
    warn: {
      label: 'Warning',
      symbol: '!',
      badge: 'bg-amber-50 text-amber-900 ring-amber-600/40',
      accent: 'border-l-amber-500',
    },
    fail: {
      label: 'Fail',
      symbol: '✕',
      badge: 'bg-red-50 text-red-800 ring-red-600/30',
      accent: 'border-l-red-500',
    },
    unverified: {
      label: 'Not verified',
      symbol: '?',
      badge: 'bg-orange-50 text-orange-900 ring-orange-600/40',
      accent: 'border-l-orange-500',
    },
    info: {
      label: 'Note',
      symbol: 'i',
      badge: 'bg-sky-50 text-sky-800 ring-sky-600/30',
      accent: 'border-l-sky-500',
    },
    skipped: {
      label: 'Skipped',
      symbol: '–',
      badge: 'bg-slate-100 text-slate-600 ring-slate-400/30',
      accent: 'border-l-slate-300',
    },
    error: {
      label: 'Check error',
      symbol: '?',
      badge: 'bg-fuchsia-50 text-fuchsia-800 ring-fuchsia-600/30',
      accent: 'border-l-fuchsia-500',
    },
  };

export const rowTone = (status: RowStatus): Tone => status;

/** A failed check reads as what it means for the user: a failure, a warning or a note. */
export function checkTone(check: Pick<CheckResult, 'status' | 'severity'>): Tone {
  if (check.status !== 'fail') return check.status;
  return check.severity === 'error' ? 'fail' : check.severity === 'warning' ? 'warn' : 'info';
}
