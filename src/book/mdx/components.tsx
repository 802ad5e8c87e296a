/** Every component an MDX page may use, registered once: content imports nothing. */
import type { MDXComponents } from 'mdx/types';
import { Link } from 'react-router';
import { Glossary } from '../glossary/Glossary';
import { Term } from '../glossary/Term';
import { Exercise, Exercises, Figure, Hint, Note, Recap, Solution } from './Blocks';
import { Eq, NotationSwitch } from './Eq';
import { Ref } from './Ref';
import { widgetComponents } from './WidgetSlot';

/** Internal links go through the router; external ones open as usual. */
function Anchor({ href = '', ...props }: React.AnchorHTMLAttributes<HTMLAnchorElement>) {
  if (href.startsWith('/')) return <Link to={href} {...props} />;
  return <a href={href} {...props} rel={href.startsWith('http') ? 'noreferrer' : undefined} />;
}

export const mdxComponents: MDXComponents = {
  a: Anchor,
  Eq,
  Ref,
  Note,
  Recap,
  Exercises,
  Exercise,
  Hint,
  Solution,
  Figure,
  Term,
  NotationSwitch,
  Glossary,
  ...widgetComponents,
};
