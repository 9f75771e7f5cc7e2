import type { Batch } from './types.ts';

/**
 * The list batches in the shipped data. Publication dates are those of the MIIT notice pages in
 * batch_sources.csv; notice numbers and tags from domain.md §7.1 (null where no number was found).
 */
export const listBatches: readonly Batch[] = [
  {
    code: '1',
    ordinal: 1,
    labelZh: '第一批',
    labelEn: 'Batch 1',
    published: '2017-08-23',
    notice: '工信厅节函〔2017〕491号',
    tag: 'C',
  },
  {
    code: '2',
    ordinal: 2,
    labelZh: '第二批',
    labelEn: 'Batch 2',
    published: '2018-02-11',
    notice: null,
    tag: 'S',
  },
  {
    code: '3',
    ordinal: 3,
    labelZh: '第三批',
    labelEn: 'Batch 3',
    published: '2018-10-29',
    notice: null,
    tag: 'S',
  },
  {
    code: '4',
    ordinal: 4,
    labelZh: '第四批',
    labelEn: 'Batch 4',
    published: '2019-09-02',
    notice: '工信厅节函〔2019〕196号',
    tag: 'S',
  },
  {
    code: '5',
    ordinal: 5,
    labelZh: '第五批',
    labelEn: 'Batch 5',
    published: '2020-10-16',
    notice: '工信厅节函〔2020〕246号',
    tag: 'S',
  },
  {
    code: '2021',
    ordinal: 6,
    labelZh: '2021年度',
    labelEn: '2021 list',
    published: '2022-01-15',
    notice: '工信厅节函〔2022〕7号',
    tag: 'C',
  },
];

/** Looks up a batch by the code the lists use ("1".."5", "2021"). */
export function findBatch(code: string): Batch | undefined {
  return listBatches.find((b) => b.code === code.trim());
}
