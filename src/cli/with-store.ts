import { loadConfig, type Config } from '../config/config.ts';
import { openStore, type Store } from '../store/open-store.ts';

/** Opens the configured database (its URL and pool size from the configuration). */
export function openConfiguredStore(
  config: Pick<Config, 'databaseUrl' | 'databasePoolSize'> = loadConfig(),
): Promise<Store> {
  return openStore(config.databaseUrl, { poolSize: config.databasePoolSize });
}

/** Runs a command against the configured database, closing it afterwards whatever happens. */
export async function withStore<T>(run: (store: Store) => Promise<T>): Promise<T> {
  const store = await openConfiguredStore();
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}
