import { runs } from '@/lib/runs/app-registry';
import { appOrigin } from '@/lib/samples/origin';
import { getStore } from '@/lib/store';
import type { RunArchive } from './archive';

const permalink = (id: string) => `${appOrigin()}/runs/${id}`;

/**
 * The dashboard's runs: the registry `POST /api/runs` starts runs in, and the store behind it, so
 * a diagnosis an agent asked for has a permalink anyone on the team can open, and its endpoint's
 * history (and `tools.drift`) includes the runs made from the dashboard.
 */
export const storeArchive: RunArchive = {
  registry: runs,
  load: (id) => runs.load(id),
  async history(url, limit) {
    const page = await (await getStore()).history(url, { limit });
    return page.runs.map((run) => ({
      id: run.id,
      url: run.url,
      createdAt: run.createdAt,
      state: run.state,
      status: run.status,
      rows: run.rows,
      problems: run.problems,
      permalink: permalink(run.id),
    }));
  },
  permalink,
};
