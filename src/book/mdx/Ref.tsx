import { Link } from 'react-router';
import { tFor } from '../i18n';
import { resolveLabel } from '../labels';
import { usePage } from '../PageContext';

/** A link that shows the number of an equation, section, figure or chapter. Unknown ids fail a test. */
export function Ref({ to }: { to: string }) {
  const { lang } = usePage();
  const label = resolveLabel(to, lang);
  if (!label) {
    return (
      <span className="ref-missing" title={to}>
        [{tFor(lang)('ref.missing')}: {to}]
      </span>
    );
  }
  return (
    <Link className={`ref ref-${label.kind}`} to={label.href}>
      {label.text}
    </Link>
  );
}
