import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'MCP Doctor', template: '%s · MCP Doctor' },
  description: 'Find out why ChatGPT cannot use your MCP server, and how to fix it.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/90 backdrop-blur">
          <div className="mx-auto flex min-h-14 max-w-6xl flex-wrap items-center justify-between gap-x-4 px-4 py-2 sm:px-6">
            <Link
              href="/"
              className="flex items-center gap-2 font-semibold tracking-tight text-slate-900"
            >
              <span
                aria-hidden="true"
                className="grid h-7 w-7 place-items-center rounded-md bg-slate-900 font-mono text-xs text-white"
              >
                MD
              </span>
              MCP Doctor
            </Link>
            <nav
              aria-label="Main"
              className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600 sm:gap-x-4"
            >
              <Link href="/" className="hover:text-slate-900">
                New check
              </Link>
              <Link href="/sessions" className="hover:text-slate-900">
                Sessions
              </Link>
              <Link href="/history" className="hover:text-slate-900">
                History
              </Link>
              <Link href="/monitors" className="hover:text-slate-900">
                Monitors
              </Link>
              <Link href="/#api" className="hover:text-slate-900">
                API
              </Link>
              <ThemeToggle />
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
          {children}
        </main>
      </body>
    </html>
  );
}
