// A test helper run as its own process (`node --import tsx src/store/testing/migrate-at.ts URL AT`):
// waits until the wall-clock time AT (epoch ms), so that several processes start migrating the same
// fresh database together, then migrates it and prints the migrations this process ran, as JSON.
import { migrateToLatest, openDatabase } from '../open-database.ts';

const [url, at] = process.argv.slice(2);
if (!url || !at) throw new Error('usage: migrate-at.ts DATABASE_URL EPOCH_MS');
const { db, kind, close } = openDatabase(url);
await new Promise((r) => setTimeout(r, Math.max(0, Number(at) - Date.now())));
try {
  process.stdout.write(JSON.stringify(await migrateToLatest(db, kind)));
} finally {
  await close();
}
