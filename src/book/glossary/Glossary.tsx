/** The glossary page's lists, drawn from the one table in ./terms.ts. */
import { Link } from 'react-router';
import { tFor } from '../i18n';
import { usePage } from '../PageContext';
import { chapterNumber, findEntry, type Lang, pathOf } from '../toc';
import { type GlossaryGroup, glossary, glossaryAnchor } from './terms';

const collator = { en: new Intl.Collator('en'), zh: new Intl.Collator('zh-Hans-u-co-pinyin') };

export function sortedEntries(lang: Lang, group: GlossaryGroup) {
  return glossary
    .filter((entry) => entry.group === group)
    .slice()
    .sort((a, b) => collator[lang].compare(a[lang].forms[0], b[lang].forms[0]));
}

export function Glossary({ group }: { group: GlossaryGroup }) {
  const { lang } = usePage();
  const t = tFor(lang);
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  return (
    <dl className="glossary">
      {sortedEntries(lang, group).map((entry) => {
        const number = chapterNumber(entry.chapter);
        const chapter =
          number === undefined ? findEntry(entry.chapter)?.title[lang] : t('ref.chapter', { number });
        return (
          <div key={entry.id} className="glossary-entry">
            <dt id={glossaryAnchor(entry.id)}>
              <dfn>{entry[lang].forms[0]}</dfn>{' '}
              <span className="glossary-other" lang={other === 'zh' ? 'zh-Hans' : 'en'}>
                {entry[other].forms[0]}
              </span>
            </dt>
            <dd>
              {entry[lang].definition}{' '}
              <Link to={pathOf(lang, entry.chapter)}>{t('glossary.seeChapter', { chapter })}</Link>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
