import { loadConfig } from '../config/config.ts';
import { openStore, type Store } from '../store/open-store.ts';

/** Runs a command against the configured database, closing it afterwards whatever happens. */
export async function withStore<T>(run: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(loadConfig().databaseUrl);
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}
