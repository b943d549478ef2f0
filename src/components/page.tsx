import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}

/** A page: its heading is the document title too, so screen readers and tabs say where you are. */
export function Page({ title, children, actions }: Props) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title" tabIndex={-1}>{title}</h1>
        {actions}
      </header>
      {children}
    </section>
  );
}
