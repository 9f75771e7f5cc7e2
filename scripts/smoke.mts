import { openStore } from '/work/main/src/store/open-store.ts';
import { datasetFiles } from '/work/main/src/store/dataset-files.ts';
import { bootstrapRegistry } from '/work/main/src/services/bootstrap.ts';
import { importLists, formatImportIssues } from '/work/main/src/services/import-lists.ts';
import { getStats } from '/work/main/src/services/stats.ts';
const store = await openStore('/tmp/gm-smoke/db.sqlite');
const source = datasetFiles('/work/main/datasets');
const t=Date.now();
try { const r = await bootstrapRegistry({ source, ...store }); console.log(Date.now()-t,'ms', r.imported?.outcome, r.imported?.lists.map(l=>[l.kind,l.rows,l.units,l.skipped.length])); } catch(e) { console.log(String(e).slice(0,3000)); }
const again = await importLists({ source, ...store }); console.log('again', again.ok, again.outcome, formatImportIssues(again).slice(0,5));
const s = await getStats(store); console.log(JSON.stringify({...s, byProvince: s.byProvince.length, byBatch: s.byBatch}));
await store.close();
