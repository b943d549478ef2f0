// The development chart on the page and on a slide, with its table a click away.
import { formatPeriod } from '../../analysis/periods/report-periods';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/echart';
import { useLanguage } from '../../lib/i18n/i18n';
import { DevelopmentTable } from './lagesbild-document.view';
import { hiddenLabel, protectedLabel } from '../../lib/disclosure/format-count';
import { developmentChartOption } from './development-chart.model';
import type { LagesbildReport } from './lagesbild.model';

export function DevelopmentChart({ report, large = false }: { report: LagesbildReport; large?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [showTable, setShowTable] = useState(false);
  const option = useMemo(
    () => developmentChartOption(report.development, {
      current: t('lagesbild.allIncidents'), lastYear: t('lagesbild.sameLastYear'),
      hidden: report.rule ? { small: hiddenLabel(report.rule), protected: protectedLabel(language) } : undefined,
    }, language, large),
    [report, t, language, large],
  );
  return (
    <div>
      <EChart option={option} label={t('lagesbild.developmentLabel')} height={large ? 460 : 260} testId="lb-development-chart" />
      {report.development.filter((d) => d.partial).map((d) => (
        <p key={d.period.from} className="hint" data-testid="lb-development-partial">{t('lagesbild.partialBar', { period: formatPeriod(d.period, language), covered: d.partial!.covered, days: d.partial!.days })}</p>
      ))}
      <button type="button" className="link-button no-print" aria-expanded={showTable} onClick={() => setShowTable((v) => !v)}>
        {showTable ? t('overview.hideTable') : t('overview.showTable')}
      </button>
      {showTable && <DevelopmentTable report={report} t={t} language={language} />}
    </div>
  );
}
