import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SessionLive } from '@/components/session/session-live';
import { sessionView } from '@/lib/sessions/view';
import { getStore } from '@/lib/store';
import { StoreIdSchema } from '@/lib/store/schema';

async function load(id: string) {
  return StoreIdSchema.safeParse(id).success ? sessionView(await getStore(), id) : undefined;
}

export async function generateMetadata({ params }: PageProps<'/sessions/[id]'>): Promise<Metadata> {
  const view = await load((await params).id);
  return { title: view ? view.session.name : 'Session not found' };
}

export default async function SessionPage({ params }: PageProps<'/sessions/[id]'>) {
  const view = await load((await params).id);
  if (!view) notFound();
  return <SessionLive initial={view} />;
}
