declare module 'virtual:book-index' {
  import type { BookIndex } from './bookIndex';
  const index: BookIndex;
  export default index;
}
