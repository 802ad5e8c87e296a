/**
 * Interface strings of the reading app and widgets, in both languages. Prose lives in MDX; only the chrome
 * around it is here. i18next does plurals and interpolation; `tFor(lang)` gives a fixed-language function.
 */
import i18next, { type TFunction } from 'i18next';
import type { Lang } from './toc';

const en = {
  book: { name: 'Unrolled', tagline: 'Recurrent neural networks, step by step' },
  nav: {
    contents: 'Contents',
    onThisPage: 'On this page',
    previous: 'Previous',
    next: 'Next',
    openContents: 'Open the table of contents',
    closeContents: 'Close the table of contents',
    skip: 'Skip to the text',
    chapter: 'Chapter {{number}}',
  },
  header: {
    language: '中文',
    languageLabel: '阅读中文版',
    themeToDark: 'Switch to the dark theme',
    themeToLight: 'Switch to the light theme',
  },
  ref: {
    section: '§{{number}}',
    figure: 'Figure {{number}}',
    chapter: 'Chapter {{number}}',
    missing: 'missing reference',
  },
  figure: { label: 'Figure {{number}}' },
  note: { note: 'Note', history: 'History', warning: 'Watch out', tip: 'Tip' },
  exercises: { exercise: 'Exercise {{number}}', hint: 'Hint', solution: 'Solution' },
  recap: { title: 'Recap' },
  notFound: {
    title: 'Page not found',
    body: 'There is no page at {{path}}. It may have moved, or the link may be mistyped.',
    home: 'Go to the front page',
    contents: 'Or pick a chapter:',
  },
  widget: {
    failed: 'This figure stopped working',
    reset: 'Reset the figure',
    pending: 'This live figure is being built. The text around it reads on its own until it arrives.',
    loading: 'Loading the live figure…',
  },
  notation: {
    symbol: 'Symbol',
    meaning: 'Meaning',
    macro: 'Macro',
    form: 'Equation form',
    row: 'Row vectors (batch, as d2l)',
    column: 'Column vectors (as PyTorch docs)',
    showColumn: 'Show this equation with column vectors',
    showRow: 'Show this equation with row vectors',
    rowShort: 'rows',
    columnShort: 'columns',
  },
  search: {
    label: 'Search the book',
    placeholder: 'Search…',
    open: 'Open search',
    close: 'Close search',
    loading: 'Loading the index…',
    failed: 'Search could not load. Try again when online.',
    none: 'Nothing found for “{{query}}”.',
    count_one: '{{count}} result',
    count_other: '{{count}} results',
    hint: 'Use ↑ and ↓ to move through the results, Enter to open one, Escape to close.',
    otherLanguage: '中文',
  },
  progress: {
    read: 'read',
    markRead: 'Mark this chapter as read',
    markUnread: 'Mark as not read',
    isRead: 'You have read this chapter.',
    continue: 'Continue where you left off',
    readCount: '{{read}} of {{total}} chapters read',
  },
  glossary: {
    open: 'Open in the glossary',
    seeChapter: 'Explained in {{chapter}}',
    otherLanguage: 'Chinese',
  },
  update: {
    available: 'A new version of the book is available.',
    reload: 'Reload',
    dismiss: 'Later',
    offlineReady: 'The book is saved for reading offline.',
  },
} as const;

type Strings = { [K in keyof typeof en]: { [J in keyof (typeof en)[K]]: string } };

const zh: Strings = {
  book: { name: 'Unrolled', tagline: '循环神经网络，一步一步展开' },
  nav: {
    contents: '目录',
    onThisPage: '本页内容',
    previous: '上一页',
    next: '下一页',
    openContents: '打开目录',
    closeContents: '关闭目录',
    skip: '跳到正文',
    chapter: '第 {{number}} 章',
  },
  header: {
    language: 'English',
    languageLabel: 'Read in English',
    themeToDark: '切换到深色主题',
    themeToLight: '切换到浅色主题',
  },
  ref: {
    section: '{{number}} 节',
    figure: '图 {{number}}',
    chapter: '第 {{number}} 章',
    missing: '引用缺失',
  },
  figure: { label: '图 {{number}}' },
  note: { note: '注', history: '历史', warning: '注意', tip: '提示' },
  exercises: { exercise: '练习 {{number}}', hint: '提示', solution: '解答' },
  recap: { title: '小结' },
  notFound: {
    title: '找不到该页面',
    body: '{{path}} 处没有页面。它可能已被移动，或者链接有误。',
    home: '回到首页',
    contents: '或者选择一章：',
  },
  widget: {
    failed: '这个图出错了',
    reset: '重置此图',
    pending: '这个交互图还在制作中。在它完成之前，周围的文字可以独立阅读。',
    loading: '正在加载交互图……',
  },
  notation: {
    symbol: '符号',
    meaning: '含义',
    macro: '宏',
    form: '公式写法',
    row: '行向量（小批量，同 d2l）',
    column: '列向量（同 PyTorch 文档）',
    showColumn: '以列向量形式显示此公式',
    showRow: '以行向量形式显示此公式',
    rowShort: '行向量',
    columnShort: '列向量',
  },
  search: {
    label: '搜索全书',
    placeholder: '搜索……',
    open: '打开搜索',
    close: '关闭搜索',
    loading: '正在加载索引……',
    failed: '搜索无法加载。请联网后再试。',
    none: '没有找到“{{query}}”。',
    count_one: '{{count}} 条结果',
    count_other: '{{count}} 条结果',
    hint: '用 ↑ 和 ↓ 在结果间移动，回车打开，Esc 关闭。',
    otherLanguage: 'English',
  },
  progress: {
    read: '已读',
    markRead: '将本章标为已读',
    markUnread: '标为未读',
    isRead: '你已读完本章。',
    continue: '从上次读到的地方继续',
    readCount: '已读 {{read}} / {{total}} 章',
  },
  glossary: {
    open: '在术语表中打开',
    seeChapter: '详见{{chapter}}',
    otherLanguage: '英文',
  },
  update: {
    available: '本书有新版本。',
    reload: '重新加载',
    dismiss: '稍后',
    offlineReady: '本书已保存，可离线阅读。',
  },
};

export const strings = { en, zh } as const;

const instance = i18next.createInstance();
void instance.init({
  resources: { en: { translation: en }, zh: { translation: zh } },
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function tFor(lang: Lang): TFunction {
  return instance.getFixedT(lang);
}
