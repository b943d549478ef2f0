// A verdict as symbol + word + colour (never colour alone), or a neutral "not shown" when public view withholds it
// (publish-goal.ts): a withheld verdict has no colour, since the colour would say what the word does not.
import type { TFunction } from 'i18next';
import { VERDICT_SYMBOL, type Verdict } from './goal-verdict';

/** `ended`: the goal's window is over, so "behind" reads "not met" (it can no longer catch up). */
export function VerdictBadge({ verdict, withheld, k, t, ended = false }: { verdict: Verdict | null; withheld: boolean; k: number | null; t: TFunction; ended?: boolean }) {
  if (withheld) {
    return (
      <span className="verdict verdict-withheld" data-testid="verdict" title={t('disclosure.verdictWithheldHelp', { k })}>
        {t('disclosure.verdictWithheld')}
      </span>
    );
  }
  if (!verdict) return null;
  return (
    <span className={`verdict verdict-${verdict}`} data-testid="verdict">
      <span aria-hidden="true">{VERDICT_SYMBOL[verdict]}</span> {t(`goals.verdict_${ended && verdict === 'behind' ? 'not_met' : verdict}`)}
    </span>
  );
}
