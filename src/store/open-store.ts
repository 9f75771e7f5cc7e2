import type {
  FootprintNetworkRepository,
  PactFootprintRepository,
} from '../core/footprint/footprint-ports.ts';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CodeTables, Meters, OperatingYears, Registry } from '../core/ports.ts';
import {
  isPostgresUrl,
  migrateToLatest,
  openDatabase,
  runExclusively,
  type DatabaseKind,
  type OpenDatabaseOptions,
} from './open-database.ts';
import { createCodeTables } from './repositories/code-tables.ts';
import { createFootprintNetworkRepository } from './repositories/footprint-network.ts';
import { createPactFootprintRepository } from './repositories/footprint-pact.ts';
import { createOperatingYears } from './repositories/operating-years.ts';
import { createRegistry } from './repositories/registry.ts';
import { createMeterRepository } from './telemetry/meter-repository.ts';
import { createWorkflowStore, type WorkflowStore } from './repositories/workflow-store.ts';

/** The store's adapters for the ports, over one migrated database. */
export interface Store {
  readonly kind: DatabaseKind;
  readonly codeTables: CodeTables;
  readonly registry: Registry;
  readonly meters: Meters;
  readonly operatingYears: OperatingYears;
  /** Accounts, sessions, tokens, declarations, negative list, audit log (issue 6). */
  readonly workflow: WorkflowStore;
  /** The supply-network model and published PACT footprints (issue 5). */
  readonly footprintNetwork: FootprintNetworkRepository;
  readonly pactFootprints: PactFootprintRepository;
  /** Runs `work` under a lock shared by every process on this database (see runExclusively). */
  readonly exclusively: <T>(name: string, work: () => Promise<T>) => Promise<T>;
  readonly close: () => Promise<void>;
}

/** Opens (creating the SQLite file's folder if needed) and migrates the database, then wires the repositories. */
export async function openStore(databaseUrl: string, options: OpenDatabaseOptions = {}): Promise<Store> {
  if (!isPostgresUrl(databaseUrl) && databaseUrl !== ':memory:')
    mkdirSync(dirname(databaseUrl), { recursive: true });
  const { db, kind, close } = openDatabase(databaseUrl, options);
  try {
    await migrateToLatest(db, kind);
  } catch (e) {
    await close();
    throw e;
  }
  return {
    kind,
    codeTables: createCodeTables(db),
    registry: createRegistry(db),
    meters: createMeterRepository(db),
    operatingYears: createOperatingYears(db),
    workflow: createWorkflowStore(db, kind),
    footprintNetwork: createFootprintNetworkRepository(db),
    pactFootprints: createPactFootprintRepository(db),
    exclusively: (name, work) => runExclusively(db, kind, name, work),
    close,
  };
}
