import { createContext, useContext } from 'react';
import type { Lang } from './toc';

export interface PageInfo {
  lang: Lang;
  slug: string;
}

export const PageContext = createContext<PageInfo>({ lang: 'en', slug: '' });

export const usePage = () => useContext(PageContext);
