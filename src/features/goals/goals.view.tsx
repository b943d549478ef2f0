// The goals as loaded. Evaluation (actual, expected, projection, verdict) is the goals issue's work.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { useDatabase } from '../../hooks/use-database';
import { LIST_GOALS } from './goals.query';

interface GoalListRow {
  id: string;
  title: string;
  promise: string;
  owner: string;
  period: string;
  start: string;
  end: string;
  follow_up: string | null;
}

export function GoalsPage() {
  const { t } = useTranslation();
  const { database } = useDatabase();
  const [goals, setGoals] = useState<GoalListRow[]>([]);
  useEffect(() => {
    void database.runner.rows<GoalListRow>(LIST_GOALS).then(setGoals);
  }, [database]);
  return (
    <Page title={t('pages.goalsLong')}>
      <p className="lead">{t('placeholder.goals')}</p>
      <p className="hint">{t('goals.count', { count: goals.length })}</p>
      <ol className="goal-list" data-testid="goal-list">
        {goals.map((g) => (
          <li key={g.id}>
            <h2>{g.title}</h2>
            <blockquote>{g.promise}</blockquote>
            <p className="hint">
              {t('goals.owner')}: {g.owner} · {t('goals.period')}: {g.start} – {g.end}
              {g.follow_up ? ` · ${t('goals.followUp')}: ${g.follow_up}` : ''}
            </p>
          </li>
        ))}
      </ol>
    </Page>
  );
}
