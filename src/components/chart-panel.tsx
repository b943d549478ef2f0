// A chart with its table alternative and its exports: the table (shown on demand), the data as Excel CSV,
// the chart as PNG. Every chart on the Trender page sits in one of these.
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadDataUrl, downloadText, toExcelCsv } from '../lib/excel-csv';
import type { ChartExport } from './echart';

interface Props {
  title: string;
  fileName: string;
  /** The chart, given the ref the PNG export reads. */
  chart: (exportRef: React.MutableRefObject<ChartExport | null>) => ReactNode;
  table: ReactNode;
  csv: () => { header: string[]; rows: unknown[][] };
  children?: ReactNode;
  testId?: string;
}

export function ChartPanel({ title, fileName, chart, table, csv, children, testId }: Props) {
  const { t } = useTranslation();
  const [showTable, setShowTable] = useState(false);
  const exportRef = useRef<ChartExport | null>(null);
  return (
    <div className="panel" data-testid={testId}>
      <div className="panel-header">
        <h2>{title}</h2>
        <div className="panel-actions">
          <button type="button" className="link-button" aria-expanded={showTable} onClick={() => setShowTable((v) => !v)}>
            {showTable ? t('overview.hideTable') : t('overview.showTable')}
          </button>
          <button type="button" className="link-button" onClick={() => { const c = csv(); downloadText(`${fileName}.csv`, toExcelCsv(c.header, c.rows)); }}>CSV</button>
          <button type="button" className="link-button" onClick={() => exportRef.current && downloadDataUrl(`${fileName}.png`, exportRef.current.png())}>PNG</button>
        </div>
      </div>
      {children}
      {chart(exportRef)}
      {showTable && table}
    </div>
  );
}
