// Inställningar → Bakgrundskarta: the organisation's own tile server, off by default.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readSetting, writeSetting } from '../../data/settings-store';
import { TILE_SETTING, parseTileSource, tileSourceProblem } from '../../lib/tile-source';


export function TileSourceForm() {
  const { t } = useTranslation();
  const saved = parseTileSource(readSetting(TILE_SETTING));
  const [url, setUrl] = useState(saved?.url ?? '');
  const [attribution, setAttribution] = useState(saved?.attribution ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const problem = url ? tileSourceProblem(url) : null;

  const save = () => {
    if (!url) {
      writeSetting(TILE_SETTING, '');
      setMessage(t('settings.tiles.cleared'));
      return;
    }
    if (problem) return;
    writeSetting(TILE_SETTING, JSON.stringify({ url, attribution }));
    setMessage(t('settings.tiles.saved'));
  };

  return (
    <section>
      <h2>{t('settings.tiles.heading')}</h2>
      <p className="hint">{t('settings.tiles.intro')}</p>
      <div className="goal-form">
        <label className="goal-field">{t('settings.tiles.url')}
          <input type="url" value={url} onChange={(e) => { setUrl(e.target.value.trim()); setMessage(null); }} placeholder="https://karta.example.se/tiles/{z}/{x}/{y}.png" aria-invalid={problem !== null} aria-describedby="tile-problem" />
        </label>
        <label className="goal-field">{t('settings.tiles.attribution')}
          <input type="text" value={attribution} onChange={(e) => setAttribution(e.target.value)} />
        </label>
      </div>
      {problem && <p id="tile-problem" className="error">{t(`settings.tiles.problem_${problem.replace('-', '_')}`)}</p>}
      <div className="actions">
        <button type="button" onClick={save} disabled={problem !== null}>{url ? t('settings.tiles.save') : t('settings.tiles.clear')}</button>
      </div>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
