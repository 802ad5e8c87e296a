/**
 * A TeX-like label in SVG text: `h_{t−1}` → h with subscript t−1, `x_t` → x with subscript t,
 * `W_{hn}h` → W with subscript hn followed by h. Enough for the diagrams' symbols without KaTeX.
 */
export interface LabelPiece {
  text: string;
  sub: boolean;
}

export function parseLabel(label: string): LabelPiece[] {
  const out: LabelPiece[] = [];
  let k = 0;
  let plain = '';
  while (k < label.length) {
    const ch = label[k];
    if (ch === '_' && k + 1 < label.length) {
      if (plain) out.push({ text: plain, sub: false });
      plain = '';
      if (label[k + 1] === '{') {
        const end = label.indexOf('}', k + 2);
        const stop = end < 0 ? label.length : end;
        out.push({ text: label.slice(k + 2, stop), sub: true });
        k = stop + 1;
      } else {
        out.push({ text: label[k + 1], sub: true });
        k += 2;
      }
    } else {
      plain += ch;
      k++;
    }
  }
  if (plain) out.push({ text: plain, sub: false });
  return out;
}

/** Plain-text reading of a label for aria: `h_{t−1}` → "h t−1". */
export function labelText(label: string): string {
  return parseLabel(label)
    .map((p) => p.text)
    .join(' ')
    .trim();
}

export interface SvgLabelProps {
  x: number;
  y: number;
  text: string;
  fontSize?: number;
  anchor?: 'start' | 'middle' | 'end';
  fill?: string;
  className?: string;
  fontStyle?: 'normal' | 'italic';
}

export function SvgLabel({
  x,
  y,
  text,
  fontSize = 13,
  anchor = 'middle',
  fill = 'currentColor',
  className,
  fontStyle = 'italic',
}: SvgLabelProps) {
  const pieces = parseLabel(text);
  let shifted = false;
  return (
    <text
      x={x}
      y={y}
      fontSize={fontSize}
      textAnchor={anchor}
      dominantBaseline="central"
      fill={fill}
      className={className}
      fontStyle={fontStyle}
    >
      {pieces.map((p, k) => {
        const dy = p.sub && !shifted ? '0.35em' : !p.sub && shifted ? '-0.35em' : undefined;
        shifted = p.sub;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one fixed label
          <tspan key={k} dy={dy} fontSize={p.sub ? '0.72em' : undefined}>
            {p.text}
          </tspan>
        );
      })}
    </text>
  );
}
