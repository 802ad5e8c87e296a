declare module 'virtual:book-index' {
  const index: import('./bookIndex').BookIndex;
  export default index;
}

declare module 'virtual:search-index' {
  /** MiniSearch's JSON form of the index over both languages (MiniSearch.loadJS). */
  const index: import('minisearch').AsPlainObject;
  export default index;
}
