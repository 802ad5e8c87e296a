import { themeCss } from './theme';

const CSS = themeCss();

/**
 * Puts the theme's CSS (custom properties for both themes, `.viz-*` rules) in the document once.
 * React 19 hoists a `<style href precedence>` to <head> and deduplicates it by `href`, so every
 * primitive can render this and the page still gets one copy. The reading app may also inline
 * `themeCss()` in its own stylesheet; the rules are identical.
 */
export function VizStyles() {
  return (
    <style href="unrolled-viz-theme" precedence="default">
      {CSS}
    </style>
  );
}
