/** What every widget receives from the page that embeds it, besides its own props. */
export type WidgetLang = 'en' | 'zh';

export interface WidgetBaseProps {
  /** The page's language: every label, message and number format follows it. */
  lang: WidgetLang;
  /** The figure's id in the page (unique in the book); use it to namespace URL state. */
  id: string;
}

/** Strings of one widget in both languages, checked to have the same keys. */
export type Bilingual<T> = Record<WidgetLang, T>;
