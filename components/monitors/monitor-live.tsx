'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import useSWR from 'swr';
import { MonitorSchema, type Monitor } from '@/lib/monitors/schema';

async function fetchMonitor(url: string): Promise<Monitor> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return MonitorSchema.parse(await response.json());
}

/**
 * Keeps a monitor's page current: polls the monitor (often until its first check, then every
 * half minute) and re-renders the page when a new check has been recorded, saying so to screen
 * readers.
 */
export function MonitorLive({ initial }: { initial: Monitor }) {
  const router = useRouter();
  const { data } = useSWR(`/api/monitors/${initial.id}`, fetchMonitor, {
    fallbackData: initial,
    refreshInterval: (latest) => (latest?.lastCheckAt ? 30_000 : 2_000),
  });
  const seen = useRef(initial.lastCheckAt);
  useEffect(() => {
    if (data.lastCheckAt !== seen.current) {
      seen.current = data.lastCheckAt;
      router.refresh();
    }
  }, [data.lastCheckAt, router]);
  return (
    <p role="status" className="sr-only">
      {data.lastCheckAt
        ? `Last check ${data.lastCheckAt}: ${data.state}`
        : 'Waiting for the first check'}
    </p>
  );
}
