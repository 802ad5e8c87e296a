declare module 'virtual:book-index' {
  const index: import('./bookIndex').BookIndex;
  export default index;
}
